/*
** float.c — the float type: unboxed doubles with Python semantics for
** arithmetic (signs of % and //, pow's special cases and errors), exact
** int/float comparison, the numeric hash, formatting and float().
*/
#include <math.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include "int.h"
#include "str.h"
#include "format.h"

static cm_value zero_div(cm_vm *vm) {
  return cm_raise(vm, &cm_exc_ZeroDivisionError, "division by zero");
}

/* ---- arithmetic helpers ----------------------------------------------- */

double cm_float_mod(double a, double b) {
  double mod = fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = copysign(0.0, b);
  }
  return mod;
}

/* floor division and modulo together, as CPython's float_divmod */
static void float_divmod2(double a, double b, double *fd, double *md) {
  double mod = fmod(a, b), div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, b);
  }
  double floordiv;
  if (div != 0) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, a / b);
  }
  *fd = floordiv;
  *md = mod;
}

double cm_float_floordiv(double a, double b) {
  double fd, md;
  float_divmod2(a, b, &fd, &md);
  return fd;
}

static bool is_odd_integer(double w) {
  return isfinite(w) && floor(w) == w && fmod(fabs(w), 2.0) == 1.0;
}

int cm_float_pow(cm_vm *vm, double iv, double iw, double *out) {
  if (iw == 0) { *out = 1.0; return 0; }
  if (isnan(iv)) { *out = iv; return 0; }
  if (isnan(iw)) { *out = iv == 1.0 ? 1.0 : iw; return 0; }
  if (isinf(iw)) {
    double a = fabs(iv);
    if (a == 1.0) *out = 1.0;
    else if ((iw > 0) == (a > 1.0)) *out = fabs(iw);
    else *out = 0.0;
    return 0;
  }
  bool odd = is_odd_integer(iw);
  if (isinf(iv)) {
    if (iv > 0) *out = iw > 0 ? iv : 0.0;
    else *out = iw > 0 ? (odd ? iv : -iv) : (odd ? -0.0 : 0.0);
    return 0;
  }
  if (iv == 0) {
    if (iw < 0) {
      cm_raise(vm, &cm_exc_ZeroDivisionError, "zero to a negative power");
      return -1;
    }
    *out = odd ? iv : 0.0;
    return 0;
  }
  bool negate = false;
  if (iv < 0) {
    if (iw != floor(iw)) return 1; /* complex result */
    iv = -iv;
    negate = odd;
  }
  if (iv == 1.0) { *out = negate ? -1.0 : 1.0; return 0; }
  double r = pow(iv, iw);
  if (isinf(r)) {
    cm_raise(vm, &cm_exc_OverflowError, "(34, 'Numerical result out of range')");
    return -1;
  }
  *out = negate ? -r : r;
  return 0;
}

/* ---- binop / compare / hash ------------------------------------------- */

static bool is_real(cm_value v) { return cm_is_float(v) || cm_is_int_fast(v); }

cm_value cm_float_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_real(a) || !is_real(b)) return CM_NOTIMPL;
  if (op >= CM_OP_INPLACE) op -= CM_OP_INPLACE;
  if (op > CM_OP_POW) return CM_NOTIMPL;
  double x, y, r, m;
  if (cm_to_double(vm, a, &x) < 0 || cm_to_double(vm, b, &y) < 0)
    return CM_ERROR;
  switch (op) {
  case CM_OP_ADD: return cm_float(x + y);
  case CM_OP_SUB: return cm_float(x - y);
  case CM_OP_MUL: return cm_float(x * y);
  case CM_OP_TRUEDIV:
    if (y == 0) return zero_div(vm);
    return cm_float(x / y);
  case CM_OP_FLOORDIV:
    if (y == 0) return zero_div(vm);
    float_divmod2(x, y, &r, &m);
    return cm_float(r);
  case CM_OP_MOD:
    if (y == 0) return zero_div(vm);
    return cm_float(cm_float_mod(x, y));
  case CM_OP_POW: {
    int rc = cm_float_pow(vm, x, y, &r);
    if (rc < 0) return CM_ERROR;
    if (rc == 1) return cm_complex_pow(vm, x, 0.0, y, 0.0);
    return cm_float(r);
  }
  default: return CM_NOTIMPL;
  }
}

