/* Interceptors of the calls that make, copy, close and use file
 * descriptors, and of the buffers that I/O reads and writes.  What an fd
 * orders is decided in fd.c; here each call says which fds it made or
 * used and which bytes of the caller's memory it touched:
 *  - data leaving (write, send, ...) reads its buffer, then releases into
 *    the fd, before the real call: the peer may read it at once;
 *  - data arriving (read, recv, ...) acquires from the fd and then writes
 *    the bytes that arrived, after the real call;
 *  - connect releases into the socket, accept acquires from it;
 *  - epoll_ctl releases into the epoll fd and epoll_wait acquires from it;
 *    poll and select acquire from every fd they report ready;
 *  - timerfd_settime releases into the timer, whose read acquires;
 *  - a signalfd's read acquires the signals it returns, as a handler
 *    for them would (intercept/signal.c);
 *  - sendfile, splice, tee and copy_file_range acquire from the fd they
 *    read and release into the fd they write.
 * Buffers are checked at the size actually moved, as an access of the
 * interceptor called from its caller (the function shows as the top
 * frame of the stack).  errno is the real call's. */
#include "intercept.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

static bool modelled(wt_thread *t) { return !t->in_rt && !t->ignore; }

/* A buffer the call read (write = false) or filled. */
static void buffer(wt_thread *t, const void *p, size_t n, bool write, uintptr_t pc,
                   void *fn) {
  if (!n || !p || !modelled(t)) return;
  wt_access_range_in(t, (uintptr_t)p, n, write, pc, fn);
}

/* The first n bytes of an iovec array. */
static void iov_buffer(wt_thread *t, const struct iovec *iov, int cnt, size_t n, bool write,
                       uintptr_t pc, void *fn) {
  for (int i = 0; i < cnt && n > 0; i++) {
    size_t k = iov[i].iov_len < n ? iov[i].iov_len : n;
    buffer(t, iov[i].iov_base, k, write, pc, fn);
    n -= k;
  }
}

static size_t iov_total(const struct iovec *iov, int cnt) {
  size_t n = 0;
  for (int i = 0; i < cnt; i++) n += iov[i].iov_len;
  return n;
}

/* ---- making and closing fds ------------------------------------------- */
#define KEEP_ERRNO(stmt)                                                      \
  do {                                                                        \
    int e_ = errno;                                                           \
    stmt;                                                                     \
    errno = e_;                                                               \
  } while (0)

static int opened(wt_thread *t, int fd, int kind, uintptr_t pc) {
  if (fd >= 0) KEEP_ERRNO(wt_fd_open(t, fd, kind, pc));
  return fd;
}

static mode_t open_mode(int flags, va_list ap) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

#define OPEN_INTERCEPTOR(name)                                                \
  int name(const char *path, int flags, ...) {                                \
    WT_REAL_DECL(int, name, (const char *, int, ...));                        \
    wt_thread *t = wt_enter();                                                \
    va_list ap;                                                               \
    va_start(ap, flags);                                                      \
    mode_t mode = open_mode(flags, ap);                                       \
    va_end(ap);                                                               \
    return opened(t, WT_REAL(name)(path, flags, mode), WT_FD_FILE, WT_PC());  \
  }
OPEN_INTERCEPTOR(open)
OPEN_INTERCEPTOR(open64)

#define OPENAT_INTERCEPTOR(name)                                              \
  int name(int dirfd, const char *path, int flags, ...) {                     \
    WT_REAL_DECL(int, name, (int, const char *, int, ...));                   \
    wt_thread *t = wt_enter();                                                \
    va_list ap;                                                               \
    va_start(ap, flags);                                                      \
    mode_t mode = open_mode(flags, ap);                                       \
    va_end(ap);                                                               \
    return opened(t, WT_REAL(name)(dirfd, path, flags, mode), WT_FD_FILE, WT_PC()); \
  }
OPENAT_INTERCEPTOR(openat)
OPENAT_INTERCEPTOR(openat64)

int creat(const char *path, mode_t mode) {
  WT_REAL_DECL(int, creat, (const char *, mode_t));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(creat)(path, mode), WT_FD_FILE, WT_PC());
}

