// SHA-256 (FIPS 180-4), incremental; used to verify the checksum etcd appends to a
// snapshot stream.
#ifndef ECTL_CLIENT_SHA256_H_
#define ECTL_CLIENT_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ectl::client {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // The 32-byte digest; the object must not be updated afterwards.
  std::string Final();

 private:
  void Block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_SHA256_H_
