// Runs one command and reports its wall time and peak RSS; bench.py compiles and uses it.
//
//   measure STDIN_FILE STDERR_FILE PROGRAM [ARG...]
//
// Runs PROGRAM (a path, not searched in PATH) with stdin from STDIN_FILE, stdout to /dev/null and
// stderr to STDERR_FILE, then prints "<wall ns> <ru_maxrss KiB> <exit code>" on stdout (exit
// code 128+N if the command was killed by signal N). Exits 2 if it cannot run the command.
//
// Why not spawn from Python: until exec, a child shares (vfork, posix_spawn) or copies (fork)
// its parent's address space, and Linux folds that space's peak RSS into the child's ru_maxrss.
// From Python that floor is tens of MiB and grows with the benchmark's own data; from this small
// process it is about 1 MiB.
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long NowNs(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s STDIN_FILE STDERR_FILE PROGRAM [ARG...]\n", argv[0]);
    return 2;
  }
  int in = open(argv[1], O_RDONLY | O_CLOEXEC);
  int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
  int err = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (in < 0 || out < 0 || err < 0) {
    perror("measure: open");
    return 2;
  }

  long long start = NowNs();
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
    execv(argv[3], argv + 3);
    perror(argv[3]);  // goes to STDERR_FILE
    _exit(127);
  }
  int status;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) < 0) {
    perror("measure: wait4");
    return 2;
  }
  long long elapsed = NowNs() - start;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  printf("%lld %ld %d\n", elapsed, usage.ru_maxrss, code);
  return 0;
}
