/*
** complex.c — the complex type: a pair of doubles on the heap, arithmetic
** (with 3.14's mixed real/complex rules), repr, hash, format, complex().
*/
#include <math.h>
#include <float.h>
#include <stdio.h>
#include "int.h"
#include "str.h"
#include "format.h"

typedef struct cpx {
  double re, im;
} cpx;

cm_value cm_complex_new(cm_vm *vm, double re, double im) {
  cm_complex *c = cm_gc_new(vm, &cm_complex_type, sizeof(cm_complex));
  if (!c) return CM_ERROR;
  c->re = re;
  c->im = im;
  return CM_VAL(c);
}

static cm_value mk(cm_vm *vm, cpx c) { return cm_complex_new(vm, c.re, c.im); }

/* Operand as complex: 1 complex, 0 real (in *c with im 0), -1 not a
   number, -2 error. */
static int as_cpx(cm_vm *vm, cm_value v, cpx *c) {
  if (cm_is_complex(v)) {
    c->re = CM_AS(cm_complex, v)->re;
    c->im = CM_AS(cm_complex, v)->im;
    return 1;
  }
  if (cm_is_float(v) || cm_is_int_fast(v)) {
    c->im = 0.0;
    return cm_to_double(vm, v, &c->re) < 0 ? -2 : 0;
  }
  return -1;
}

static double nan_to_zero(double x) { return isnan(x) ? copysign(0.0, x) : x; }
static double unit_inf(double x) { return copysign(isinf(x) ? 1.0 : 0.0, x); }

/* Product with C11 Annex G's recovery of infinities from nan+nanj. */
static cpx c_prod(cpx z, cpx w) {
  double a = z.re, b = z.im, c = w.re, d = w.im;
  double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
  cpx r = {ac - bd, ad + bc};
  if (!(isnan(r.re) && isnan(r.im))) return r;
  bool recalc = false;
  if (isinf(a) || isinf(b)) {
    a = unit_inf(a);
    b = unit_inf(b);
    c = nan_to_zero(c);
    d = nan_to_zero(d);
    recalc = true;
  }
  if (isinf(c) || isinf(d)) {
    c = unit_inf(c);
    d = unit_inf(d);
    a = nan_to_zero(a);
    b = nan_to_zero(b);
    recalc = true;
  }
  if (!recalc && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) {
    a = nan_to_zero(a);
    b = nan_to_zero(b);
    c = nan_to_zero(c);
    d = nan_to_zero(d);
    recalc = true;
  }
  if (recalc) {
    r.re = HUGE_VAL * (a * c - b * d);
    r.im = HUGE_VAL * (a * d + b * c);
  }
  return r;
}

/* Smith's division; infinities and zeros recovered as C11 Annex G does.
   *err set when b is zero. */
static cpx c_quot(cpx a, cpx b, int *err) {
  cpx r;
  double abr = fabs(b.re), abi = fabs(b.im);
  *err = 0;
  if (abr >= abi) {
    if (abr == 0.0) {
      *err = 1;
      r.re = r.im = 0.0;
      return r;
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    r.re = (a.re + a.im * ratio) / denom;
    r.im = (a.im - a.re * ratio) / denom;
  } else if (abi >= abr) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    r.re = (a.re * ratio + a.im) / denom;
    r.im = (a.im * ratio - a.re) / denom;
  } else {
    r.re = r.im = NAN;
  }
  if (isnan(r.re) && isnan(r.im)) {
    if ((isinf(a.re) || isinf(a.im)) && isfinite(b.re) && isfinite(b.im)) {
      double x = copysign(isinf(a.re) ? 1.0 : 0.0, a.re);
      double y = copysign(isinf(a.im) ? 1.0 : 0.0, a.im);
      r.re = HUGE_VAL * (x * b.re + y * b.im);
      r.im = HUGE_VAL * (y * b.re - x * b.im);
    } else if ((isinf(abr) || isinf(abi)) && isfinite(a.re) && isfinite(a.im)) {
      double x = copysign(isinf(b.re) ? 1.0 : 0.0, b.re);
      double y = copysign(isinf(b.im) ? 1.0 : 0.0, b.im);
      r.re = 0.0 * (a.re * x + a.im * y);
      r.im = 0.0 * (a.im * x - a.re * y);
    }
  }
  return r;
}

/* a / b for real a: as c_quot, with the terms of a.im left out (so the
   signs of zero parts come out as CPython 3.14 computes them). */
