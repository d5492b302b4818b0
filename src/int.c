/*
** int.c — the int and bool types: small ints (unboxed) and big ints
** (cm_bigint, sign + magnitude), arithmetic with Python semantics, hashing,
** conversion to and from strings, methods and the int() constructor.
*/
#include <math.h>
#include <float.h>
#include <stdio.h>
#include "int.h"
#include "str.h"
#include "format.h"
#include "unicode.h"
#include "bytes.h"

/* Bounds on result sizes, checked before allocating. Results of
   multiplications are capped lower than shifts because they cost
   superlinear time and native code cannot be interrupted. */
#define CM_INT_MAX_BITS (UINT64_C(1) << 31)
#define CM_INT_MAX_MUL_BITS (UINT64_C(1) << 25)  /* one product */
#define CM_INT_MAX_POW_BITS (UINT64_C(1) << 24)  /* a power: many products */
#define CM_MAX_STR_DIGITS 4300

/* ---- views: any int value as sign + magnitude ------------------------ */

typedef struct ival {
  const uint32_t *d;
  size_t n;
  int neg;
  uint32_t buf[2];
} ival;

static int64_t small_of(cm_value v) {
  if (cm_is_bool(v)) return v == CM_TRUE;
  return cm_intval(v);
}

/* The view must stay at one address (d may point into buf). */
static void ival_of(cm_value v, ival *x) {
  if (cm_is_bigint(v)) {
    cm_bigint *b = CM_AS(cm_bigint, v);
    x->d = b->d;
    x->n = b->n;
    x->neg = b->neg;
    return;
  }
  int64_t i = small_of(v);
  uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
  x->buf[0] = (uint32_t)u;
  x->buf[1] = (uint32_t)(u >> 32);
  x->d = x->buf;
  x->n = cm_mag_norm(x->buf, 2);
  x->neg = i < 0;
}

int cm_int_check_bits(cm_vm *vm, uint64_t bits) {
  uint64_t cap = CM_INT_MAX_BITS;
  if (vm->limits.max_memory && vm->limits.max_memory < cap / 8)
    cap = vm->limits.max_memory * 8;
  if (bits > cap) {
    cm_raise_memory(vm);
    return -1;
  }
  return 0;
}

cm_bigint *cm_bigint_alloc(cm_vm *vm, size_t n) {
  if (n == 0) n = 1;
  if (cm_int_check_bits(vm, (uint64_t)n * 32) < 0) return NULL;
  cm_bigint *b = cm_gc_new(vm, &cm_int_type, sizeof(cm_bigint) + n * 4);
  if (!b) return NULL;
  b->n = (uint32_t)n;
  return b;
}

cm_value cm_bigint_finish(cm_vm *vm, cm_bigint *b) {
  size_t n = cm_mag_norm(b->d, b->n);
  b->n = (uint32_t)n;
  if (n <= 2) {
    uint64_t u = n == 0 ? 0 : n == 1 ? b->d[0]
                                     : ((uint64_t)b->d[1] << 32) | b->d[0];
    if (u <= (uint64_t)CM_SMALLINT_MAX)
      return cm_mkint(b->neg ? -(int64_t)u : (int64_t)u);
    if (b->neg && u == (uint64_t)CM_SMALLINT_MAX + 1)
      return cm_mkint(CM_SMALLINT_MIN);
  }
  return CM_VAL(b);
}

cm_value cm_int_from_mag(cm_vm *vm, const uint32_t *d, size_t n, int neg) {
  n = cm_mag_norm(d, n);
  cm_bigint *b = cm_bigint_alloc(vm, n);
  if (!b) return CM_ERROR;
  memcpy(b->d, d, n * 4);
  b->n = (uint32_t)n;
  b->neg = neg;
  return cm_bigint_finish(vm, b);
}