cm_value cm_num_divmod(cm_vm *vm, cm_value a, cm_value b) {
  if (!is_real(a) || !is_real(b)) return CM_NOTIMPL;
  if (!cm_is_float(a) && !cm_is_float(b)) return cm_int_divmod(vm, a, b);
  double x, y, q, m;
  if (cm_to_double(vm, a, &x) < 0 || cm_to_double(vm, b, &y) < 0)
    return CM_ERROR;
  if (y == 0) return zero_div(vm);
  float_divmod2(x, y, &q, &m);
  cm_value items[2] = {cm_float(q), cm_float(m)};
  return cm_tuple_from(vm, items, 2);
}

static int cmp_result(int op, int c) {
  switch (op) {
  case CM_CMP_LT: return c < 0;
  case CM_CMP_LE: return c <= 0;
  case CM_CMP_EQ: return c == 0;
  case CM_CMP_NE: return c != 0;
  case CM_CMP_GT: return c > 0;
  default: return c >= 0;
  }
}

/* int i vs finite-or-inf double f, exactly: -1, 0, 1 */
static int cmp_int_double(cm_vm *vm, cm_value i, double f, int *err) {
  *err = 0;
  if (isinf(f)) return f > 0 ? -1 : 1;
  if (!cm_is_bigint(i)) {
    int64_t x;
    cm_int_to_i64(vm, i, &x);
    if (x > -(INT64_C(1) << 53) && x < (INT64_C(1) << 53)) {
      double dx = (double)x;
      return (dx > f) - (dx < f);
    }
  }
  double fl = floor(f);
  cm_value fi = cm_int_from_double(vm, fl);
  if (fi == CM_ERROR) { *err = 1; return 0; }
  int c = cm_int_cmp(vm, i, fi);
  if (c == 0 && fl != f) c = -1; /* i == floor(f) < f */
  return c;
}

cm_value cm_num_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (!is_real(a) || !is_real(b)) return CM_NOTIMPL;
  int c, err = 0;
  if (cm_is_float(a) && cm_is_float(b)) {
    double x = cm_floatval(a), y = cm_floatval(b);
    if (isnan(x) || isnan(y)) return cm_bool(op == CM_CMP_NE);
    c = (x > y) - (x < y);
  } else if (cm_is_float(b)) {
    double y = cm_floatval(b);
    if (isnan(y)) return cm_bool(op == CM_CMP_NE);
    c = cmp_int_double(vm, a, y, &err);
  } else if (cm_is_float(a)) {
    double x = cm_floatval(a);
    if (isnan(x)) return cm_bool(op == CM_CMP_NE);
    c = -cmp_int_double(vm, b, x, &err);
  } else {
    c = cm_int_cmp(vm, a, b);
  }
  if (err) return CM_ERROR;
  return cm_bool(cmp_result(op, c));
}

#define HASH_MOD ((UINT64_C(1) << 61) - 1)
#define HASH_BITS 61

int64_t cm_float_hash_value(double v) {
  if (!isfinite(v)) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    return 0; /* nan: CPython hashes identity; floats have none here */
  }
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) { sign = -1; m = -m; }
  uint64_t x = 0, y;
  while (m) {
    x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
    m *= 268435456.0; /* 2^28 */
    e -= 28;
    y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= HASH_MOD) x -= HASH_MOD;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
  int64_t r = (int64_t)x * sign;
  return r == -1 ? -2 : r;
}

static int float_hash(cm_vm *vm, cm_value self, int64_t *out) {
  *out = cm_float_hash_value(cm_floatval(self));
  return 0;
}

static cm_value float_repr(cm_vm *vm, cm_value self) {
  return cm_float_repr(vm, cm_floatval(self));
}

static cm_value float_unop(cm_vm *vm, int op, cm_value a) {
  double d = cm_floatval(a);
  switch (op) {
  case CM_UN_NEG: return cm_float(-d);
  case CM_UN_POS: return a;
  case CM_UN_NOT: return cm_bool(d == 0);
  default: return CM_NOTIMPL;
  }
}

static int float_truthy(cm_vm *vm, cm_value self) {
  return cm_floatval(self) != 0;
}

static cm_value float_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  return cm_num_compare(vm, op, a, b);
}

/* ---- rounding --------------------------------------------------------- */

cm_value cm_float_floor(cm_vm *vm, double d) {
  return cm_int_from_double(vm, floor(d));
}

cm_value cm_float_ceil(cm_vm *vm, double d) {
  return cm_int_from_double(vm, ceil(d));
}

