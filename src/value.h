/*
** value.h — the tagged value every part of cmonty passes around.
**
** A cm_value is 64 bits, NaN-boxed:
**   - any bit pattern below CM_TAGGED_MIN is a double (floats are unboxed);
**   - top 16 bits 0xFFF9: a small int, 48-bit two's complement payload;
**   - top 16 bits 0xFFFA: a pointer to a heap object (cm_obj), low 48 bits;
**   - top 16 bits 0xFFFB: a special constant (None, False, True, ...).
** Invariant: a boxed double never lands in the tagged range — cm_float()
** folds every such NaN pattern to the canonical quiet NaN, and arithmetic on
** canonical NaNs only yields canonical NaNs (possibly with the sign bit,
** 0xFFF8..., which is still below the tagged range).
** Pointers must fit in 48 bits: true for user space on x86-64, AArch64
** (48-bit VA), 32-bit targets and wasm32.
*/
#ifndef CM_VALUE_H
#define CM_VALUE_H

#include <stdint.h>
#include <string.h>

typedef uint64_t cm_value;

#define CM_TAGGED_MIN UINT64_C(0xFFF9000000000000)
#define CM_TAG_INT UINT64_C(0xFFF9)
#define CM_TAG_OBJ UINT64_C(0xFFFA)
#define CM_TAG_SPEC UINT64_C(0xFFFB)
#define CM_PAYLOAD_MASK UINT64_C(0x0000FFFFFFFFFFFF)
#define CM_CANONICAL_NAN UINT64_C(0x7FF8000000000000)

#define CM_TAG(v) ((v) >> 48)

/* Special constants. CM_ERROR, CM_NULL, CM_STOP and CM_TAILCALL never reach
   Python code: they are C-level signals (see vm.h for their protocols). */
#define CM_MKSPEC(n) ((CM_TAG_SPEC << 48) | (uint64_t)(n))
#define CM_NONE CM_MKSPEC(0)
#define CM_FALSE CM_MKSPEC(1)
#define CM_TRUE CM_MKSPEC(2)
#define CM_NOTIMPL CM_MKSPEC(3)  /* NotImplemented */
#define CM_ELLIPSIS CM_MKSPEC(4) /* ... */
#define CM_ERROR CM_MKSPEC(5)    /* an exception is set in vm->exc */
#define CM_NULL CM_MKSPEC(6)     /* absent: unbound local, missing arg, no kwnames */
#define CM_STOP CM_MKSPEC(7)     /* iterator exhausted (no exception set) */
#define CM_TAILCALL CM_MKSPEC(8) /* native asked the VM to make a call for it */

#define cm_is_int(v) (CM_TAG(v) == CM_TAG_INT)
#define cm_is_obj(v) (CM_TAG(v) == CM_TAG_OBJ)
#define cm_is_float(v) ((v) < CM_TAGGED_MIN)
#define cm_is_bool(v) ((v) == CM_TRUE || (v) == CM_FALSE)
#define cm_is_none(v) ((v) == CM_NONE)
#define cm_is_error(v) ((v) == CM_ERROR)
#define cm_is_null(v) ((v) == CM_NULL)

#define CM_SMALLINT_MAX ((INT64_C(1) << 47) - 1)
#define CM_SMALLINT_MIN (-(INT64_C(1) << 47))
#define cm_smallint_fits(i) ((i) >= CM_SMALLINT_MIN && (i) <= CM_SMALLINT_MAX)

/* Precondition: cm_smallint_fits(i). Use cm_int_from_i64() (int.h) for any
   int64_t: it boxes into a big int when needed. */
static inline cm_value cm_mkint(int64_t i) {
  return (CM_TAG_INT << 48) | ((uint64_t)i & CM_PAYLOAD_MASK);
}
static inline int64_t cm_intval(cm_value v) {
  /* sign-extend the 48-bit payload */
  uint64_t p = v & CM_PAYLOAD_MASK;
  return (int64_t)(p ^ UINT64_C(0x800000000000)) - INT64_C(0x800000000000);
}

static inline cm_value cm_float(double d) {
  cm_value v;
  memcpy(&v, &d, sizeof v);
  return v >= CM_TAGGED_MIN ? CM_CANONICAL_NAN : v;
}
static inline double cm_floatval(cm_value v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}

#define cm_bool(b) ((b) ? CM_TRUE : CM_FALSE)

struct cm_obj;
static inline cm_value cm_obj_value(const void *o) {
  return (CM_TAG_OBJ << 48) | ((uint64_t)(uintptr_t)o & CM_PAYLOAD_MASK);
}
static inline struct cm_obj *cm_objptr(cm_value v) {
  return (struct cm_obj *)(uintptr_t)(v & CM_PAYLOAD_MASK);
}
/* Typed pointer access: CM_AS(cm_list, v). */
#define CM_AS(T, v) ((T *)(void *)cm_objptr(v))
#define CM_VAL(p) cm_obj_value(p)

#endif