int socket(int domain, int type, int protocol) {
  WT_REAL_DECL(int, socket, (int, int, int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(socket)(domain, type, protocol), WT_FD_SOCKET, WT_PC());
}

int eventfd(unsigned int initval, int flags) {
  WT_REAL_DECL(int, eventfd, (unsigned int, int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(eventfd)(initval, flags), WT_FD_OWN, WT_PC());
}

int epoll_create(int size) {
  WT_REAL_DECL(int, epoll_create, (int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(epoll_create)(size), WT_FD_OWN, WT_PC());
}

int epoll_create1(int flags) {
  WT_REAL_DECL(int, epoll_create1, (int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(epoll_create1)(flags), WT_FD_OWN, WT_PC());
}

static int opened_pair(wt_thread *t, int r, const int fds[2], uintptr_t pc) {
  if (r == 0) KEEP_ERRNO(wt_fd_open_pair(t, fds, pc));
  return r;
}

int pipe(int fds[2]) {
  WT_REAL_DECL(int, pipe, (int[2]));
  wt_thread *t = wt_enter();
  return opened_pair(t, WT_REAL(pipe)(fds), fds, WT_PC());
}

int pipe2(int fds[2], int flags) {
  WT_REAL_DECL(int, pipe2, (int[2], int));
  wt_thread *t = wt_enter();
  return opened_pair(t, WT_REAL(pipe2)(fds, flags), fds, WT_PC());
}

int socketpair(int domain, int type, int protocol, int fds[2]) {
  WT_REAL_DECL(int, socketpair, (int, int, int, int[2]));
  wt_thread *t = wt_enter();
  return opened_pair(t, WT_REAL(socketpair)(domain, type, protocol, fds), fds, WT_PC());
}

int close(int fd) {
  WT_REAL_DECL(int, close, (int));
  wt_thread *t = wt_enter();
  wt_fd_close(t, fd, WT_PC(), (void *)close);
  return WT_REAL(close)(fd);
}

/* close_range and closefrom close every open fd of a range (a child
 * before exec, a daemon at start), each as close does.
 * CLOSE_RANGE_CLOEXEC only marks the fds, and CLOSE_RANGE_UNSHARE closes
 * them in a table that no other thread shares any longer: neither
 * closes another thread's fd. */
int close_range(unsigned first, unsigned last, int flags) {
  WT_REAL_DECL(int, close_range, (unsigned, unsigned, int));
  wt_thread *t = wt_enter();
  if (!(flags & (CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE)))
    wt_fd_close_range(t, first, last, WT_PC(), (void *)close_range);
  return WT_REAL(close_range)(first, last, flags);
}

void closefrom(int lowfd) {
  WT_REAL_DECL(void, closefrom, (int));
  wt_thread *t = wt_enter();
  if (lowfd >= 0) wt_fd_close_range(t, (unsigned)lowfd, ~0u, WT_PC(), (void *)closefrom);
  WT_REAL(closefrom)(lowfd);
}

static int duped(wt_thread *t, int oldfd, int r, uintptr_t pc) {
  if (r >= 0) KEEP_ERRNO(wt_fd_dup(t, oldfd, r, pc));
  return r;
}

int dup(int fd) {
  WT_REAL_DECL(int, dup, (int));
  wt_thread *t = wt_enter();
  return duped(t, fd, WT_REAL(dup)(fd), WT_PC());
}

/* dup2 and dup3 close newfd first, when it is open and not oldfd. */
int dup2(int oldfd, int newfd) {
  WT_REAL_DECL(int, dup2, (int, int));
  wt_thread *t = wt_enter();
  if (oldfd != newfd) wt_fd_close(t, newfd, WT_PC(), (void *)dup2);
  int r = WT_REAL(dup2)(oldfd, newfd);
  return oldfd != newfd ? duped(t, oldfd, r, WT_PC()) : r;
}

int dup3(int oldfd, int newfd, int flags) {
  WT_REAL_DECL(int, dup3, (int, int, int));
  wt_thread *t = wt_enter();
  if (oldfd != newfd) wt_fd_close(t, newfd, WT_PC(), (void *)dup3);
  return duped(t, oldfd, WT_REAL(dup3)(oldfd, newfd, flags), WT_PC());
}

/* Every command's argument is an int, a pointer or nothing; passing a
 * pointer-sized value on is what the ABI does for all three. */
int fcntl(int fd, int cmd, ...) {
  WT_REAL_DECL(int, fcntl, (int, int, ...));
  wt_thread *t = wt_enter();
  va_list ap;
  va_start(ap, cmd);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  int r = WT_REAL(fcntl)(fd, cmd, arg);
  if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) return duped(t, fd, r, WT_PC());
  return r;
}

int connect(int fd, const struct sockaddr *addr, socklen_t len) {
  WT_REAL_DECL(int, connect, (int, const struct sockaddr *, socklen_t));
  wt_thread *t = wt_enter();
  KEEP_ERRNO(wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)connect));
  return WT_REAL(connect)(fd, addr, len);
}

static int accepted(wt_thread *t, int fd, int r, uintptr_t pc, void *fn) {
  if (r >= 0) {
    int e = errno;
    wt_fd_io(t, fd, WT_FD_ACQUIRE, pc, fn);
    wt_fd_open(t, r, WT_FD_SOCKET, pc);
    errno = e;
  }
  return r;
}

int accept(int fd, struct sockaddr *addr, socklen_t *len) {
  WT_REAL_DECL(int, accept, (int, struct sockaddr *, socklen_t *));
  wt_thread *t = wt_enter();
  return accepted(t, fd, WT_REAL(accept)(fd, addr, len), WT_PC(), (void *)accept);
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
  WT_REAL_DECL(int, accept4, (int, struct sockaddr *, socklen_t *, int));
  wt_thread *t = wt_enter();
  return accepted(t, fd, WT_REAL(accept4)(fd, addr, len, flags), WT_PC(), (void *)accept4);
}

/* ---- data leaving --------------------------------------------------------- */
static void sending(wt_thread *t, int fd, const void *buf, size_t n, uintptr_t pc, void *fn) {
  int e = errno;
  buffer(t, buf, n, false, pc, fn);
  wt_fd_io(t, fd, WT_FD_RELEASE, pc, fn);
  errno = e;
}

ssize_t write(int fd, const void *buf, size_t n) {
  WT_REAL_DECL(ssize_t, write, (int, const void *, size_t));
  wt_thread *t = wt_enter();
  sending(t, fd, buf, n, WT_PC(), (void *)write);
  return WT_REAL(write)(fd, buf, n);
}

#define PWRITE_INTERCEPTOR(name, off_type)                                    \
  ssize_t name(int fd, const void *buf, size_t n, off_type off) {             \
    WT_REAL_DECL(ssize_t, name, (int, const void *, size_t, off_type));       \
    wt_thread *t = wt_enter();                                                \
    sending(t, fd, buf, n, WT_PC(), (void *)name);                            \
    return WT_REAL(name)(fd, buf, n, off);                                    \
  }
PWRITE_INTERCEPTOR(pwrite, off_t)
PWRITE_INTERCEPTOR(pwrite64, off64_t)

ssize_t writev(int fd, const struct iovec *iov, int cnt) {
  WT_REAL_DECL(ssize_t, writev, (int, const struct iovec *, int));
  wt_thread *t = wt_enter();
  int e = errno;
  iov_buffer(t, iov, cnt, iov_total(iov, cnt), false, WT_PC(), (void *)writev);
  wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)writev);
  errno = e;
  return WT_REAL(writev)(fd, iov, cnt);
}

