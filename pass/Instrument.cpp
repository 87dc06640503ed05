//==============================================================================
// DESCRIPTION:
//   The weft instrumentation pass: before every memory access that may race
//   it inserts a call into the weft runtime (entry points in
//   include/weft/abi.def).  Per function it instruments
//     - plain loads/stores:      __weft_readN / __weft_writeN (N = 1,2,4,8,16)
//                                or __weft_read_range / __weft_write_range,
//     - masked vector loads/stores, one range call per lane (zero length
//                                when the lane is off),
//     - atomics:                 __weft_atomic_begin/_end around the
//                                unchanged instruction, __weft_fence before
//                                a fence,
//     - memcpy/memmove/memset:   read/write ranges before the intrinsic,
//     - entry/exit:              __weft_func_entry / __weft_func_exit, with a
//                                cleanup pad so exceptions also leave,
//   and adds a constructor calling __weft_init(WEFT_ABI_VERSION).
//   Only the instrumentation lives here; loading and registration are in
//   Plugin.cpp.  See docs/pass.md for what is skipped and why.
//
// USAGE:
//   opt-19 -load-pass-plugin=build/lib/weft/WeftPass.so -passes=weft -S in.ll
//   Each part can be switched off to isolate the others in tests:
//     -weft-instrument-memory=0 -weft-instrument-atomics=0
//     -weft-instrument-memintrinsics=0 -weft-instrument-func-entry-exit=0
//==============================================================================
#include "Instrument.h"

#include "weft/abi.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Transforms/Utils/EscapeEnumerator.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

static cl::opt<bool> ClInstrumentMemory(
    "weft-instrument-memory", cl::init(true),
    cl::desc("weft: instrument plain and masked loads and stores"));
static cl::opt<bool>
    ClInstrumentAtomics("weft-instrument-atomics", cl::init(true),
                        cl::desc("weft: instrument atomics and fences"));
static cl::opt<bool> ClInstrumentFuncEntryExit(
    "weft-instrument-func-entry-exit", cl::init(true),
    cl::desc("weft: instrument function entry and exit"));
static cl::opt<bool> ClInstrumentMemIntrinsics(
    "weft-instrument-memintrinsics", cl::init(true),
    cl::desc("weft: instrument memcpy, memmove and memset intrinsics"));

// Present once a module is instrumented, so that naming the plugin twice
// (-fplugin and -fpass-plugin, or -passes=weft,weft) instruments once.
static const char *const MarkerName = "weft.instrumented";
static const char *const CtorName = "weft.module_ctor";

//------------------------------------------------------------------------------
// Opt-out list
//------------------------------------------------------------------------------
static StringSet<> &optOuts() {
  static StringSet<> Names;
  return Names;
}

void weft::resetOptOuts() { optOuts().clear(); }
void weft::addOptOut(StringRef MangledName) { optOuts().insert(MangledName); }

bool weft::isOptedOut(StringRef FunctionName) {
  if (optOuts().empty())
    return false;
  // Clones made by the optimiser ("f.specialized.1", "f.cold") keep the
  // source function's choice; mangled names never contain a dot.
  return optOuts().contains(FunctionName) ||
         optOuts().contains(FunctionName.split('.').first);
}

PreservedAnalyses weft::WeftOptOutPass::run(Module &M,
                                            ModuleAnalysisManager &) {
  MDNode *Empty = MDNode::get(M.getContext(), {});
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || !isOptedOut(F.getName()))
      continue;
    // Inlined into an instrumented caller, the body would be instrumented
    // after all; TSan gets the same effect from its attribute's inlining
    // rule.  alwaysinline cannot also be noinline: there the body is tagged
    // instead, which the inliner copies but later merges may lose or
    // spread.
    if (!F.hasFnAttribute(Attribute::AlwaysInline)) {
      F.addFnAttr(Attribute::NoInline);
      Changed = true;
      continue;
    }
    for (Instruction &I : instructions(F))
      I.setMetadata(LLVMContext::MD_nosanitize, Empty);
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

