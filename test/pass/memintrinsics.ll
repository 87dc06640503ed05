; memcpy/memmove (and memcpy.inline) get __weft_read_range(src, len) and
; __weft_write_range(dst, len) before the unchanged intrinsic; memset (and
; memset.inline) only the write.  A side that is a local whose address never
; escapes, or constant data, is not checked.
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s
; RUN: %opt -passes=weft -weft-instrument-memintrinsics=0 -S %s | FileCheck %s --check-prefix=OFF
; OFF-NOT: call void @__weft_{{read|write}}_range

@src = constant [16 x i8] zeroinitializer

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memcpy.inline.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.inline.p0.i64(ptr, i8, i64, i1)

define void @transfers(ptr %d, ptr %s, i64 %n, i32 %m) {
; CHECK-LABEL: define void @transfers(
; CHECK:      call void @__weft_read_range(ptr %s, i64 %n)
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 %n)
; CHECK-NEXT: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
; CHECK-NEXT: call void @__weft_read_range(ptr %s, i64 %n)
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 %n)
; CHECK-NEXT: call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
; CHECK-NEXT: call void @__weft_read_range(ptr %s, i64 8)
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 8)
; CHECK-NEXT: call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 8, i1 false)
; CHECK-NEXT: [[LEN:%.*]] = zext i32 %m to i64
; CHECK-NEXT: call void @__weft_read_range(ptr %s, i64 [[LEN]])
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 [[LEN]])
; CHECK-NEXT: call void @llvm.memcpy.p0.p0.i32(ptr %d, ptr %s, i32 %m, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call void @llvm.memmove.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call void @llvm.memcpy.inline.p0.p0.i64(ptr %d, ptr %s, i64 8, i1 false)
  call void @llvm.memcpy.p0.p0.i32(ptr %d, ptr %s, i32 %m, i1 false)
  ret void
}

define void @sets(ptr %d, i64 %n) {
; CHECK-LABEL: define void @sets(
; CHECK:      call void @__weft_write_range(ptr %d, i64 %n)
; CHECK-NEXT: call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 4)
; CHECK-NEXT: call void @llvm.memset.inline.p0.i64(ptr %d, i8 1, i64 4, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 0, i64 %n, i1 false)
  call void @llvm.memset.inline.p0.i64(ptr %d, i8 1, i64 4, i1 false)
  ret void
}

; Copying a private local out checks only the destination; copying constant
; data into one checks nothing.
define void @locals(ptr %d) {
; CHECK-LABEL: define void @locals(
; CHECK-NEXT: %buf = alloca [16 x i8]
; CHECK-NEXT: call void @llvm.memcpy.p0.p0.i64(ptr %buf, ptr @src, i64 16, i1 false)
; CHECK-NEXT: call void @__weft_write_range(ptr %d, i64 16)
; CHECK-NEXT: call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %buf, i64 16, i1 false)
  %buf = alloca [16 x i8]
  call void @llvm.memcpy.p0.p0.i64(ptr %buf, ptr @src, i64 16, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %buf, i64 16, i1 false)
  ret void
}
