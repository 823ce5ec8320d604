// snapshot restore (see restore.h).
#include "common/errno_text.h"
#include "offline/restore.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <vector>

#include "common/error.h"
#include "offline/bolt_reader.h"
#include "offline/bolt_writer.h"
#include "offline/digest.h"
#include "offline/file_util.h"
#include "offline/stop.h"
#include "offline/membership.h"
#include "offline/raft_files.h"

namespace ectl::offline {
namespace {

constexpr size_t kHashSize = 32;
constexpr std::string_view kConsistentIndex = "consistent_index";
// The input's mapped pages are dropped every this many written chunks (~32 MiB), which
// keeps the peak RSS of a large restore near the writer's own buffers.
constexpr int kReleaseEveryChunks = 32;
constexpr size_t kHashWindow = 32 << 20;

[[noreturn]] void Fail(const std::string& message) { throw Error(ExitCode::kError, message); }

// Go's %v of a byte slice: "[1 2 3]".
std::string GoBytes(std::string_view b) {
  std::string s = "[";
  for (size_t i = 0; i < b.size(); ++i) {
    if (i > 0) s += ' ';
    s += std::to_string(static_cast<unsigned char>(b[i]));
  }
  return s + "]";
}

std::string BigEndian64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) s[i] = static_cast<char>(v & 0xff);
  return s;
}

// The database part of the snapshot, its trailer checked unless skip_hash_check.
std::string_view CheckedDb(const MappedFile& mapped, const std::string& path, bool skip_hash_check,
                           const StopRequested& stop) {
  std::string_view file = mapped.data();
  if (file.size() < kHashSize) Fail("seek " + path + ": invalid argument");
  // A bbolt file is a whole number of pages; etcd's snapshot stream appends a SHA-256.
  bool has_hash = file.size() % 512 == kHashSize;
  if (!has_hash) {
    if (!skip_hash_check) Fail("snapshot missing hash but --skip-hash-check=false");
    return file;
  }
  std::string_view db = file.substr(0, file.size() - kHashSize);
  if (!skip_hash_check) {
    Sha256 sha;
    for (size_t at = 0; at < db.size(); at += kHashWindow) {
      CheckStop(stop);
      sha.Update(db.substr(at, kHashWindow));
      mapped.Release(at, kHashWindow);
    }
    std::string got = sha.Final();
    std::string_view want = file.substr(db.size());
    if (got != want) Fail("expected sha256 " + GoBytes(want) + ", got " + GoBytes(got));
  }
  return db;
}

struct RootEntry {
  std::string name;
  std::string_view value;
  bool is_bucket = true;
  bool present = true;
};

// Copies the snapshot's buckets into a new bbolt file, with the edits a restored member
// needs: consistent_index = n (the applied index of the bootstrap entries), the old
// cluster's members dropped, and the buckets the server expects created if missing.
void WriteDb(const BoltReader& in, const MappedFile& file, const std::string& path, uint64_t n,
             const StopRequested& stop) {
  std::vector<RootEntry> root;
  in.ForEach(in.Root(), [&](std::string_view k, std::string_view v, bool is_bucket) {
    root.push_back({std::string(k), v, is_bucket, true});
  });
  for (const char* required : {"key", "lease", "meta"}) {
    bool found = std::any_of(root.begin(), root.end(),
                             [&](const RootEntry& e) { return e.name == required; });
    if (!found) root.push_back({required, {}, true, false});
  }
  std::sort(root.begin(), root.end(),
            [](const RootEntry& a, const RootEntry& b) { return a.name < b.name; });

  Fd fd = CreateFile(path, 0600);
  BoltWriter out(fd.get(), in.page_size());
  out.OnFlush([&file, &stop, chunks = 0]() mutable {
    if (++chunks % kReleaseEveryChunks == 0) file.Release();
    CheckStop(stop);
  });
  for (const RootEntry& e : root) {
    if (!e.is_bucket) {
      out.Put(e.name, e.value);
      continue;
    }
    out.BeginBucket(e.name);
    if (e.name == "members" || e.name == "members_removed") {
      // The old cluster's membership; the restored one lives in the WAL and .snap.
    } else if (e.name == "meta") {
      bool written = false;
      auto write_index = [&] {
        out.Put(kConsistentIndex, BigEndian64(n));
        written = true;
      };
      if (e.present) {
        in.ForEach(BoltReader::Child(e.value), [&](std::string_view k, std::string_view v, bool b) {
          if (!written && k >= kConsistentIndex) write_index();
          if (k == kConsistentIndex) return;
          if (b) {
            out.BeginBucket(k);
            CopyBucket(in, BoltReader::Child(v), out);
            out.EndBucket();
          } else {
            out.Put(k, v);
          }
        });
      }
      if (!written) write_index();
    } else if (e.present) {
      CopyBucket(in, BoltReader::Child(e.value), out);
    }
    out.EndBucket();
  }
  out.Finish(std::max<uint64_t>(in.txid() + 1, 2));
  fd.SyncAndClose(path);
}