//------------------------------------------------------------------------------
// Instrumentation
//------------------------------------------------------------------------------
namespace {

enum RuntimeFn {
#define WEFT_ENTRY0(N, R) RF_##N,
#define WEFT_ENTRY1(N, R, A) RF_##N,
#define WEFT_ENTRY2(N, R, A, B) RF_##N,
#define WEFT_ENTRY3(N, R, A, B, C) RF_##N,
#include "weft/abi.def"
#undef WEFT_ENTRY0
#undef WEFT_ENTRY1
#undef WEFT_ENTRY2
#undef WEFT_ENTRY3
  RF_Count
};

// Indexed by log2 of the access size.
const RuntimeFn ReadFns[] = {RF_read1, RF_read2, RF_read4, RF_read8, RF_read16};
const RuntimeFn WriteFns[] = {RF_write1, RF_write2, RF_write4, RF_write8,
                              RF_write16};

struct Access {
  Instruction *I;
  Value *Addr;
  uint64_t Size;
  bool IsWrite;
};

class Instrumenter {
public:
  explicit Instrumenter(Module &M);
  void instrumentFunction(Function &F);
  void createModuleCtor();

private:
  FunctionCallee declare(StringRef Name, StringRef Signature);
  bool cannotRace(const Value *Addr);
  void scanBlock(BasicBlock &BB, SmallVectorImpl<Access> &Plain,
                 SmallVectorImpl<Instruction *> &Others, bool &HasCalls);
  void emitAccess(Instruction *Before, Value *Addr, uint64_t Size,
                  bool IsWrite);
  bool instrumentMasked(IntrinsicInst *II);
  void instrumentAtomic(Instruction *I);
  bool instrumentMemIntrinsic(MemIntrinsic *MI);
  void instrumentEntryExit(Function &F);

  Module &M;
  LLVMContext &Ctx;
  const DataLayout &DL;
  Type *IntptrTy;
  FunctionCallee Rt[RF_Count];
  // Per function: allocas already run through capture tracking.
  DenseMap<const AllocaInst *, bool> NonCaptured;
};

} // namespace

