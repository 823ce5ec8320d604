// The terminal: whether a descriptor is one, its width, and reading a line with echo off (password
// prompts). Echo is restored when the read ends, and also on Ctrl-C or SIGTERM during it,
// after which the process dies of that signal as it would have without ectl's handling
// (a shell reports 130 or 143). Holds no prompts or messages: those are the CLI's.
#ifndef ECTL_SYS_TERMINAL_H_
#define ECTL_SYS_TERMINAL_H_

#include <istream>
#include <string>

namespace ectl::sys {

bool IsTerminal(int fd);

// The terminal's width in columns, or 0 when fd is not a terminal or does not say.
int TerminalWidth(int fd);

// One line from in, without its line ending ("\n" or "\r\n").
std::string ReadLine(std::istream& in);

// ReadLine with the echo of standard input turned off for the duration; the newline the
// user types is still echoed. Ctrl-C is caught by a SignalWatcher, so call it from the main
// thread before the client exists (as the password prompts are), see signal_watcher.h.
std::string ReadHiddenLine(std::istream& in);

}  // namespace ectl::sys

#endif  // ECTL_SYS_TERMINAL_H_
