/* Where the runtime writes: the log_path option turned into a file
 * descriptor.  Reports go to wt_report_fd(); the runtime's other notes
 * ("weft: reported N warnings", statistics) go to wt_log_fd(), which is
 * the same place for text reports and standard error for JSON, so a JSON
 * log holds nothing but JSON Lines.  Nothing here formats anything.
 *
 * A log file is PATH.<pid>, one per process, opened at start-up (a path
 * that cannot be used stops the program before it runs, exit 2) and by a
 * forked child at its first write.  It is opened safely, since PATH may
 * be in a shared directory such as /tmp:
 *  - O_NOFOLLOW: a symlink planted at the name is refused, not followed;
 *    a FIFO or device is refused without blocking in open (O_NONBLOCK);
 *  - created with mode 0600 (owner only);
 *  - an existing file (a stale log of an earlier process with the same
 *    pid) is appended to, never truncated, and only if it is a regular
 *    file owned by us with a single link; anything else is refused.
 *    O_EXCL would refuse stale logs too and turn pid reuse between CI
 *    runs into failures; the checks keep what O_EXCL protects against;
 *  - O_APPEND, and every report is one write(2), so nothing interleaves;
 *  - no stdio buffering: a report written survives a later crash.
 * A program that closes descriptors it did not open (daemons do) may
 * close or reuse ours: before each write the descriptor is checked to
 * still be our file and reopened if not, so reports never land in the
 * program's own files. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static struct {
  int fd;            /* -1: no file (stderr or stdout is used) */
  int pid;           /* the process the file belongs to */
  dev_t dev;
  ino_t ino;
  char name[4096];
} L = {.fd = -1};
static int std_fd = 2;       /* log_path=stderr or stdout */
static bool to_file;         /* log_path names a file */
/* Holds the holder's pid: a child forked while another thread of the
 * parent held it takes it over instead of waiting forever. */
static _Atomic int lock_pid;

static void log_lock(int me) {
  wt_spins_held++;
  for (;;) {
    int v = 0;
    if (atomic_compare_exchange_weak_explicit(&lock_pid, &v, me, memory_order_acquire,
                                              memory_order_relaxed))
      return;
    if (v != 0 && v != me &&
        atomic_compare_exchange_strong_explicit(&lock_pid, &v, me, memory_order_acquire,
                                                memory_order_relaxed))
      return;
    __builtin_ia32_pause();
  }
}

static void log_unlock(void) {
  atomic_store_explicit(&lock_pid, 0, memory_order_release);
  wt_spins_held--;
}

/* Opens PATH.<pid>; returns an error message, or 0. */
static const char *open_log(int pid) {
  int n = wt_snprintf(L.name, sizeof L.name, "%s.%d", wt_opt_log_path, pid);
  if (n < 0 || (size_t)n >= sizeof L.name) return "the path is too long";
  /* O_NONBLOCK: a FIFO planted at the name must not block the open (it
   * is refused below); dropped again once the file is known regular. */
  int fd = (int)syscall(SYS_openat, AT_FDCWD, L.name,
                        O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY |
                            O_NONBLOCK,
                        0600);
  if (fd < 0) {
    if (errno == ELOOP) return "it is a symbolic link (weft does not follow links for its log)";
    if (errno == EISDIR || errno == ENXIO) return "it is not a regular file";
    return strerror(errno);
  }
  struct stat st;
  const char *err = 0;
  if (syscall(SYS_fstat, fd, &st) != 0) err = strerror(errno);
  else if (!S_ISREG(st.st_mode)) err = "it is not a regular file";
  else if (st.st_uid != geteuid()) err = "it belongs to another user";
  else if (st.st_nlink != 1) err = "it has other hard links";
  else if (syscall(SYS_fcntl, fd, F_SETFL, O_WRONLY | O_APPEND) != 0) err = strerror(errno);
  if (err) {
    syscall(SYS_close, fd);
    return err;
  }
  L.fd = fd;
  L.pid = pid;
  L.dev = st.st_dev;
  L.ino = st.st_ino;
  return 0;
}

static bool still_ours(int fd) {
  struct stat st;
  return fd >= 0 && syscall(SYS_fstat, fd, &st) == 0 && st.st_dev == L.dev &&
         st.st_ino == L.ino;
}

void wt_log_open(void) {
  const char *p = wt_opt_log_path;
  if (!wt_strcmp(p, "stderr")) return;
  if (!wt_strcmp(p, "stdout")) {
    std_fd = 1;
    return;
  }
  if (!*p) wt_die("WEFT_OPTIONS: log_path is empty (use stderr, stdout or a path)");
  to_file = true;
  const char *err = open_log(wt_getpid());
  if (err) wt_die("log_path: cannot use %s as the log: %s", L.name, err);
}

int wt_report_fd(void) {
  if (!to_file) return std_fd;
  int me = wt_getpid();
  log_lock(me);
  if (L.pid != me) {
    /* A forked child: the parent's file stays the parent's. */
    if (still_ours(L.fd)) syscall(SYS_close, L.fd);
    L.fd = -1;
    const char *err = open_log(me);
    if (err) {
      L.pid = me;
      log_unlock();
      static const char note[] = "weft: cannot open the log file; writing to stderr\n";
      wt_write_all(2, note, sizeof note - 1);
      return 2;
    }
  } else if (L.fd >= 0 && !still_ours(L.fd)) {
    /* The program closed our descriptor (the number may be reused). */
    const char *err = open_log(me);
    if (err) L.fd = -1;
  }
  int fd = L.fd >= 0 ? L.fd : 2;
  log_unlock();
  return fd;
}

int wt_log_fd(void) { return wt_opt_report_format == WT_FORMAT_JSON ? 2 : wt_report_fd(); }
