/* pc -> function, file:line:col, and data address -> global's name, by
 * asking an llvm-symbolizer child process.  Also pc -> (module, offset),
 * which needs no child.  Nothing here formats reports.
 *
 * The child is started on the first query (so only programs that report
 * pay for it) and kept.  It talks over one socketpair used as its stdin
 * and stdout: MSG_NOSIGNAL then turns a dead child into EPIPE instead of
 * a SIGPIPE for the application.  Every wait is bounded by poll, so a
 * stuck child costs at most QUERY_TIMEOUT_MS and is then killed.  Without
 * a working symbolizer (not found, crashed twice, WEFT_OPTIONS
 * symbolize=0) frames keep their module and offset and the function is
 * "??": a report is never lost for want of names.
 *
 * errno is kept: a report may fire between a failing call and the
 * program's look at errno.
 *
 * System calls go through syscall() rather than libc wrappers so that
 * interceptors of read/write/close, if any, never see the runtime's own
 * traffic.  posix_spawn is the exception: its file actions allocate with
 * libc malloc (which the application may have replaced); that happens
 * once per process.
 *
 * This file includes process and socket headers beside platform/linux.c
 * because talking to the child is its one idea. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef WEFT_LLVM_TOOLS_DIR
#error "WEFT_LLVM_TOOLS_DIR must name the LLVM tools directory (a compile definition)"
#endif

extern char **environ;

#define QUERY_TIMEOUT_MS 20000 /* the first query loads debug info */
#define MAX_SPAWNS 2           /* per process: a crash gets one restart */
#define CACHE_SLOTS 4096u      /* pcs; stops growing at 3/4 */
#define MAX_INLINE 16          /* inlined frames kept per pc */
#define MAX_MODULES 256

/* ---- a lock that survives fork ------------------------------------------
 * Holds the holder's pid.  A child forked while another thread of the
 * parent held it finds the parent's pid there; that thread does not
 * exist in the child, so the lock is taken over instead of waited on. */
static _Atomic int sym_lock_pid;

static void sym_lock(void) {
  int me = wt_getpid();
  wt_spins_held++;
  for (;;) {
    int v = 0;
    if (atomic_compare_exchange_weak_explicit(&sym_lock_pid, &v, me, memory_order_acquire,
                                              memory_order_relaxed))
      return;
    if (v != 0 && v != me &&
        atomic_compare_exchange_strong_explicit(&sym_lock_pid, &v, me, memory_order_acquire,
                                                memory_order_relaxed))
      return;
    __builtin_ia32_pause();
  }
}

static void sym_unlock(void) {
  atomic_store_explicit(&sym_lock_pid, 0, memory_order_release);
  wt_spins_held--;
}

/* ---- state, all under sym_lock ------------------------------------------- */

typedef struct cframe {
  const char *function, *file; /* arena strings; file "" if unknown */
  int line, column;
} cframe;

typedef struct centry {
  uintptr_t pc;
  uintptr_t offset;
  uint32_t module; /* index into modules, ~0u if none */
  uint32_t n;
  cframe f[];
} centry;

static struct {
  int fd;    /* our end of the socketpair, -1 if no child */
  int child; /* its pid */
  int owner; /* the process that started it */
  int spawns;
  centry *cache[CACHE_SLOTS];
  uint32_t ncached;
  const char *modules[MAX_MODULES];
  uint32_t nmodules;
  char *arena, *arena_end;
  /* the last data query, asked again by the printer */
  uintptr_t data_addr, data_start;
  size_t data_size;
  bool data_ok;
  char data_name[256];
  char wbuf[1200];
  char rbuf[16384];
} S = {.fd = -1};

static void copy_str(char *dst, size_t cap, const char *src, size_t len) {
  if (cap == 0) return;
  if (len >= cap) len = cap - 1;
  __builtin_memcpy(dst, src, len);
  dst[len] = 0;
}

static const char *arena_str(const char *s, size_t len) {
  if ((size_t)(S.arena_end - S.arena) < len + 1) {
    size_t chunk = len + 1 > 65536 ? len + 1 : 65536;
    S.arena = wt_alloc(chunk);
    S.arena_end = S.arena + chunk;
  }
  char *p = S.arena;
  __builtin_memcpy(p, s, len);
  p[len] = 0;
  S.arena += len + 1;
  return p;
}

