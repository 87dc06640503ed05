/* Constants shared by the pass and the runtime beside abi.def.
 * Kept free of any header so that C and C++ both include it. */
#ifndef WEFT_ABI_H
#define WEFT_ABI_H

/* Memory orders, numbered as C11's memory_order_* enumerators. */
#define WEFT_MO_RELAXED 0u
#define WEFT_MO_CONSUME 1u
#define WEFT_MO_ACQUIRE 2u
#define WEFT_MO_RELEASE 3u
#define WEFT_MO_ACQ_REL 4u
#define WEFT_MO_SEQ_CST 5u

/* atomic_begin/atomic_end flags:
 *   bits 0-2  order (success order for cmpxchg)
 *   bits 3-5  failure order of a cmpxchg
 *   bits 6-7  operation
 *   bit  8    (atomic_end only) the cmpxchg succeeded */
#define WEFT_AF_ORDER(f) ((f) & 7u)
#define WEFT_AF_FAIL_ORDER(f) (((f) >> 3) & 7u)
#define WEFT_AF_FAIL_SHIFT 3u
#define WEFT_AF_OP(f) ((f) & (3u << 6))
#define WEFT_AF_LOAD (0u << 6)
#define WEFT_AF_STORE (1u << 6)
#define WEFT_AF_RMW (2u << 6)
#define WEFT_AF_CMPXCHG (3u << 6)
#define WEFT_AF_SUCCESS (1u << 8)

#endif