Instrumenter::Instrumenter(Module &M)
    : M(M), Ctx(M.getContext()), DL(M.getDataLayout()),
      IntptrTy(DL.getIntPtrType(M.getContext())) {
  // Declared from the same list the runtime implements, so the pass cannot
  // call an entry point the runtime does not have.
#define WEFT_ENTRY0(N, R) Rt[RF_##N] = declare("__weft_" #N, #R);
#define WEFT_ENTRY1(N, R, A) Rt[RF_##N] = declare("__weft_" #N, #R #A);
#define WEFT_ENTRY2(N, R, A, B) Rt[RF_##N] = declare("__weft_" #N, #R #A #B);
#define WEFT_ENTRY3(N, R, A, B, C)                                             \
  Rt[RF_##N] = declare("__weft_" #N, #R #A #B #C);
#include "weft/abi.def"
#undef WEFT_ENTRY0
#undef WEFT_ENTRY1
#undef WEFT_ENTRY2
#undef WEFT_ENTRY3
}

// Signature: abi.def type codes, return type first.
FunctionCallee Instrumenter::declare(StringRef Name, StringRef Signature) {
  auto TypeOf = [&](char Code) -> Type * {
    switch (Code) {
    case 'V':
      return Type::getVoidTy(Ctx);
    case 'P':
      return PointerType::getUnqual(Ctx);
    case 'Z':
      return IntptrTy;
    case 'U':
      return Type::getInt32Ty(Ctx);
    }
    report_fatal_error("weft: unknown type code in abi.def");
  };
  SmallVector<Type *, 3> Params;
  for (char Code : Signature.drop_front())
    Params.push_back(TypeOf(Code));
  // nounwind: EscapeEnumerator must not turn our own calls into invokes.
  AttributeList Attrs =
      AttributeList().addFnAttribute(Ctx, Attribute::NoUnwind);
  return M.getOrInsertFunction(
      Name, FunctionType::get(TypeOf(Signature[0]), Params, false), Attrs);
}

// Accesses no other thread can see, or that are no program's business.
bool Instrumenter::cannotRace(const Value *Addr) {
  if (Addr->getType()->getPointerAddressSpace() != 0 || Addr->isSwiftError())
    return true;
  const Value *Obj = getUnderlyingObject(Addr);
  if (const auto *GV = dyn_cast<GlobalVariable>(Obj)) {
    StringRef Name = GV->getName();
    // Coverage counters race by design; reporting them helps no one.
    return GV->isConstant() || Name.starts_with("llvm.") ||
           Name.starts_with("__weft_") || Name.starts_with("__llvm_gcov") ||
           Name.starts_with("__profc_");
  }
  if (const auto *AI = dyn_cast<AllocaInst>(Obj)) {
    auto [It, New] = NonCaptured.try_emplace(AI, false);
    if (New)
      It->second = !PointerMayBeCaptured(AI, /*ReturnCaptures=*/true,
                                         /*StoreCaptures=*/true);
    return It->second;
  }
  return false;
}

// Anything that may order this thread's accesses against another thread's:
// a check before it cannot stand in for one after it.
static bool isSyncPoint(const Instruction &I) {
  if (I.isAtomic())
    return true;
  const auto *CB = dyn_cast<CallBase>(&I);
  if (!CB)
    return false;
  if (const auto *II = dyn_cast<IntrinsicInst>(CB))
    return !II->isAssumeLikeIntrinsic() && II->mayReadOrWriteMemory();
  return true;
}

static bool isMaskedLoadStore(const Instruction &I) {
  const auto *II = dyn_cast<IntrinsicInst>(&I);
  return II && (II->getIntrinsicID() == Intrinsic::masked_load ||
                II->getIntrinsicID() == Intrinsic::masked_store);
}

// Walks the block backwards so that each access knows what the rest of the
// block does to its address before the next sync point.  A read followed by
// a read or write of at least its size, or a write followed by a write of at
// least its size, has the same happens-before as that later access, which
// reports any race it would: the earlier check is dropped.
void Instrumenter::scanBlock(BasicBlock &BB, SmallVectorImpl<Access> &Plain,
                             SmallVectorImpl<Instruction *> &Others,
                             bool &HasCalls) {
  DenseMap<Value *, uint64_t> LaterWrite, LaterAccess;
  for (Instruction &I : reverse(BB)) {
    if (isSyncPoint(I)) {
      LaterWrite.clear();
      LaterAccess.clear();
    }
    // Tagged by WeftOptOutPass, or inserted by another instrumentation.
    if (I.hasMetadata(LLVMContext::MD_nosanitize))
      continue;

    if (auto *CB = dyn_cast<CallBase>(&I)) {
      if (!isa<IntrinsicInst>(CB))
        HasCalls = true;
      else if ((ClInstrumentMemIntrinsics && isa<MemIntrinsic>(CB)) ||
               (ClInstrumentMemory && isMaskedLoadStore(I)))
        Others.push_back(&I);
      continue;
    }
    if (I.isAtomic()) {
      std::optional<SyncScope::ID> Scope = getAtomicSyncScopeID(&I);
      const Value *Addr = getLoadStorePointerOperand(&I);
      if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
        Addr = RMW->getPointerOperand();
      else if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I))
        Addr = CX->getPointerOperand();
      // singlethread orders against signal handlers only.
      if (ClInstrumentAtomics && Scope != SyncScope::SingleThread &&
          (!Addr || Addr->getType()->getPointerAddressSpace() == 0))
        Others.push_back(&I);
      continue;
    }
    if (!ClInstrumentMemory || !isa<LoadInst, StoreInst>(I))
      continue;

    Value *Addr = getLoadStorePointerOperand(&I);
    TypeSize StoreSize = DL.getTypeStoreSize(getLoadStoreType(&I));
    if (StoreSize.isScalable() || StoreSize.isZero() || cannotRace(Addr))
      continue;
    uint64_t Size = StoreSize.getFixedValue();
    bool IsWrite = isa<StoreInst>(I);
    auto &Later = IsWrite ? LaterWrite : LaterAccess;
    auto It = Later.find(Addr);
    if (It != Later.end() && It->second >= Size)
      continue;
    Plain.push_back({&I, Addr, Size, IsWrite});
    uint64_t &A = LaterAccess[Addr];
    A = std::max(A, Size);
    if (IsWrite) {
      uint64_t &W = LaterWrite[Addr];
      W = std::max(W, Size);
    }
  }
}

