// Naming the plugin both as -fplugin and -fpass-plugin (in either order)
// loads it once as a pass plugin and instruments once: one constructor, one
// check per access.
// RUN: %clang -fplugin=%pass_plugin -fpass-plugin=%pass_plugin -S -emit-llvm -O1 %s -o - | FileCheck %s
// RUN: %clang -fpass-plugin=%pass_plugin -fplugin=%pass_plugin -S -emit-llvm -O0 %s -o - | FileCheck %s
// RUN: %clang -fplugin=%pass_plugin -S -emit-llvm -O2 %s -o - | FileCheck %s

int counter;

void bump(void) { counter = counter * 2 + 1; }

// CHECK:       @llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 0, ptr @weft.module_ctor, ptr null }]
// CHECK-LABEL: define {{.*}}void @bump(
// CHECK:       call void @__weft_func_entry(
// CHECK-NOT:   call void @__weft_func_entry(
// CHECK:       call void @__weft_write4(ptr @counter)
// CHECK-NOT:   call void @__weft_
// CHECK:       call void @__weft_func_exit()
// CHECK-NOT:   call void @__weft_
// CHECK:       ret void
// CHECK-LABEL: define internal void @weft.module_ctor()
// CHECK-NEXT:  call void @__weft_init(
// CHECK-NEXT:  ret void
// CHECK-NOT:   @weft.module_ctor
// CHECK:       !weft.instrumented = !{!{{[0-9]+}}}
// CHECK-NOT:   !weft.instrumented