static cm_value int_from_sign_u64(cm_vm *vm, int neg, uint64_t u) {
  uint32_t d[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
  if (u <= (uint64_t)CM_SMALLINT_MAX)
    return cm_mkint(neg ? -(int64_t)u : (int64_t)u);
  return cm_int_from_mag(vm, d, 2, neg);
}

cm_value cm_int_from_u64(cm_vm *vm, uint64_t u) {
  return int_from_sign_u64(vm, 0, u);
}

cm_value cm_int_from_i64(cm_vm *vm, int64_t i) {
  if (cm_smallint_fits(i)) return cm_mkint(i);
  return int_from_sign_u64(vm, i < 0,
                           i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i);
}

cm_value cm_int_from_double(cm_vm *vm, double d) {
  if (isnan(d))
    return cm_raise(vm, &cm_exc_ValueError, "cannot convert float NaN to integer");
  if (isinf(d))
    return cm_raise(vm, &cm_exc_OverflowError,
                    "cannot convert float infinity to integer");
  d = trunc(d);
  if (fabs(d) < 9007199254740992.0) return cm_int_from_i64(vm, (int64_t)d);
  int e;
  double m = frexp(fabs(d), &e); /* d = m * 2^e, 0.5 <= m < 1, e > 53 */
  uint64_t mant = (uint64_t)ldexp(m, 53);
  uint32_t md[2] = {(uint32_t)mant, (uint32_t)(mant >> 32)};
  cm_bigint *b = cm_bigint_alloc(vm, (size_t)(e - 53) / 32 + 4);
  if (!b) return CM_ERROR;
  memset(b->d, 0, b->n * 4);
  b->n = (uint32_t)cm_mag_shl(b->d, md, 2, (uint64_t)(e - 53));
  b->neg = d < 0;
  return cm_bigint_finish(vm, b);
}

/* ---- conversions ------------------------------------------------------ */

bool cm_is_intlike(cm_vm *vm, cm_value v) {
  (void)vm;
  return cm_is_int_fast(v);
}

int cm_int_sign(cm_value v) {
  if (cm_is_bigint(v)) return CM_AS(cm_bigint, v)->neg ? -1 : 1;
  int64_t i = small_of(v);
  return (i > 0) - (i < 0);
}

int cm_int_to_i64(cm_vm *vm, cm_value v, int64_t *out) {
  if (!cm_is_bigint(v)) {
    *out = small_of(v);
    return 0;
  }
  cm_bigint *b = CM_AS(cm_bigint, v);
  if (b->n <= 2) {
    uint64_t u = b->n == 1 ? b->d[0] : ((uint64_t)b->d[1] << 32) | b->d[0];
    if (!b->neg && u <= (uint64_t)INT64_MAX) { *out = (int64_t)u; return 0; }
    if (b->neg && u <= (uint64_t)INT64_MAX + 1) {
      *out = (int64_t)(0 - u);
      return 0;
    }
  }
  cm_raise(vm, &cm_exc_OverflowError, "Python int too large to convert to C int64");
  return -1;
}

static cm_value call_dunder(cm_vm *vm, cm_value x, const char *name);

cm_value cm_index(cm_vm *vm, cm_value v) {
  if (cm_is_int(v) || cm_is_bigint(v)) return v;
  if (cm_is_bool(v)) return cm_mkint(v == CM_TRUE);
  if (cm_is_obj(v) && cm_typeof(vm, v)->id == CM_T_USER) { /* __index__ */
    cm_value r = call_dunder(vm, v, "__index__");
    if (r == CM_ERROR) return CM_ERROR;
    if (r != CM_NULL) {
      if (cm_is_int(r) || cm_is_bigint(r)) return r;
      if (cm_is_bool(r)) return cm_mkint(r == CM_TRUE);
      return cm_raise(vm, &cm_exc_TypeError,
                      "__index__ returned non-int (type %T)", r);
    }
  }
  return cm_raise(vm, &cm_exc_TypeError,
                  "'%T' object cannot be interpreted as an integer", v);
}

int cm_index_i64(cm_vm *vm, cm_value v, int64_t *out) {
  cm_value i = cm_index(vm, v);
  if (i == CM_ERROR) return -1;
  return cm_int_to_i64(vm, i, out);
}

int cm_int_to_double(cm_vm *vm, cm_value v, double *out) {
  if (!cm_is_bigint(v)) {
    *out = (double)small_of(v);
    return 0;
  }
  cm_bigint *b = CM_AS(cm_bigint, v);
  static const uint32_t one = 1;
  int ovf;
  if (cm_mag_ratio_to_double(vm, b->d, b->n, &one, 1, out, &ovf) < 0)
    return -1;
  if (ovf) {
    cm_raise(vm, &cm_exc_OverflowError, "int too large to convert to float");
    return -1;
  }
  if (b->neg) *out = -*out;
  return 0;
}

int cm_to_double(cm_vm *vm, cm_value v, double *out) {
  if (cm_is_float(v)) {
    *out = cm_floatval(v);
    return 0;
  }
  if (cm_is_int_fast(v)) return cm_int_to_double(vm, v, out);
  if (cm_is_obj(v) && cm_typeof(vm, v)->id == CM_T_USER) {
    cm_value r = call_dunder(vm, v, "__float__");
    if (r == CM_ERROR) return -1;
    if (r != CM_NULL && cm_is_float(r)) {
      *out = cm_floatval(r);
      return 0;
    }
    if (r == CM_NULL && (r = call_dunder(vm, v, "__index__")) == CM_ERROR)
      return -1;
    if (r != CM_NULL && cm_is_int_fast(r)) return cm_int_to_double(vm, r, out);
  }
  cm_raise(vm, &cm_exc_TypeError, "must be real number, not %T", v);
  return -1;
}

/* ---- add, sub, mul ---------------------------------------------------- */

static cm_value int_addsub(cm_vm *vm, ival *a, ival *b, int negate_b) {
  int bneg = b->neg ^ negate_b;
  size_t n = (a->n > b->n ? a->n : b->n) + 1;
  cm_bigint *r = cm_bigint_alloc(vm, n);
  if (!r) return CM_ERROR;
  if (a->neg == bneg) {
    r->n = (uint32_t)cm_mag_add(r->d, a->d, a->n, b->d, b->n);
    r->neg = a->neg;
  } else if (cm_mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
    r->n = (uint32_t)cm_mag_sub(r->d, a->d, a->n, b->d, b->n);
    r->neg = a->neg;
  } else {
    r->n = (uint32_t)cm_mag_sub(r->d, b->d, b->n, a->d, a->n);
    r->neg = bneg;
  }
  return cm_bigint_finish(vm, r);
}

static cm_value int_mul(cm_vm *vm, ival *a, ival *b) {
  if (a->n == 0 || b->n == 0) return cm_mkint(0);
  uint64_t bits = cm_mag_bitlen(a->d, a->n) + cm_mag_bitlen(b->d, b->n);
  if (bits > CM_INT_MAX_MUL_BITS) return cm_raise_memory(vm);
  cm_bigint *r = cm_bigint_alloc(vm, a->n + b->n);
  if (!r) return CM_ERROR;
  r->neg = a->neg != b->neg;
  if (a->n == 1 || b->n == 1) { /* by one limb: the common case */
    const ival *big = a->n == 1 ? b : a;
    memcpy(r->d, big->d, big->n * 4);
    r->n = (uint32_t)cm_mag_muladd_small(r->d, big->n, (a->n == 1 ? a : b)->d[0], 0);
    return cm_bigint_finish(vm, r);
  }
  size_t sn = cm_mag_mul_scratch(a->n, b->n);
  bool karatsuba = (a->n < b->n ? a->n : b->n) >= CM_KARATSUBA_CUTOFF;
  uint32_t *tmp = karatsuba ? cm_alloc(vm, sn * 4) : NULL;
  if (karatsuba && !tmp) return CM_ERROR;
  r->n = (uint32_t)cm_mag_mul(r->d, a->d, a->n, b->d, b->n, tmp);
  if (tmp) cm_free(vm, tmp, sn * 4);
  return cm_bigint_finish(vm, r);
}

cm_value cm_int_add_i64(cm_vm *vm, int64_t a, int64_t b) {
  return cm_int_from_i64(vm, a + b); /* 48-bit operands: no overflow */
}

cm_value cm_int_sub_i64(cm_vm *vm, int64_t a, int64_t b) {
  return cm_int_from_i64(vm, a - b);
}

/* a * b fits in int64 (operands are 48-bit small ints or products of
   them, never INT64_MIN). */
static bool mul_fits(int64_t a, int64_t b) {
  int64_t lim = INT64_C(1) << 31;
  if (a > -lim && a < lim && b > -lim && b < lim) return true;
  if (a == 0 || b == 0) return true;
  uint64_t ua = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
  uint64_t ub = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
  return ua <= (uint64_t)INT64_MAX / ub;
}

cm_value cm_int_mul_i64(cm_vm *vm, int64_t a, int64_t b) {
  if (mul_fits(a, b)) return cm_int_from_i64(vm, a * b);
  ival x, y;
  ival_of(cm_mkint(a), &x);
  ival_of(cm_mkint(b), &y);
  return int_mul(vm, &x, &y);
}

/* ---- division --------------------------------------------------------- */

static cm_value zero_div(cm_vm *vm) {
  return cm_raise(vm, &cm_exc_ZeroDivisionError, "division by zero");
}

/* Floor division and modulo; either output may be NULL. */
static int int_divmod(cm_vm *vm, ival *a, ival *b, cm_value *q, cm_value *r) {
  if (b->n == 0) {
    zero_div(vm);
    return -1;
  }
  /* long division costs (an - bn) * bn steps: refuse hopeless sizes
     (native code cannot be interrupted by the time limit) */
  if (a->n > b->n && (double)(a->n - b->n) * (double)b->n > 68719476736.0) {
    cm_raise_memory(vm);
    return -1;
  }
  size_t qcap = a->n >= b->n ? a->n - b->n + 2 : 2;
  cm_bigint *qb = cm_bigint_alloc(vm, qcap);
  cm_bigint *rb = qb ? cm_bigint_alloc(vm, b->n + 1) : NULL;
  size_t scn = a->n + b->n + 2;
  uint32_t *scr = rb ? cm_alloc(vm, scn * 4) : NULL;
  if (!scr) return -1;
  size_t qn, rn;
  cm_mag_divmod(qb->d, &qn, rb->d, &rn, a->d, a->n, b->d, b->n, scr);
  cm_free(vm, scr, scn * 4);
  qb->n = (uint32_t)qn;
  rb->n = (uint32_t)rn;
  if (a->neg != b->neg && rn > 0) { /* floor: q += 1, r = |b| - r */
    static const uint32_t one = 1;
    qb->n = (uint32_t)cm_mag_add(qb->d, qb->d, qn, &one, 1);
    rb->n = (uint32_t)cm_mag_sub(rb->d, b->d, b->n, rb->d, rn);
  }
  qb->neg = a->neg != b->neg;
  rb->neg = b->neg;
  if (q) *q = cm_bigint_finish(vm, qb);
  if (r) *r = cm_bigint_finish(vm, rb);
  return 0;
}

static int64_t floordiv_i64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

static int64_t mod_i64(int64_t a, int64_t b) {
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

static cm_value int_truediv(cm_vm *vm, ival *a, ival *b) {
  if (b->n == 0) return zero_div(vm);
  double d;
  int ovf;
  if (cm_mag_ratio_to_double(vm, a->d, a->n, b->d, b->n, &d, &ovf) < 0)
    return CM_ERROR;
  if (ovf)
    return cm_raise(vm, &cm_exc_OverflowError,
                    "integer division result too large for a float");
  return cm_float(a->neg != b->neg ? -d : d);
}

/* ---- power ------------------------------------------------------------ */

static cm_value int_mul_v(cm_vm *vm, cm_value a, cm_value b) {
  ival x, y;
  ival_of(a, &x);
  ival_of(b, &y);
  return int_mul(vm, &x, &y);
}

static cm_value int_mod_v(cm_vm *vm, cm_value a, cm_value m) {
  ival x, y;
  cm_value r;
  ival_of(a, &x);
  ival_of(m, &y);
  if (int_divmod(vm, &x, &y, NULL, &r) < 0) return CM_ERROR;
  return r;
}

static cm_value int_pow_float(cm_vm *vm, cm_value a, cm_value b) {
  double x, y, r;
  if (cm_int_to_double(vm, a, &x) < 0 || cm_int_to_double(vm, b, &y) < 0)
    return CM_ERROR;
  int rc = cm_float_pow(vm, x, y, &r);
  if (rc < 0) return CM_ERROR;
  return cm_float(r);
}

static cm_value int_shift(cm_vm *vm, cm_value a, cm_value b, int left);

static cm_value int_pow(cm_vm *vm, cm_value a, cm_value b) {
  if (cm_int_sign(b) < 0) return int_pow_float(vm, a, b);
  ival x;
  ival_of(a, &x);
  /* trivial bases never grow */
  if (x.n == 0) return cm_mkint(cm_int_sign(b) == 0 ? 1 : 0);
  if (x.n == 1 && x.d[0] == 1) {
    if (!x.neg) return cm_mkint(1);
    ival e;
    ival_of(b, &e);
    return cm_mkint(e.n && (e.d[0] & 1) ? -1 : 1);
  }
  int64_t e;
  if (cm_is_bigint(b)) return cm_raise_memory(vm);
  e = small_of(b);
  uint64_t bits = cm_mag_bitlen(x.d, x.n);
  if ((double)(bits - 1) * (double)e > (double)CM_INT_MAX_BITS)
    return cm_raise_memory(vm);
  double ax; /* log2|a| estimates the result's size: e * log2|a| bits */
  if (cm_int_to_double(vm, a, &ax) < 0) {
    cm_exc_clear(vm);
    ax = ldexp(1.0, 1023);
  }
  double est_bits = (bits > 1000 ? (double)bits : log2(fabs(ax))) * (double)e;
  /* powers of two are shifts */
  if (x.n == 1 && (x.d[0] & (x.d[0] - 1)) == 0) {
    cm_value r = int_shift(vm, cm_mkint(1), cm_int_from_i64(vm, (int64_t)(bits - 1) * e), 1);
    if (r == CM_ERROR || !x.neg || !(e & 1)) return r;
    return cm_unop(vm, CM_UN_NEG, r);
  }
  if (est_bits > (double)CM_INT_MAX_POW_BITS) return cm_raise_memory(vm);
  cm_value result = cm_mkint(1), base = a;
  if (cm_is_bool(base)) base = cm_mkint(base == CM_TRUE);
  while (e > 0) { /* right-to-left binary powering */
    if (e & 1) {
      result = int_mul_v(vm, result, base);
      if (result == CM_ERROR) return CM_ERROR;
    }
    e >>= 1;
    if (e) {
      base = int_mul_v(vm, base, base);
      if (base == CM_ERROR) return CM_ERROR;
    }
  }
  return result;
}

/* Modular inverse of a mod m (m > 0), extended Euclid on Python ints. */
static cm_value int_modinv(cm_vm *vm, cm_value a, cm_value m) {
  cm_value r0 = m, r1 = int_mod_v(vm, a, m), s0 = cm_mkint(0), s1 = cm_mkint(1);
  if (r1 == CM_ERROR) return CM_ERROR;
  while (cm_int_sign(r1) != 0) {
    ival x, y;
    cm_value q, r;
    ival_of(r0, &x);
    ival_of(r1, &y);
    if (int_divmod(vm, &x, &y, &q, &r) < 0) return CM_ERROR;
    cm_value qs = int_mul_v(vm, q, s1);
    if (qs == CM_ERROR) return CM_ERROR;
    cm_value s2 = cm_int_binop(vm, CM_OP_SUB, s0, qs);
    if (s2 == CM_ERROR) return CM_ERROR;
    r0 = r1; r1 = r;
    s0 = s1; s1 = s2;
  }
  if (!(cm_is_int(r0) && cm_intval(r0) == 1))
    return cm_raise(vm, &cm_exc_ValueError,
                    "base is not invertible for the given modulus");
  return int_mod_v(vm, s0, m);
}

static cm_value int_pow3(cm_vm *vm, cm_value a, cm_value b, cm_value m) {
  int msign = cm_int_sign(m);
  if (msign == 0)
    return cm_raise(vm, &cm_exc_ValueError, "pow() 3rd argument cannot be 0");
  cm_value am = msign < 0 ? cm_unop(vm, CM_UN_NEG, m) : m;
  if (am == CM_ERROR) return CM_ERROR;
  if (cm_int_sign(b) < 0) {
    a = int_modinv(vm, a, am);
    b = cm_unop(vm, CM_UN_NEG, b);
    if (a == CM_ERROR || b == CM_ERROR) return CM_ERROR;
  }
  cm_value base = int_mod_v(vm, a, am), result = int_mod_v(vm, cm_mkint(1), am);
  if (base == CM_ERROR || result == CM_ERROR) return CM_ERROR;
  ival e;
  ival_of(b, &e);
  uint64_t nbits = cm_mag_bitlen(e.d, e.n);
  for (uint64_t i = 0; i < nbits; i++) {
    if ((e.d[i / 32] >> (i % 32)) & 1) {
      result = int_mul_v(vm, result, base);
      if (result == CM_ERROR || (result = int_mod_v(vm, result, am)) == CM_ERROR)
        return CM_ERROR;
    }
    if (i + 1 < nbits) {
      base = int_mul_v(vm, base, base);
      if (base == CM_ERROR || (base = int_mod_v(vm, base, am)) == CM_ERROR)
        return CM_ERROR;
    }
  }
  if (msign < 0 && cm_int_sign(result) != 0)
    result = cm_int_binop(vm, CM_OP_ADD, result, m);
  return result;
}

cm_value cm_num_pow3(cm_vm *vm, cm_value a, cm_value b, cm_value m) {
  if (cm_is_int_fast(a) && cm_is_int_fast(b) && cm_is_int_fast(m))
    return int_pow3(vm, a, b, m);
  if (cm_is_complex(a) || cm_is_complex(b) || cm_is_complex(m)) {
    bool nums = true;
    cm_value v[3] = {a, b, m};
    for (int i = 0; i < 3; i++)
      nums &= cm_is_complex(v[i]) || cm_is_float(v[i]) || cm_is_int_fast(v[i]);
    if (nums) return cm_raise(vm, &cm_exc_ValueError, "complex modulo");
  }
  if ((cm_is_int_fast(a) || cm_is_float(a)) &&
      (cm_is_int_fast(b) || cm_is_float(b)) &&
      (cm_is_int_fast(m) || cm_is_float(m)))
    return cm_raise(vm, &cm_exc_TypeError,
                    "pow() 3rd argument not allowed unless all arguments are integers");
  return CM_NOTIMPL;
}

/* ---- shifts and bitwise operations ------------------------------------ */

static cm_value int_shift(cm_vm *vm, cm_value a, cm_value b, int left) {
  if (cm_int_sign(b) < 0)
    return cm_raise(vm, &cm_exc_ValueError, "negative shift count");
  ival x;
  ival_of(a, &x);
  if (x.n == 0) return cm_mkint(0);
  if (cm_is_bigint(b)) {
    if (left) return cm_raise_memory(vm);
    return cm_mkint(x.neg ? -1 : 0);
  }
  uint64_t s = (uint64_t)small_of(b);
  if (left) {
    if (cm_int_check_bits(vm, cm_mag_bitlen(x.d, x.n) + s) < 0) return CM_ERROR;
    cm_bigint *r = cm_bigint_alloc(vm, x.n + (size_t)(s / 32) + 1);
    if (!r) return CM_ERROR;
    r->n = (uint32_t)cm_mag_shl(r->d, x.d, x.n, s);
    r->neg = x.neg;
    return cm_bigint_finish(vm, r);
  }
  int lost = 0;
  cm_bigint *r = cm_bigint_alloc(vm, x.n + 1);
  if (!r) return CM_ERROR;
  size_t rn = cm_mag_shr(r->d, x.d, x.n, s, &lost);
  if (x.neg && lost) { /* floor towards -inf */
    static const uint32_t one = 1;
    rn = cm_mag_add(r->d, r->d, rn, &one, 1);
  }
  r->n = (uint32_t)rn;
  r->neg = x.neg;
  return cm_bigint_finish(vm, r);
}

/* Two's complement of x into t[n] (n > x.n). */
static void to_twos(const ival *x, uint32_t *t, size_t n) {
  memset(t, 0, n * 4);
  memcpy(t, x->d, x->n * 4);
  if (!x->neg) return;
  uint64_t carry = 1;
  for (size_t i = 0; i < n; i++) {
    carry += (uint32_t)~t[i];
    t[i] = (uint32_t)carry;
    carry >>= 32;
  }
}

static cm_value int_bitwise(cm_vm *vm, int op, ival *a, ival *b) {
  size_t n = (a->n > b->n ? a->n : b->n) + 1;
  size_t total = 2 * n;
  uint32_t *t = cm_alloc(vm, total * 4);
  if (!t) return CM_ERROR;
  uint32_t *u = t + n;
  to_twos(a, t, n);
  to_twos(b, u, n);
  for (size_t i = 0; i < n; i++)
    t[i] = op == CM_OP_AND ? t[i] & u[i] : op == CM_OP_OR ? t[i] | u[i]
                                                           : t[i] ^ u[i];
  int neg = (t[n - 1] >> 31) & 1;
  if (neg) { /* back to magnitude: negate */
    ival tmp = {t, n, 1, {0, 0}};
    to_twos(&tmp, u, n);
    memcpy(t, u, n * 4);
  }
  cm_value r = cm_int_from_mag(vm, t, n, neg);
  cm_free(vm, t, total * 4);
  return r;
}

/* ---- the binop slot --------------------------------------------------- */

static cm_value small_binop(cm_vm *vm, int op, int64_t x, int64_t y) {
  switch (op) {
  case CM_OP_ADD: return cm_int_from_i64(vm, x + y);
  case CM_OP_SUB: return cm_int_from_i64(vm, x - y);
  case CM_OP_MUL: return cm_int_mul_i64(vm, x, y);
  case CM_OP_FLOORDIV:
    if (y == 0) return zero_div(vm);
    return cm_int_from_i64(vm, floordiv_i64(x, y));
  case CM_OP_MOD:
    if (y == 0) return zero_div(vm);
    return cm_mkint(mod_i64(x, y));
  case CM_OP_TRUEDIV:
    if (y == 0) return zero_div(vm);
    if (x > -(INT64_C(1) << 53) && x < (INT64_C(1) << 53))
      return cm_float((double)x / (double)y);
    return CM_NULL;
  case CM_OP_AND: return cm_mkint(x & y);
  case CM_OP_OR: return cm_mkint(x | y);
  case CM_OP_XOR: return cm_mkint(x ^ y);
  case CM_OP_RSHIFT:
    if (y < 0) return cm_raise(vm, &cm_exc_ValueError, "negative shift count");
    return cm_mkint(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
  case CM_OP_LSHIFT:
    if (y < 0) return cm_raise(vm, &cm_exc_ValueError, "negative shift count");
    if (x == 0) return cm_mkint(0);
    if (y < 62 && x > -(INT64_C(1) << (62 - y)) && x < (INT64_C(1) << (62 - y)))
      return cm_int_from_i64(vm, (int64_t)((uint64_t)x << y));
    return CM_NULL;
  case CM_OP_POW: {
    if (y < 0) return CM_NULL;
    int64_t r = 1, base = x;
    for (int64_t e = y; e > 0;) { /* binary powering while it fits */
      if (e & 1) {
        if (!mul_fits(r, base)) return CM_NULL;
        r *= base;
      }
      e >>= 1;
      if (e) {
        if (!mul_fits(base, base)) return CM_NULL;
        base *= base;
      }
    }
    return cm_int_from_i64(vm, r);
  }
  default: return CM_NULL; /* slow path */
  }
}

cm_value cm_int_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!cm_is_int_fast(a) || !cm_is_int_fast(b)) return CM_NOTIMPL;
  if (op >= CM_OP_INPLACE) op -= CM_OP_INPLACE;
  if (cm_is_bool(a) && cm_is_bool(b) &&
      (op == CM_OP_AND || op == CM_OP_OR || op == CM_OP_XOR)) {
    int x = a == CM_TRUE, y = b == CM_TRUE;
    return cm_bool(op == CM_OP_AND ? x & y : op == CM_OP_OR ? x | y : x ^ y);
  }
  if (!cm_is_bigint(a) && !cm_is_bigint(b)) {
    cm_value r = small_binop(vm, op, small_of(a), small_of(b));
    if (r != CM_NULL) return r;
  }
  ival x, y;
  ival_of(a, &x);
  ival_of(b, &y);
  cm_value q, r;
  switch (op) {
  case CM_OP_ADD: return int_addsub(vm, &x, &y, 0);
  case CM_OP_SUB: return int_addsub(vm, &x, &y, 1);
  case CM_OP_MUL: return int_mul(vm, &x, &y);
  case CM_OP_FLOORDIV:
    return int_divmod(vm, &x, &y, &q, NULL) < 0 ? CM_ERROR : q;
  case CM_OP_MOD:
    return int_divmod(vm, &x, &y, NULL, &r) < 0 ? CM_ERROR : r;
  case CM_OP_TRUEDIV: return int_truediv(vm, &x, &y);
  case CM_OP_POW: return int_pow(vm, a, b);
  case CM_OP_LSHIFT: return int_shift(vm, a, b, 1);
  case CM_OP_RSHIFT: return int_shift(vm, a, b, 0);
  case CM_OP_AND: case CM_OP_OR: case CM_OP_XOR:
    return int_bitwise(vm, op, &x, &y);
  default: return CM_NOTIMPL;
  }
}

/* divmod(a, b) for ints: a tuple. */
cm_value cm_int_divmod(cm_vm *vm, cm_value a, cm_value b) {
  ival x, y;
  cm_value q, r;
  ival_of(a, &x);
  ival_of(b, &y);
  if (int_divmod(vm, &x, &y, &q, &r) < 0) return CM_ERROR;
  cm_value items[2] = {q, r};
  return cm_tuple_from(vm, items, 2);
}

static cm_value int_binop_slot(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (cm_is_float(a) || cm_is_float(b)) return cm_float_binop(vm, op, a, b);
  return cm_int_binop(vm, op, a, b);
}

static cm_value int_unop(cm_vm *vm, int op, cm_value a) {
  if (!cm_is_bigint(a)) {
    int64_t i = small_of(a);
    switch (op) {
    case CM_UN_NEG: return cm_int_from_i64(vm, -i);
    case CM_UN_POS: return cm_mkint(i);
    case CM_UN_INVERT: return cm_mkint(~i);
    case CM_UN_NOT: return cm_bool(i == 0);
    default: return CM_NOTIMPL;
    }
  }
  cm_bigint *b = CM_AS(cm_bigint, a);
  if (op == CM_UN_POS) return a;
  if (op == CM_UN_NOT) return CM_FALSE;
  if (op == CM_UN_NEG || op == CM_UN_INVERT) {
    cm_value neg = cm_int_from_mag(vm, b->d, b->n, !b->neg);
    if (op == CM_UN_NEG || neg == CM_ERROR) return neg;
    return cm_int_binop(vm, CM_OP_SUB, neg, cm_mkint(1)); /* ~x = -x-1 */
  }
  return CM_NOTIMPL;
}

int cm_int_cmp(cm_vm *vm, cm_value a, cm_value b) {
  (void)vm;
  if (!cm_is_bigint(a) && !cm_is_bigint(b)) {
    int64_t x = small_of(a), y = small_of(b);
    return (x > y) - (x < y);
  }
  ival x, y;
  ival_of(a, &x);
  ival_of(b, &y);
  if (x.neg != y.neg) return x.neg ? -1 : 1;
  int c = cm_mag_cmp(x.d, x.n, y.d, y.n);
  return x.neg ? -c : c;
}

static cm_value int_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  return cm_num_compare(vm, op, a, b);
}

