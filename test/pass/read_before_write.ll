; Within a basic block, a check is dropped when a later access to the same
; address (same pointer value) of at least its size follows before any
; synchronisation point: a read before a write or read, a write before a
; write.  Calls (other than intrinsics that touch no memory and debug or
; lifetime markers), atomics and fences end the window.
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s

declare void @ext()
declare void @llvm.lifetime.start.p0(i64, ptr)
declare i32 @llvm.smax.i32(i32, i32)

define void @increment(ptr %p) {
; CHECK-LABEL: define void @increment(
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK-NEXT: %w = add i32 %v, 1
; CHECK-NEXT: call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 %w, ptr %p
  %v = load i32, ptr %p
  %w = add i32 %v, 1
  store i32 %w, ptr %p
  ret void
}

define void @call_between(ptr %p) {
; CHECK-LABEL: define void @call_between(
; CHECK:      call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK-NEXT: call void @ext()
; CHECK-NEXT: call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 %v, ptr %p
  %v = load i32, ptr %p
  call void @ext()
  store i32 %v, ptr %p
  ret void
}

; An acquire between the two may order the write after another thread's
; accesses that the read raced with.
define void @atomic_between(ptr %p, ptr %flag) {
; CHECK-LABEL: define void @atomic_between(
; CHECK:      call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK:      call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 %v, ptr %p
  %v = load i32, ptr %p
  %f = load atomic i32, ptr %flag acquire, align 4
  store i32 %v, ptr %p
  ret void
}

; Intrinsics that touch no memory and lifetime markers do not synchronise.
define void @harmless_intrinsics(ptr %p, ptr %q) {
; CHECK-LABEL: define void @harmless_intrinsics(
; CHECK-NOT:  call void @__weft_read4
; CHECK:      call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 %m, ptr %p
  %v = load i32, ptr %p
  %m = call i32 @llvm.smax.i32(i32 %v, i32 0)
  call void @llvm.lifetime.start.p0(i64 4, ptr %q)
  store i32 %m, ptr %p
  ret void
}

; A narrower write does not cover the whole read.
define void @narrower_write(ptr %p) {
; CHECK-LABEL: define void @narrower_write(
; CHECK:      call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK-NEXT: call void @__weft_write1(ptr %p)
; CHECK-NEXT: store i8 0, ptr %p
  %v = load i32, ptr %p
  store i8 0, ptr %p
  ret void
}

; The write is in another block: both are checked.
define void @other_block(ptr %p, i1 %c) {
; CHECK-LABEL: define void @other_block(
; CHECK:      call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK:      then:
; CHECK-NEXT: call void @__weft_write4(ptr %p)
  %v = load i32, ptr %p
  br i1 %c, label %then, label %done
then:
  store i32 %v, ptr %p
  br label %done
done:
  ret void
}

; Repeated accesses: the last of each kind stands for the earlier ones.
define i32 @repeated(ptr %p, ptr %q) {
; CHECK-LABEL: define i32 @repeated(
; CHECK-NEXT: store i32 1, ptr %p
; CHECK-NEXT: call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 2, ptr %p
; CHECK-NEXT: %a = load i32, ptr %q
; CHECK-NEXT: call void @__weft_read4(ptr %q)
; CHECK-NEXT: %b = load i32, ptr %q
  store i32 1, ptr %p
  store i32 2, ptr %p
  %a = load i32, ptr %q
  %b = load i32, ptr %q
  %s = add i32 %a, %b
  ret i32 %s
}

; A write followed by a read keeps both: the read cannot stand for the write.
define i32 @write_then_read(ptr %p) {
; CHECK-LABEL: define i32 @write_then_read(
; CHECK:      call void @__weft_write4(ptr %p)
; CHECK-NEXT: store i32 1, ptr %p
; CHECK-NEXT: call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
  store i32 1, ptr %p
  %v = load i32, ptr %p
  ret i32 %v
}