static double round_half_even(double x) {
  double r = round(x);
  if (fabs(x - trunc(x)) == 0.5) r = 2.0 * round(x / 2.0);
  return r;
}

/* Decimal text of snprintf("%.*e"/"%.*f") with the point normalized to
   '.' whatever the C locale says. */
static int c_format(cm_vm *vm, cm_buf *out, const char *fmt, int prec,
                    double d) {
  char small[128], *tmp = small;
  int n = snprintf(small, sizeof small, fmt, prec, d);
  if (n < 0) return -1;
  if ((size_t)n >= sizeof small) { /* long output: exact size */
    if (!(tmp = cm_alloc(vm, (size_t)n + 1))) return -1;
    snprintf(tmp, (size_t)n + 1, fmt, prec, d);
  }
  int rc = 0;
  bool in_point = false;
  for (int i = 0; i < n && rc == 0; i++) {
    char c = tmp[i];
    bool plain = (c >= '0' && c <= '9') || c == 'e' || c == '+' || c == '-';
    if (plain) {
      in_point = false;
      rc = cm_buf_putc(vm, out, c);
    } else if (!in_point) {
      in_point = true;
      rc = cm_buf_putc(vm, out, '.');
    }
  }
  if (tmp != small) cm_free(vm, tmp, (size_t)n + 1);
  return rc;
}

double cm_float_round_digits(double x, int64_t nd) {
  if (!isfinite(x) || x == 0) return x;
  if (nd > 323) return x;
  if (nd < -308) return copysign(0.0, x);
  char buf[400];
  double r;
  if (nd >= 0) {
    if (nd > 340) return x;
    int n = snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
    if (n < 0 || n >= (int)sizeof buf) return x;
  } else {
    /* significant digits kept: exponent + 1 + nd */
    char e17[40];
    snprintf(e17, sizeof e17, "%.16e", x);
    const char *ep = strchr(e17, 'e');
    int ex = ep ? atoi(ep + 1) : 0;
    int64_t sig = ex + 1 + nd;
    if (sig < 0) return copysign(0.0, x);
    if (sig == 0) { /* compare |x| with half of 10^-nd */
      snprintf(buf, sizeof buf, "5e%d", (int)(-nd - 1));
      double half;
      cm_parse_double(NULL, buf, strlen(buf), false, &half);
      if (fabs(x) > half) {
        snprintf(buf, sizeof buf, "1e%d", (int)-nd);
        cm_parse_double(NULL, buf, strlen(buf), false, &half);
        return copysign(half, x);
      }
      return copysign(0.0, x);
    }
    snprintf(buf, sizeof buf, "%.*e", (int)(sig - 1), x);
  }
  /* normalize a locale decimal point */
  for (char *p = buf; *p; p++)
    if (!((*p >= '0' && *p <= '9') || *p == 'e' || *p == '+' || *p == '-'))
      *p = '.';
  if (cm_parse_double(NULL, buf, strlen(buf), false, &r) != 0) return x;
  return r;
}

/* ---- formatting ------------------------------------------------------- */