/* ---- hash ------------------------------------------------------------- */

#define HASH_MOD ((UINT64_C(1) << 61) - 1)

int64_t cm_int_hash_value(cm_value v) {
  if (!cm_is_bigint(v)) {
    int64_t i = small_of(v);
    if (i == -1) return -2;
    return i; /* |i| < 2^47 < modulus */
  }
  cm_bigint *b = CM_AS(cm_bigint, v);
  uint64_t h = 0;
  for (size_t i = b->n; i-- > 0;) {
    h = ((h << 32) & HASH_MOD) | (h >> 29); /* h * 2^32 mod 2^61-1 */
    h += b->d[i];
    if (h >= HASH_MOD) h -= HASH_MOD;
  }
  int64_t r = b->neg ? -(int64_t)h : (int64_t)h;
  return r == -1 ? -2 : r;
}

static int int_hash(cm_vm *vm, cm_value self, int64_t *out) {
  *out = cm_int_hash_value(self);
  return 0;
}

static int int_truthy(cm_vm *vm, cm_value self) {
  return cm_int_sign(self) != 0;
}

/* ---- to string -------------------------------------------------------- */

static cm_value digit_limit_error(cm_vm *vm) {
  return cm_raise(vm, &cm_exc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  CM_MAX_STR_DIGITS);
}

