// The bbolt writer, read back by the bbolt reader: empty files, many pages and branch
// levels, overflow pages for large values, inline and nested buckets, meta pages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "offline/bolt_reader.h"
#include "offline/bolt_writer.h"

namespace ectl::offline {
namespace {

// A tree of buckets: values and nested buckets by key (std::map keeps bbolt's order).
struct Tree {
  std::map<std::string, std::string> values;
  std::map<std::string, Tree> buckets;
  bool operator==(const Tree&) const = default;
};

void WriteTree(const Tree& t, BoltWriter& w) {
  auto v = t.values.begin();
  auto b = t.buckets.begin();
  while (v != t.values.end() || b != t.buckets.end()) {
    if (b == t.buckets.end() || (v != t.values.end() && v->first < b->first)) {
      w.Put(v->first, v->second);
      ++v;
    } else {
      w.BeginBucket(b->first);
      WriteTree(b->second, w);
      w.EndBucket();
      ++b;
    }
  }
}

Tree ReadTree(const BoltReader& r, const BucketRef& ref) {
  Tree t;
  r.ForEach(ref, [&](std::string_view k, std::string_view v, bool is_bucket) {
    if (is_bucket) {
      t.buckets[std::string(k)] = ReadTree(r, BoltReader::Child(v));
    } else {
      t.values[std::string(k)] = std::string(v);
    }
  });
  return t;
}

class TempFile {
 public:
  TempFile() {
    char name[] = "/tmp/ectl_bolt_XXXXXX";
    fd_ = mkstemp(name);
    path_ = name;
  }
  ~TempFile() {
    close(fd_);
    unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  std::string Contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  int fd_;
  std::string path_;
};

// prefix + number, built in place (GCC 12 warns spuriously on `"literal" + std::string`).
std::string Name(const char* prefix, int n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

// Writes t as a file, checks its size against Finish(), reads it back.
std::string RoundTrip(const Tree& t, uint64_t txid = 7) {
  TempFile f;
  BoltWriter w(f.fd());
  WriteTree(t, w);
  uint64_t size = w.Finish(txid);
  std::string file = f.Contents();
  EXPECT_EQ(file.size(), size);
  EXPECT_EQ(file.size() % 4096, 0u);
  return file;
}

TEST(BoltWriter, EmptyDatabase) {
  std::string file = RoundTrip({});
  BoltReader r(file);
  EXPECT_EQ(ReadTree(r, r.Root()), Tree{});
  EXPECT_EQ(r.txid(), 7u);
  EXPECT_EQ(file.size(), 3u * 4096);  // two metas and the empty root leaf
}

TEST(BoltWriter, MetaPagesAndInlineBucket) {
  Tree t;
  t.buckets["alarm"];
  t.buckets["meta"].values["consistent_index"] = std::string(7, '\0') + "\x03";
  std::string file = RoundTrip(t, 10);
  BoltReader r(file);
  EXPECT_EQ(ReadTree(r, r.Root()), t);
  // Both metas valid: the older one (txid 9) sits on page 1, the newer on page 0.
  uint64_t tx0, tx1, freelist;
  std::memcpy(&tx0, file.data() + 16 + 48, 8);
  std::memcpy(&tx1, file.data() + 4096 + 16 + 48, 8);
  std::memcpy(&freelist, file.data() + 16 + 32, 8);
  EXPECT_EQ(tx0, 10u);
  EXPECT_EQ(tx1, 9u);
  EXPECT_EQ(freelist, ~uint64_t{0});
  std::string older = file;
  older[16 + 48] = 0;  // break meta 0's checksum: meta 1 must still open
  EXPECT_EQ(BoltReader(older).txid(), 9u);
  // Small buckets are inline (root 0): the whole file is metas plus the root leaf.
  EXPECT_EQ(file.size(), 3u * 4096);
  int inline_buckets = 0;
  r.ForEach(r.Root(), [&](std::string_view, std::string_view v, bool) {
    if (BoltReader::Child(v).root == 0) ++inline_buckets;
  });
  EXPECT_EQ(inline_buckets, 2);
}

TEST(BoltWriter, ManyKeysSpanBranchLevels) {
  Tree t;
  Tree& key = t.buckets["key"];
  // 17-byte revision keys and small values, as etcd's key bucket: three tree levels.
  for (uint64_t rev = 1; rev <= 60000; ++rev) {
    std::string k(17, '\0');
    for (int i = 0; i < 8; ++i) k[7 - i] = static_cast<char>(rev >> (8 * i));
    k[8] = '_';
    key.values[k] = Name("value-", rev);
  }
  std::string file = RoundTrip(t);
  BoltReader r(file);
  EXPECT_EQ(ReadTree(r, r.Root()), t);
  // Packed to 90%: about (16 + 17 + 11) bytes per pair over 3686 per page.
  EXPECT_LT(file.size(), 60000u * 44 / 3600 * 4096 * 11 / 10);
}

TEST(BoltWriter, LargeValuesUseOverflowPages) {
  Tree t;
  Tree& b = t.buckets["big"];
  b.values["a"] = "small";
  b.values["b"] = std::string(10000, 'x');
  b.values["c"] = std::string(5 << 20, 'y');  // 5 MiB
  b.values["d"] = "after";
  for (int i = 0; i < 50; ++i) b.values[Name("e", i)] = std::string(3000, 'z');
  std::string file = RoundTrip(t);
  BoltReader r(file);
  EXPECT_EQ(ReadTree(r, r.Root()), t);
  EXPECT_GT(file.size(), 5u << 20);
}

TEST(BoltWriter, ManyAndNestedBuckets) {
  Tree t;
  for (int i = 0; i < 300; ++i) {
    Tree& b = t.buckets[Name("bucket", 1000 + i)];
    for (int j = 0; j < i % 40; ++j) b.values[Name("k", j)] = std::string(j * 7, 'v');
  }
  Tree& outer = t.buckets["nested"];
  outer.values["a"] = "1";
  outer.buckets["inner"].values["x"] = "2";
  outer.buckets["inner"].buckets["deepest"].values["y"] = std::string(5000, 'd');
  outer.buckets["inner"].buckets["empty"];
  outer.values["z"] = "3";
  t.values["plain"] = "root-level value";
  std::string file = RoundTrip(t);
  BoltReader r(file);
  EXPECT_EQ(ReadTree(r, r.Root()), t);
}

TEST(BoltWriter, CopyBucketRewritesAFileIdentically) {
  Tree t;
  for (int i = 0; i < 2000; ++i) t.buckets["b"].values[Name("k", i)] = std::string(1, 'v');
  t.buckets["n"].buckets["m"].values["x"] = "y";
  std::string first = RoundTrip(t);
  BoltReader r(first);
  TempFile f;
  BoltWriter w(f.fd());
  CopyBucket(r, r.Root(), w);
  w.Finish(r.txid() + 1);
  std::string second = f.Contents();
  // Same layout, only the meta pages differ (txid).
  EXPECT_EQ(first.substr(2 * 4096), second.substr(2 * 4096));
  BoltReader again(second);
  EXPECT_EQ(ReadTree(again, again.Root()), t);
}

TEST(BoltWriter, RejectsUnorderedAndEmptyKeys) {
  TempFile f;
  BoltWriter w(f.fd());
  w.BeginBucket("b");
  w.Put("k2", "v");
  EXPECT_THROW(w.Put("k1", "v"), BoltError);
  EXPECT_THROW(w.Put("k2", "v"), BoltError);
  EXPECT_THROW(w.Put("", "v"), BoltError);
  w.EndBucket();
  EXPECT_THROW(w.BeginBucket("a"), BoltError);
  EXPECT_THROW(w.EndBucket(), BoltError);
}

TEST(BoltReader, RejectsTruncatedFile) {
  Tree t;
  for (int i = 0; i < 5000; ++i) t.buckets["key"].values[Name("k", 100000 + i)] = std::string(1, 'v');
  std::string file = RoundTrip(t);
  std::string cut = file.substr(0, file.size() / 2);
  auto walk = [&] {
    BoltReader r(cut);
    ReadTree(r, r.Root());
  };
  EXPECT_THROW(walk(), BoltError);
}

}  // namespace
}  // namespace ectl::offline
