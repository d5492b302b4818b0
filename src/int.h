/*
** int.h — numbers: big ints, float and complex helpers (int.c, bigint.c,
** float.c, floatrepr.c, complex.c).
**
** An int is either a small int (unboxed, 48 bits: value.h) or a cm_bigint
** heap object whose hdr.type is &cm_int_type. Invariant: a value that fits
** in 48 bits is ALWAYS a small int, so the VM may compare small ints by tag
** and every big int is known to be outside the small range.
*/
#ifndef CM_INT_H
#define CM_INT_H

#include "vm.h"

/* Sign + magnitude in little-endian 32-bit limbs; d[n-1] != 0. Immutable
   once returned to Python code. */
typedef struct cm_bigint {
  cm_obj hdr;
  int32_t neg; /* 1 if negative */
  uint32_t n;  /* limbs in use */
  uint32_t d[];
} cm_bigint;

#define cm_is_bigint(v) \
  (cm_is_obj(v) && cm_objptr(v)->type == &cm_int_type)
/* int, bool or big int (not subclasses). */
#define cm_is_int_fast(v) (cm_is_int(v) || cm_is_bool(v) || cm_is_bigint(v))

/* ---- magnitude arithmetic on limb arrays (bigint.c) ------------------ */
/* All lengths are in limbs; results are normalized (no leading zero limbs)
   and the returned size_t is the result length. Output arrays must not
   alias inputs unless stated. */
size_t cm_mag_norm(const uint32_t *a, size_t n);
int cm_mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn);
/* r[max(an,bn)+1]; r may alias a. */
size_t cm_mag_add(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn);
/* a >= b; r[an]; r may alias a. */
size_t cm_mag_sub(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn);
/* r[an+bn]; tmp scratch of cm_mag_mul_scratch(an, bn) limbs (may be NULL
   when the shorter operand has fewer than CM_KARATSUBA_CUTOFF limbs). */
#define CM_KARATSUBA_CUTOFF 48
size_t cm_mag_mul(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn, uint32_t *tmp);
size_t cm_mag_mul_scratch(size_t an, size_t bn);
/* q[an] = a / d, returns a % d; q may alias a. */
uint32_t cm_mag_divsmall(uint32_t *q, const uint32_t *a, size_t an,
                         uint32_t d, size_t *qn);
/* a = a * m + c in place; a has room for an+1 limbs. */
size_t cm_mag_muladd_small(uint32_t *a, size_t an, uint32_t m, uint32_t c);
/* Long division (bn >= 1): q[an-bn+1], r[bn]; scratch of an+bn+2 limbs.
   Lengths of q and r in *qn, *rn. */
void cm_mag_divmod(uint32_t *q, size_t *qn, uint32_t *r, size_t *rn,
                   const uint32_t *a, size_t an, const uint32_t *b,
                   size_t bn, uint32_t *scratch);
/* r[an + shift/32 + 1] = a << shift */
size_t cm_mag_shl(uint32_t *r, const uint32_t *a, size_t an, uint64_t shift);
/* r[an] = a >> shift; *lost set if nonzero bits were shifted out. */
size_t cm_mag_shr(uint32_t *r, const uint32_t *a, size_t an, uint64_t shift,
                  int *lost);
uint64_t cm_mag_bitlen(const uint32_t *a, size_t an);
/* q (qlen significant bits, `sticky` if nonzero bits lie below) times
   2^exp2, rounded half-even to a double (subnormals included). */
double cm_round_bits(uint64_t q, int qlen, int sticky, int64_t exp2,
                     int *overflow);
/* Correctly rounded a / b (b != 0) as a double (subnormals included);
   *overflow set (and HUGE_VAL returned) if it does not fit. Uses vm only
   for scratch memory of large operands (vm may be NULL under ~300 limbs).
   0 ok, -1 out of memory (exception set). */
int cm_mag_ratio_to_double(cm_vm *vm, const uint32_t *a, size_t an,
                           const uint32_t *b, size_t bn, double *out,
                           int *overflow);

/* ---- ints (int.c) ----------------------------------------------------- */
/* A fresh big int with room for n limbs (n is set; caller fills d). */
cm_bigint *cm_bigint_alloc(cm_vm *vm, size_t n);
/* Normalizes a filled big int: strips zero limbs, returns a small int when
   it fits. */
cm_value cm_bigint_finish(cm_vm *vm, cm_bigint *b);
cm_value cm_int_from_mag(cm_vm *vm, const uint32_t *d, size_t n, int neg);
cm_value cm_int_from_u64(cm_vm *vm, uint64_t u);
/* Truncates a finite double to an int; ValueError/OverflowError for
   nan/inf with CPython's messages. */
cm_value cm_int_from_double(cm_vm *vm, double d);
/* Slow paths for the VM when both operands are small ints. */
cm_value cm_int_add_i64(cm_vm *vm, int64_t a, int64_t b);
cm_value cm_int_sub_i64(cm_vm *vm, int64_t a, int64_t b);
cm_value cm_int_mul_i64(cm_vm *vm, int64_t a, int64_t b);
/* Any binary operator on two ints (small, big or bool); CM_NOTIMPL when
   an operand is not an int. */
cm_value cm_int_binop(cm_vm *vm, int op, cm_value a, cm_value b);
/* divmod(a, b) of two ints -> tuple (q, r). */
cm_value cm_int_divmod(cm_vm *vm, cm_value a, cm_value b);
/* pow(a, b, m): ints → modular power (negative b: modular inverse);
   mixed int/float → TypeError; CM_NOTIMPL for other types. */