// A call without a location in a function with debug info breaks the
// verifier once that function is inlined: inserted calls take the location
// of the instruction they instrument, or line 0 ("compiler-made").
static DebugLoc locationFor(const Instruction *I) {
  if (DebugLoc Loc = I->getDebugLoc())
    return Loc;
  if (DISubprogram *SP = I->getFunction()->getSubprogram())
    return DILocation::get(I->getContext(), 0, 0, SP);
  return DebugLoc();
}

void Instrumenter::emitAccess(Instruction *Before, Value *Addr, uint64_t Size,
                              bool IsWrite) {
  IRBuilder<> IRB(Before);
  IRB.SetCurrentDebugLocation(locationFor(Before));
  if (isPowerOf2_64(Size) && Size <= 16) {
    const RuntimeFn *Fns = IsWrite ? WriteFns : ReadFns;
    IRB.CreateCall(Rt[Fns[Log2_64(Size)]], {Addr});
    return;
  }
  IRB.CreateCall(Rt[IsWrite ? RF_write_range : RF_read_range],
                 {Addr, ConstantInt::get(IntptrTy, Size)});
}

// llvm.masked.load(ptr, align, mask, passthru) /
// llvm.masked.store(val, ptr, align, mask): one range per lane whose length
// is zero when the lane is off, so no control flow is added.
bool Instrumenter::instrumentMasked(IntrinsicInst *II) {
  bool IsWrite = II->getIntrinsicID() == Intrinsic::masked_store;
  Value *Addr = II->getArgOperand(IsWrite ? 1 : 0);
  Value *Mask = II->getArgOperand(IsWrite ? 3 : 2);
  Type *DataTy = IsWrite ? II->getArgOperand(0)->getType() : II->getType();
  auto *VecTy = dyn_cast<FixedVectorType>(DataTy);
  if (!VecTy || cannotRace(Addr) ||
      !DL.typeSizeEqualsStoreSize(VecTy->getElementType()))
    return false;
  if (auto *C = dyn_cast<Constant>(Mask); C && C->isAllOnesValue()) {
    emitAccess(II, Addr, DL.getTypeStoreSize(VecTy).getFixedValue(), IsWrite);
    return true;
  }
  Type *EltTy = VecTy->getElementType();
  Constant *EltSize =
      ConstantInt::get(IntptrTy, DL.getTypeStoreSize(EltTy).getFixedValue());
  Constant *Zero = ConstantInt::get(IntptrTy, 0);
  IRBuilder<> IRB(II);
  IRB.SetCurrentDebugLocation(locationFor(II));
  bool Any = false;
  for (unsigned Lane = 0, E = VecTy->getNumElements(); Lane != E; ++Lane) {
    Value *Len =
        IRB.CreateSelect(IRB.CreateExtractElement(Mask, Lane), EltSize, Zero);
    if (auto *C = dyn_cast<Constant>(Len); C && C->isNullValue())
      continue;
    IRB.CreateCall(
        Rt[IsWrite ? RF_write_range : RF_read_range],
        {Lane ? IRB.CreateConstGEP1_64(EltTy, Addr, Lane) : Addr, Len});
    Any = true;
  }
  return Any;
}