static cpx rc_quot(double a, cpx b, int *err) {
  cpx r;
  double abr = fabs(b.re), abi = fabs(b.im);
  *err = 0;
  if (abr >= abi) {
    if (abr == 0.0) {
      *err = 1;
      r.re = r.im = 0.0;
      return r;
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    r.re = a / denom;
    r.im = (-a * ratio) / denom;
  } else if (abi >= abr) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    r.re = (a * ratio) / denom;
    r.im = (-a) / denom;
  } else {
    cpx ac = {a, 0.0};
    return c_quot(ac, b, err);
  }
  return r;
}

static cpx c_powu(cpx x, long n) {
  cpx r = {1.0, 0.0}, p = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) r = c_prod(r, p);
    p = c_prod(p, p);
  }
  return r;
}

/* 0 ok, -1 zero to a negative/complex power, -2 overflow */
static int c_pow(cpx a, cpx b, cpx *out) {
  if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
    long n = (long)b.re;
    if (n >= 0) {
      *out = c_powu(a, n);
    } else {
      int err;
      cpx one = {1.0, 0.0};
      *out = c_quot(one, c_powu(a, -n), &err);
      if (err) return -1;
    }
  } else if (b.re == 0.0 && b.im == 0.0) {
    out->re = 1.0;
    out->im = 0.0;
  } else if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) return -1;
    out->re = out->im = 0.0;
  } else {
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re);
    double at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
      len /= exp(at * b.im);
      phase += b.im * log(vabs);
    }
    out->re = len * cos(phase);
    out->im = len * sin(phase);
  }
  if ((isinf(out->re) || isinf(out->im)) && isfinite(a.re) && isfinite(a.im) &&
      isfinite(b.re) && isfinite(b.im))
    return -2;
  return 0;
}

static cm_value pow_result(cm_vm *vm, int rc, cpx r) {
  if (rc == -1)
    return cm_raise(vm, &cm_exc_ZeroDivisionError,
                    "zero to a negative or complex power");
  if (rc == -2)
    return cm_raise(vm, &cm_exc_OverflowError, "complex exponentiation");
  return mk(vm, r);
}

cm_value cm_complex_pow(cm_vm *vm, double ar, double ai, double br, double bi) {
  cpx a = {ar, ai}, b = {br, bi}, r;
  int rc = c_pow(a, b, &r);
  return pow_result(vm, rc, r);
}

static cm_value zero_div(cm_vm *vm) {
  return cm_raise(vm, &cm_exc_ZeroDivisionError, "division by zero");
}

static cm_value complex_binop(cm_vm *vm, int op, cm_value av, cm_value bv) {
  cpx a, b, r;
  int ka = as_cpx(vm, av, &a), kb;
  if (ka == -2) return CM_ERROR;
  if (ka == -1) return CM_NOTIMPL;
  kb = as_cpx(vm, bv, &b);
  if (kb == -2) return CM_ERROR;
  if (kb == -1) return CM_NOTIMPL;
  if (op >= CM_OP_INPLACE) op -= CM_OP_INPLACE;
  int err;
  switch (op) {
  case CM_OP_ADD: /* a real operand leaves the other's imaginary part */
    r.re = a.re + b.re;
    r.im = !ka ? b.im : !kb ? a.im : a.im + b.im;
    return mk(vm, r);
  case CM_OP_SUB:
    r.re = a.re - b.re;
    r.im = !ka ? -b.im : !kb ? a.im : a.im - b.im;
    return mk(vm, r);
  case CM_OP_MUL:
    if (!ka) { r.re = a.re * b.re; r.im = a.re * b.im; }
    else if (!kb) { r.re = a.re * b.re; r.im = a.im * b.re; }
    else r = c_prod(a, b);
    return mk(vm, r);
  case CM_OP_TRUEDIV:
    if (!ka) { /* real / complex: Smith's method without a.im */
      r = rc_quot(a.re, b, &err);
      if (err) return zero_div(vm);
      return mk(vm, r);
    }
    if (!kb) {
      if (b.re == 0.0) return zero_div(vm);
      r.re = a.re / b.re;
      r.im = a.im / b.re;
      return mk(vm, r);
    }
    r = c_quot(a, b, &err);
    if (err) return zero_div(vm);
    return mk(vm, r);
  case CM_OP_POW: {
    int rc = c_pow(a, b, &r);
    return pow_result(vm, rc, r);
  }
  default: return CM_NOTIMPL;
  }
}

