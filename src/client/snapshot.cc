#include "client/snapshot.h"

#include <fcntl.h>
#include <grpcpp/grpcpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <cstring>
#include <fstream>
#include <sstream>

#include "client/client.h"
#include "client/rpc_error.h"
#include "common/errno_text.h"
#include "common/error.h"
#include "etcdserverpb/rpc.grpc.pb.h"
#include "offline/bolt_reader.h"
#include "offline/crc32c.h"
#include "offline/digest.h"
#include "offline/file_util.h"

namespace ectl::client {
namespace {

using offline::BoltError;
using offline::BoltReader;
using offline::Crc32c;
using offline::Sha256;

constexpr size_t kShaSize = 32;

// Removes the partial file unless released (etcdctl removes it on every exit path).
class PartFile {
 public:
  explicit PartFile(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      throw SnapshotError("could not open " + path_ + " (open " + path_ + ": " +
                          ErrnoText(errno) + ")");
    }
  }
  ~PartFile() {
    if (fd_ >= 0) ::close(fd_);
    ::unlink(path_.c_str());
  }
  void Write(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw SnapshotError("write " + path_ + ": " + ErrnoText(errno));
      data.remove_prefix(static_cast<size_t>(n));
    }
  }
  void SyncAndClose() {
    if (::fsync(fd_) != 0) throw SnapshotError("sync " + path_ + ": " + ErrnoText(errno));
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw SnapshotError("close " + path_ + ": " + ErrnoText(errno));
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

void SnapshotCancel::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  cancelled_ = true;
  if (ctx_ != nullptr) ctx_->TryCancel();
}

void SaveSnapshot(const Client& client, const std::string& path, std::optional<Duration> timeout,
                  const std::function<void(uint64_t, uint64_t)>& progress,
                  SnapshotCancel* cancel) {
  PartFile part(path + ".part");
  auto stub = etcdserverpb::Maintenance::NewStub(client.channel());
  auto ctx = client.NewContext(timeout);
  if (cancel != nullptr) {
    std::lock_guard<std::mutex> lock(cancel->mu_);
    if (cancel->cancelled_) throw SnapshotError("context canceled");
    cancel->ctx_ = ctx.get();
  }
  auto reader = stub->Snapshot(ctx.get(), etcdserverpb::SnapshotRequest());
  etcdserverpb::SnapshotResponse response;
  Sha256 sha;
  std::string tail;  // the last (up to) 32 bytes, not yet hashed: maybe the trailer
  uint64_t size = 0;
  while (reader->Read(&response)) {
    const std::string& blob = response.blob();
    part.Write(blob);
    size += blob.size();
    tail += blob;
    if (tail.size() > kShaSize) {
      sha.Update(std::string_view(tail).substr(0, tail.size() - kShaSize));
      tail.erase(0, tail.size() - kShaSize);
    }
    if (progress) progress(size, response.remaining_bytes());
  }
  grpc::Status status = reader->Finish();
  if (cancel != nullptr) {
    std::lock_guard<std::mutex> lock(cancel->mu_);
    cancel->ctx_ = nullptr;
    if (cancel->cancelled_) throw SnapshotError("context canceled");
  }
  if (!status.ok()) ThrowStatus(status);
  // etcd appends the SHA-256 of the database, whose size is a multiple of its page
  // size; etcdctl checks only the size, ectl also the digest.
  if (size % 512 != kShaSize) {
    throw SnapshotError("sha256 checksum not found [bytes: " + std::to_string(size) + "]");
  }
  if (sha.Final() != tail) throw SnapshotError("sha256 checksum mismatch [bytes: " +
                                               std::to_string(size) + "]");
  part.SyncAndClose();
  if (::rename(part.path().c_str(), path.c_str()) != 0) {
    int err = errno;
    throw SnapshotError("could not rename " + part.path() + " to " + path + " (rename " +
                        part.path() + " " + path + ": " + ErrnoText(err) + ")");
  }
}

SnapshotFileStatus ReadSnapshotStatus(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw SnapshotError("stat " + path + ": " + ErrnoText(errno));
  }
  SnapshotFileStatus s;
  try {
    // Mapped, not read: a large snapshot is never held in memory, let alone twice.
    std::optional<offline::MappedFile> file;
    if (st.st_size > 0) file.emplace(path);
    BoltReader db = file ? BoltReader::View(file->data()) : BoltReader(std::string());
    s.total_size = db.Size();
    uint32_t crc = 0;
    bool key_bucket = false;
    db.Walk(
        [&](std::string_view bucket) {
          crc = Crc32c(crc, bucket);
          key_bucket = bucket == "key";
        },
        [&](std::string_view k, std::string_view v) {
          crc = Crc32c(Crc32c(crc, k), v);
          // Keys of the "key" bucket start with the 8-byte big-endian main revision.
          if (key_bucket && k.size() >= 8) {
            uint64_t rev = 0;
            for (int i = 0; i < 8; ++i) rev = rev << 8 | static_cast<unsigned char>(k[i]);
            s.revision = static_cast<int64_t>(rev);
          }
          ++s.total_key;
        });
    s.hash = crc;
  } catch (const BoltError& e) {
    throw SnapshotError(e.what());
  } catch (const Error& e) {  // the file could not be opened or mapped
    throw SnapshotError(e.what());
  }
  return s;
}

}  // namespace ectl::client
