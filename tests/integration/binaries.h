// Paths of the binaries the integration tests drive, fixed at build time by
// tests/integration/CMakeLists.txt (the built ectl, and the etcd server and
// etcdctl 3.4 oracle found on PATH).

#ifndef ECTL_TESTS_INTEGRATION_BINARIES_H_
#define ECTL_TESTS_INTEGRATION_BINARIES_H_

#if !defined(ECTL_BINARY) || !defined(ETCDCTL_BINARY) || !defined(ETCD_BINARY)
#error \
    "ECTL_BINARY, ETCDCTL_BINARY and ETCD_BINARY must be defined by the build"
#endif

namespace ectl::integration {

inline constexpr const char* kEctlBinary = ECTL_BINARY;
inline constexpr const char* kEtcdctlBinary = ETCDCTL_BINARY;
inline constexpr const char* kEtcdBinary = ETCD_BINARY;

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_BINARIES_H_
