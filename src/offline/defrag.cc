// Offline defragmentation (see defrag.h).
#include "common/errno_text.h"
#include "offline/defrag.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <memory>

#include "common/error.h"
#include "offline/bolt_reader.h"
#include "offline/bolt_writer.h"
#include "offline/file_util.h"
#include "offline/stop.h"

namespace ectl::offline {
namespace {

[[noreturn]] void Fail(const std::string& message) { throw Error(ExitCode::kError, message); }

// Removes the temporary file unless it was renamed into place.
class TempFile {
 public:
  explicit TempFile(const std::string& dir) : path_(dir + "/db.tmp.XXXXXX") {
    // etcd deletes leftover db.tmp* files when it starts, so a crash leaves no litter
    // for long; mkstemp creates the file with mode 0600.
    int fd = ::mkstemp(path_.data());
    if (fd < 0) Fail("open " + path_ + ": " + ErrnoText(errno));
    fd_ = std::make_unique<Fd>(fd);
  }
  ~TempFile() {
    fd_.reset();
    if (!kept_) ::unlink(path_.c_str());
  }
  [[nodiscard]] int fd() const { return fd_->get(); }
  [[nodiscard]] const std::string& path() const { return path_; }
  void SyncAndClose() { fd_->SyncAndClose(path_); }
  void Keep() { kept_ = true; }

 private:
  std::string path_;
  std::unique_ptr<Fd> fd_;
  bool kept_ = false;
};

}  // namespace

std::string DataDirDb(const std::string& data_dir) { return data_dir + "/member/snap/db"; }

void Defrag(const std::string& data_dir, const StopRequested& stop) {
  std::string path = DataDirDb(data_dir);
  MappedFile db(path);
  // A running etcd holds an exclusive lock on its db; never rewrite it under etcd.
  if (::flock(db.fd(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) Fail("database " + path + " is in use (is etcd still running?)");
    Fail("lock " + path + ": " + ErrnoText(errno));
  }
  try {
    BoltReader in = BoltReader::View(db.data());
    TempFile tmp(DirName(path));
    BoltWriter out(tmp.fd(), in.page_size());
    // Keeps the input's pages from piling up in the RSS (see MappedFile::Release).
    out.OnFlush([&db, &stop, chunks = 0]() mutable {
      if (++chunks % 32 == 0) db.Release();
      CheckStop(stop);
    });
    in.ForEach(in.Root(), [&](std::string_view name, std::string_view value, bool is_bucket) {
      if (!is_bucket) Fail("backend: cannot defrag bucket " + std::string(name));
      out.BeginBucket(name);
      CopyBucket(in, BoltReader::Child(value), out);
      out.EndBucket();
    });
    uint64_t size = out.Finish(in.txid() + 1);
    tmp.SyncAndClose();
    CheckStop(stop);
    // A file that was already compact may come out a page or two larger with this
    // packing; then the original is the better result and stays.
    if (size > db.data().size()) return;
    if (::rename(tmp.path().c_str(), path.c_str()) != 0) {
      Fail("rename " + tmp.path() + " " + path + ": " + ErrnoText(errno));
    }
    tmp.Keep();
    SyncDir(DirName(path));
  } catch (const BoltError& e) {
    Fail(e.what());
  }
}

}  // namespace ectl::offline