ssize_t send(int fd, const void *buf, size_t n, int flags) {
  WT_REAL_DECL(ssize_t, send, (int, const void *, size_t, int));
  wt_thread *t = wt_enter();
  sending(t, fd, buf, n, WT_PC(), (void *)send);
  return WT_REAL(send)(fd, buf, n, flags);
}

ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr,
               socklen_t len) {
  WT_REAL_DECL(ssize_t, sendto,
               (int, const void *, size_t, int, const struct sockaddr *, socklen_t));
  wt_thread *t = wt_enter();
  sending(t, fd, buf, n, WT_PC(), (void *)sendto);
  return WT_REAL(sendto)(fd, buf, n, flags, addr, len);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
  WT_REAL_DECL(ssize_t, sendmsg, (int, const struct msghdr *, int));
  wt_thread *t = wt_enter();
  int e = errno;
  if (msg && msg->msg_iov)
    iov_buffer(t, msg->msg_iov, (int)msg->msg_iovlen,
               iov_total(msg->msg_iov, (int)msg->msg_iovlen), false, WT_PC(), (void *)sendmsg);
  wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)sendmsg);
  errno = e;
  return WT_REAL(sendmsg)(fd, msg, flags);
}

/* ---- data arriving -------------------------------------------------------- */
/* The signals a read from a signalfd returned, whole records only. */
static void signals_read(wt_thread *t, const void *buf, size_t n, uintptr_t pc) {
  const struct signalfd_siginfo *si = buf;
  for (size_t i = 0; i < n / sizeof *si; i++) wt_signal_acquire(t, (int)si[i].ssi_signo, pc);
}