/* ---- modules ----------------------------------------------------------- */

typedef struct find_arg {
  uintptr_t addr;
  uintptr_t base;
  char *path;
  size_t path_size;
  bool found;
} find_arg;

/* Read each time rather than cached: this runs inside dl_iterate_phdr,
 * which may itself be called with the symbolizer lock held. */
static void exe_path(char *out, size_t cap) {
  long n = syscall(SYS_readlink, "/proc/self/exe", out, cap - 1);
  out[n > 0 ? n : 0] = 0;
}

static int find_cb(struct dl_phdr_info *info, size_t size, void *arg) {
  find_arg *a = arg;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD) continue;
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    if (a->addr < lo || a->addr - lo >= ph->p_memsz) continue;
    const char *name = info->dlpi_name && info->dlpi_name[0] ? info->dlpi_name : 0;
    /* The main program has no name here; its path is a file anyway. */
    if (name) copy_str(a->path, a->path_size, name, __builtin_strlen(name));
    else exe_path(a->path, a->path_size);
    a->base = info->dlpi_addr;
    a->found = true;
    return 1;
  }
  return 0;
}

/* The offset is addr - load bias: the address as the file itself names
 * it, which is what llvm-symbolizer expects (and what the report prints
 * as module+offset). */
bool wt_module_of(uintptr_t addr, char *path, size_t path_size, uintptr_t *offset) {
  char tmp[8];
  find_arg a = {.addr = addr, .path = path_size ? path : tmp,
                .path_size = path_size ? path_size : sizeof tmp};
  dl_iterate_phdr(find_cb, &a);
  if (a.found && offset) *offset = addr - a.base;
  return a.found;
}

static uint32_t module_index(const char *path) {
  for (uint32_t i = 0; i < S.nmodules; i++)
    if (__builtin_strcmp(S.modules[i], path) == 0) return i;
  if (S.nmodules == MAX_MODULES) return ~0u;
  S.modules[S.nmodules] = arena_str(path, __builtin_strlen(path));
  return S.nmodules++;
}

/* ---- the child ----------------------------------------------------------- */

static bool executable(const char *path) { return syscall(SYS_access, path, X_OK) == 0; }

static bool find_in_path(const char *name, char *out, size_t cap) {
  const char *p = getenv("PATH");
  size_t nlen = __builtin_strlen(name);
  while (p && *p) {
    const char *end = p;
    while (*end && *end != ':') end++;
    size_t dlen = (size_t)(end - p);
    if (dlen > 0 && dlen + 1 + nlen + 1 <= cap) {
      __builtin_memcpy(out, p, dlen);
      out[dlen] = '/';
      __builtin_memcpy(out + dlen + 1, name, nlen + 1);
      if (executable(out)) return true;
    }
    p = *end ? end + 1 : end;
  }
  return false;
}

/* The option, then PATH (a plain llvm-symbolizer first: the user's
 * choice), then the tools of the LLVM weft was built with. */
static bool find_symbolizer(char *out, size_t cap) {
  const char *opt = wt_opt_symbolizer_path;
  if (opt && *opt) {
    copy_str(out, cap, opt, __builtin_strlen(opt));
    return true;
  }
  if (find_in_path("llvm-symbolizer", out, cap)) return true;
  if (find_in_path("llvm-symbolizer-19", out, cap)) return true;
  const char *dflt = WEFT_LLVM_TOOLS_DIR "/llvm-symbolizer";
  copy_str(out, cap, dflt, __builtin_strlen(dflt));
  return executable(out);
}

static void child_stop(bool kill_it) {
  if (S.fd >= 0) syscall(SYS_close, S.fd);
  if (kill_it && S.child > 0) {
    syscall(SYS_kill, S.child, SIGKILL);
    /* ECHILD if the application reaps children itself: nothing to do. */
    while (syscall(SYS_wait4, S.child, 0, 0, 0) < 0 && errno == EINTR) {
    }
  }
  S.fd = -1;
  S.child = 0;
}

/* A forked child inherits the parent's socket: using it would interleave
 * with the parent's queries.  Drop our copy (the parent's symbolizer
 * lives on) and let this process start its own. */
