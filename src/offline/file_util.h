// File system helpers for the offline tools: a read-only mapping of an input file,
// durable writes (write, fsync file, fsync directory), and a temporary directory that
// is removed unless the work it holds was committed by a rename.
#ifndef ECTL_OFFLINE_FILE_UTIL_H_
#define ECTL_OFFLINE_FILE_UTIL_H_

#include <sys/types.h>

#include <string>
#include <string_view>

namespace ectl::offline {

// A whole file mapped read-only; throws Error "open <path>: <reason>".
class MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  [[nodiscard]] std::string_view data() const { return {data_, size_}; }
  [[nodiscard]] int fd() const { return fd_; }
  // Drops the mapping's resident pages (they fault in again from the page cache if read),
  // so a pass over a large file does not keep all of it in the process's RSS.
  void Release() const { Release(0, size_); }
  void Release(size_t offset, size_t length) const;

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// An open file descriptor closed on destruction.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  // fsync then close, reporting either failure for path.
  void SyncAndClose(const std::string& path);

 private:
  int fd_;
};

// Creates path (must not exist) with mode; throws Error.
Fd CreateFile(const std::string& path, mode_t mode);
void WriteAll(int fd, std::string_view data, const std::string& path);
// Creates path with mode, writes data, fsyncs it.
void WriteFileSync(const std::string& path, std::string_view data, mode_t mode);
void MakeDir(const std::string& path, mode_t mode);
void SyncDir(const std::string& path);
bool Exists(const std::string& path);
// Removes a file or a directory tree; errors are ignored (cleanup paths).
void RemoveAll(const std::string& path);
// The directory part of path ("." when none) and the last element.
std::string DirName(const std::string& path);
std::string BaseName(const std::string& path);

// A fresh directory beside `target` (same file system, so it can be renamed onto it).
// Removed with its content on destruction unless Commit() renamed it to target.
class TempDir {
 public:
  explicit TempDir(const std::string& target);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  // Renames the directory to the target (which must not exist) and syncs the parent.
  void Commit();

 private:
  std::string target_;
  std::string path_;
  bool committed_ = false;
};

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_FILE_UTIL_H_
