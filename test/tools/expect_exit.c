/* expect_exit: the suite's exit-status checker.
 *
 *   expect_exit [--timeout=SECONDS] STATUS COMMAND [ARGS...]
 *
 * Runs COMMAND with inherited stdin/stdout/stderr and succeeds (exit 0)
 * only if COMMAND exits normally with exactly STATUS.  Anything else (other
 * status, death by signal, running past the timeout) prints one line on
 * stderr saying what happened and exits 1.  lit's `not` only knows "zero"
 * and "non-zero", which cannot tell weft's report status 66 from a crash.
 * The timeout makes a hung program fail its test instead of stalling the
 * suite, without lit's psutil-based timeout.
 * Test plumbing only: not installed, never linked with weft. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig) {
  (void)sig;
  timed_out = 1;
}

static void usage(void) {
  fprintf(stderr, "usage: expect_exit [--timeout=SECONDS] STATUS COMMAND [ARGS...]\n");
  exit(2);
}

static long parse_number(const char *s) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end) usage();
  return v;
}

int main(int argc, char **argv) {
  int i = 1;
  long timeout = 0;
  /* Repeatable, the last one wins: a test that is slow by design adds its
   * own limit after the suite's (%expect-exit --timeout=600 66 %t). */
  while (i < argc && strncmp(argv[i], "--timeout=", 10) == 0)
    timeout = parse_number(argv[i++] + 10);
  if (argc - i < 2) usage();
  long want = parse_number(argv[i++]);
  char **cmd = argv + i;

  pid_t pid = fork();
  if (pid < 0) {
    perror("expect_exit: fork");
    return 1;
  }
  if (pid == 0) {
    execvp(cmd[0], cmd);
    fprintf(stderr, "expect_exit: cannot run %s: %s\n", cmd[0], strerror(errno));
    _exit(127);
  }

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm; /* no SA_RESTART: waitpid must return EINTR */
  sigaction(SIGALRM, &sa, NULL);
  if (timeout > 0) alarm((unsigned)timeout);

  int status;
  for (;;) {
    if (waitpid(pid, &status, 0) == pid) break;
    if (errno != EINTR) {
      perror("expect_exit: waitpid");
      return 1;
    }
    if (timed_out) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      fprintf(stderr, "expect_exit: %s still running after %ld s, killed\n", cmd[0],
              timeout);
      return 1;
    }
  }
  alarm(0);

  if (WIFEXITED(status)) {
    if (WEXITSTATUS(status) == want) return 0;
    fprintf(stderr, "expect_exit: %s exited with status %d, expected %ld\n", cmd[0],
            WEXITSTATUS(status), want);
    return 1;
  }
  if (WIFSIGNALED(status)) {
    fprintf(stderr, "expect_exit: %s killed by signal %d (%s), expected status %ld\n",
            cmd[0], WTERMSIG(status), strsignal(WTERMSIG(status)), want);
    return 1;
  }
  fprintf(stderr, "expect_exit: %s ended with wait status 0x%x\n", cmd[0], status);
  return 1;
}