static ssize_t received(wt_thread *t, int fd, ssize_t r, void *buf, uintptr_t pc, void *fn) {
  if (r < 0) return r;
  int e = errno;
  int kind = wt_fd_io(t, fd, WT_FD_ACQUIRE, pc, fn); /* 0 is end-of-file: the close released */
  if (WT_UNLIKELY(kind == WT_FD_SIGNAL) && modelled(t)) signals_read(t, buf, (size_t)r, pc);
  buffer(t, buf, (size_t)r, true, pc, fn);
  errno = e;
  return r;
}

ssize_t read(int fd, void *buf, size_t n) {
  WT_REAL_DECL(ssize_t, read, (int, void *, size_t));
  wt_thread *t = wt_enter();
  return received(t, fd, WT_REAL(read)(fd, buf, n), buf, WT_PC(), (void *)read);
}

#define PREAD_INTERCEPTOR(name, off_type)                                     \
  ssize_t name(int fd, void *buf, size_t n, off_type off) {                   \
    WT_REAL_DECL(ssize_t, name, (int, void *, size_t, off_type));             \
    wt_thread *t = wt_enter();                                                \
    return received(t, fd, WT_REAL(name)(fd, buf, n, off), buf, WT_PC(), (void *)name); \
  }
PREAD_INTERCEPTOR(pread, off_t)
PREAD_INTERCEPTOR(pread64, off64_t)

ssize_t readv(int fd, const struct iovec *iov, int cnt) {
  WT_REAL_DECL(ssize_t, readv, (int, const struct iovec *, int));
  wt_thread *t = wt_enter();
  ssize_t r = WT_REAL(readv)(fd, iov, cnt);
  if (r >= 0) {
    int e = errno;
    wt_fd_io(t, fd, WT_FD_ACQUIRE, WT_PC(), (void *)readv);
    iov_buffer(t, iov, cnt, (size_t)r, true, WT_PC(), (void *)readv);
    errno = e;
  }
  return r;
}

/* MSG_TRUNC may report more bytes than the buffer holds. */
static size_t clamp(ssize_t r, size_t n) { return (size_t)r < n ? (size_t)r : n; }

