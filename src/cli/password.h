// Password input for --user without a password and for `user add` / `user passwd`.
//
// On a terminal the prompt goes to standard error (etcdctl writes it to standard
// output, where it pollutes captured output) and the answer is read with echo off; the
// terminal is restored even when the read is interrupted by Ctrl-C. When standard input
// is not a terminal, one line is read from it without a prompt.
#ifndef ECTL_CLI_PASSWORD_H_
#define ECTL_CLI_PASSWORD_H_

#include <string>

#include "cli/io.h"

namespace ectl::cli {

// One answer, without its line ending. Throws Error(kError, "<reason>") when standard
// input cannot be read at all.
std::string AskPassword(Io& io, const std::string& prompt);

// `user add` / `user passwd`: "Password of <name>: " and the confirmation
// "Type password of <name> again for confirmation: ". Throws Error(kBadArgs) with
// etcdctl's "empty password" / "given passwords are different".
std::string AskNewPassword(Io& io, const std::string& name);

// The content of a password file without its final line ending. Throws
// Error(kBadArgs, "open <path>: <reason>"), and Error(kBadArgs) naming the mode when the
// file is a regular file that group or others may access (mode & 077), as ssh refuses such
// keys. Pipes (`--password-file <(pass show etcd)`) and other special files are read as
// they are.
std::string ReadPasswordFile(const std::string& path);

}  // namespace ectl::cli

#endif  // ECTL_CLI_PASSWORD_H_
