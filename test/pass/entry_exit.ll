; A function with an instrumented access or a call (not an intrinsic) gets
; __weft_func_entry(return address) at entry and __weft_func_exit() before
; every way out: each ret, each resume, and, for calls that may throw in a
; function that may unwind, a cleanup landing pad that calls func_exit and
; resumes the exception.
; RUN: %opt -passes=weft -S %s | FileCheck %s
; RUN: %opt -passes=weft -weft-instrument-func-entry-exit=0 -S %s | FileCheck %s --check-prefix=OFF
; OFF-NOT: call void @__weft_func_

declare void @ext()
declare void @ext_nothrow() nounwind
declare i32 @__gxx_personality_v0(...)
declare i32 @llvm.smax.i32(i32, i32)

define i32 @leaf_pure(i32 %a) {
; CHECK-LABEL: define i32 @leaf_pure(
; CHECK-NOT:  call void @__weft_
; CHECK:      ret i32
  %m = call i32 @llvm.smax.i32(i32 %a, i32 0)
  ret i32 %m
}

define i32 @leaf_access(ptr %p) {
; CHECK-LABEL: define i32 @leaf_access(
; CHECK-NEXT: [[RA:%.*]] = call ptr @llvm.returnaddress(i32 0)
; CHECK-NEXT: call void @__weft_func_entry(ptr [[RA]])
; CHECK-NEXT: call void @__weft_read4(ptr %p)
; CHECK-NEXT: %v = load i32, ptr %p
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: ret i32 %v
  %v = load i32, ptr %p
  ret i32 %v
}

; Entry goes after the static allocas; every return gets an exit.
define void @two_returns(i1 %c) nounwind {
; CHECK-LABEL: define void @two_returns(
; CHECK-NEXT: %x = alloca i32
; CHECK-NEXT: [[RA:%.*]] = call ptr @llvm.returnaddress(i32 0)
; CHECK-NEXT: call void @__weft_func_entry(ptr [[RA]])
; CHECK:      a:
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: ret void
; CHECK:      b:
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: ret void
; CHECK-NOT:  landingpad
; CHECK:      }
  %x = alloca i32
  call void @ext_nothrow()
  br i1 %c, label %a, label %b
a:
  ret void
b:
  ret void
}

; A call that may throw, in a function that may unwind, becomes an invoke
; whose cleanup pad leaves the shadow stack too.
define void @may_throw() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @may_throw()
; CHECK:      call void @__weft_func_entry(
; CHECK-NEXT: invoke void @ext()
; CHECK-NEXT:   to label %[[CONT:.*]] unwind label %[[PAD:.*]]
; CHECK:      [[CONT]]:
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: ret void
; CHECK:      [[PAD]]:
; CHECK-NEXT: [[LP:%.*]] = landingpad { ptr, i32 }
; CHECK-NEXT:   cleanup
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: resume { ptr, i32 } [[LP]]
  call void @ext()
  ret void
}

; C++-like code with its own invoke and landing pad: exit before the normal
; ret and before the existing resume.
define void @has_invoke() personality ptr @__gxx_personality_v0 {
; CHECK-LABEL: define void @has_invoke()
; CHECK:      call void @__weft_func_entry(
; CHECK-NEXT: invoke void @ext()
; CHECK-NEXT:   to label %ok unwind label %lpad
; CHECK:      ok:
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: ret void
; CHECK:      lpad:
; CHECK-NEXT: %lp = landingpad { ptr, i32 }
; CHECK-NEXT:   cleanup
; CHECK-NEXT: call void @ext_nothrow()
; CHECK-NEXT: call void @__weft_func_exit()
; CHECK-NEXT: resume { ptr, i32 } %lp
entry:
  invoke void @ext() to label %ok unwind label %lpad
ok:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  call void @ext_nothrow()
  resume { ptr, i32 } %lp
}

; Our own calls are nounwind, so they never get a landing pad of their own.
; CHECK: declare void @__weft_func_exit() #[[ATTR:[0-9]+]]
; CHECK: attributes #[[ATTR]] = { nounwind }