ssize_t recv(int fd, void *buf, size_t n, int flags) {
  WT_REAL_DECL(ssize_t, recv, (int, void *, size_t, int));
  wt_thread *t = wt_enter();
  ssize_t r = WT_REAL(recv)(fd, buf, n, flags);
  if (r >= 0) received(t, fd, (ssize_t)clamp(r, n), buf, WT_PC(), (void *)recv);
  return r;
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *addr,
                 socklen_t *len) {
  WT_REAL_DECL(ssize_t, recvfrom,
               (int, void *, size_t, int, struct sockaddr *, socklen_t *));
  wt_thread *t = wt_enter();
  ssize_t r = WT_REAL(recvfrom)(fd, buf, n, flags, addr, len);
  if (r >= 0) received(t, fd, (ssize_t)clamp(r, n), buf, WT_PC(), (void *)recvfrom);
  return r;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
  WT_REAL_DECL(ssize_t, recvmsg, (int, struct msghdr *, int));
  wt_thread *t = wt_enter();
  ssize_t r = WT_REAL(recvmsg)(fd, msg, flags);
  if (r >= 0) {
    int e = errno;
    wt_fd_io(t, fd, WT_FD_ACQUIRE, WT_PC(), (void *)recvmsg);
    if (msg && msg->msg_iov)
      iov_buffer(t, msg->msg_iov, (int)msg->msg_iovlen, (size_t)r, true, WT_PC(),
                 (void *)recvmsg);
    errno = e;
  }
  return r;
}

/* ---- readiness -------------------------------------------------------------- */
int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev) {
  WT_REAL_DECL(int, epoll_ctl, (int, int, int, struct epoll_event *));
  wt_thread *t = wt_enter();
  KEEP_ERRNO(wt_fd_io(t, epfd, WT_FD_RELEASE, WT_PC(), (void *)epoll_ctl));
  return WT_REAL(epoll_ctl)(epfd, op, fd, ev);
}

static int waited(wt_thread *t, int epfd, int r, uintptr_t pc, void *fn) {
  if (r >= 0) KEEP_ERRNO(wt_fd_io(t, epfd, WT_FD_ACQUIRE, pc, fn));
  return r;
}

int epoll_wait(int epfd, struct epoll_event *ev, int max, int timeout) {
  WT_REAL_DECL(int, epoll_wait, (int, struct epoll_event *, int, int));
  wt_thread *t = wt_enter();
  return waited(t, epfd, WT_REAL(epoll_wait)(epfd, ev, max, timeout), WT_PC(), (void *)epoll_wait);
}

int epoll_pwait(int epfd, struct epoll_event *ev, int max, int timeout, const sigset_t *ss) {
  WT_REAL_DECL(int, epoll_pwait, (int, struct epoll_event *, int, int, const sigset_t *));
  wt_thread *t = wt_enter();
  return waited(t, epfd, WT_REAL(epoll_pwait)(epfd, ev, max, timeout, ss), WT_PC(),
                (void *)epoll_pwait);
}

/* Every fd poll or ppoll reports ready. */
static int polled(wt_thread *t, int r, const struct pollfd *fds, nfds_t n, uintptr_t pc,
                  void *fn) {
  if (r <= 0) return r;
  int e = errno;
  for (nfds_t i = 0; i < n; i++)
    if (fds[i].fd >= 0 && fds[i].revents) wt_fd_io(t, fds[i].fd, WT_FD_ACQUIRE, pc, fn);
  errno = e;
  return r;
}

int poll(struct pollfd *fds, nfds_t n, int timeout) {
  WT_REAL_DECL(int, poll, (struct pollfd *, nfds_t, int));
  wt_thread *t = wt_enter();
  return polled(t, WT_REAL(poll)(fds, n, timeout), fds, n, WT_PC(), (void *)poll);
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *tmo, const sigset_t *ss) {
  WT_REAL_DECL(int, ppoll, (struct pollfd *, nfds_t, const struct timespec *, const sigset_t *));
  wt_thread *t = wt_enter();
  return polled(t, WT_REAL(ppoll)(fds, n, tmo, ss), fds, n, WT_PC(), (void *)ppoll);
}

int epoll_pwait2(int epfd, struct epoll_event *ev, int max, const struct timespec *tmo,
                 const sigset_t *ss) {
  WT_REAL_DECL(int, epoll_pwait2,
               (int, struct epoll_event *, int, const struct timespec *, const sigset_t *));
  wt_thread *t = wt_enter();
  return waited(t, epfd, WT_REAL(epoll_pwait2)(epfd, ev, max, tmo, ss), WT_PC(),
                (void *)epoll_pwait2);
}