static cm_value complex_compare(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (op != CM_CMP_EQ && op != CM_CMP_NE) return CM_NOTIMPL;
  cm_value c = cm_is_complex(a) ? a : b, o = cm_is_complex(a) ? b : a;
  if (!cm_is_complex(c)) return CM_NOTIMPL;
  cm_complex *x = CM_AS(cm_complex, c);
  int eq;
  if (cm_is_complex(o)) {
    cm_complex *y = CM_AS(cm_complex, o);
    eq = x->re == y->re && x->im == y->im;
  } else if (cm_is_float(o) || cm_is_int_fast(o)) {
    if (x->im != 0.0) {
      eq = 0;
    } else {
      cm_value r = cm_num_compare(vm, CM_CMP_EQ, cm_float(x->re), o);
      if (r == CM_ERROR) return CM_ERROR;
      eq = r == CM_TRUE;
    }
  } else {
    return CM_NOTIMPL;
  }
  return cm_bool(op == CM_CMP_EQ ? eq : !eq);
}

static cm_value complex_unop(cm_vm *vm, int op, cm_value v) {
  cm_complex *c = CM_AS(cm_complex, v);
  switch (op) {
  case CM_UN_NEG: return cm_complex_new(vm, -c->re, -c->im);
  case CM_UN_POS: return cm_complex_new(vm, c->re, c->im);
  case CM_UN_NOT: return cm_bool(c->re == 0.0 && c->im == 0.0);
  default: return CM_NOTIMPL;
  }
}

static int complex_truthy(cm_vm *vm, cm_value v) {
  cm_complex *c = CM_AS(cm_complex, v);
  return c->re != 0.0 || c->im != 0.0;
}

static int complex_hash(cm_vm *vm, cm_value v, int64_t *out) {
  cm_complex *c = CM_AS(cm_complex, v);
  uint64_t h = (uint64_t)cm_float_hash_value(c->re) +
               UINT64_C(1000003) * (uint64_t)cm_float_hash_value(c->im);
  int64_t r = (int64_t)h;
  *out = r == -1 ? -2 : r;
  return 0;
}

static cm_value complex_repr(cm_vm *vm, cm_value v) {
  cm_complex *c = CM_AS(cm_complex, v);
  char re[40], im[40], out[96];
  cm_double_repr_buf(c->im, im, true);
  if (c->re == 0.0 && !signbit(c->re)) {
    snprintf(out, sizeof out, "%sj", im);
  } else {
    cm_double_repr_buf(c->re, re, true);
    bool plus = im[0] != '-'; /* nan prints with '+' */
    snprintf(out, sizeof out, "(%s%s%sj)", re, plus ? "+" : "", im);
  }
  return cm_str_from_cstr(vm, out);
}

/* ---- format ----------------------------------------------------------- */

/* One part of a formatted complex, with `sign` as its sign option. */
static int part(cm_vm *vm, cm_buf *b, double d, const cm_fmtspec *fs,
                char sign) {
  cm_fmtspec f = *fs;
  f.width = -1;
  f.align = 0;
  f.fill = ' ';
  f.zero = false;
  f.fill_given = false;
  f.sign = sign;
  cm_value s = cm_float_format_ex(vm, d, &f, "complex", false);
  if (s == CM_ERROR) return -1;
  return cm_buf_put_value_str(vm, b, s);
}

static cm_value complex_format(cm_vm *vm, cm_complex *c, const cm_fmtspec *fs) {
  char t = fs->type;
  if (t == '%' || !(t == 0 || strchr("eEfFgGn", t))) {
    cm_fmt_unknown_code(vm, t, "complex");
    return CM_ERROR;
  }
  if (fs->fill == '0')
    return cm_raise(vm, &cm_exc_ValueError,
                    "Zero padding is not allowed in complex format specifier");
  if (fs->align == '=')
    return cm_raise(vm, &cm_exc_ValueError,
                    "'=' alignment flag is not allowed in complex format specifier");
  bool bare = t == 0;
  bool skip_re = bare && c->re == 0.0 && !signbit(c->re);
  cm_buf body = {0};
  int rc = 0;
  if (bare && !skip_re) rc |= cm_buf_putc(vm, &body, '(');
  if (!skip_re && rc == 0) rc = part(vm, &body, c->re, fs, fs->sign);
  if (rc == 0) rc = part(vm, &body, c->im, fs, skip_re ? fs->sign : '+');
  if (rc == 0) rc = cm_buf_putc(vm, &body, 'j');
  if (bare && !skip_re && rc == 0) rc = cm_buf_putc(vm, &body, ')');
  cm_buf out = {0};
  if (rc == 0) {
    size_t cps = cm_utf8_count(body.data, body.len);
    rc = cm_fmt_pad(vm, &out, fs, body.data, body.len, cps, '>', 0);
  }
  cm_buf_free(vm, &body);
  if (rc < 0) {
    cm_buf_free(vm, &out);
    return CM_ERROR;
  }
  return cm_buf_finish(vm, &out);
}

