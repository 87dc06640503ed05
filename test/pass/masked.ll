; Masked vector loads/stores: with an all-ones mask, one access of the whole
; vector; otherwise one range call per lane whose length is the element size
; when the lane is on and 0 when it is off (no branches added).  Scalable
; masked accesses and gathers/scatters are not instrumented.
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s

declare <4 x i32> @llvm.masked.load.v4i32.p0(ptr, i32, <4 x i1>, <4 x i32>)
declare void @llvm.masked.store.v2i64.p0(<2 x i64>, ptr, i32, <2 x i1>)
declare <vscale x 4 x i32> @llvm.masked.load.nxv4i32.p0(ptr, i32, <vscale x 4 x i1>, <vscale x 4 x i32>)

define <4 x i32> @load_all(ptr %p) {
; CHECK-LABEL: define <4 x i32> @load_all(
; CHECK-NEXT: call void @__weft_read16(ptr %p)
; CHECK-NEXT: call <4 x i32> @llvm.masked.load
  %v = call <4 x i32> @llvm.masked.load.v4i32.p0(ptr %p, i32 4, <4 x i1> <i1 true, i1 true, i1 true, i1 true>, <4 x i32> zeroinitializer)
  ret <4 x i32> %v
}

define <4 x i32> @load_lanes(ptr %p, <4 x i1> %m) {
; CHECK-LABEL: define <4 x i32> @load_lanes(
; CHECK:      [[B0:%.*]] = extractelement <4 x i1> %m, i64 0
; CHECK-NEXT: [[L0:%.*]] = select i1 [[B0]], i64 4, i64 0
; CHECK-NEXT: call void @__weft_read_range(ptr %p, i64 [[L0]])
; CHECK:      [[B3:%.*]] = extractelement <4 x i1> %m, i64 3
; CHECK-NEXT: [[L3:%.*]] = select i1 [[B3]], i64 4, i64 0
; CHECK-NEXT: [[A3:%.*]] = getelementptr i32, ptr %p, i64 3
; CHECK-NEXT: call void @__weft_read_range(ptr [[A3]], i64 [[L3]])
; CHECK-NEXT: call <4 x i32> @llvm.masked.load
  %v = call <4 x i32> @llvm.masked.load.v4i32.p0(ptr %p, i32 4, <4 x i1> %m, <4 x i32> zeroinitializer)
  ret <4 x i32> %v
}

; A constant mask leaves only the lanes that are on.
define void @store_const_mask(ptr %p, <2 x i64> %v) {
; CHECK-LABEL: define void @store_const_mask(
; CHECK-NEXT: [[A1:%.*]] = getelementptr i64, ptr %p, i64 1
; CHECK-NEXT: call void @__weft_write_range(ptr [[A1]], i64 8)
; CHECK-NEXT: call void @llvm.masked.store
  call void @llvm.masked.store.v2i64.p0(<2 x i64> %v, ptr %p, i32 8, <2 x i1> <i1 false, i1 true>)
  ret void
}

define <vscale x 4 x i32> @scalable(ptr %p, <vscale x 4 x i1> %m) {
; CHECK-LABEL: define <vscale x 4 x i32> @scalable(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret
  %v = call <vscale x 4 x i32> @llvm.masked.load.nxv4i32.p0(ptr %p, i32 4, <vscale x 4 x i1> %m, <vscale x 4 x i32> zeroinitializer)
  ret <vscale x 4 x i32> %v
}