/* Every fd left in the sets after select returns is ready. */
static void selected(wt_thread *t, int r, int nfds, fd_set *rd, fd_set *wr, fd_set *ex,
                     uintptr_t pc, void *fn) {
  if (r <= 0) return;
  int e = errno;
  if (nfds > FD_SETSIZE) nfds = FD_SETSIZE;
  for (int fd = 0; fd < nfds; fd++)
    if ((rd && FD_ISSET(fd, rd)) || (wr && FD_ISSET(fd, wr)) || (ex && FD_ISSET(fd, ex)))
      wt_fd_io(t, fd, WT_FD_ACQUIRE, pc, fn);
  errno = e;
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tmo) {
  WT_REAL_DECL(int, select, (int, fd_set *, fd_set *, fd_set *, struct timeval *));
  wt_thread *t = wt_enter();
  int r = WT_REAL(select)(nfds, rd, wr, ex, tmo);
  selected(t, r, nfds, rd, wr, ex, WT_PC(), (void *)select);
  return r;
}

int pselect(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, const struct timespec *tmo,
            const sigset_t *ss) {
  WT_REAL_DECL(int, pselect,
               (int, fd_set *, fd_set *, fd_set *, const struct timespec *, const sigset_t *));
  wt_thread *t = wt_enter();
  int r = WT_REAL(pselect)(nfds, rd, wr, ex, tmo, ss);
  selected(t, r, nfds, rd, wr, ex, WT_PC(), (void *)pselect);
  return r;
}

/* ---- fds of their own kinds ------------------------------------------------- */
int signalfd(int fd, const sigset_t *mask, int flags) {
  WT_REAL_DECL(int, signalfd, (int, const sigset_t *, int));
  wt_thread *t = wt_enter();
  int r = WT_REAL(signalfd)(fd, mask, flags);
  /* fd -1 makes a new one; otherwise only the mask of an existing one changes */
  if (fd < 0) opened(t, r, WT_FD_SIGNAL, WT_PC());
  return r;
}

int timerfd_create(int clock, int flags) {
  WT_REAL_DECL(int, timerfd_create, (int, int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(timerfd_create)(clock, flags), WT_FD_OWN, WT_PC());
}

int timerfd_settime(int fd, int flags, const struct itimerspec *v, struct itimerspec *old) {
  WT_REAL_DECL(int, timerfd_settime, (int, int, const struct itimerspec *, struct itimerspec *));
  wt_thread *t = wt_enter();
  KEEP_ERRNO(wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)timerfd_settime));
  return WT_REAL(timerfd_settime)(fd, flags, v, old);
}

int inotify_init(void) {
  WT_REAL_DECL(int, inotify_init, (void));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(inotify_init)(), WT_FD_OWN, WT_PC());
}

int inotify_init1(int flags) {
  WT_REAL_DECL(int, inotify_init1, (int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(inotify_init1)(flags), WT_FD_OWN, WT_PC());
}

int memfd_create(const char *name, unsigned int flags) {
  WT_REAL_DECL(int, memfd_create, (const char *, unsigned int));
  wt_thread *t = wt_enter();
  return opened(t, WT_REAL(memfd_create)(name, flags), WT_FD_OWN, WT_PC());
}

/* glibc's eventfd_read and eventfd_write call its internal read and write,
 * which no interceptor sees. */
int eventfd_write(int fd, eventfd_t value) {
  WT_REAL_DECL(int, eventfd_write, (int, eventfd_t));
  wt_thread *t = wt_enter();
  KEEP_ERRNO(wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)eventfd_write));
  return WT_REAL(eventfd_write)(fd, value);
}

int eventfd_read(int fd, eventfd_t *value) {
  WT_REAL_DECL(int, eventfd_read, (int, eventfd_t *));
  wt_thread *t = wt_enter();
  int r = WT_REAL(eventfd_read)(fd, value);
  if (r == 0) received(t, fd, sizeof *value, value, WT_PC(), (void *)eventfd_read);
  return r;
}