/* Decimal digits of a magnitude into buf (reverse order), returns count. */
static size_t mag_to_dec_rev(uint32_t *t, size_t n, char *buf) {
  size_t len = 0;
  while (n > 0) {
    uint32_t rem = cm_mag_divsmall(t, t, n, 1000000000u, &n);
    for (int k = 0; k < 9; k++) {
      buf[len++] = (char)('0' + rem % 10);
      rem /= 10;
      if (n == 0 && rem == 0) break;
    }
  }
  if (len == 0) buf[len++] = '0';
  return len;
}

/* Digits in a power-of-two base, reverse order. */
static size_t mag_to_pow2_rev(const uint32_t *d, size_t n, int base, char *buf) {
  int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  uint64_t total = cm_mag_bitlen(d, n);
  size_t len = 0;
  for (uint64_t pos = 0; pos < total || len == 0; pos += (uint64_t)bits) {
    size_t w = (size_t)(pos / 32);
    int sh = (int)(pos % 32);
    uint64_t two = w < n ? d[w] : 0;
    if (w + 1 < n) two |= (uint64_t)d[w + 1] << 32;
    unsigned v = (unsigned)(two >> sh) & ((1u << bits) - 1);
    buf[len++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v];
  }
  return len;
}

/* Generic base via repeated division (rare: only int.__format__ of bases
   2/8/16 and decimal reach here in practice). */
