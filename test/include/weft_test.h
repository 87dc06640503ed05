/* Helpers for weft's tests: ordering threads without telling the detector.
 *
 * A race test must make the racing accesses happen in a known order (so
 * the report's "current" and "previous" access are known) without creating
 * a happens-before edge between them, or the race would vanish.  A norace
 * test often wants the same order, to force one particular path through a
 * primitive (the waiter really blocks, the trylock really fails).
 *
 * The tool for both is a step counter: a global int touched only by
 * RELAXED atomic loads and stores.  Relaxed atomics order nothing in the
 * C11 memory model, and weft (like ThreadSanitizer) models them exactly so:
 * no happens-before edge.  wtest_step_set(n) publishes "step n is done";
 * wtest_step_wait(n) spins until some step >= n was published.
 *
 * Rules for tests:
 *  - Never order threads by sleeping: it makes tests slow and flaky, and a
 *    sleep proves nothing about order on a loaded machine.
 *  - Do not use the step helpers in a thread that also runs
 *    atomic_thread_fence: a relaxed store after a release fence, read by a
 *    relaxed load followed by an acquire fence, DOES synchronize (C11
 *    7.17.4), so the helpers would add real edges there.  Fence tests spin
 *    on their own flag.
 *  - Thread creation goes through the wtest_create/wtest_join macros (not
 *    functions), so the caller of pthread_create in reports is the test's
 *    own function, e.g. main.
 *
 * Everything is static or a macro: nothing here has a link-time name, so
 * nothing can collide with the runtime.  Works as C11 and C++. */
#ifndef WEFT_TEST_H
#define WEFT_TEST_H

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Fail loudly with exit status 2 (neither 0 nor weft's 66). */
#define WTEST_CHECK(expr)                                                      \
  do {                                                                         \
    int wtest_rc_ = (expr);                                                    \
    if (wtest_rc_ != 0) {                                                      \
      fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #expr,     \
              wtest_rc_);                                                      \
      exit(2);                                                                 \
    }                                                                          \
  } while (0)
#define WTEST_EXPECT(cond)                                                     \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);      \
      exit(2);                                                                 \
    }                                                                          \
  } while (0)

#define wtest_create(th, fn, arg) WTEST_CHECK(pthread_create((th), NULL, (fn), (arg)))
#define wtest_join(th) WTEST_CHECK(pthread_join((th), NULL))

/* Keeps a loaded value alive without storing it anywhere shared.  A
 * volatile local rather than an empty asm: binary instrumenters
 * (Helgrind, DRD) drop a load whose value no instruction uses, which
 * would make the side-by-side comparison unfair to them. */
#define wtest_use(v)                                                           \
  do {                                                                         \
    volatile long wtest_sink_ = (long)(v);                                     \
    (void)wtest_sink_;                                                         \
  } while (0)
/* Compiler-only barrier: the step helpers must not let the compiler move
 * the test's plain accesses across them.  Emits no instruction. */
#define wtest_compiler_barrier() __asm__ volatile("" : : : "memory")

static inline void wtest_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ volatile("yield");
#endif
}

/* Spinning threads outnumber cores in some tests: yield after a while. */
static inline void wtest_backoff(unsigned *spins) {
  if (++*spins < 64)
    wtest_pause();
  else
    sched_yield();
}

static int wtest_step_var;

static inline void wtest_step_set(int n) {
  wtest_compiler_barrier();
  __atomic_store_n(&wtest_step_var, n, __ATOMIC_RELAXED);
  wtest_compiler_barrier();
}

static inline void wtest_step_wait(int n) {
  unsigned spins = 0;
  wtest_compiler_barrier();
  while (__atomic_load_n(&wtest_step_var, __ATOMIC_RELAXED) < n)
    wtest_backoff(&spins);
  wtest_compiler_barrier();
}

/* Hands a pointer to another thread without ordering anything else: the
 * pointer itself travels race-free (atomic), what it points to does not. */
static void *wtest_ptr_var;

static inline void wtest_ptr_publish(void *p) {
  wtest_compiler_barrier();
  __atomic_store_n(&wtest_ptr_var, p, __ATOMIC_RELAXED);
}

static inline void *wtest_ptr_take(void) {
  unsigned spins = 0;
  void *p;
  while (!(p = __atomic_load_n(&wtest_ptr_var, __ATOMIC_RELAXED)))
    wtest_backoff(&spins);
  wtest_compiler_barrier();
  return p;
}

/* The calling thread's kernel id, to hand to wtest_wait_blocked. */
static inline long wtest_tid(void) { return syscall(SYS_gettid); }

/* Spins until thread `tid` of this process sleeps in the kernel (state S
 * in /proc), i.e. it is blocked inside the call it made after
 * publishing its tid: the only way to know a thread is really waiting in
 * a barrier or on a semaphore without synchronizing with it. */
static inline void wtest_wait_blocked(long tid) {
  char path[64], buf[512];
  snprintf(path, sizeof path, "/proc/self/task/%ld/stat", tid);
  unsigned spins = 0;
  for (;;) {
    FILE *f = fopen(path, "r");
    if (f) {
      size_t n = fread(buf, 1, sizeof buf - 1, f);
      fclose(f);
      buf[n] = 0;
      /* "tid (comm) S ...": the state follows the last ')'. */
      char *p = strrchr(buf, ')');
      if (p && p[2] == 'S') return;
    }
    wtest_backoff(&spins);
  }
}

/* CLOCK_REALTIME deadline ms milliseconds from now (negative: already
 * past), for the *timed* primitives. */
static inline struct timespec wtest_deadline(long ms) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  long long ns = (long long)ts.tv_nsec + (long long)ms * 1000000LL;
  ts.tv_sec += (time_t)(ns / 1000000000LL);
  ns %= 1000000000LL;
  if (ns < 0) {
    ns += 1000000000LL;
    ts.tv_sec -= 1;
  }
  ts.tv_nsec = (long)ns;
  return ts;
}

#endif