static unsigned orderFlag(AtomicOrdering Order) {
  switch (Order) {
  case AtomicOrdering::NotAtomic:
  case AtomicOrdering::Unordered:
  case AtomicOrdering::Monotonic:
    return WEFT_MO_RELAXED;
  case AtomicOrdering::Acquire:
    return WEFT_MO_ACQUIRE;
  case AtomicOrdering::Release:
    return WEFT_MO_RELEASE;
  case AtomicOrdering::AcquireRelease:
    return WEFT_MO_ACQ_REL;
  case AtomicOrdering::SequentiallyConsistent:
    return WEFT_MO_SEQ_CST;
  }
  llvm_unreachable("unknown atomic ordering");
}

void Instrumenter::instrumentAtomic(Instruction *I) {
  IRBuilder<> IRB(I);
  IRB.SetCurrentDebugLocation(locationFor(I));
  if (auto *Fence = dyn_cast<FenceInst>(I)) {
    IRB.CreateCall(Rt[RF_fence],
                   {IRB.getInt32(orderFlag(Fence->getOrdering()))});
    return;
  }
  Value *Addr;
  Type *Ty;
  unsigned Flags;
  if (auto *LI = dyn_cast<LoadInst>(I)) {
    Addr = LI->getPointerOperand();
    Ty = LI->getType();
    Flags = orderFlag(LI->getOrdering()) | WEFT_AF_LOAD;
  } else if (auto *SI = dyn_cast<StoreInst>(I)) {
    Addr = SI->getPointerOperand();
    Ty = SI->getValueOperand()->getType();
    Flags = orderFlag(SI->getOrdering()) | WEFT_AF_STORE;
  } else if (auto *RMW = dyn_cast<AtomicRMWInst>(I)) {
    Addr = RMW->getPointerOperand();
    Ty = RMW->getValOperand()->getType();
    Flags = orderFlag(RMW->getOrdering()) | WEFT_AF_RMW;
  } else {
    auto *CX = cast<AtomicCmpXchgInst>(I);
    Addr = CX->getPointerOperand();
    Ty = CX->getCompareOperand()->getType();
    Flags = orderFlag(CX->getSuccessOrdering()) |
            orderFlag(CX->getFailureOrdering()) << WEFT_AF_FAIL_SHIFT |
            WEFT_AF_CMPXCHG;
  }
  Value *Size =
      ConstantInt::get(IntptrTy, DL.getTypeStoreSize(Ty).getFixedValue());
  IRB.CreateCall(Rt[RF_atomic_begin], {Addr, Size, IRB.getInt32(Flags)});

  IRB.SetInsertPoint(I->getNextNode());
  IRB.SetCurrentDebugLocation(locationFor(I));
  Value *EndFlags = IRB.getInt32(Flags);
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(I)) {
    Value *Ok = IRB.CreateZExt(IRB.CreateExtractValue(CX, 1), IRB.getInt32Ty());
    EndFlags =
        IRB.CreateOr(EndFlags, IRB.CreateShl(Ok, countr_zero(WEFT_AF_SUCCESS)));
  }
  IRB.CreateCall(Rt[RF_atomic_end], {Addr, Size, EndFlags});
}

bool Instrumenter::instrumentMemIntrinsic(MemIntrinsic *MI) {
  Value *Src = nullptr;
  if (auto *MT = dyn_cast<MemTransferInst>(MI);
      MT && !cannotRace(MT->getSource()))
    Src = MT->getSource();
  Value *Dst = cannotRace(MI->getDest()) ? nullptr : MI->getDest();
  if (!Src && !Dst)
    return false;
  IRBuilder<> IRB(MI);
  IRB.SetCurrentDebugLocation(locationFor(MI));
  Value *Len = IRB.CreateZExtOrTrunc(MI->getLength(), IntptrTy);
  if (Src)
    IRB.CreateCall(Rt[RF_read_range], {Src, Len});
  if (Dst)
    IRB.CreateCall(Rt[RF_write_range], {Dst, Len});
  return true;
}

