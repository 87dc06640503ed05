// docs/options.md is generated from runtime/options.def (the one
// declaration of every option) by tools/gen-options-doc.c; this keeps the
// committed file equal to what the table says.  After changing an option:
//   build/test/tools/gen-options-doc > docs/options.md
// RUN: gen-options-doc > %t.md
// RUN: diff -u %S/../../docs/options.md %t.md
