; Atomics are bracketed by __weft_atomic_begin/__weft_atomic_end(addr, size,
; flags) and left unchanged.  flags (include/weft/abi.h): bits 0-2 the C11
; order (relaxed 0, acquire 2, release 3, acq_rel 4, seq_cst 5), bits 3-5 the
; failure order of a cmpxchg, bits 6-7 the operation (load 0, store 64,
; rmw 128, cmpxchg 192), bit 8 set at run time on cmpxchg success (end only).
; syncscope("singlethread") atomics and fences only order against signal
; handlers and are not instrumented.
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s
; RUN: %opt -passes=weft -weft-instrument-atomics=0 -S %s | FileCheck %s --check-prefix=OFF
; OFF-NOT: call void @__weft_atomic
; OFF-NOT: call void @__weft_fence

define void @loads(ptr %p) {
; CHECK-LABEL: define void @loads(
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 0)
; CHECK-NEXT: load atomic i32, ptr %p unordered
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 4, i32 0)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 0)
; CHECK-NEXT: load atomic i32, ptr %p monotonic
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 4, i32 0)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 8, i32 2)
; CHECK-NEXT: load atomic i64, ptr %p acquire
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 8, i32 2)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 1, i32 5)
; CHECK-NEXT: load atomic i8, ptr %p seq_cst
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 1, i32 5)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 8, i32 2)
; CHECK-NEXT: load atomic ptr, ptr %p acquire
  %a = load atomic i32, ptr %p unordered, align 4
  %b = load atomic i32, ptr %p monotonic, align 4
  %c = load atomic i64, ptr %p acquire, align 8
  %d = load atomic i8, ptr %p seq_cst, align 1
  %e = load atomic ptr, ptr %p acquire, align 8
  ret void
}

define void @stores(ptr %p) {
; CHECK-LABEL: define void @stores(
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 64)
; CHECK-NEXT: store atomic i32 1, ptr %p monotonic
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 4, i32 64)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 2, i32 67)
; CHECK-NEXT: store atomic i16 2, ptr %p release
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 2, i32 67)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 8, i32 69)
; CHECK-NEXT: store atomic i64 3, ptr %p seq_cst
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 8, i32 69)
  store atomic i32 1, ptr %p monotonic, align 4
  store atomic i16 2, ptr %p release, align 2
  store atomic i64 3, ptr %p seq_cst, align 8
  ret void
}

define void @rmw(ptr %p) {
; CHECK-LABEL: define void @rmw(
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 128)
; CHECK-NEXT: atomicrmw add ptr %p, i32 1 monotonic
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 4, i32 128)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 130)
; CHECK-NEXT: atomicrmw xchg ptr %p, i32 1 acquire
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 131)
; CHECK-NEXT: atomicrmw or ptr %p, i32 1 release
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 8, i32 132)
; CHECK-NEXT: atomicrmw sub ptr %p, i64 1 acq_rel
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 8, i32 132)
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 1, i32 133)
; CHECK-NEXT: atomicrmw and ptr %p, i8 1 seq_cst
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 133)
; CHECK-NEXT: atomicrmw fadd ptr %p, float 1.0
  %a = atomicrmw add ptr %p, i32 1 monotonic
  %b = atomicrmw xchg ptr %p, i32 1 acquire
  %c = atomicrmw or ptr %p, i32 1 release
  %d = atomicrmw sub ptr %p, i64 1 acq_rel
  %e = atomicrmw and ptr %p, i8 1 seq_cst
  %f = atomicrmw fadd ptr %p, float 1.0 seq_cst
  ret void
}

; cmpxchg: success order in bits 0-2, failure order in bits 3-5; the end call
; ors in the success bit (1 << 8) from the result's i1.
define i1 @cmpxchg(ptr %p, i32 %old, i32 %new) {
; CHECK-LABEL: define i1 @cmpxchg(
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 237)
; CHECK-NEXT: %r = cmpxchg ptr %p, i32 %old, i32 %new seq_cst seq_cst
; CHECK-NEXT: [[OK:%.*]] = extractvalue { i32, i1 } %r, 1
; CHECK-NEXT: [[Z:%.*]] = zext i1 [[OK]] to i32
; CHECK-NEXT: [[S:%.*]] = shl i32 [[Z]], 8
; CHECK-NEXT: [[F:%.*]] = or i32 237, [[S]]
; CHECK-NEXT: call void @__weft_atomic_end(ptr %p, i64 4, i32 [[F]])
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 4, i32 212)
; CHECK-NEXT: cmpxchg ptr %p, i32 %old, i32 %new acq_rel acquire
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 8, i32 195)
; CHECK-NEXT: cmpxchg weak ptr %p, i64 0, i64 1 release monotonic
; CHECK:      call void @__weft_atomic_begin(ptr %p, i64 16, i32 192)
; CHECK-NEXT: cmpxchg ptr %p, i128 0, i128 1 monotonic monotonic
  %r = cmpxchg ptr %p, i32 %old, i32 %new seq_cst seq_cst
  %r2 = cmpxchg ptr %p, i32 %old, i32 %new acq_rel acquire
  %r3 = cmpxchg weak ptr %p, i64 0, i64 1 release monotonic
  %r4 = cmpxchg ptr %p, i128 0, i128 1 monotonic monotonic
  %ok = extractvalue { i32, i1 } %r, 1
  ret i1 %ok
}

define void @fences() {
; CHECK-LABEL: define void @fences(
; CHECK:      call void @__weft_fence(i32 2)
; CHECK-NEXT: fence acquire
; CHECK-NEXT: call void @__weft_fence(i32 3)
; CHECK-NEXT: fence release
; CHECK-NEXT: call void @__weft_fence(i32 4)
; CHECK-NEXT: fence acq_rel
; CHECK-NEXT: call void @__weft_fence(i32 5)
; CHECK-NEXT: fence seq_cst
; CHECK-NEXT: fence syncscope("singlethread") seq_cst
; CHECK-NEXT: ret void
  fence acquire
  fence release
  fence acq_rel
  fence seq_cst
  fence syncscope("singlethread") seq_cst
  ret void
}

define void @singlethread(ptr %p) {
; CHECK-LABEL: define void @singlethread(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret void
  %a = load atomic i32, ptr %p syncscope("singlethread") acquire, align 4
  store atomic i32 1, ptr %p syncscope("singlethread") release, align 4
  %b = atomicrmw add ptr %p, i32 1 syncscope("singlethread") seq_cst
  %c = cmpxchg ptr %p, i32 0, i32 1 syncscope("singlethread") seq_cst seq_cst
  ret void
}