void Instrumenter::instrumentEntryExit(Function &F) {
  DebugLoc Line0; // see locationFor
  if (DISubprogram *SP = F.getSubprogram())
    Line0 = DILocation::get(Ctx, 0, 0, SP);

  // After the static allocas, which stay together at the top.
  BasicBlock::iterator Entry = F.getEntryBlock().getFirstInsertionPt();
  while (isa<AllocaInst>(*Entry))
    ++Entry;
  IRBuilder<> IRB(&*Entry);
  IRB.SetCurrentDebugLocation(Line0);
  Function *RetAddr = Intrinsic::getDeclaration(&M, Intrinsic::returnaddress);
  IRB.CreateCall(Rt[RF_func_entry], {IRB.CreateCall(RetAddr, IRB.getInt32(0))});

  // A nounwind function cannot be left by an exception, so it needs no
  // cleanup pad (and C code gets no personality routine).
  EscapeEnumerator Exits(F, "weft_cleanup",
                         /*HandleExceptions=*/!F.doesNotThrow());
  while (IRBuilder<> *AtExit = Exits.Next()) {
    if (!AtExit->getCurrentDebugLocation())
      AtExit->SetCurrentDebugLocation(Line0);
    AtExit->CreateCall(Rt[RF_func_exit], {});
  }
}

void Instrumenter::instrumentFunction(Function &F) {
  StringRef Name = F.getName();
  if (F.isDeclaration() || F.hasFnAttribute(Attribute::Naked) ||
      F.hasFnAttribute(Attribute::DisableSanitizerInstrumentation) ||
      Name.starts_with("__weft_") || Name.starts_with("weft.") ||
      weft::isOptedOut(Name))
    return;

  NonCaptured.clear();
  SmallVector<Access, 16> Plain;
  SmallVector<Instruction *, 8> Others;
  bool HasCalls = false;
  for (BasicBlock &BB : F)
    scanBlock(BB, Plain, Others, HasCalls);

  bool Instrumented = !Plain.empty();
  for (const Access &A : Plain)
    emitAccess(A.I, A.Addr, A.Size, A.IsWrite);
  for (Instruction *I : Others) {
    if (auto *MI = dyn_cast<MemIntrinsic>(I))
      Instrumented |= instrumentMemIntrinsic(MI);
    else if (isMaskedLoadStore(*I))
      Instrumented |= instrumentMasked(cast<IntrinsicInst>(I));
    else {
      instrumentAtomic(I);
      Instrumented = true;
    }
  }
  if (ClInstrumentFuncEntryExit && (Instrumented || HasCalls))
    instrumentEntryExit(F);
}

void Instrumenter::createModuleCtor() {
  Function *Ctor = Function::createWithDefaultAttr(
      FunctionType::get(Type::getVoidTy(Ctx), false),
      GlobalValue::InternalLinkage, 0, CtorName, &M);
  Ctor->addFnAttr(Attribute::NoUnwind);
  IRBuilder<> IRB(ReturnInst::Create(Ctx, BasicBlock::Create(Ctx, "", Ctor)));
  IRB.CreateCall(Rt[RF_init], {IRB.getInt32(WEFT_ABI_VERSION)});
  appendToGlobalCtors(M, Ctor, /*Priority=*/0);
}

PreservedAnalyses weft::WeftPass::run(Module &M, ModuleAnalysisManager &) {
  if (M.getNamedMetadata(MarkerName))
    return PreservedAnalyses::all();

  Instrumenter Inst(M);
  SmallVector<Function *, 32> Defined;
  for (Function &F : M)
    Defined.push_back(&F);
  for (Function *F : Defined)
    Inst.instrumentFunction(*F);
  Inst.createModuleCtor();

  Type *I32 = Type::getInt32Ty(M.getContext());
  M.getOrInsertNamedMetadata(MarkerName)
      ->addOperand(MDNode::get(
          M.getContext(),
          ConstantAsMetadata::get(ConstantInt::get(I32, WEFT_ABI_VERSION))));
  return PreservedAnalyses::none();
}
