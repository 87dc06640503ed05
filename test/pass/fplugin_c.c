// A C program through -fplugin at every optimisation level: the output
// verifies; plain accesses, C11 atomics, fences and memcpy/memset are
// checked; the signal fence and the private local are not.  C functions are
// nounwind: no landing pads are added.
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O0 %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O1 %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O2 -g %s -o - | %opt -passes=verify -S | FileCheck %s
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O3 %s -o - | %opt -passes=verify -S | FileCheck %s

#include <stdatomic.h>
#include <string.h>

struct big { char bytes[100]; };

int shared;
_Atomic int flag;
struct big blob;

int run(const struct big *in) {
  int local = 3;
  shared = local;
  atomic_store_explicit(&flag, 1, memory_order_release);
  int expected = 1;
  atomic_compare_exchange_strong_explicit(&flag, &expected, 2,
                                          memory_order_acq_rel,
                                          memory_order_acquire);
  atomic_thread_fence(memory_order_seq_cst);
  atomic_signal_fence(memory_order_seq_cst);
  memcpy(&blob, in, sizeof blob);
  memset(&blob, 0, 7);
  return atomic_load_explicit(&flag, memory_order_acquire);
}

// CHECK-LABEL: define {{.*}}i32 @run(
// CHECK:       call void @__weft_func_entry(
// CHECK:       call void @__weft_write4(ptr @shared)
// CHECK:       call void @__weft_atomic_begin(ptr @flag, i64 4, i32 67)
// CHECK-NEXT:  store atomic i32 {{.*}}, ptr @flag release
// CHECK:       call void @__weft_atomic_end(ptr @flag, i64 4, i32 67)
// CHECK:       call void @__weft_atomic_begin(ptr @flag, i64 4, i32 212)
// CHECK-NEXT:  cmpxchg ptr @flag
// CHECK:       call void @__weft_atomic_end(ptr @flag, i64 4, i32 %
// CHECK:       call void @__weft_fence(i32 5)
// CHECK-NEXT:  fence seq_cst
// CHECK-NEXT:  fence syncscope("singlethread") seq_cst
// CHECK:       call void @__weft_read_range(ptr %{{.*}}, i64 100)
// CHECK-NEXT:  call void @__weft_write_range(ptr @blob, i64 100)
// CHECK-NEXT:  call void @llvm.memcpy
// CHECK:       call void @__weft_write_range(ptr @blob, i64 7)
// CHECK-NEXT:  call void @llvm.memset
// CHECK:       call void @__weft_atomic_begin(ptr @flag, i64 4, i32 2)
// CHECK:       call void @__weft_func_exit()
// CHECK-NOT:   landingpad
// CHECK:       {{^}}}
