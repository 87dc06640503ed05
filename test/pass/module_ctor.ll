; Every instrumented module gets one constructor, priority 0, calling
; __weft_init(WEFT_ABI_VERSION), and is marked !weft.instrumented.  A marked
; module is left alone, so running the pass twice (as when both -fplugin and
; -fpass-plugin name the plugin) instruments once.
; RUN: %opt -passes=weft -S %s | FileCheck %s
; RUN: %opt -passes=weft,weft -S %s | FileCheck %s
; RUN: %opt -passes=weft -S %s | %opt -passes=weft -S | FileCheck %s

@g = global i32 0
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @user_ctor, ptr null }]

; CHECK: @llvm.global_ctors = appending global [2 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @user_ctor, ptr null }, { i32, ptr, ptr } { i32 0, ptr @weft.module_ctor, ptr null }]

define void @user_ctor() {
  store i32 1, ptr @g
  ret void
}

define i32 @f() {
; CHECK-LABEL: define i32 @f()
; CHECK-NEXT:   call ptr @llvm.returnaddress(i32 0)
; CHECK-NEXT:   call void @__weft_func_entry(
; CHECK-NEXT:   call void @__weft_read4(ptr @g)
; CHECK-NEXT:   load i32, ptr @g
; CHECK-NEXT:   call void @__weft_func_exit()
; CHECK-NEXT:   ret i32
  %v = load i32, ptr @g
  ret i32 %v
}

; The constructor itself is not instrumented.
; CHECK-LABEL: define internal void @weft.module_ctor()
; CHECK-NEXT:   call void @__weft_init(i32 [[VERSION:[0-9]+]])
; CHECK-NEXT:   ret void
; CHECK-NOT:  define internal void @weft.module_ctor
; CHECK:      !weft.instrumented = !{![[V:[0-9]+]]}
; CHECK:      ![[V]] = !{i32 [[VERSION]]}
