// File system helpers (see file_util.h).
#include "offline/file_util.h"

#include "common/errno_text.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "common/error.h"

namespace ectl::offline {
namespace {

[[noreturn]] void Fail(const std::string& op, const std::string& path, int err) {
  throw Error(ExitCode::kError, op + " " + path + ": " + ErrnoText(err));
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) Fail("open", path, errno);
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    int err = errno;
    ::close(fd_);
    Fail("stat", path, err);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd_);
    throw Error(ExitCode::kError, "read " + path + ": not a regular file");
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ == 0) return;
  void* p = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd_, 0);
  if (p == MAP_FAILED) {
    int err = errno;
    ::close(fd_);
    Fail("mmap", path, err);
  }
  // Both tools read the input front to back once.
  ::madvise(p, size_, MADV_SEQUENTIAL);
  data_ = static_cast<const char*>(p);
}

void MappedFile::Release(size_t offset, size_t length) const {
  // madvise wants a page-aligned start; the partial page before it stays resident.
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t start = offset / page * page;
  if (data_ == nullptr || start >= size_) return;
  length = std::min(length + (offset - start), size_ - start);
  ::madvise(const_cast<char*>(data_) + start, length, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  if (fd_ >= 0) ::close(fd_);
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

void Fd::SyncAndClose(const std::string& path) {
  if (::fsync(fd_) != 0) Fail("sync", path, errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) Fail("close", path, errno);
}

Fd CreateFile(const std::string& path, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) Fail("open", path, errno);
  return Fd(fd);
}

void WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) Fail("write", path, errno);
    data.remove_prefix(static_cast<size_t>(n));
  }
}

void WriteFileSync(const std::string& path, std::string_view data, mode_t mode) {
  Fd fd = CreateFile(path, mode);
  WriteAll(fd.get(), data, path);
  fd.SyncAndClose(path);
}

void MakeDir(const std::string& path, mode_t mode) {
  if (::mkdir(path.c_str(), mode) != 0) Fail("mkdir", path, errno);
}

void SyncDir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) Fail("open", path, errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) Fail("sync", path, err);
}

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

void RemoveAll(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::string DirName(const std::string& path) {
  std::filesystem::path p(path);
  while (p.has_relative_path() && !p.has_filename()) p = p.parent_path();  // "a/b/"
  std::string dir = p.parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string BaseName(const std::string& path) {
  std::filesystem::path p(path);
  while (p.has_relative_path() && !p.has_filename()) p = p.parent_path();
  return p.filename().string();
}

TempDir::TempDir(const std::string& target) : target_(target) {
  // Missing parents are created as etcd creates data dirs (0700).
  std::vector<std::string> missing;
  for (std::string p = DirName(target); !Exists(p); p = DirName(p)) missing.push_back(p);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) MakeDir(*it, 0700);
  std::string pattern = DirName(target) + "/." + BaseName(target) + ".tmp-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) Fail("mkdir", pattern, errno);
  path_ = pattern;  // mkdtemp makes it 0700, the mode etcd wants for data dirs
}

TempDir::~TempDir() {
  if (!committed_) RemoveAll(path_);
}

void TempDir::Commit() {
  // A plain rename(2) would replace an empty directory created meanwhile; refuse instead.
  if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0) {
    int err = errno;
    throw Error(ExitCode::kError,
                "rename " + path_ + " " + target_ + ": " + ErrnoText(err));
  }
  committed_ = true;
  SyncDir(DirName(target_));
}

}  // namespace ectl::offline
