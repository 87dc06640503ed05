// Compiled by symbolize.test: its frames are written raw into a log, and
// weft-report must name them, the inlined call as its own frame.
int counter;

static inline __attribute__((always_inline)) void inner(void) {
  counter++;
}

__attribute__((noinline)) void outer(void) {
  inner();
}

int main(void) {
  outer();
  return counter;
}
