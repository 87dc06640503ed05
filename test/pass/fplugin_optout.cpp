// The C++ forms of the opt-out: methods, constructors and destructors (all
// their symbols), function template instantiations, functions in anonymous
// namespaces, lambdas' operator().  At -O2 the opted-out functions are still
// called, not inlined into (and instrumented within) run().
// RUN: %clang -x c++ -std=c++17 -fplugin=%pass_plugin -S -emit-llvm -O0 %s -o - | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -x c++ -std=c++17 -fplugin=%pass_plugin -S -emit-llvm -O2 %s -o - | FileCheck %s --check-prefixes=CHECK,O2

int counter;

struct Counter {
  int n = 0;
  __attribute__((no_sanitize("thread"))) Counter() { counter++; }
  __attribute__((no_sanitize("thread"))) ~Counter() { counter--; }
  __attribute__((no_sanitize("thread"))) void quiet() { n++; }
  void loud() { n++; }
};

template <typename T> __attribute__((no_sanitize("thread"))) T quiet_get(T *p) {
  return *p;
}

namespace {
__attribute__((no_sanitize("thread"))) int quiet_anon(int *p) { return *p; }
} // namespace

int run(int *p, Counter *c) {
  auto quiet_lambda = [p]() __attribute__((no_sanitize("thread"))) { return *p; };
  auto loud_lambda = [p]() { return *p + 1; };
  Counter local;
  c->quiet();
  c->loud();
  return quiet_get(p) + quiet_get(&counter) + quiet_anon(p) + quiet_lambda() +
         loud_lambda() + local.n;
}

// CHECK-LABEL: define {{.*}}i32 @_Z3runPiP7Counter(
// CHECK:       call void @__weft_func_entry(
// O2:          call void @_ZN7CounterC2Ev(
// O2:          call void @_ZN7Counter5quietEv(
// O2:          call {{.*}}i32 @_Z9quiet_getIiET_PS0_(
// O2:          call {{.*}}i32 @_ZN12_GLOBAL__N_110quiet_anonEPi(
// O2:          call {{.*}}i32 @"_ZZ3runPiP7CounterENK3$_0clEv"(
// O2:          call void @_ZN7CounterD2Ev(
// CHECK:       call void @__weft_func_exit()

// CHECK-LABEL: define {{.*}}void @_ZN7CounterC2Ev(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// CHECK-LABEL: define {{.*}}void @_ZN7Counter5quietEv(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// O0-LABEL:    define {{.*}}void @_ZN7Counter4loudEv(
// O0:          call void @__weft_write4(
// CHECK-LABEL: define {{.*}}i32 @_Z9quiet_getIiET_PS0_(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// CHECK-LABEL: define {{.*}}i32 @_ZN12_GLOBAL__N_110quiet_anonEPi(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// CHECK-LABEL: define {{.*}}i32 @"_ZZ3runPiP7CounterENK3$_0clEv"(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// O0-LABEL:    define {{.*}}i32 @"_ZZ3runPiP7CounterENK3$_1clEv"(
// O0:          call void @__weft_read4(
// CHECK-LABEL: define {{.*}}void @_ZN7CounterD2Ev(
// CHECK-NOT:   __weft_
// CHECK:       {{^}}}
// CHECK-LABEL: define internal void @weft.module_ctor()