/* Lays out digits D (nd of them, value 0.D * 10^decpt). */
static int layout(cm_vm *vm, cm_buf *out, const char *D, int nd, int decpt,
                  bool use_exp, bool alt, bool add_dot0) {
  int rc = 0;
  if (use_exp) {
    char tail[16];
    int x = decpt - 1;
    rc |= cm_buf_putc(vm, out, D[0]);
    if (nd > 1 || alt) rc |= cm_buf_putc(vm, out, '.');
    if (nd > 1) rc |= cm_buf_put(vm, out, D + 1, (size_t)nd - 1);
    snprintf(tail, sizeof tail, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    return rc | cm_buf_puts(vm, out, tail);
  }
  if (decpt <= 0) {
    rc |= cm_buf_puts(vm, out, "0.");
    for (int i = 0; i < -decpt; i++) rc |= cm_buf_putc(vm, out, '0');
    return rc | cm_buf_put(vm, out, D, (size_t)nd);
  }
  if (decpt >= nd) {
    rc |= cm_buf_put(vm, out, D, (size_t)nd);
    for (int i = nd; i < decpt; i++) rc |= cm_buf_putc(vm, out, '0');
    if (add_dot0) return rc | cm_buf_puts(vm, out, ".0");
    if (alt) rc |= cm_buf_putc(vm, out, '.');
    return rc;
  }
  rc |= cm_buf_put(vm, out, D, (size_t)decpt);
  rc |= cm_buf_putc(vm, out, '.');
  return rc | cm_buf_put(vm, out, D + decpt, (size_t)(nd - decpt));
}

/* Digits of ad (> 0) rounded to `sig` significant digits (via %.*e):
   into D, returns the count; *decpt set. D has room for sig + 8. */
static int sig_digits(cm_vm *vm, double ad, int sig, char *D, int *decpt) {
  cm_buf b = {0};
  if (c_format(vm, &b, "%.*e", sig - 1, ad) < 0) {
    cm_buf_free(vm, &b);
    return -1;
  }
  int nd = 0;
  size_t i = 0;
  for (; i < b.len && b.data[i] != 'e'; i++)
    if (b.data[i] >= '0' && b.data[i] <= '9') D[nd++] = b.data[i];
  /* the exponent: the buffer is not NUL-terminated */
  int ex = 0, eneg = 0;
  for (size_t j = i + 1; j < b.len; j++) {
    if (b.data[j] == '-') eneg = 1;
    else if (b.data[j] >= '0' && b.data[j] <= '9') ex = ex * 10 + (b.data[j] - '0');
  }
  *decpt = (eneg ? -ex : ex) + 1;
  cm_buf_free(vm, &b);
  return nd;
}

/* The body of a formatted float (no sign): type is 'e', 'f', 'g' or 'r'
   (repr digits). ad >= 0 or inf/nan. */
int cm_float_body(cm_vm *vm, cm_buf *out, double ad, char type, int prec,
                  bool alt, bool add_dot0) {
  if (isnan(ad)) return cm_buf_puts(vm, out, "nan");
  if (isinf(ad)) return cm_buf_puts(vm, out, "inf");
  if (type == 'f') {
    if (c_format(vm, out, "%.*f", prec, ad) < 0) return -1;
    if (alt && prec == 0) return cm_buf_putc(vm, out, '.');
    return 0;
  }
  int nd, decpt;
  char small[40];
  char *D = small;
  size_t cap = (size_t)prec + 40;
  if (cap > sizeof small && !(D = cm_alloc(vm, cap))) return -1;
  bool use_exp;
  int p = prec == 0 ? 1 : prec; /* 'g' precision */
  if (ad == 0) { /* digits of zero, laid out by the usual rules */
    nd = type == 'e' ? prec + 1 : (type == 'g' && alt) ? p : 1;
    memset(D, '0', (size_t)nd);
    decpt = 1;
  } else if (type == 'r') {
    nd = cm_dtoa_shortest(ad, D, &decpt);
  } else {
    nd = sig_digits(vm, ad, type == 'e' ? prec + 1 : p, D, &decpt);
    if (type == 'g' && !alt)
      while (nd > 1 && D[nd - 1] == '0') nd--;
  }
  if (type == 'e') use_exp = true;
  else if (type == 'r') use_exp = decpt <= -4 || decpt > 16;
  else use_exp = decpt <= -4 || decpt > (add_dot0 ? p - 1 : p);
  int rc = nd < 0 ? -1 : layout(vm, out, D, nd, decpt, use_exp, alt, add_dot0);
  if (D != small) cm_free(vm, D, cap);
  return rc;
}

/* Splits a body into the integer digits and the rest; applies fractional
   grouping; hands everything to cm_fmt_number. */
static cm_value finish_number(cm_vm *vm, const cm_fmtspec *fs, const char *sign,
                              cm_buf *body, const char *suffix) {
  /* the integer digits; "inf"/"nan" count as the integer part */
  size_t i = 0;
  if (body->len && body->data[0] >= '0' && body->data[0] <= '9') {
    while (i < body->len && body->data[i] >= '0' && body->data[i] <= '9') i++;
  } else {
    i = body->len < 3 ? body->len : 3;
  }
  cm_buf rest = {0};
  int rc = 0;
  size_t j = i;
  if (fs->frac_grouping && j < body->len && body->data[j] == '.') {
    size_t k = j + 1;
    while (k < body->len && body->data[k] >= '0' && body->data[k] <= '9') k++;
    rc |= cm_buf_putc(vm, &rest, '.');
    rc |= cm_fmt_group_frac(vm, &rest, body->data + j + 1, k - j - 1,
                            fs->frac_grouping);
    j = k;
  }
  rc |= cm_buf_put(vm, &rest, body->data + j, body->len - j);
  rc |= cm_buf_puts(vm, &rest, suffix);
  cm_value r = CM_ERROR;
  if (rc == 0)
    r = cm_fmt_number(vm, fs, sign, "", body->data, i, rest.data ? rest.data : "",
                      rest.len);
  cm_buf_free(vm, &rest);
  return r;
}

static bool all_zero_digits(const cm_buf *b) {
  for (size_t i = 0; i < b->len && b->data[i] != 'e'; i++)
    if (b->data[i] >= '1' && b->data[i] <= '9') return false;
  return true;
}

cm_value cm_float_format_double(cm_vm *vm, double d, const cm_fmtspec *fs,
                                const char *tname) {
  return cm_float_format_ex(vm, d, fs, tname, true);
}

cm_value cm_float_format_ex(cm_vm *vm, double d, const cm_fmtspec *fs,
                            const char *tname, bool dot0) {
  char t = fs->type;
  int prec = fs->precision < 0 ? 6 : (int)fs->precision;
  if (fs->precision > 100000000)
    return cm_raise(vm, &cm_exc_ValueError, "precision too big");
  char mode;
  bool add_dot0 = false, upper = false;
  const char *suffix = "";
  switch (t) {
  case 0:
    add_dot0 = dot0;
    mode = fs->precision < 0 ? 'r' : 'g';
    if (fs->precision == 0) prec = 1;
    break;
  case 'e': case 'f': case 'g': mode = t; break;
  case 'E': case 'F': case 'G': mode = (char)(t + 32); upper = true; break;
  case 'n': mode = 'g'; break;
  case '%': mode = 'f'; d *= 100; suffix = "%"; break;
  default:
    cm_fmt_unknown_code(vm, t, tname);
    return CM_ERROR;
  }
  bool neg = signbit(d) && !isnan(d);
  cm_buf body = {0};
  if (cm_float_body(vm, &body, fabs(d), mode, prec, fs->alt, add_dot0) < 0) {
    cm_buf_free(vm, &body);
    return CM_ERROR;
  }
  if (upper)
    for (size_t i = 0; i < body.len; i++)
      if (body.data[i] >= 'a' && body.data[i] <= 'z') body.data[i] = (char)(body.data[i] - 32);
  if (neg && fs->z && isfinite(d) && all_zero_digits(&body)) neg = false;
  const char *sign = neg ? "-" : fs->sign == '+' ? "+" : fs->sign == ' ' ? " " : "";
  cm_value r = finish_number(vm, fs, sign, &body, suffix);
  cm_buf_free(vm, &body);
  return r;
}

/* ---- float() ---------------------------------------------------------- */

static bool is_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static cm_value float_from_text(cm_vm *vm, const char *s, size_t n,
                                cm_value orig) {
  size_t i = 0, end = n;
  while (i < end && is_space((unsigned char)s[i])) i++;
  while (end > i && is_space((unsigned char)s[end - 1])) end--;
  double d;
  int rc = i < end ? cm_parse_double(vm, s + i, end - i, true, &d) : -1;
  if (rc == -2) return CM_ERROR;
  if (rc < 0)
    return cm_raise(vm, &cm_exc_ValueError, "could not convert string to float: %R",
                    orig);
  return cm_float(d);
}

static cm_value call_dunder(cm_vm *vm, cm_value x, const char *name) {
  cm_value meth = cm_getattr_opt(vm, x, cm_intern(vm, name));
  if (meth == CM_NULL || meth == CM_ERROR) return meth;
  return cm_call(vm, meth, NULL, 0, CM_NULL);
}

static cm_value float_from_object(cm_vm *vm, cm_value x) {
  if (cm_is_float(x)) return x;
  if (cm_is_int_fast(x)) {
    double d;
    if (cm_int_to_double(vm, x, &d) < 0) return CM_ERROR;
    return cm_float(d);
  }
  cm_buf tmp = {0};
  const char *s;
  size_t n;
  int k = cm_num_text(vm, x, &tmp, &s, &n);
  if (k != 0) {
    cm_value r = k < 0 ? CM_ERROR : float_from_text(vm, s, n, x);
    cm_buf_free(vm, &tmp);
    return r;
  }
  if (cm_is_obj(x) && !cm_is_complex(x)) {
    cm_value r = call_dunder(vm, x, "__float__");
    if (r == CM_ERROR) return CM_ERROR;
    if (r != CM_NULL) {
      if (!cm_is_float(r))
        return cm_raise(vm, &cm_exc_TypeError,
                        "%T.__float__ returned non-float (type %T)", x, r);
      return r;
    }
    r = call_dunder(vm, x, "__index__");
    if (r == CM_ERROR) return CM_ERROR;
    if (r != CM_NULL) return float_from_object(vm, r);
  }
  return cm_raise(vm, &cm_exc_TypeError,
                  "float() argument must be a string or a real number, not '%T'", x);
}

cm_value cm_float_construct(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kwnames) {
  if (cm_check_nargs(vm, "float", nargs, kwnames, 0, 1) < 0) return CM_ERROR;
  if (nargs == 0) return cm_float(0.0);
  return float_from_object(vm, args[0]);
}

/* ---- methods ---------------------------------------------------------- */

#define SELF_D cm_floatval(args[0])
#define NOARGS(name) \
  if (cm_check_nargs(vm, name, nargs - 1, kw, 0, 0) < 0) return CM_ERROR

static cm_value m_is_integer(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  NOARGS("is_integer");
  double d = SELF_D;
  return cm_bool(isfinite(d) && floor(d) == d);
}

static cm_value m_as_integer_ratio(cm_vm *vm, const cm_value *args, int nargs,
                                   cm_value kw) {
  NOARGS("as_integer_ratio");
  double d = SELF_D;
  if (isinf(d))
    return cm_raise(vm, &cm_exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (isnan(d))
    return cm_raise(vm, &cm_exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(d, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  cm_value num = cm_int_from_double(vm, m), den = cm_mkint(1);
  if (num == CM_ERROR) return CM_ERROR;
  cm_value sh = cm_mkint(e < 0 ? -e : e);
  if (e > 0) num = cm_int_binop(vm, CM_OP_LSHIFT, num, sh);
  else if (e < 0) den = cm_int_binop(vm, CM_OP_LSHIFT, den, sh);
  if (num == CM_ERROR || den == CM_ERROR) return CM_ERROR;
  cm_value items[2] = {num, den};
  return cm_tuple_from(vm, items, 2);
}

static cm_value m_conjugate(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  NOARGS("conjugate");
  return args[0];
}

static cm_value m_trunc(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("__trunc__");
  return cm_int_from_double(vm, SELF_D);
}

static cm_value m_floor(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("__floor__");
  return cm_float_floor(vm, SELF_D);
}

static cm_value m_ceil(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("__ceil__");
  return cm_float_ceil(vm, SELF_D);
}

static cm_value m_float(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("__float__");
  return args[0];
}

static cm_value m_round(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__round__", nargs - 1, kw, 0, 1) < 0) return CM_ERROR;
  double d = SELF_D;
  if (nargs < 2 || args[1] == CM_NONE)
    return cm_int_from_double(vm, round_half_even(d));
  int64_t nd;
  cm_value idx = cm_index(vm, args[1]);
  if (idx == CM_ERROR) return CM_ERROR;
  if (cm_is_bigint(idx)) nd = cm_int_sign(idx) > 0 ? 1000 : -1000;
  else if (cm_int_to_i64(vm, idx, &nd) < 0) return CM_ERROR;
  double r = cm_float_round_digits(d, nd);
  if (isinf(r) && isfinite(d))
    return cm_raise(vm, &cm_exc_OverflowError, "rounded value too large to represent");
  return cm_float(r);
}

static cm_value m_hex(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("hex");
  double d = SELF_D;
  char buf[64];
  if (!isfinite(d) || d == 0) {
    if (isnan(d)) return cm_str_from_cstr(vm, "nan");
    if (isinf(d)) return cm_str_from_cstr(vm, d > 0 ? "inf" : "-inf");
    return cm_str_from_cstr(vm, signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
  }
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  int ef = (int)((bits >> 52) & 0x7FF);
  uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
  int lead = ef != 0, ex = ef ? ef - 1023 : -1022;
  snprintf(buf, sizeof buf, "%s0x%d.%013llxp%c%d", signbit(d) ? "-" : "", lead,
           (unsigned long long)frac, ex < 0 ? '-' : '+', ex < 0 ? -ex : ex);
  return cm_str_from_cstr(vm, buf);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = (char)(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* float.fromhex(s): [ws][sign](inf|infinity|nan|[0x]hex[.hex][p[sign]dec])[ws] */
static cm_value m_fromhex(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  if (cm_check_nargs(vm, "fromhex", nargs - 1, kw, 1, 1) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError, "must be str, not %T", args[1]);
  cm_str *so = CM_AS(cm_str, args[1]);
  const char *s = so->data;
  size_t n = so->size, i = 0, end = n;
  while (i < end && is_space((unsigned char)s[i])) i++;
  while (end > i && is_space((unsigned char)s[end - 1])) end--;
  int neg = 0;
  if (i < end && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  double special;
  if (i < end && (s[i] | 0x20) != '0' && (s[i] | 0x20) >= 'i' &&
      cm_parse_double(vm, s + i, end - i, false, &special) == 0) {
    return cm_float(neg ? -special : special);
  }
  if (i + 1 < end && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
  uint64_t q = 0;
  int qlen = 0, sticky = 0, ndig = 0;
  int64_t exp2 = 0;
  bool dot = false;
  for (; i < end; i++) {
    int v = hexval(s[i]);
    if (v < 0) {
      if (s[i] == '.' && !dot) { dot = true; continue; }
      break;
    }
    ndig++;
    if (dot) exp2 -= 4;
    if (qlen == 0 && v == 0) continue;
    if (qlen <= 56) {
      q = (q << 4) | (uint64_t)v;
      qlen = qlen == 0 ? (v >= 8 ? 4 : v >= 4 ? 3 : v >= 2 ? 2 : 1) : qlen + 4;
    } else {
      sticky |= v != 0;
      exp2 += 4;
    }
  }
  if (ndig == 0) goto invalid;
  if (i < end && (s[i] | 0x20) == 'p') {
    i++;
    int eneg = 0;
    if (i < end && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i >= end || s[i] < '0' || s[i] > '9') goto invalid;
    int64_t x = 0;
    for (; i < end && s[i] >= '0' && s[i] <= '9'; i++)
      if (x < 1000000000) x = x * 10 + (s[i] - '0');
    exp2 += eneg ? -x : x;
  }
  if (i != end) goto invalid;
  if (q == 0) return cm_float(neg ? -0.0 : 0.0);
  int ovf = 0;
  double d = cm_round_bits(q, qlen, sticky, exp2, &ovf);
  if (ovf)
    return cm_raise(vm, &cm_exc_OverflowError,
                    "hexadecimal value too large to represent as a float");
  return cm_float(neg ? -d : d);
invalid:
  return cm_raise(vm, &cm_exc_ValueError, "invalid hexadecimal floating-point string");
}

static cm_value m_format(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__format__", nargs - 1, kw, 1, 1) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError,
                    "__format__() argument must be str, not %T", args[1]);
  cm_str *s = CM_AS(cm_str, args[1]);
  if (s->size == 0) return cm_float_repr(vm, SELF_D);
  cm_fmtspec fs;
  if (cm_fmtspec_parse(vm, s->data, s->size, "float", &fs) < 0) return CM_ERROR;
  return cm_float_format_double(vm, SELF_D, &fs, "float");
}

static cm_value m_abs(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  NOARGS("__abs__");
  return cm_float(fabs(SELF_D));
}

static cm_value m_getnewargs(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  return cm_tuple_from(vm, args, 1);
}

static cm_value g_real(cm_vm *vm, cm_value self) { return self; }
static cm_value g_imag(cm_vm *vm, cm_value self) { return cm_float(0.0); }

static const cm_method_def float_methods[] = {
    {"is_integer", m_is_integer, 0},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"conjugate", m_conjugate, 0},
    {"hex", m_hex, 0},
    {"fromhex", m_fromhex, CM_METH_CLASS},
    {"__trunc__", m_trunc, 0},
    {"__int__", m_trunc, 0},
    {"__floor__", m_floor, 0},
    {"__ceil__", m_ceil, 0},
    {"__round__", m_round, 0},
    {"__float__", m_float, 0},
    {"__abs__", m_abs, 0},
    {"__format__", m_format, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {NULL, NULL, 0}};

static const cm_getset_def float_getsets[] = {
    {"real", g_real}, {"imag", g_imag}, {NULL, NULL}};

const cm_type cm_float_type = {
    .name = "float",
    .id = CM_T_FLOAT,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = float_repr,
    .hash = float_hash,
    .compare = float_compare,
    .binop = cm_float_binop,
    .unop = float_unop,
    .truthy = float_truthy,
    .construct = cm_float_construct,
    .methods = float_methods,
    .getsets = float_getsets,
};
