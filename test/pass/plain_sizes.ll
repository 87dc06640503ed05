; Plain loads and stores: one __weft_readN/__weft_writeN call of the access's
; store size before the access, a range call for any other size, nothing for
; scalable vectors.  Alignment and volatile make no difference.  Every access
; has its own address, or the redundancy rules (read_before_write.ll) apply.
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s
; RUN: %opt -passes=weft -weft-instrument-memory=0 -S %s | FileCheck %s --check-prefix=OFF
; OFF-NOT: call void @__weft_read
; OFF-NOT: call void @__weft_write

define void @sizes(ptr %p) {
; CHECK-LABEL: define void @sizes(
; CHECK:      call void @__weft_read1(ptr %p)
; CHECK-NEXT: load i8, ptr %p
; CHECK:      call void @__weft_read2(ptr %p2)
; CHECK-NEXT: load i16, ptr %p2
; CHECK:      call void @__weft_read4(ptr %p4)
; CHECK-NEXT: load i32, ptr %p4
; CHECK:      call void @__weft_read8(ptr %p8)
; CHECK-NEXT: load i64, ptr %p8
; CHECK:      call void @__weft_read16(ptr %p16)
; CHECK-NEXT: load i128, ptr %p16
; CHECK:      call void @__weft_write1(ptr %q)
; CHECK-NEXT: store i8 1, ptr %q
; CHECK:      call void @__weft_write2(ptr %q2)
; CHECK-NEXT: store i16 2, ptr %q2
; CHECK:      call void @__weft_write4(ptr %q4)
; CHECK-NEXT: store i32 3, ptr %q4
; CHECK:      call void @__weft_write8(ptr %q8)
; CHECK-NEXT: store i64 4, ptr %q8
; CHECK:      call void @__weft_write16(ptr %q16)
; CHECK-NEXT: store i128 5, ptr %q16
  %p2 = getelementptr i8, ptr %p, i64 2
  %p4 = getelementptr i8, ptr %p, i64 4
  %p8 = getelementptr i8, ptr %p, i64 8
  %p16 = getelementptr i8, ptr %p, i64 16
  %q = getelementptr i8, ptr %p, i64 32
  %q2 = getelementptr i8, ptr %p, i64 34
  %q4 = getelementptr i8, ptr %p, i64 36
  %q8 = getelementptr i8, ptr %p, i64 40
  %q16 = getelementptr i8, ptr %p, i64 48
  %a = load i8, ptr %p
  %b = load i16, ptr %p2
  %c = load i32, ptr %p4
  %d = load i64, ptr %p8
  %e = load i128, ptr %p16
  store i8 1, ptr %q
  store i16 2, ptr %q2
  store i32 3, ptr %q4
  store i64 4, ptr %q8
  store i128 5, ptr %q16
  ret void
}

define void @other_types(ptr %f, ptr %d, ptr %q, ptr %v, ptr %b) {
; CHECK-LABEL: define void @other_types(
; CHECK:      call void @__weft_read4(ptr %f)
; CHECK-NEXT: load float
; CHECK:      call void @__weft_read8(ptr %d)
; CHECK-NEXT: load double
; CHECK:      call void @__weft_read8(ptr %q)
; CHECK-NEXT: load ptr
; CHECK:      call void @__weft_read16(ptr %v)
; CHECK-NEXT: load <4 x i32>
; CHECK:      call void @__weft_read1(ptr %b)
; CHECK-NEXT: load i1
  %1 = load float, ptr %f
  %2 = load double, ptr %d
  %3 = load ptr, ptr %q
  %4 = load <4 x i32>, ptr %v
  %5 = load i1, ptr %b
  ret void
}

; Sizes without a fixed-size entry point go through the range calls.
define void @ranges(ptr %p, ptr %q, ptr %r, ptr %s) {
; CHECK-LABEL: define void @ranges(
; CHECK:      call void @__weft_write_range(ptr %p, i64 3)
; CHECK-NEXT: store i24 7, ptr %p
; CHECK:      call void @__weft_read_range(ptr %q, i64 3)
; CHECK-NEXT: load [3 x i8], ptr %q
; CHECK:      call void @__weft_read_range(ptr %r, i64 32)
; CHECK-NEXT: load <8 x i32>, ptr %r
; CHECK:      call void @__weft_write_range(ptr %s, i64 10)
; CHECK-NEXT: store x86_fp80
  store i24 7, ptr %p
  %a = load [3 x i8], ptr %q
  %v = load <8 x i32>, ptr %r
  store x86_fp80 0xK3FFF8000000000000000, ptr %s
  ret void
}

define void @unaligned_and_volatile(ptr %p, ptr %q, ptr %r) {
; CHECK-LABEL: define void @unaligned_and_volatile(
; CHECK:      call void @__weft_read4(ptr %p)
; CHECK-NEXT: load i32, ptr %p, align 1
; CHECK:      call void @__weft_read8(ptr %q)
; CHECK-NEXT: load volatile i64, ptr %q
; CHECK:      call void @__weft_write2(ptr %r)
; CHECK-NEXT: store volatile i16 1, ptr %r
  %a = load i32, ptr %p, align 1
  %b = load volatile i64, ptr %q
  store volatile i16 1, ptr %r
  ret void
}

; A scalable vector has no size known at compile time: not instrumented.
define void @scalable(ptr %p) {
; CHECK-LABEL: define void @scalable(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret void
  %v = load <vscale x 4 x i32>, ptr %p
  store <vscale x 4 x i32> %v, ptr %p
  ret void
}