static cm_value m_format(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__format__", nargs - 1, kw, 1, 1) < 0) return CM_ERROR;
  if (!cm_is_str(vm, args[1]))
    return cm_raise(vm, &cm_exc_TypeError,
                    "__format__() argument must be str, not %T", args[1]);
  cm_str *s = CM_AS(cm_str, args[1]);
  if (s->size == 0) return complex_repr(vm, args[0]);
  cm_fmtspec fs;
  if (cm_fmtspec_parse(vm, s->data, s->size, "complex", &fs) < 0) return CM_ERROR;
  return complex_format(vm, CM_AS(cm_complex, args[0]), &fs);
}

/* ---- complex() -------------------------------------------------------- */

static bool is_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static cm_value complex_parse(cm_vm *vm, const char *s, size_t size) {
  size_t i = 0, end = size;
  while (i < end && is_space((unsigned char)s[i])) i++;
  while (end > i && is_space((unsigned char)s[end - 1])) end--;
  if (i < end && s[i] == '(' && s[end - 1] == ')') {
    i++;
    end--;
    while (i < end && is_space((unsigned char)s[i])) i++;
    while (end > i && is_space((unsigned char)s[end - 1])) end--;
  }
  double re = 0.0, im = 0.0;
  const char *p = s + i;
  size_t n = end - i;
  if (n == 0) goto bad;
  if ((p[n - 1] | 0x20) != 'j') { /* real only */
    if (cm_parse_double(vm, p, n, false, &re) != 0) goto bad;
    return cm_complex_new(vm, re, 0.0);
  }
  n--; /* drop 'j' */
  /* split into real part and signed imaginary part at the last sign that
     is not part of an exponent */
  size_t k = n;
  while (k > 0) {
    k--;
    if ((p[k] == '+' || p[k] == '-') && !(k > 0 && (p[k - 1] | 0x20) == 'e'))
      break;
  }
  const char *ip = p + k;
  size_t in = n - k;
  if (k > 0) {
    if (cm_parse_double(vm, p, k, false, &re) != 0) goto bad;
  } else if (!(p[0] == '+' || p[0] == '-')) {
    ip = p;
    in = n;
  }
  if (in == 0 || (in == 1 && (ip[0] == '+' || ip[0] == '-'))) {
    im = in == 1 && ip[0] == '-' ? -1.0 : 1.0;
  } else if (cm_parse_double(vm, ip, in, false, &im) != 0) {
    goto bad;
  }
  return cm_complex_new(vm, re, im);
bad:
  return cm_raise(vm, &cm_exc_ValueError, "complex() arg is a malformed string");
}

static cm_value complex_from_str(cm_vm *vm, cm_value str) {
  cm_buf tmp = {0};
  const char *s;
  size_t n;
  if (cm_num_text(vm, str, &tmp, &s, &n) < 0) return CM_ERROR;
  /* like CPython: underscores are checked (each between two digits) and
     removed before parsing */
  cm_buf clean = {0};
  bool bad_us = false, has_us = false;
  for (size_t i = 0; i < n && !bad_us; i++) {
    if (s[i] != '_') continue;
    has_us = true;
    bad_us = i == 0 || i + 1 == n || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||
             !(s[i + 1] >= '0' && s[i + 1] <= '9');
  }
  cm_value r;
  if (bad_us) {
    r = cm_raise(vm, &cm_exc_ValueError,
                 "could not convert string to complex: %R", str);
  } else if (has_us) {
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
      if (s[i] != '_') rc = cm_buf_putc(vm, &clean, s[i]);
    r = rc < 0 ? CM_ERROR : complex_parse(vm, clean.data, clean.len);
  } else {
    r = complex_parse(vm, s, n);
  }
  cm_buf_free(vm, &clean);
  cm_buf_free(vm, &tmp);
  return r;
}

