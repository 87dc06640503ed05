// A race report shows what each thread of the two accesses last did
// through a sync object, so the missing happens-before edge can be seen:
// here T1 writes x and then releases mutex a, but T2 acquires mutex b
// (not a) before its write, and T1 also posts a semaphore T2 never waits
// on.  Text: "Thread T<n> last released|acquired <object> M<n> at:" and
// the stack, after the thread blocks; JSON: "last_sync".
// RUN: %weft-cc -O1 -g %test_include %s -o %t
// RUN: %expect-exit 66 %t 2>&1 | FileCheck %s
// RUN: env WEFT_OPTIONS=report_format=json:log_path=stdout %expect-exit 66 %t > %t.json
// RUN: python3 %S/Inputs/check_json.py %t.json 1
// RUN: python3 -c "import json,sys; r = json.loads(open(sys.argv[1]).readline()); s = [(e['thread'], e['op'], e['object'], e['stack'][0]['function']) for e in r['last_sync']]; assert s == [(2, 'acquire', 'mutex', 'second'), (1, 'release', 'sem', 'first'), (1, 'acquire', 'mutex', 'first')], s" %t.json
#include "weft_test.h"
#include <semaphore.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static sem_t s;
int x;

static void *first(void *arg) {
  pthread_mutex_lock(&a); // line ACQ_A
  x = 1;
  pthread_mutex_unlock(&a);
  sem_post(&s); // line POST_S
  wtest_step_set(1);
  return NULL;
}

static void *second(void *arg) {
  wtest_step_wait(1);
  pthread_mutex_lock(&b); // line ACQ_B
  x = 2;
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t t1, t2;
  sem_init(&s, 0, 0);
  wtest_create(&t1, first, NULL);
  wtest_create(&t2, second, NULL);
  wtest_join(t1);
  wtest_join(t2);
  return 0;
}

// CHECK: Write of size 4 at {{.*}} by thread T2 (mutexes: write [[B:M[0-9]+]]):
// CHECK: Previous write of size 4 at {{.*}} by thread T1 (mutexes: write [[A:M[0-9]+]]):
// CHECK: {{^}}  Thread T1 (tid=
// T2 has released nothing yet: only its acquire is shown.
// CHECK: {{^}}  Thread T2 last acquired mutex [[B]] at:{{$}}
// CHECK-NEXT: {{^}}    #0 second {{.*}}last_sync.c:[[#@LINE-21]]:
// CHECK: {{^}}  Thread T1 last released sem M{{[0-9]+}} at:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}last_sync.c:[[#@LINE-30]]:
// CHECK: {{^}}  Thread T1 last acquired mutex [[A]] at:{{$}}
// CHECK-NEXT: {{^}}    #0 first {{.*}}last_sync.c:[[#@LINE-35]]:
// CHECK-NEXT: {{^}}  Fingerprint:
