// SHA-256 and SHA-1 through OpenSSL's EVP interface. SHA-256 verifies the trailer etcd
// appends to a snapshot; SHA-1 derives member and cluster IDs as etcd does.
#ifndef ECTL_OFFLINE_DIGEST_H_
#define ECTL_OFFLINE_DIGEST_H_

#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace ectl::offline {

// Incremental SHA-256; Final() returns the 32-byte digest and ends the object's use.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view data);
  std::string Final();

 private:
  evp_md_ctx_st* ctx_;
};

// The 20-byte SHA-1 digest of data.
std::string Sha1(std::string_view data);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_DIGEST_H_