/* A real or complex argument of complex(); `which` names it. */
static int arg_cpx(cm_vm *vm, cm_value v, const char *which, cpx *c) {
  int k = as_cpx(vm, v, c);
  if (k >= 0) return 0;
  if (k == -1) {
    cm_value m = cm_getattr_opt(vm, v, cm_intern(vm, "__complex__"));
    if (m == CM_ERROR) return -1;
    if (m != CM_NULL) {
      cm_value r = cm_call(vm, m, NULL, 0, CM_NULL);
      if (r == CM_ERROR) return -1;
      if (as_cpx(vm, r, c) >= 0) return 0;
    }
    m = cm_getattr_opt(vm, v, cm_intern(vm, "__float__"));
    if (m != CM_NULL && m != CM_ERROR) {
      cm_value r = cm_call(vm, m, NULL, 0, CM_NULL);
      if (r == CM_ERROR) return -1;
      if (as_cpx(vm, r, c) >= 0) return 0;
    }
    if (which[0] == 0)
      cm_raise(vm, &cm_exc_TypeError,
               "complex() argument must be a string or a number, not %T", v);
    else
      cm_raise(vm, &cm_exc_TypeError,
               "complex() argument '%s' must be a real number, not %T", which, v);
  }
  return -1;
}

static cm_value complex_construct(cm_vm *vm, const cm_value *args, int nargs,
                                  cm_value kwnames) {
  static const char *const names[] = {"real", "imag"};
  cm_value a[2];
  if (cm_bind_args(vm, "complex", args, nargs, kwnames, names, 2, 0, 2, a) < 0)
    return CM_ERROR;
  if (a[0] != CM_NULL && a[1] == CM_NULL && cm_is_str(vm, a[0]))
    return complex_from_str(vm, a[0]);
  cpx r = {0.0, 0.0}, i = {0.0, 0.0};
  if (a[0] != CM_NULL && arg_cpx(vm, a[0], a[1] == CM_NULL ? "" : "real", &r) < 0)
    return CM_ERROR;
  if (a[1] == CM_NULL) {
    if (a[0] != CM_NULL && cm_is_complex(a[0])) return a[0];
    return mk(vm, r);
  }
  if (arg_cpx(vm, a[1], "imag", &i) < 0) return CM_ERROR;
  /* real + imag*1j, touching only the parts that complex operands have
     (so complex(1.0, -0.0) keeps its -0.0) */
  bool rc = a[0] != CM_NULL && cm_is_complex(a[0]), ic = cm_is_complex(a[1]);
  cpx out = {ic ? r.re - i.im : r.re, rc ? r.im + i.re : i.re};
  return mk(vm, out);
}

/* ---- methods ---------------------------------------------------------- */

static cm_value m_conjugate(cm_vm *vm, const cm_value *args, int nargs,
                            cm_value kw) {
  if (cm_check_nargs(vm, "conjugate", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  cm_complex *c = CM_AS(cm_complex, args[0]);
  return cm_complex_new(vm, c->re, -c->im);
}

static cm_value m_abs(cm_vm *vm, const cm_value *args, int nargs, cm_value kw) {
  if (cm_check_nargs(vm, "__abs__", nargs - 1, kw, 0, 0) < 0) return CM_ERROR;
  cm_complex *c = CM_AS(cm_complex, args[0]);
  double r = hypot(c->re, c->im);
  if (isinf(r) && isfinite(c->re) && isfinite(c->im))
    return cm_raise(vm, &cm_exc_OverflowError, "absolute value too large");
  return cm_float(r);
}

static cm_value m_complex(cm_vm *vm, const cm_value *args, int nargs,
                          cm_value kw) {
  return args[0];
}

static cm_value m_getnewargs(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kw) {
  cm_complex *c = CM_AS(cm_complex, args[0]);
  cm_value items[2] = {cm_float(c->re), cm_float(c->im)};
  return cm_tuple_from(vm, items, 2);
}

static cm_value g_real(cm_vm *vm, cm_value v) {
  return cm_float(CM_AS(cm_complex, v)->re);
}
static cm_value g_imag(cm_vm *vm, cm_value v) {
  return cm_float(CM_AS(cm_complex, v)->im);
}

static const cm_method_def complex_methods[] = {
    {"conjugate", m_conjugate, 0},
    {"__abs__", m_abs, 0},
    {"__complex__", m_complex, 0},
    {"__format__", m_format, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {NULL, NULL, 0}};

static const cm_getset_def complex_getsets[] = {
    {"real", g_real}, {"imag", g_imag}, {NULL, NULL}};

const cm_type cm_complex_type = {
    .name = "complex",
    .id = CM_T_COMPLEX,
    .flags = CM_TF_BASETYPE,
    .base = &cm_object_type,
    .repr = complex_repr,
    .hash = complex_hash,
    .compare = complex_compare,
    .binop = complex_binop,
    .unop = complex_unop,
    .truthy = complex_truthy,
    .construct = complex_construct,
    .methods = complex_methods,
    .getsets = complex_getsets,
};
