/* Benchmark helper: run one command, then write its wall time and peak
 * resident set to a file.  bench/run.sh builds and uses it instead of
 * /usr/bin/time, for millisecond resolution and one dependency less.
 * It only measures: the command's stdin/stdout/stderr and environment are
 * passed through untouched, and nothing here knows about the workloads.
 *
 * Usage: measure [-t SECONDS] RESULT_FILE COMMAND [ARGS...]
 * RESULT_FILE gets one line "SECONDS PEAK_RSS_KIB", e.g. "0.412 1536".
 * The exit status is the command's, or 128+N if signal N killed it, or 124
 * if it ran longer than -t SECONDS and was killed (a hung detector must
 * not hang the whole benchmark). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile sig_atomic_t timed_out;
static volatile pid_t child;

/* Kill from the handler itself (kill is async-signal-safe): setting a flag
 * for the wait loop would miss an alarm that lands just before wait4. */
static void on_alarm(int sig) {
  (void)sig;
  timed_out = 1;
  kill(child, SIGKILL);
}

int main(int argc, char **argv) {
  unsigned timeout = 0;
  if (argc > 2 && strcmp(argv[1], "-t") == 0) {
    timeout = (unsigned)strtoul(argv[2], NULL, 10);
    argc -= 2;
    argv += 2;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: measure [-t SECONDS] RESULT_FILE COMMAND [ARGS...]\n");
    return 2;
  }
  struct sigaction sa = {.sa_handler = on_alarm};
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, NULL);

  double start = now();
  pid_t pid = fork();
  if (pid < 0) {
    perror("measure: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "measure: cannot run %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  child = pid;
  alarm(timeout); /* 0: no limit */
  int status;
  struct rusage ru;
  /* wait4 gives the rusage of this child alone (ru_maxrss in KiB), not a
   * maximum over every child this process ever had. */
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      perror("measure: wait4");
      return 2;
    }
  }
  double elapsed = now() - start;

  FILE *out = fopen(argv[1], "w");
  if (!out || fprintf(out, "%.3f %ld\n", elapsed, ru.ru_maxrss) < 0 ||
      fclose(out) != 0) {
    perror("measure: writing the result");
    return 2;
  }
  if (timed_out) {
    fprintf(stderr, "measure: %s ran longer than %u s and was killed\n",
            argv[2], timeout);
    return 124;
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