static size_t mag_to_base_rev(uint32_t *t, size_t n, int base, char *buf) {
  size_t len = 0;
  while (n > 0) {
    uint32_t rem = cm_mag_divsmall(t, t, n, (uint32_t)base, &n);
    buf[len++] = "0123456789abcdefghijklmnopqrstuvwxyz"[rem];
  }
  if (len == 0) buf[len++] = '0';
  return len;
}

/* Appends sign? prefix? digits of v in `base` to b. */
static int int_digits(cm_vm *vm, cm_value v, int base, const char *prefix,
                      bool with_sign, cm_buf *out) {
  ival x;
  ival_of(v, &x);
  if (!cm_is_bigint(v)) { /* small: digits on the stack */
    char tmp[72], *p = tmp + sizeof tmp;
    uint64_t u = x.n == 0 ? 0 : x.n == 1 ? x.d[0] : ((uint64_t)x.d[1] << 32) | x.d[0];
    do {
      *--p = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (unsigned)base];
      u /= (unsigned)base;
    } while (u);
    int rc = 0;
    if (with_sign && x.neg) rc = cm_buf_putc(vm, out, '-');
    if (rc == 0 && prefix) rc = cm_buf_puts(vm, out, prefix);
    if (rc == 0) rc = cm_buf_put(vm, out, p, (size_t)(tmp + sizeof tmp - p));
    return rc;
  }
  uint64_t bits = cm_mag_bitlen(x.d, x.n);
  if (base == 10 && (double)bits * 0.30102999566398 > CM_MAX_STR_DIGITS + 1) {
    digit_limit_error(vm);
    return -1;
  }
  size_t cap = (size_t)bits + 16, tn = x.n + 1;
  char *buf = cm_alloc(vm, cap + tn * 4);
  if (!buf) return -1;
  uint32_t *t = (uint32_t *)(void *)(buf + ((cap + 3) & ~(size_t)3));
  size_t len;
  if (base == 2 || base == 8 || base == 16) {
    len = mag_to_pow2_rev(x.d, x.n, base, buf);
  } else {
    memcpy(t, x.d, x.n * 4);
    len = base == 10 ? mag_to_dec_rev(t, x.n, buf)
                     : mag_to_base_rev(t, x.n, base, buf);
  }
  int rc = 0;
  if (base == 10 && len > CM_MAX_STR_DIGITS) {
    digit_limit_error(vm);
    rc = -1;
  }
  if (rc == 0 && with_sign && x.neg) rc = cm_buf_putc(vm, out, '-');
  if (rc == 0 && prefix) rc = cm_buf_puts(vm, out, prefix);
  for (size_t i = len; rc == 0 && i-- > 0;) rc = cm_buf_putc(vm, out, buf[i]);
  cm_free(vm, buf, cap + tn * 4);
  return rc;
}

cm_value cm_int_to_base(cm_vm *vm, cm_value v, int base, bool prefix) {
  cm_buf b = {0};
  const char *p = !prefix ? NULL : base == 16 ? "0x" : base == 8 ? "0o"
                                 : base == 2 ? "0b" : NULL;
  if (!cm_is_bigint(v) && base == 10 && !prefix) { /* the common case */
    char tmp[24], *p = tmp + sizeof tmp;
    int64_t i = small_of(v);
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    do {
      *--p = (char)('0' + u % 10);
      u /= 10;
    } while (u);
    if (i < 0) *--p = '-';
    return cm_str_new_known(vm, p, (size_t)(tmp + sizeof tmp - p),
                            (size_t)(tmp + sizeof tmp - p));
  }
  if (int_digits(vm, v, base, p, true, &b) < 0) {
    cm_buf_free(vm, &b);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &b);
}

static cm_value int_repr(cm_vm *vm, cm_value self) {
  return cm_int_to_base(vm, self, 10, false);
}

static cm_value bool_repr(cm_vm *vm, cm_value self) {
  return cm_str_from_cstr(vm, self == CM_TRUE ? "True" : "False");
}

/* ---- from string ------------------------------------------------------ */

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

static bool is_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* CPython shows the argument as %.200R: its repr cut to 200 characters. */
cm_value cm_num_repr200(cm_vm *vm, cm_value v) {
  cm_value r = cm_repr(vm, v);
  if (r == CM_ERROR || CM_AS(cm_str, r)->len <= 200) return r;
  return cm_str_sub(vm, r, 0, 200);
}

static cm_value invalid_literal(cm_vm *vm, cm_value orig, int base) {
  cm_value r = cm_num_repr200(vm, orig);
  if (r == CM_ERROR) return CM_ERROR;
  return cm_raise(vm, &cm_exc_ValueError,
                  "invalid literal for int() with base %d: %S", base, r);
}

