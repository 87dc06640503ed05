; Inserted calls carry debug locations, so that -g code inlined after
; instrumentation still verifies: an access's check takes the access's
; location, entry (and anything without a location) gets line 0 of the
; function's subprogram, exits take the return's location.
; RUN: %opt -passes=weft -S %s | FileCheck %s
; RUN: %opt -passes=weft,verify -disable-output %s

@g = global i32 0

define i32 @f() !dbg !5 {
; CHECK-LABEL: define i32 @f()
; CHECK-NEXT: call ptr @llvm.returnaddress(i32 0), !dbg [[L0:![0-9]+]]
; CHECK-NEXT: call void @__weft_func_entry({{.*}}), !dbg [[L0]]
; CHECK-NEXT: call void @__weft_read4(ptr @g), !dbg [[LOAD:![0-9]+]]
; CHECK-NEXT: load i32, ptr @g, align 4, !dbg [[LOAD]]
; CHECK-NEXT: call void @__weft_atomic_begin({{.*}}), !dbg [[L0]]
; CHECK-NEXT: atomicrmw
; CHECK-NEXT: call void @__weft_atomic_end({{.*}}), !dbg [[L0]]
; CHECK-NEXT: call void @__weft_func_exit(), !dbg [[RET:![0-9]+]]
; CHECK-NEXT: ret i32 %v, !dbg [[RET]]
; CHECK-DAG:  [[L0]] = !DILocation(line: 0, scope: [[SP:![0-9]+]])
; CHECK-DAG:  [[LOAD]] = !DILocation(line: 3, column: 7, scope: [[SP]])
; CHECK-DAG:  [[RET]] = !DILocation(line: 4, column: 3, scope: [[SP]])
  %v = load i32, ptr @g, align 4, !dbg !8
  %o = atomicrmw add ptr @g, i32 1 seq_cst
  ret i32 %v, !dbg !9
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "test", isOptimized: true, runtimeVersion: 0, emissionKind: FullDebug)
!1 = !DIFile(filename: "f.c", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 2, type: !6, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 3, column: 7, scope: !5)
!9 = !DILocation(line: 4, column: 3, scope: !5)