// Creates the WAL directory `dir` holding the first segment, preallocated as etcd does.
void WriteWalDir(const std::string& dir, const Membership& m) {
  MakeDir(dir, 0700);
  std::string path = dir + "/" + std::string(kFirstWalName);
  Fd fd = CreateFile(path, 0600);
  WriteAll(fd.get(), RestoreWal(m), path);
  // etcd preallocates segments; readers stop at the first zero length field.
  int rc = ::posix_fallocate(fd.get(), 0, static_cast<off_t>(kWalSegmentBytes));
  if (rc != 0 && ::ftruncate(fd.get(), static_cast<off_t>(kWalSegmentBytes)) != 0) {
    throw Error(ExitCode::kError, "fallocate " + path + ": " + ErrnoText(errno));
  }
  fd.SyncAndClose(path);
  SyncDir(dir);
}

// The path of `inner` relative to `outer` when it lies inside it (compared lexically, so
// "./d/wal" is inside "d"), else nothing.
std::optional<std::string> RelativeInside(const std::string& outer, const std::string& inner) {
  std::filesystem::path o = std::filesystem::path(outer).lexically_normal();
  std::filesystem::path i = std::filesystem::path(inner).lexically_normal();
  std::filesystem::path rel = i.lexically_relative(o);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return std::nullopt;
  return rel.string();
}

}  // namespace

void Restore(const RestoreOptions& o) {
  std::string data_dir = o.data_dir.empty() ? o.name + ".etcd" : o.data_dir;
  Membership m = BuildMembership(o.name, o.initial_cluster, o.initial_cluster_token,
                                 o.initial_advertise_peer_urls);
  if (Exists(data_dir)) Fail("data-dir \"" + data_dir + "\" exists");
  if (!o.wal_dir.empty() && Exists(o.wal_dir)) Fail("wal-dir \"" + o.wal_dir + "\" exists");

  MappedFile file(o.snapshot_path);
  std::string_view db = CheckedDb(file, o.snapshot_path, o.skip_hash_check, o.stop);
  std::optional<BoltReader> in;
  try {
    in.emplace(BoltReader::View(db));
  } catch (const BoltError& e) {
    Fail("snapshot " + o.snapshot_path + " is not a valid database: " + e.what());
  }

  TempDir data(data_dir);
  MakeDir(data.path() + "/member", 0700);
  MakeDir(data.path() + "/member/snap", 0700);
  try {
    WriteDb(*in, file, data.path() + "/member/snap/db", m.members.size(), o.stop);
  } catch (const BoltError& e) {
    Fail("snapshot " + o.snapshot_path + " is not a valid database: " + e.what());
  }
  WriteFileSync(data.path() + "/member/snap/" + RestoreSnapName(m), RestoreSnap(m), 0666);
  SyncDir(data.path() + "/member/snap");

  // The WAL goes inside the new data dir unless --wal-dir points elsewhere; then it is
  // built beside its own target and renamed first.
  std::optional<std::string> wal_inside =
      o.wal_dir.empty() ? std::optional<std::string>("member/wal") : RelativeInside(data_dir, o.wal_dir);
  std::optional<TempDir> wal;
  if (wal_inside) {
    std::string dir = data.path() + "/" + *wal_inside;
    // An explicit --wal-dir deeper inside the data dir needs its parents.
    std::string parent = DirName(dir);
    std::vector<std::string> missing;
    for (std::string p = parent; !Exists(p); p = DirName(p)) missing.push_back(p);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) MakeDir(*it, 0700);
    WriteWalDir(dir, m);
  } else {
    wal.emplace(o.wal_dir);
    WriteWalDir(wal->path() + "/wal", m);
  }
  SyncDir(data.path() + "/member");
  SyncDir(data.path());
  CheckStop(o.stop);  // the last point where giving up leaves nothing behind

  if (wal) {
    // The temp dir holds `wal`; move that into place and let the temp dir go.
    std::string from = wal->path() + "/wal";
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, o.wal_dir.c_str(), RENAME_NOREPLACE) != 0) {
      Fail("rename " + from + " " + o.wal_dir + ": " + ErrnoText(errno));
    }
    SyncDir(DirName(o.wal_dir));
  }
  try {
    data.Commit();
  } catch (...) {
    if (wal) RemoveAll(o.wal_dir);
    throw;
  }
}

}  // namespace ectl::offline