/* Parses digits p[0..n) (underscores allowed between digits) in `base`. */
static cm_value parse_digits(cm_vm *vm, const char *p, size_t n, int base,
                             int neg) {
  size_t ndig = 0;
  for (size_t i = 0; i < n; i++) ndig += p[i] != '_';
  bool pow2 = (base & (base - 1)) == 0;
  if (!pow2 && ndig > CM_MAX_STR_DIGITS)
    return cm_raise(vm, &cm_exc_ValueError,
                    "Exceeds the limit (%d digits) for integer string "
                    "conversion: value has %zu digits; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    CM_MAX_STR_DIGITS, ndig);
  double bits_per = log2((double)base);
  size_t limbs = (size_t)((double)ndig * bits_per / 32.0) + 2;
  cm_bigint *r = cm_bigint_alloc(vm, limbs);
  if (!r) return CM_ERROR;
  size_t rn = 0;
  if (pow2) { /* linear: pack bits from the last digit up */
    int bits = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
    uint64_t pos = 0;
    memset(r->d, 0, limbs * 4);
    for (size_t i = n; i-- > 0;) {
      if (p[i] == '_') continue;
      uint64_t v = (uint64_t)digit_value((unsigned char)p[i]);
      size_t w = (size_t)(pos / 32);
      int sh = (int)(pos % 32);
      r->d[w] |= (uint32_t)(v << sh);
      if (sh + bits > 32) r->d[w + 1] |= (uint32_t)(v >> (32 - sh));
      pos += (uint64_t)bits;
    }
    r->n = (uint32_t)limbs;
    r->neg = neg;
    return cm_bigint_finish(vm, r);
  }
  /* accumulate chunks of k digits: acc = acc * base^k + chunk */
  uint32_t chunk = 0, mult = 1;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '_') continue;
    chunk = chunk * (uint32_t)base + (uint32_t)digit_value((unsigned char)p[i]);
    mult *= (uint32_t)base;
    if (mult > 0xFFFFFFFFu / (uint32_t)base) {
      rn = cm_mag_muladd_small(r->d, rn, mult, chunk);
      chunk = 0;
      mult = 1;
    }
  }
  if (mult > 1) rn = cm_mag_muladd_small(r->d, rn, mult, chunk);
  r->n = (uint32_t)rn;
  r->neg = neg;
  return cm_bigint_finish(vm, r);
}

/* Validates and measures the digit run at p: digits of `base` separated by
   single underscores; `lead_us` allows one underscore first (after a
   prefix). Returns its length, 0 if invalid. */
static size_t scan_digits(const char *p, size_t n, int base, bool lead_us) {
  size_t i = 0;
  bool need_digit = true;
  if (lead_us && i < n && p[i] == '_') i++;
  for (; i < n; i++) {
    if (p[i] == '_') {
      if (need_digit) return 0;
      need_digit = true;
      continue;
    }
    if (digit_value((unsigned char)p[i]) >= base) break;
    need_digit = false;
  }
  return need_digit ? 0 : i;
}