/* ---- vectors at an offset, and many messages at once ----------------------- */
#define PWRITEV_INTERCEPTOR(name, off_type, params, args)                     \
  ssize_t name params {                                                       \
    WT_REAL_DECL(ssize_t, name, (int, const struct iovec *, int, off_type EXTRA_##name)); \
    wt_thread *t = wt_enter();                                                \
    int e = errno;                                                            \
    iov_buffer(t, iov, cnt, iov_total(iov, cnt), false, WT_PC(), (void *)name); \
    wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)name);                    \
    errno = e;                                                                \
    return WT_REAL(name) args;                                                \
  }
#define PREADV_INTERCEPTOR(name, off_type, params, args)                      \
  ssize_t name params {                                                       \
    WT_REAL_DECL(ssize_t, name, (int, const struct iovec *, int, off_type EXTRA_##name)); \
    wt_thread *t = wt_enter();                                                \
    ssize_t r = WT_REAL(name) args;                                           \
    if (r >= 0) {                                                             \
      int e = errno;                                                          \
      wt_fd_io(t, fd, WT_FD_ACQUIRE, WT_PC(), (void *)name);                  \
      iov_buffer(t, iov, cnt, (size_t)r, true, WT_PC(), (void *)name);        \
      errno = e;                                                              \
    }                                                                         \
    return r;                                                                 \
  }
#define EXTRA_pwritev
#define EXTRA_pwritev64
#define EXTRA_preadv
#define EXTRA_preadv64
#define EXTRA_pwritev2 , int
#define EXTRA_pwritev64v2 , int
#define EXTRA_preadv2 , int
#define EXTRA_preadv64v2 , int
PWRITEV_INTERCEPTOR(pwritev, off_t, (int fd, const struct iovec *iov, int cnt, off_t off),
                    (fd, iov, cnt, off))
PWRITEV_INTERCEPTOR(pwritev64, off64_t, (int fd, const struct iovec *iov, int cnt, off64_t off),
                    (fd, iov, cnt, off))
PWRITEV_INTERCEPTOR(pwritev2, off_t,
                    (int fd, const struct iovec *iov, int cnt, off_t off, int flags),
                    (fd, iov, cnt, off, flags))
PWRITEV_INTERCEPTOR(pwritev64v2, off64_t,
                    (int fd, const struct iovec *iov, int cnt, off64_t off, int flags),
                    (fd, iov, cnt, off, flags))
PREADV_INTERCEPTOR(preadv, off_t, (int fd, const struct iovec *iov, int cnt, off_t off),
                   (fd, iov, cnt, off))
PREADV_INTERCEPTOR(preadv64, off64_t, (int fd, const struct iovec *iov, int cnt, off64_t off),
                   (fd, iov, cnt, off))
PREADV_INTERCEPTOR(preadv2, off_t,
                   (int fd, const struct iovec *iov, int cnt, off_t off, int flags),
                   (fd, iov, cnt, off, flags))
PREADV_INTERCEPTOR(preadv64v2, off64_t,
                   (int fd, const struct iovec *iov, int cnt, off64_t off, int flags),
                   (fd, iov, cnt, off, flags))

int sendmmsg(int fd, struct mmsghdr *v, unsigned int n, int flags) {
  WT_REAL_DECL(int, sendmmsg, (int, struct mmsghdr *, unsigned int, int));
  wt_thread *t = wt_enter();
  int e = errno;
  for (unsigned int i = 0; i < n && v; i++)
    if (v[i].msg_hdr.msg_iov)
      iov_buffer(t, v[i].msg_hdr.msg_iov, (int)v[i].msg_hdr.msg_iovlen,
                 iov_total(v[i].msg_hdr.msg_iov, (int)v[i].msg_hdr.msg_iovlen), false, WT_PC(),
                 (void *)sendmmsg);
  wt_fd_io(t, fd, WT_FD_RELEASE, WT_PC(), (void *)sendmmsg);
  errno = e;
  return WT_REAL(sendmmsg)(fd, v, n, flags);
}

int recvmmsg(int fd, struct mmsghdr *v, unsigned int n, int flags, struct timespec *tmo) {
  WT_REAL_DECL(int, recvmmsg, (int, struct mmsghdr *, unsigned int, int, struct timespec *));
  wt_thread *t = wt_enter();
  int r = WT_REAL(recvmmsg)(fd, v, n, flags, tmo);
  if (r >= 0) {
    int e = errno;
    wt_fd_io(t, fd, WT_FD_ACQUIRE, WT_PC(), (void *)recvmmsg);
    for (int i = 0; i < r; i++) {
      wt_access_range_in(t, (uintptr_t)&v[i].msg_len, sizeof v[i].msg_len, true, WT_PC(),
                         (void *)recvmmsg);
      if (v[i].msg_hdr.msg_iov)
        iov_buffer(t, v[i].msg_hdr.msg_iov, (int)v[i].msg_hdr.msg_iovlen, v[i].msg_len, true,
                   WT_PC(), (void *)recvmmsg);
    }
    errno = e;
  }
  return r;
}

/* ---- data moved between fds inside the kernel -------------------------------- */
/* in is read, out written: out is released into before the call, like a
 * write, and in acquired from after it, like a read.  An offset, when
 * given, is written back. */
static void moved(wt_thread *t, ssize_t r, int in, void *in_off, int out, void *out_off,
                  size_t off_size, uintptr_t pc, void *fn) {
  if (r < 0) return;
  int e = errno;
  wt_fd_io(t, in, WT_FD_ACQUIRE, pc, fn);
  if (in_off) buffer(t, in_off, off_size, true, pc, fn);
  if (out_off) buffer(t, out_off, off_size, true, pc, fn);
  errno = e;
}

static void moving(wt_thread *t, int out, uintptr_t pc, void *fn) {
  KEEP_ERRNO(wt_fd_io(t, out, WT_FD_RELEASE, pc, fn));
}

#define SENDFILE_INTERCEPTOR(name, off_type)                                  \
  ssize_t name(int out, int in, off_type *off, size_t n) {                    \
    WT_REAL_DECL(ssize_t, name, (int, int, off_type *, size_t));              \
    wt_thread *t = wt_enter();                                                \
    moving(t, out, WT_PC(), (void *)name);                                    \
    ssize_t r = WT_REAL(name)(out, in, off, n);                               \
    moved(t, r, in, off, out, 0, sizeof *off, WT_PC(), (void *)name);         \
    return r;                                                                 \
  }
SENDFILE_INTERCEPTOR(sendfile, off_t)
SENDFILE_INTERCEPTOR(sendfile64, off64_t)

ssize_t splice(int in, loff_t *in_off, int out, loff_t *out_off, size_t n, unsigned int flags) {
  WT_REAL_DECL(ssize_t, splice, (int, loff_t *, int, loff_t *, size_t, unsigned int));
  wt_thread *t = wt_enter();
  moving(t, out, WT_PC(), (void *)splice);
  ssize_t r = WT_REAL(splice)(in, in_off, out, out_off, n, flags);
  moved(t, r, in, in_off, out, out_off, sizeof(loff_t), WT_PC(), (void *)splice);
  return r;
}

ssize_t tee(int in, int out, size_t n, unsigned int flags) {
  WT_REAL_DECL(ssize_t, tee, (int, int, size_t, unsigned int));
  wt_thread *t = wt_enter();
  moving(t, out, WT_PC(), (void *)tee);
  ssize_t r = WT_REAL(tee)(in, out, n, flags);
  moved(t, r, in, 0, out, 0, 0, WT_PC(), (void *)tee);
  return r;
}

ssize_t copy_file_range(int in, off64_t *in_off, int out, off64_t *out_off, size_t n,
                        unsigned int flags) {
  WT_REAL_DECL(ssize_t, copy_file_range, (int, off64_t *, int, off64_t *, size_t, unsigned int));
  wt_thread *t = wt_enter();
  moving(t, out, WT_PC(), (void *)copy_file_range);
  ssize_t r = WT_REAL(copy_file_range)(in, in_off, out, out_off, n, flags);
  moved(t, r, in, in_off, out, out_off, sizeof(off64_t), WT_PC(), (void *)copy_file_range);
  return r;
}
