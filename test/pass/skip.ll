; Accesses that cannot race are not instrumented: locals whose address never
; escapes, constant globals, LLVM's and weft's own globals, other address
; spaces.  Whole functions are skipped when they carry
; disable_sanitizer_instrumentation or naked, or are weft's own (__weft_*).
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s

@counter = global i32 0
@table = constant [4 x i32] [i32 1, i32 2, i32 3, i32 4]
@__weft_state = global i32 0
@g1 = addrspace(1) global i32 0

declare void @escape(ptr)

define i32 @local_not_captured() {
; CHECK-LABEL: define i32 @local_not_captured(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret i32
  %x = alloca i32
  %f = getelementptr [2 x i32], ptr %x, i64 0, i64 1
  store i32 1, ptr %x
  store i32 2, ptr %f
  %v = load i32, ptr %x
  ret i32 %v
}

; Once the address is passed to a call, another thread may see the local.
define i32 @local_captured() {
; CHECK-LABEL: define i32 @local_captured(
; CHECK:      call void @__weft_write4(ptr %x)
; CHECK-NEXT: store i32 1, ptr %x
; CHECK:      call void @__weft_read4(ptr %x)
; CHECK-NEXT: load i32, ptr %x
  %x = alloca i32
  store i32 1, ptr %x
  call void @escape(ptr %x)
  %v = load i32, ptr %x
  ret i32 %v
}

; Storing the address somewhere captures it too.
define void @local_stored(ptr %out) {
; CHECK-LABEL: define void @local_stored(
; CHECK:      call void @__weft_write4(ptr %x)
; CHECK-NEXT: store i32 5, ptr %x
  %x = alloca i32
  store i32 5, ptr %x
  store ptr %x, ptr %out
  ret void
}

define i32 @globals(i64 %i) {
; CHECK-LABEL: define i32 @globals(
; CHECK-NOT:  call void @__weft_read4(ptr %t)
; CHECK-NOT:  call void @__weft_{{.*}}(ptr @__weft_state)
; CHECK-NOT:  call void @__weft_{{.*}}(ptr addrspace(1)
; CHECK:      call void @__weft_read4(ptr @counter)
; CHECK-NEXT: load i32, ptr @counter
; CHECK-NOT:  call void @__weft_
; CHECK:      ret i32
  %t = getelementptr [4 x i32], ptr @table, i64 0, i64 %i
  %a = load i32, ptr %t
  %b = load i32, ptr @__weft_state
  store i32 %b, ptr @__weft_state
  %c = load i32, ptr addrspace(1) @g1
  %d = load i32, ptr @counter
  %s = add i32 %a, %d
  ret i32 %s
}

define i32 @opted_out() #0 {
; CHECK-LABEL: define i32 @opted_out(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret i32
  %v = load i32, ptr @counter
  ret i32 %v
}

define void @naked() #1 {
; CHECK-LABEL: define void @naked(
; CHECK-NOT:  call void @__weft_
; CHECK:      unreachable
  store i32 0, ptr @counter
  unreachable
}

define i32 @__weft_helper() {
; CHECK-LABEL: define i32 @__weft_helper(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret i32
  %v = load i32, ptr @counter
  ret i32 %v
}

attributes #0 = { disable_sanitizer_instrumentation }
attributes #1 = { naked noinline }
