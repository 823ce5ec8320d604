// EVP-backed digests (see digest.h).
#include "offline/digest.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace ectl::offline {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    throw std::runtime_error("sha256: cannot initialise digest");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::Update(std::string_view data) {
  EVP_DigestUpdate(ctx_, data.data(), data.size());
}

std::string Sha256::Final() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Sha1(std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, EVP_sha1(), nullptr) != 1) {
    throw std::runtime_error("sha1: digest failed");
  }
  return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace ectl::offline