/* orig: the str/bytes shown in the error (CM_NULL: make one from s). */
static cm_value int_from_str_impl(cm_vm *vm, const char *s, size_t n,
                                  int base, cm_value orig) {
  size_t i = 0, end = n;
  while (i < end && is_space((unsigned char)s[i])) i++;
  while (end > i && is_space((unsigned char)s[end - 1])) end--;
  int neg = 0;
  if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  const char *p = s + i;
  size_t m = end - i;
  int b = base;
  bool prefixed = false;
  if (m >= 2 && p[0] == '0') {
    char c = (char)(p[1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      p += 2;
      m -= 2;
      prefixed = true;
    }
  }
  if (b == 0) b = 10;
  size_t len = scan_digits(p, m, b, prefixed);
  if (len == 0 || len != m) goto bad;
  if (base == 0 && !prefixed && p[0] == '0') { /* "010" is not allowed */
    for (size_t k = 0; k < m; k++)
      if (p[k] != '0' && p[k] != '_')
        goto bad;
  }
  return parse_digits(vm, p, m, b, neg);
bad:
  if (orig == CM_NULL && (orig = cm_str_new(vm, s, n)) == CM_ERROR)
    return CM_ERROR;
  return invalid_literal(vm, orig, base);
}

cm_value cm_int_from_str(cm_vm *vm, const char *s, size_t n, int base) {
  return int_from_str_impl(vm, s, n, base, CM_NULL);
}

int cm_num_text(cm_vm *vm, cm_value v, cm_buf *tmp, const char **s,
                size_t *n) {
  if (cm_is_str(vm, v)) {
    cm_str *so = CM_AS(cm_str, v);
    *s = so->data;
    *n = so->size;
    if (so->ascii) return 1;
    /* Unicode digits and spaces become ASCII; anything else '?' */
    for (size_t i = 0; i < so->size;) {
      size_t adv;
      uint32_t cp = cm_utf8_get((const unsigned char *)so->data + i, &adv);
      i += adv;
      char c = cp < 128 ? (char)cp : '?';
      int dv = cp >= 128 ? cm_uc_decimal(cp) : -1;
      if (dv >= 0) c = (char)('0' + dv);
      else if (cp >= 128 && cm_uc_isspace(cp)) c = ' ';
      if (cm_buf_putc(vm, tmp, c) < 0) return -1;
    }
    *s = tmp->data ? tmp->data : "";
    *n = tmp->len;
    return 1;
  }
  const uint8_t *p;
  if (cm_bytes_view(vm, v, &p, n)) {
    *s = (const char *)p;
    return 1;
  }
  return 0;
}

/* int(text) / int(text, base) for str, bytes and bytearray: CM_NULL if v
   is not text. */
static cm_value int_from_text(cm_vm *vm, cm_value v, int base) {
  cm_buf tmp = {0};
  const char *s;
  size_t n;
  int k = cm_num_text(vm, v, &tmp, &s, &n);
  cm_value r = k < 0 ? CM_ERROR : k == 0 ? CM_NULL
                                          : int_from_str_impl(vm, s, n, base, v);
  cm_buf_free(vm, &tmp);
  return r;
}

/* ---- the int() constructor ------------------------------------------- */

static cm_value call_dunder(cm_vm *vm, cm_value x, const char *name) {
  cm_value meth = cm_getattr_opt(vm, x, cm_intern(vm, name));
  if (meth == CM_NULL || meth == CM_ERROR) return meth;
  return cm_call(vm, meth, NULL, 0, CM_NULL);
}

static cm_value int_from_object(cm_vm *vm, cm_value x) {
  if (cm_is_int(x) || cm_is_bigint(x)) return x;
  if (cm_is_bool(x)) return cm_mkint(x == CM_TRUE);
  if (cm_is_float(x)) return cm_int_from_double(vm, cm_floatval(x));
  cm_value t = int_from_text(vm, x, 10);
  if (t != CM_NULL) return t;
  if (cm_is_obj(x) && !cm_is_complex(x)) {
    static const char *const dunders[] = {"__int__", "__index__", "__trunc__"};
    for (int k = 0; k < 3; k++) {
      cm_value r = call_dunder(vm, x, dunders[k]);
      if (r == CM_ERROR) return CM_ERROR;
      if (r == CM_NULL) continue;
      if (!cm_is_int_fast(r))
        return cm_raise(vm, &cm_exc_TypeError,
                        "%s returned non-int (type %T)", dunders[k], r);
      return cm_is_bool(r) ? cm_mkint(r == CM_TRUE) : r;
    }
  }
  return cm_raise(vm, &cm_exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a "
                  "real number, not '%T'", x);
}

cm_value cm_int_construct(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kwnames) {
  static const char *const names[] = {"", "base"};
  cm_value a[2];
  if (cm_bind_args(vm, "int", args, nargs, kwnames, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  if (a[0] == CM_NULL) {
    if (a[1] != CM_NULL)
      return cm_raise(vm, &cm_exc_TypeError, "int() missing string argument");
    return cm_mkint(0);
  }
  if (a[1] == CM_NULL) return int_from_object(vm, a[0]);
  int64_t base;
  if (cm_index_i64(vm, a[1], &base) < 0) return CM_ERROR;
  if (base != 0 && (base < 2 || base > 36))
    return cm_raise(vm, &cm_exc_ValueError,
                    "int() base must be >= 2 and <= 36, or 0");
  cm_value t = int_from_text(vm, a[0], (int)base);
  if (t != CM_NULL) return t;
  return cm_raise(vm, &cm_exc_TypeError,
                  "int() can't convert non-string with explicit base");
}

static cm_value bool_construct(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  if (cm_check_nargs(vm, "bool", nargs, kwnames, 0, 1) < 0) return CM_ERROR;
  if (nargs == 0) return CM_FALSE;
  /* a user __bool__/__len__ runs as a frame of the VM loop (it may pause) */
  cm_value r = cm_dunder_tail_bool(vm, args[0]);
  if (!cm_is_null(r)) return r;
  int t = cm_truthy(vm, args[0]);
  return t < 0 ? CM_ERROR : cm_bool(t);
}

/* ---- methods ---------------------------------------------------------- */

static cm_value self_int(cm_value v) {
  return cm_is_bool(v) ? cm_mkint(v == CM_TRUE) : v;
}

static cm_value m_bit_length(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  if (cm_check_nargs(vm, "bit_length", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  ival x;
  ival_of(args[0], &x);
  return cm_int_from_u64(vm, cm_mag_bitlen(x.d, x.n));
}

static cm_value m_bit_count(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (cm_check_nargs(vm, "bit_count", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  ival x;
  ival_of(args[0], &x);
  uint64_t c = 0;
  for (size_t i = 0; i < x.n; i++)
    for (uint32_t w = x.d[i]; w; w &= w - 1) c++;
  return cm_int_from_u64(vm, c);
}

static cm_value m_self(cm_vm *vm, const cm_value *args, int nargs,
                       cm_value kw) {
  if (cm_check_nargs(vm, "conjugate", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return self_int(args[0]);
}

static cm_value m_is_integer(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  if (cm_check_nargs(vm, "is_integer", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return CM_TRUE;
}

static cm_value m_as_integer_ratio(cm_vm *vm, const cm_value *args, int nargs,
                                   cm_value kw) {
  if (cm_check_nargs(vm, "as_integer_ratio", nargs - 1, kw, 0, 0) < 0)
    return CM_ERROR;
  cm_value items[2] = {self_int(args[0]), cm_mkint(1)};
  return cm_tuple_from(vm, items, 2);
}

static cm_value m_round(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw) {
  if (cm_check_nargs(vm, "__round__", nargs - 1, kw, 0, 1) < 0) return CM_ERROR;
  cm_value x = self_int(args[0]);
  if (nargs < 2 || args[1] == CM_NONE) return x;
  cm_value nd = cm_index(vm, args[1]);
  if (nd == CM_ERROR) return CM_ERROR;
  if (cm_int_sign(nd) >= 0) return x;
  ival xv;
  ival_of(x, &xv);
  int64_t ndi;
  if (cm_is_bigint(nd) ||
      (cm_int_to_i64(vm, nd, &ndi) == 0 &&
       (double)-ndi > (double)cm_mag_bitlen(xv.d, xv.n) * 0.30103 + 2))
    return cm_mkint(0); /* |x| < 10^-nd / 2 */
  /* round to a multiple of 10^-nd, half to even */
  cm_value negnd = cm_unop(vm, CM_UN_NEG, nd);
  if (negnd == CM_ERROR) return CM_ERROR;
  cm_value p = cm_int_binop(vm, CM_OP_POW, cm_mkint(10), negnd);
  if (p == CM_ERROR) return CM_ERROR;
  ival a, b;
  cm_value q, r;
  ival_of(x, &a);
  ival_of(p, &b);
  if (int_divmod(vm, &a, &b, &q, &r) < 0) return CM_ERROR;
  cm_value twice = cm_int_binop(vm, CM_OP_MUL, r, cm_mkint(2));
  if (twice == CM_ERROR) return CM_ERROR;
  int c = cm_int_cmp(vm, twice, p);
  ival qv;
  ival_of(q, &qv);
  if (c > 0 || (c == 0 && qv.n && (qv.d[0] & 1))) {
    q = cm_int_binop(vm, CM_OP_ADD, q, cm_mkint(1));
    if (q == CM_ERROR) return CM_ERROR;
  }
  return cm_int_binop(vm, CM_OP_MUL, q, p);
}

static int byteorder_arg(cm_vm *vm, cm_value v, int *little) {
  if (v == CM_NULL) {
    *little = 0;
    return 0;
  }
  if (cm_is_str(vm, v)) {
    const char *s = cm_str_cstr(v);
    if (strcmp(s, "little") == 0 || strcmp(s, "big") == 0) {
      *little = s[0] == 'l';
      return 0;
    }
    cm_raise(vm, &cm_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
  }
  cm_raise(vm, &cm_exc_TypeError,
           "to_bytes() argument 'byteorder' must be str, not %T", v);
  return -1;
}

static cm_value m_to_bytes(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kw) {
  static const char *const names[] = {"length", "byteorder", "signed"};
  cm_value a[3];
  if (cm_bind_args(vm, "to_bytes", args + 1, nargs - 1, kw, names, 3, 0, 2, a) < 0)
    return CM_ERROR;
  int64_t len = 1;
  int little;
  if (a[0] != CM_NULL && cm_index_i64(vm, a[0], &len) < 0) return CM_ERROR;
  if (byteorder_arg(vm, a[1], &little) < 0) return CM_ERROR;
  int sgn = 0;
  if (a[2] != CM_NULL && (sgn = cm_truthy(vm, a[2])) < 0) return CM_ERROR;
  if (len < 0)
    return cm_raise(vm, &cm_exc_ValueError, "length argument must be non-negative");
  ival x;
  ival_of(args[0], &x);
  if (x.neg && !sgn)
    return cm_raise(vm, &cm_exc_OverflowError, "can't convert negative int to unsigned");
  /* fits? unsigned: bitlen <= 8*len; signed: value in [-2^(8len-1), 2^(8len-1)) */
  uint64_t bl = cm_mag_bitlen(x.d, x.n);
  uint64_t lim = (uint64_t)len * 8;
  bool fits = !sgn ? bl <= lim : bl < lim;
  if (sgn && x.neg && bl == lim) { /* exactly -2^(8len-1) still fits */
    size_t cnt = 0;
    for (size_t i = 0; i < x.n; i++)
      for (uint32_t w = x.d[i]; w; w &= w - 1) cnt++;
    fits = cnt == 1;
  }
  if (!fits) return cm_raise(vm, &cm_exc_OverflowError, "int too big to convert");
  cm_bytes *b = cm_gc_new(vm, &cm_bytes_type, sizeof(cm_bytes) + (size_t)len + 1);
  if (!b) return CM_ERROR;
  b->hash = -1;
  b->size = (size_t)len;
  size_t tn = (size_t)len / 4 + 2;
  uint32_t *t = cm_alloc(vm, tn * 4);
  if (!t) return CM_ERROR;
  ival tmp = x;
  if (tmp.d == x.buf) tmp.d = tmp.buf;
  to_twos(&tmp, t, tn);
  for (int64_t i = 0; i < len; i++) {
    uint8_t byte = (uint8_t)(t[i / 4] >> (8 * (i % 4)));
    b->data[little ? i : len - 1 - i] = byte;
  }
  cm_free(vm, t, tn * 4);
  return CM_VAL(b);
}

static cm_value m_from_bytes(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  static const char *const names[] = {"bytes", "byteorder", "signed"};
  cm_value a[3];
  if (cm_bind_args(vm, "from_bytes", args + 1, nargs - 1, kw, names, 3, 1, 2, a) < 0)
    return CM_ERROR;
  int little;
  if (byteorder_arg(vm, a[1], &little) < 0) return CM_ERROR;
  int sgn = 0;
  if (a[2] != CM_NULL && (sgn = cm_truthy(vm, a[2])) < 0) return CM_ERROR;
  const uint8_t *data;
  size_t n;
  cm_value src = a[0];
  if (!cm_bytes_view(vm, src, &data, &n)) {
    /* a list or tuple of ints in range(256) */
    cm_value *items;
    size_t cnt;
    if (cm_is_obj(src) && cm_objptr(src)->type == &cm_list_type) {
      items = CM_AS(cm_list, src)->items;
      cnt = CM_AS(cm_list, src)->n;
    } else if (cm_is_obj(src) && cm_objptr(src)->type == &cm_tuple_type) {
      items = CM_AS(cm_tuple, src)->items;
      cnt = CM_AS(cm_tuple, src)->n;
    } else {
      return cm_raise(vm, &cm_exc_TypeError,
                      "cannot convert '%T' object to bytes", src);
    }
    cm_bytes *tmp = cm_gc_new(vm, &cm_bytes_type, sizeof(cm_bytes) + cnt + 1);
    if (!tmp) return CM_ERROR;
    tmp->hash = -1;
    tmp->size = cnt;
    for (size_t i = 0; i < cnt; i++) {
      int64_t v;
      if (!cm_is_int_fast(items[i]))
        return cm_raise(vm, &cm_exc_TypeError,
                        "'%T' object cannot be interpreted as an integer", items[i]);
      if (cm_int_to_i64(vm, items[i], &v) < 0 || v < 0 || v > 255) {
        cm_exc_clear(vm);
        return cm_raise(vm, &cm_exc_ValueError, "bytes must be in range(0, 256)");
      }
      tmp->data[i] = (uint8_t)v;
    }
    data = tmp->data;
    n = cnt;
  }
  size_t tn = n / 4 + 1;
  uint32_t *t = cm_alloc(vm, tn * 4);
  if (!t) return CM_ERROR;
  memset(t, 0, tn * 4);
  for (size_t i = 0; i < n; i++) {
    uint8_t byte = data[little ? i : n - 1 - i];
    t[i / 4] |= (uint32_t)byte << (8 * (i % 4));
  }
  int neg = sgn && n > 0 && (data[little ? n - 1 : 0] & 0x80);
  if (neg) { /* sign-extend, then negate back to a magnitude */
    for (size_t i = n; i < tn * 4; i++) t[i / 4] |= 0xFFu << (8 * (i % 4));
    ival tmp = {t, tn, 1, {0, 0}};
    uint32_t *u = cm_alloc(vm, tn * 4);
    if (!u) {
      cm_free(vm, t, tn * 4);
      return CM_ERROR;
    }
    to_twos(&tmp, u, tn);
    memcpy(t, u, tn * 4);
    cm_free(vm, u, tn * 4);
  }
  cm_value r = cm_int_from_mag(vm, t, tn, neg);
  cm_free(vm, t, tn * 4);
  return r;
}

static cm_value m_index(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw) {
  if (cm_check_nargs(vm, "__index__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return self_int(args[0]);
}

static cm_value m_float(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw) {
  double d;
  if (cm_check_nargs(vm, "__float__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  if (cm_int_to_double(vm, args[0], &d) < 0) return CM_ERROR;
  return cm_float(d);
}

static cm_value m_abs(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__abs__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  cm_value v = self_int(args[0]);
  return cm_int_sign(v) < 0 ? cm_unop(vm, CM_UN_NEG, v) : v;
}

static cm_value m_getnewargs(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  cm_value v = self_int(args[0]);
  return cm_tuple_from(vm, &v, 1);
}

/* ---- __format__ ------------------------------------------------------- */

static cm_value int_format_spec(cm_vm *vm, cm_value v, const char *spec,
                                size_t n, const char *tname) {
  cm_fmtspec fs;
  if (cm_fmtspec_parse(vm, spec, n, tname, &fs) < 0) return CM_ERROR;
  char t = fs.type;
  switch (t) {
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
    double d;
    if (cm_int_to_double(vm, v, &d) < 0) return CM_ERROR;
    return cm_float_format_double(vm, d, &fs, tname);
  }
  case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
    break;
  default:
    cm_fmt_unknown_code(vm, t, tname);
    return CM_ERROR;
  }
  if (fs.precision >= 0)
    return cm_raise(vm, &cm_exc_ValueError,
                    "Precision not allowed in integer format specifier");
  if (fs.z)
    return cm_raise(vm, &cm_exc_ValueError,
                    "Negative zero coercion (z) not allowed in integer format specifier");
  if (t == 'c') {
    if (fs.sign)
      return cm_raise(vm, &cm_exc_ValueError,
                      "Sign not allowed with integer format specifier 'c'");
    if (fs.alt)
      return cm_raise(vm, &cm_exc_ValueError,
                      "Alternate form (#) not allowed with integer format specifier 'c'");
    if (fs.grouping)
      return cm_raise(vm, &cm_exc_ValueError, "Cannot specify '%c' with 'c'.",
                      fs.grouping);
    int64_t cp = 0;
    if (cm_int_to_i64(vm, v, &cp) < 0) {
      cm_exc_clear(vm);
      return cm_raise(vm, &cm_exc_OverflowError,
                      "Python int too large to convert to C long");
    }
    if (cp < 0 || cp > 0x10FFFF)
      return cm_raise(vm, &cm_exc_OverflowError, "%%c arg not in range(0x110000)");
    cm_value s = cm_str_from_cp(vm, (uint32_t)cp);
    if (s == CM_ERROR) return CM_ERROR;
    cm_buf out = {0};
    if (cm_fmt_pad(vm, &out, &fs, cm_str_cstr(s), CM_AS(cm_str, s)->size, 1,
                   '>', 0) < 0) {
      cm_buf_free(vm, &out);
      return CM_ERROR;
    }
    return cm_buf_finish(vm, &out);
  }
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  const char *prefix = "";
  if (fs.alt) prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? (t == 'X' ? "0X" : "0x") : "";
  cm_buf digits = {0};
  if (int_digits(vm, v, base, NULL, false, &digits) < 0) {
    cm_buf_free(vm, &digits);
    return CM_ERROR;
  }
  if (t == 'X')
    for (size_t i = 0; i < digits.len; i++)
      if (digits.data[i] >= 'a') digits.data[i] = (char)(digits.data[i] - 32);
  int neg = cm_int_sign(v) < 0;
  const char *sign = neg ? "-" : fs.sign == '+' ? "+" : fs.sign == ' ' ? " " : "";
  cm_value r = cm_fmt_number(vm, &fs, sign, prefix, digits.data, digits.len, "", 0);
  cm_buf_free(vm, &digits);
  return r;
}

static cm_value m_format(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kw) {
  if (cm_check_nargs(vm, "__format__", nargs - 1, kw, 1, 1) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError,
                    "__format__() argument must be str, not %T", args[1]);
  cm_str *s = CM_AS(cm_str, args[1]);
  if (s->size == 0) return cm_to_str(vm, args[0]);
  return int_format_spec(vm, self_int(args[0]), s->data, s->size,
                         cm_type_name(vm, args[0]));
}

/* getsets */
static cm_value g_self(cm_vm *vm, cm_value self) { return self_int(self); }
static cm_value g_zero(cm_vm *vm, cm_value self) { return cm_mkint(0); }
static cm_value g_one(cm_vm *vm, cm_value self) { return cm_mkint(1); }

static cm_value m_trunc(cm_vm *vm, const cm_value *args, int nargs,
                        cm_value kw) {
  if (cm_check_nargs(vm, "__trunc__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  return self_int(args[0]);
}

static const cm_method_def int_methods[] = {
    {"bit_length", m_bit_length, 0},
    {"bit_count", m_bit_count, 0},
    {"to_bytes", m_to_bytes, 0},
    {"from_bytes", m_from_bytes, CM_METH_CLASS},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"conjugate", m_self, 0},
    {"is_integer", m_is_integer, 0},
    {"__index__", m_index, 0},
    {"__int__", m_index, 0},
    {"__float__", m_float, 0},
    {"__trunc__", m_trunc, 0},
    {"__floor__", m_trunc, 0},
    {"__ceil__", m_trunc, 0},
    {"__round__", m_round, 0},
    {"__abs__", m_abs, 0},
    {"__format__", m_format, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {NULL, NULL, 0}};

static const cm_getset_def int_getsets[] = {
    {"real", g_self}, {"imag", g_zero}, {"numerator", g_self},
    {"denominator", g_one}, {NULL, NULL}};

const cm_type cm_int_type = {
    .name = "int",
    .id = CM_T_INT,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = int_repr,
    .hash = int_hash,
    .compare = int_compare,
    .binop = int_binop_slot,
    .unop = int_unop,
    .truthy = int_truthy,
    .construct = cm_int_construct,
    .methods = int_methods,
    .getsets = int_getsets,
};

const cm_type cm_bool_type = {
    .name = "bool",
    .id = CM_T_BOOL,
    .base = &cm_int_type,
    .repr = bool_repr,
    .hash = int_hash,
    .compare = int_compare,
    .binop = int_binop_slot,
    .unop = int_unop,
    .truthy = int_truthy,
    .construct = bool_construct,
    .methods = int_methods,
    .getsets = int_getsets,
};
