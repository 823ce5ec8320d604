// ErrnoText: an errno value in the words Go's syscall package uses for it ("no such file
// or directory", "permission denied"), which etcdctl prints after "open <path>: " and the
// like. Holds no other error formatting; callers add their own prefixes.
#ifndef ECTL_COMMON_ERRNO_TEXT_H_
#define ECTL_COMMON_ERRNO_TEXT_H_

#include <string>

namespace ectl {

// Go's Errno.Error(): the C library's description with a lower-case first letter.
std::string ErrnoText(int err);

}  // namespace ectl

#endif  // ECTL_COMMON_ERRNO_TEXT_H_
