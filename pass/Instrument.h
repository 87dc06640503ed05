//==============================================================================
// DESCRIPTION:
//   The two passes of the weft plugin and the opt-out list that links them
//   to the Clang frontend part (Plugin.cpp).  Only declarations live here;
//   Plugin.cpp registers the passes, Instrument.cpp implements them.
//
//   WeftPass       instruments memory accesses, atomics, memory intrinsics
//                  and function entry/exit with calls into the weft runtime.
//   WeftOptOutPass runs first in the pipeline and keeps opted-out bodies
//                  from being inlined into instrumented functions (noinline,
//                  or !nosanitize on each instruction if alwaysinline).
//
// USAGE:
//   Not used directly: see Plugin.cpp.
//==============================================================================
#ifndef WEFT_PASS_INSTRUMENT_H
#define WEFT_PASS_INSTRUMENT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/PassManager.h"

namespace weft {

struct WeftPass : llvm::PassInfoMixin<WeftPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  // Instrumentation is not an optimisation: never skip it (optnone, bisect).
  static bool isRequired() { return true; }
};

struct WeftOptOutPass : llvm::PassInfoMixin<WeftOptOutPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

// Mangled names of functions declared no_sanitize("thread") in the current
// translation unit.  Filled by the frontend action, read by both passes; the
// frontend and the code generator run in the same process and see the same
// loaded copy of this plugin, so a process-global set is enough.  One
// process may compile several translation units in turn (integrated cc1),
// hence the reset at the start of each.
void resetOptOuts();
void addOptOut(llvm::StringRef MangledName);
bool isOptedOut(llvm::StringRef FunctionName);

} // namespace weft

#endif