static void check_fork(void) {
  int me = wt_getpid();
  if (S.owner == me) return;
  if (S.fd >= 0) syscall(SYS_close, S.fd);
  S.fd = -1;
  S.child = 0;
  S.spawns = 0;
  S.owner = me;
}

static bool child_start(void) {
  char path[1024];
  if (S.spawns >= MAX_SPAWNS) return false;
  S.spawns++;
  if (!find_symbolizer(path, sizeof path)) {
    S.spawns = MAX_SPAWNS;
    if (wt_opt_verbosity >= 1)
      wt_printf("weft: llvm-symbolizer not found; reports show module offsets only\n");
    return false;
  }
  int sv[2];
  if (syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
  /* dup2 onto itself would keep close-on-exec: lift the child's end
   * above the standard descriptors first. */
  if (sv[1] < 3) {
    int moved = (int)syscall(SYS_fcntl, sv[1], F_DUPFD_CLOEXEC, 3);
    syscall(SYS_close, sv[1]);
    if (moved < 0) {
      syscall(SYS_close, sv[0]);
      return false;
    }
    sv[1] = moved;
  }
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
  posix_spawn_file_actions_adddup2(&fa, sv[1], 1);
  /* Its complaints about unreadable modules are not the user's output. */
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  /* Inherited pipe ends would keep the application's pipes open. */
  posix_spawn_file_actions_addclosefrom_np(&fa, 3);
#endif
  posix_spawnattr_init(&attr);
  sigset_t none, dflt;
  sigemptyset(&none);
  sigemptyset(&dflt);
  sigaddset(&dflt, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &dflt);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  char *argv[] = {path, "--inlines", "--demangle", "--output-style=LLVM", 0};
  pid_t pid = 0;
  int err = posix_spawn(&pid, path, &fa, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  syscall(SYS_close, sv[1]);
  if (err != 0) { /* exec failed: a second try would fail alike */
    S.spawns = MAX_SPAWNS;
    syscall(SYS_close, sv[0]);
    if (wt_opt_verbosity >= 1)
      wt_printf("weft: cannot start %s (error %d); reports show module offsets only\n",
                path, err);
    return false;
  }
  S.fd = sv[0];
  S.child = pid;
  S.owner = wt_getpid();
  if (wt_opt_verbosity >= 2) wt_printf("weft: started %s (pid %d)\n", path, (int)pid);
  return true;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One request line out, one response (ending in an empty line) in.
 * The response is NUL-terminated in S.rbuf, truncated if huge (the rest
 * is read and dropped so the next response starts in sync). */
static bool exchange(size_t wlen) {
  if (S.fd < 0 && !child_start()) return false;
  long deadline = now_ms() + QUERY_TIMEOUT_MS;
  bool ok = false;
  size_t off = 0;
  while (off < wlen) {
    long n = syscall(SYS_sendto, S.fd, S.wbuf + off, wlen - off, MSG_NOSIGNAL, 0, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) goto out;
    off += (size_t)n;
  }
  size_t len = 0;
  char last2[2] = {0, 0};
  for (;;) {
    long left = deadline - now_ms();
    if (left <= 0) goto out;
    struct pollfd pfd = {.fd = S.fd, .events = POLLIN};
    long pr = syscall(SYS_poll, &pfd, 1, (int)left);
    if (pr < 0 && errno == EINTR) continue;
    if (pr <= 0) goto out;
    char tmp[4096];
    long n = syscall(SYS_read, S.fd, tmp, sizeof tmp);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) goto out; /* the child died */
    for (long i = 0; i < n; i++) {
      if (len < sizeof S.rbuf - 1) S.rbuf[len++] = tmp[i];
      last2[0] = last2[1];
      last2[1] = tmp[i];
    }
    /* Responses end with an empty line; within one, lines never are. */
    if (last2[0] == '\n' && last2[1] == '\n') break;
  }
  S.rbuf[len] = 0;
  ok = true;
out:
  if (!ok) {
    if (wt_opt_verbosity >= 1)
      wt_printf("weft: llvm-symbolizer stopped answering (pid %d)\n", S.child);
    child_stop(true);
  }
  return ok;
}

/* Quoted, so that paths with spaces work.  A path llvm-symbolizer could
 * not take (quote or newline in it) is not asked about. */
static bool request(const char *kind, const char *module, uintptr_t offset) {
  if (!wt_opt_symbolize) return false;
  check_fork();
  for (const char *p = module; *p; p++)
    if (*p == '"' || *p == '\n') return false;
  int n = wt_snprintf(S.wbuf, sizeof S.wbuf, "%s \"%s\" 0x%lx\n", kind, module,
                             (unsigned long)offset);
  if (n <= 0 || (size_t)n >= sizeof S.wbuf) return false;
  return exchange((size_t)n);
}

/* Splits off the next line of *p (NUL-terminating it); NULL at the end. */
static char *next_line(char **p) {
  char *s = *p;
  if (!s || !*s) return 0;
  char *e = s;
  while (*e && *e != '\n') e++;
  if (*e) *e++ = 0;
  *p = e;
  return s;
}

static unsigned long parse_num(const char *s, bool *ok) {
  unsigned long v = 0;
  int base = 10;
  *ok = false;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s += 2;
  }
  for (; *s; s++) {
    int d;
    if (*s >= '0' && *s <= '9') d = *s - '0';
    else if (base == 16 && *s >= 'a' && *s <= 'f') d = *s - 'a' + 10;
    else if (base == 16 && *s >= 'A' && *s <= 'F') d = *s - 'A' + 10;
    else break;
    v = v * (unsigned long)base + (unsigned long)d;
    *ok = true;
  }
  return v;
}

/* "file:line:col" (LLVM style); "??:0:0" when unknown.  The file name may
 * itself contain ':', so the numbers are taken from the right. */
static void parse_location(char *s, cframe *f) {
  f->file = "";
  f->line = f->column = 0;
  char *c2 = 0, *c1 = 0;
  for (char *p = s; *p; p++)
    if (*p == ':') {
      c1 = c2;
      c2 = p;
    }
  bool ok1 = false, ok2 = false;
  if (c1 && c2) {
    unsigned long line = parse_num(c1 + 1, &ok1), col = parse_num(c2 + 1, &ok2);
    if (ok1 && ok2) {
      *c1 = 0;
      f->line = (int)line;
      f->column = (int)col;
    }
  }
  if (!(ok1 && ok2) && c2) {
    unsigned long line = parse_num(c2 + 1, &ok1);
    if (ok1) {
      *c2 = 0;
      f->line = (int)line;
    }
  }
  if (__builtin_strcmp(s, "??") != 0) f->file = s;
}

/* ---- code ---------------------------------------------------------------- */

static _Alignas(16) char scratch[sizeof(centry) + MAX_INLINE * sizeof(cframe)];
static char scratch_module[512];

static uint32_t cache_slot(uintptr_t pc) {
  return (uint32_t)(((uint64_t)pc * 0x9e3779b97f4a7c15ull) >> 52) & (CACHE_SLOTS - 1);
}

static centry *cache_find(uintptr_t pc) {
  for (uint32_t i = cache_slot(pc);; i = (i + 1) & (CACHE_SLOTS - 1)) {
    centry *e = S.cache[i];
    if (!e || e->pc == pc) return e;
  }
}

static centry *symbolize_pc(uintptr_t pc) {
  centry *e = cache_find(pc);
  if (e) return e;
  /* Every depot pc is a return address: the call is the byte before. */
  uintptr_t addr = pc ? pc - 1 : 0;
  char module[512];
  uintptr_t offset = 0;
  bool have_module = wt_module_of(addr, module, sizeof module, &offset);
  cframe frames[MAX_INLINE];
  uint32_t n = 0;
  bool asked_failed = false;
  if (have_module && wt_opt_symbolize && !request("CODE", module, offset)) asked_failed = true;
  if (have_module && wt_opt_symbolize && !asked_failed) {
    char *p = S.rbuf, *fn, *loc;
    while (n < MAX_INLINE && (fn = next_line(&p)) && *fn && (loc = next_line(&p))) {
      parse_location(loc, &frames[n]);
      frames[n].function = fn;
      n++;
    }
  }
  if (n == 0) frames[n++] = (cframe){.function = "??", .file = ""};
  /* An exchange that failed may succeed with a restarted child: answer
   * from scratch and do not remember. */
  bool keep = !(asked_failed && S.spawns < MAX_SPAWNS);
  if (!keep) {
    e = (centry *)scratch;
    e->pc = pc;
    e->offset = offset;
    e->module = ~0u;
    e->n = n;
    __builtin_memcpy(e->f, frames, n * sizeof(cframe));
    copy_str(scratch_module, sizeof scratch_module, module, __builtin_strlen(module));
    return e;
  }
  e = wt_alloc(sizeof(centry) + n * sizeof(cframe));
  e->pc = pc;
  e->offset = offset;
  e->module = have_module ? module_index(module) : ~0u;
  e->n = n;
  for (uint32_t i = 0; i < n; i++) {
    e->f[i] = frames[i];
    e->f[i].function = arena_str(frames[i].function, __builtin_strlen(frames[i].function));
    e->f[i].file = arena_str(frames[i].file, __builtin_strlen(frames[i].file));
  }
  /* A full cache still answers, it just stops remembering. */
  if (S.ncached < CACHE_SLOTS / 4 * 3) {
    uint32_t i = cache_slot(pc);
    while (S.cache[i]) i = (i + 1) & (CACHE_SLOTS - 1);
    S.cache[i] = e;
    S.ncached++;
  }
  return e;
}

static void fill_frame(const centry *e, uint32_t i, wt_frame *out) {
  const cframe *f = &e->f[i];
  copy_str(out->function, sizeof out->function, f->function, __builtin_strlen(f->function));
  copy_str(out->file, sizeof out->file, f->file, __builtin_strlen(f->file));
  out->line = f->line;
  out->column = f->column;
  const char *m = e->module != ~0u ? S.modules[e->module]
                 : (const char *)e == scratch ? scratch_module : "";
  copy_str(out->module, sizeof out->module, m, __builtin_strlen(m));
  out->offset = e->offset;
}

int wt_symbolize_code_all(uintptr_t pc, wt_frame *out, int max) {
  if (max <= 0) return 0;
  int saved_errno = errno;
  sym_lock();
  const centry *e = symbolize_pc(pc);
  int n = (int)e->n < max ? (int)e->n : max;
  for (int i = 0; i < n; i++) fill_frame(e, (uint32_t)i, &out[i]);
  sym_unlock();
  errno = saved_errno;
  return n;
}

/* The innermost frame: with inlining, the inlined function and the line
 * inside it. */
void wt_symbolize_code(uintptr_t pc, wt_frame *out) { wt_symbolize_code_all(pc, out, 1); }

/* ---- data ------------------------------------------------------------------
 * The response is "name\nstart size\n" (start in the module's address
 * space, decimal), and since LLVM 17 a declaration "file:line" line. */
bool wt_symbolize_data(uintptr_t addr, char *name, size_t name_size, uintptr_t *start,
                       size_t *size) {
  char module[512];
  uintptr_t offset;
  if (!wt_module_of(addr, module, sizeof module, &offset)) return false;
  int saved_errno = errno;
  sym_lock();
  if (!(S.data_addr == addr && S.data_addr != 0)) {
    S.data_addr = addr;
    S.data_ok = false;
    if (request("DATA", module, offset)) {
      char *p = S.rbuf;
      char *nm = next_line(&p), *range = next_line(&p);
      if (nm && range && *nm && __builtin_strcmp(nm, "??") != 0) {
        bool ok1 = false, ok2 = false;
        char *sp = range;
        while (*sp && *sp != ' ') sp++;
        if (*sp) *sp++ = 0;
        unsigned long st = parse_num(range, &ok1), sz = parse_num(sp, &ok2);
        if (ok1 && ok2) {
          copy_str(S.data_name, sizeof S.data_name, nm, __builtin_strlen(nm));
          S.data_start = addr - offset + st;
          S.data_size = sz;
          S.data_ok = true;
        }
      }
    }
    /* A failed exchange is not remembered: a restarted child may answer. */
    if (!S.data_ok && S.fd < 0) S.data_addr = 0;
  }
  bool ok = S.data_ok;
  if (ok) {
    copy_str(name, name_size, S.data_name, __builtin_strlen(S.data_name));
    *start = S.data_start;
    *size = S.data_size;
  }
  sym_unlock();
  errno = saved_errno;
  return ok;
}
