//==============================================================================
// DESCRIPTION:
//   The entry points of WeftPass.so, which is both a Clang frontend plugin
//   and an LLVM pass plugin:
//     - llvmGetPassPluginInfo registers WeftPass at the end of every
//       optimisation pipeline (-O0 to -O3), WeftOptOutPass at its start, and
//       the pipeline name "weft" for opt;
//     - the frontend action "weft" (added before the main action, so -fplugin
//       alone runs it) records the functions declared
//       no_sanitize("thread") / no_sanitize_thread, whose attribute leaves no
//       trace in the IR without -fsanitize=thread, and adds this very file to
//       the code generator's pass plugins.
//   The instrumentation itself is in Instrument.cpp.
//
// USAGE:
//   clang-19 -fplugin=WeftPass.so ...       instruments, honours the opt-out
//   clang-19 -fpass-plugin=WeftPass.so ...  instruments, cannot see opt-out
//   opt-19 -load-pass-plugin=WeftPass.so -passes=weft -S in.ll
//   Naming both -fplugin and -fpass-plugin still instruments once.
//==============================================================================
#include "Instrument.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Sanitizers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/FileSystem.h"

#include <dlfcn.h>

using namespace llvm;

//------------------------------------------------------------------------------
// Pass plugin
//------------------------------------------------------------------------------
static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(weft::WeftOptOutPass());
      });
  // Also part of the -O0 pipeline (buildO0DefaultPipeline calls it).
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(weft::WeftPass());
      });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "weft") {
          MPM.addPass(weft::WeftPass());
          return true;
        }
        return false;
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "weft", LLVM_VERSION_STRING,
          registerCallbacks};
}

//------------------------------------------------------------------------------
// Frontend plugin
//------------------------------------------------------------------------------
namespace {

class OptOutCollector : public clang::RecursiveASTVisitor<OptOutCollector> {
public:
  explicit OptOutCollector(clang::ASTContext &Ctx) : Names(Ctx) {}

  // Instantiations carry the template's attributes and are what gets
  // emitted; implicit code holds each lambda's class and operator().
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    // A dependent declaration has no symbol; its instantiations do.
    if (FD->isDependentContext() || !optsOut(*FD))
      return true;
    weft::addOptOut(Names.getName(FD));
    // Constructors and destructors have several symbols (C1/C2, D0/D1/D2).
    if (isa<clang::CXXMethodDecl>(FD))
      for (const std::string &Name : Names.getAllManglings(FD))
        weft::addOptOut(Name);
    return true;
  }

private:
  static bool optsOut(const clang::FunctionDecl &FD) {
    for (const auto *A : FD.specific_attrs<clang::NoSanitizeAttr>())
      if (A->getMask() & clang::SanitizerKind::Thread)
        return true;
    return false;
  }

  clang::ASTNameGenerator Names;
};

// Runs before the code generator's consumer, so the list is complete before
// the optimisation pipeline starts at the end of the translation unit.
class OptOutConsumer : public clang::ASTConsumer {
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    OptOutCollector(Ctx).TraverseDecl(Ctx.getTranslationUnitDecl());
  }
};

// The path this plugin was loaded from; dladdr looks it up from any address
// inside the file.
std::string selfPath() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&llvmGetPassPluginInfo), &Info) ||
      !Info.dli_fname)
    return "";
  SmallString<256> Path(Info.dli_fname);
  sys::fs::make_absolute(Path);
  return std::string(Path);
}

class WeftAction : public clang::PluginASTAction {
protected:
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, StringRef) override {
    weft::resetOptOuts();
    std::string Self = selfPath();
    if (Self.empty()) {
      clang::DiagnosticsEngine &Diags = CI.getDiagnostics();
      Diags.Report(Diags.getCustomDiagID(
          clang::DiagnosticsEngine::Error,
          "weft: cannot find the path of the weft plugin to load it as a "
          "pass plugin; use -fpass-plugin"));
      return std::make_unique<OptOutConsumer>();
    }
    // -fpass-plugin may already name this file, under another spelling.
    std::vector<std::string> &Plugins = CI.getCodeGenOpts().PassPlugins;
    if (llvm::none_of(Plugins, [&](const std::string &P) {
          return P == Self || sys::fs::equivalent(P, Self);
        }))
      Plugins.push_back(Self);
    return std::make_unique<OptOutConsumer>();
  }

  bool ParseArgs(const clang::CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

// Clang's symbols are weak references here (see CMakeLists.txt), null when
// opt loads this file; the frontend action exists only inside clang.
__attribute__((constructor)) static void registerFrontendAction() {
  if (!dlsym(RTLD_DEFAULT, "_ZN4llvm8RegistryIN5clang15PluginASTActionEE8"
                           "add_nodeEPNS3_4nodeE"))
    return;
  static clang::FrontendPluginRegistry::Add<WeftAction> Registration(
      "weft", "weft data-race instrumentation");
}
