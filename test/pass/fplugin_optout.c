// no_sanitize("thread") and no_sanitize_thread leave no trace in the IR
// without -fsanitize=thread; the -fplugin frontend action reads them from the
// AST.  Opted-out functions get no __weft_ calls and are not inlined into
// instrumented ones.  -fpass-plugin alone cannot see the attribute.
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O1 %s -o - | FileCheck %s
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O0 %s -o - | FileCheck %s
// RUN: %clang -fpass-plugin=%pass_plugin -S -emit-llvm -O1 %s -o - | FileCheck %s --check-prefix=PASSONLY

int counter;

__attribute__((no_sanitize("thread"))) int quiet(void) { return ++counter; }
// CHECK-LABEL: define {{.*}}i32 @quiet(
// CHECK-NOT:   __weft_
// CHECK:       ret i32
// PASSONLY-LABEL: define {{.*}}i32 @quiet(
// PASSONLY:       call void @__weft_write4(ptr @counter)

__attribute__((no_sanitize_thread)) void quiet_too(void) { counter = 0; }
// CHECK-LABEL: define {{.*}}void @quiet_too(
// CHECK-NOT:   __weft_
// CHECK:       ret void

__attribute__((no_sanitize("address", "thread"))) static int quiet_static(int *p) {
  return *p;
}

// Another sanitizer's opt-out does not concern weft.
__attribute__((no_sanitize("address"))) int loud_asan(void) { return ++counter; }
// CHECK-LABEL: define {{.*}}i32 @loud_asan(
// CHECK:       call void @__weft_write4(ptr @counter)

int loud(int *p) { return ++counter + quiet() + quiet_static(p); }
// CHECK-LABEL: define {{.*}}i32 @loud(
// CHECK:       call void @__weft_func_entry(
// CHECK:       call void @__weft_write4(ptr @counter)
// CHECK:       call {{.*}}i32 @quiet()
// CHECK:       call {{.*}}i32 @quiet_static(
// CHECK:       call void @__weft_func_exit()

// CHECK-LABEL: define internal {{.*}}i32 @quiet_static(
// CHECK-NOT:   __weft_
// CHECK:       ret i32