cm_value cm_num_pow3(cm_vm *vm, cm_value a, cm_value b, cm_value m);
/* -1, 0, 1 comparison of two ints. */
int cm_int_cmp(cm_vm *vm, cm_value a, cm_value b);
int cm_int_sign(cm_value v);
/* Python's int hash (modulo 2^61-1). */
int64_t cm_int_hash_value(cm_value v);
/* Digits in base 2..36 with optional sign and prefix ("0x" when
   `prefix`), as a str; decimal output honours the 4300-digit limit. */
cm_value cm_int_to_base(cm_vm *vm, cm_value v, int base, bool prefix);
/* int → double, OverflowError "int too large to convert to float". */
int cm_int_to_double(cm_vm *vm, cm_value v, double *out);
/* Size preflight: MemoryError if an int of `bits` bits cannot be made. */
int cm_int_check_bits(cm_vm *vm, uint64_t bits);
/* Text of a str/bytes/bytearray for number parsing: non-ASCII Unicode
   decimal digits and spaces mapped to ASCII (into tmp). 1 text, 0 not
   text, -1 error. */
int cm_num_text(cm_vm *vm, cm_value v, cm_buf *tmp, const char **s,
                size_t *n);
/* repr(v) cut to 200 characters, as CPython's %.200R. */
cm_value cm_num_repr200(cm_vm *vm, cm_value v);
/* int(x) / int(x, base) semantics, for the int constructor and others. */
cm_value cm_int_construct(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kwnames);

/* ---- floats (float.c, floatrepr.c) ------------------------------------ */
/* Any binary operator where both operands are int or float (at least one
   float); CM_NOTIMPL otherwise. */
cm_value cm_float_binop(cm_vm *vm, int op, cm_value a, cm_value b);
/* Python float hash. */
int64_t cm_float_hash_value(double d);
/* Rich comparison of two ints/floats (bools too), exact across types
   (2**53+1 > 2.0**53, nan unordered): CM_TRUE/CM_FALSE, CM_NOTIMPL for
   other types, CM_ERROR on memory errors. */
cm_value cm_num_compare(cm_vm *vm, int op, cm_value a, cm_value b);
/* Shortest round-trip digits of finite d > 0: writes up to 17 digits
   (no dot) to digits, returns the count; *exp10 such that
   d == 0.DIGITS * 10^exp10. */
int cm_dtoa_shortest(double d, char *digits, int *exp10);
/* Locale-independent, correctly rounded strtod of all of s[0..n) (no
   surrounding whitespace): Python float syntax (digits, '.', exponent;
   underscores between digits if `underscores`), also inf/nan/infinity in
   any case. Returns 0 ok, -1 if not a valid number (no exception), -2 on
   memory error (exception set). */
int cm_parse_double(cm_vm *vm, const char *s, size_t n, bool underscores,
                    double *out);
/* float(x) semantics. */
cm_value cm_float_construct(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kwnames);
/* Float floor/ceil/trunc/round helpers for the math module. */
cm_value cm_float_floor(cm_vm *vm, double d);
cm_value cm_float_ceil(cm_vm *vm, double d);
/* round(x, ndigits) on a double, correctly rounded like CPython. */
double cm_float_round_digits(double x, int64_t ndigits);
/* Python-style float %, //, divmod. b != 0. */
double cm_float_mod(double a, double b);
double cm_float_floordiv(double a, double b);
/* format(d, spec) for a float (or an int formatted with e/f/g/%) with an
   already parsed spec; tname names the type in error messages. */
struct cm_fmtspec;
cm_value cm_float_format_double(cm_vm *vm, double d,
                                const struct cm_fmtspec *fs, const char *tname);
/* Same; `dot0` false formats like the parts of a complex (no ".0" added
   for type ''). */
cm_value cm_float_format_ex(cm_vm *vm, double d, const struct cm_fmtspec *fs,
                            const char *tname, bool dot0);
/* Appends the unsigned body of a formatted double: type 'e', 'f', 'g' or
   'r' (shortest repr digits); add_dot0 adds ".0" to integral fixed
   output (format type ''). "inf"/"nan" for non-finite values. */
int cm_float_body(cm_vm *vm, cm_buf *out, double ad, char type, int prec,
                  bool alt, bool add_dot0);
/* divmod(a, b) for int/float operands: a tuple, or CM_NOTIMPL. */
cm_value cm_num_divmod(cm_vm *vm, cm_value a, cm_value b);
/* Python float pow with CPython's errors: 0 ok, -1 error (exception set),
   1 "result is complex" (negative base, fractional exponent). */
int cm_float_pow(cm_vm *vm, double a, double b, double *out);

/* ---- complex (complex.c) ---------------------------------------------- */
typedef struct cm_complex {
  cm_obj hdr;
  double re, im;
} cm_complex;
#define cm_is_complex(v) \
  (cm_is_obj(v) && cm_objptr(v)->type == &cm_complex_type)
cm_value cm_complex_new(cm_vm *vm, double re, double im);
/* Complex power (a ** b) with CPython's errors. */
cm_value cm_complex_pow(cm_vm *vm, double ar, double ai, double br, double bi);
/* repr(float) text of d into buf (32 bytes); with drop_dot0 the way
   repr(complex) shows its parts: no ".0" on integral values ("1", "-0",
   "1.5", "inf", "nan", "1e+16"). */
void cm_double_repr_buf(double d, char *buf, bool drop_dot0);

#endif
