// C++ with exceptions through -fplugin at every optimisation level: the
// output verifies, accesses are checked, and a function whose calls may
// throw leaves the shadow stack on the exception path too (a cleanup pad
// calling __weft_func_exit before resume).  With -g as well.
// RUN: %clang -x c++ -fplugin=%pass_plugin -S -emit-llvm -O0 %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -x c++ -fplugin=%pass_plugin -S -emit-llvm -O1 %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -x c++ -fplugin=%pass_plugin -S -emit-llvm -O2 %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -x c++ -fplugin=%pass_plugin -S -emit-llvm -O3 -g %s -o - | %opt -passes=verify -S | FileCheck %s

int shared;

__attribute__((noinline)) void may_throw(int v) {
  if (v > 3)
    throw v;
  shared = v;
}

struct Guard {
  int *p;
  ~Guard() { *p = 0; }
};

int run(int v, int *out) {
  Guard g{out};
  may_throw(v);
  return shared;
}

int catcher(int v) {
  try {
    may_throw(v);
  } catch (int e) {
    return e;
  }
  return 0;
}

// CHECK-LABEL: define {{.*}}void @_Z9may_throwi(
// CHECK:       call void @__weft_func_entry(
// CHECK:       call void @__weft_write4(ptr @shared)
// CHECK:       call void @__weft_func_exit()

// run: the landing pad that runs ~Guard also leaves the shadow stack.
// CHECK-LABEL: define {{.*}}i32 @_Z3runiPi(
// CHECK:       call void @__weft_func_entry(
// CHECK:       invoke void @_Z9may_throwi(
// CHECK:       call void @__weft_func_exit()
// CHECK:       landingpad { ptr, i32 }
// CHECK-NEXT:    cleanup
// CHECK:       call void @__weft_func_exit()
// CHECK-NEXT:  resume { ptr, i32 }

// CHECK-LABEL: define {{.*}}i32 @_Z7catcheri(
// CHECK:       call void @__weft_func_entry(
// CHECK:       invoke void @_Z9may_throwi(
// CHECK:       call void @__weft_func_exit()
