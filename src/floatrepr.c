/*
** floatrepr.c — exact conversions between doubles and decimal text,
** independent of the C locale:
**   - shortest round-trip digits (Burger & Dybvig's free-format algorithm
**     on exact big integers), as CPython's repr(float) prints them;
**   - correctly rounded decimal → double (fast exact path, else exact
**     big-integer division).
*/
#include <math.h>
#include <float.h>
#include <stdio.h>
#include "int.h"

/* A fixed-size magnitude big enough for any double's scaled value. */
#define FB_LIMBS 48
typedef struct fbig {
  uint32_t d[FB_LIMBS + 2];
  size_t n;
} fbig;

static void fb_set(fbig *x, uint64_t v) {
  x->d[0] = (uint32_t)v;
  x->d[1] = (uint32_t)(v >> 32);
  x->n = cm_mag_norm(x->d, 2);
}

static void fb_mul(fbig *x, uint32_t m) {
  x->n = cm_mag_muladd_small(x->d, x->n, m, 0);
}

static void fb_shl(fbig *x, int s) {
  uint32_t t[FB_LIMBS + 2];
  if (x->n == 0 || s == 0) return;
  size_t n = cm_mag_shl(t, x->d, x->n, (uint64_t)s);
  memcpy(x->d, t, n * 4);
  x->n = n;
}

static void fb_pow10(fbig *x, int k) {
  for (; k >= 9; k -= 9) fb_mul(x, 1000000000u);
  static const uint32_t p10[9] = {1, 10, 100, 1000, 10000, 100000,
                                  1000000, 10000000, 100000000};
  if (k > 0) fb_mul(x, p10[k]);
}

static int fb_cmp(const fbig *a, const fbig *b) {
  return cm_mag_cmp(a->d, a->n, b->d, b->n);
}

/* cmp(a + b, c) */
static int fb_cmp_sum(const fbig *a, const fbig *b, const fbig *c) {
  fbig s;
  s.n = cm_mag_add(s.d, a->d, a->n, b->d, b->n);
  return fb_cmp(&s, c);
}

/* x's top limbs as a double scaled by 2^-(32*base) */
static double fb_approx(const fbig *x, size_t base) {
  double v = 0;
  for (size_t i = x->n; i-- > base;) v = v * 4294967296.0 + x->d[i];
  return v;
}

/* floor(r / s) for r < 10 s, leaving r % s in r. The estimate from the
   top limbs is exact or one off, fixed below. */
static int fb_digit(fbig *r, const fbig *s) {
  size_t base = s->n > 2 ? s->n - 3 : 0;
  int q = (int)(fb_approx(r, base) / fb_approx(s, base));
  if (q > 9) q = 9;
  if (q > 0) {
    fbig t;
    memcpy(t.d, s->d, s->n * 4);
    t.n = s->n;
    fb_mul(&t, (uint32_t)q);
    if (fb_cmp(&t, r) > 0) { /* one too many */
      q--;
      t.n = cm_mag_sub(t.d, t.d, t.n, s->d, s->n);
    }
    r->n = cm_mag_sub(r->d, r->d, r->n, t.d, t.n);
  }
  while (fb_cmp(r, s) >= 0) { /* one too few */
    r->n = cm_mag_sub(r->d, r->d, r->n, s->d, s->n);
    q++;
  }
  return q;
}

int cm_dtoa_shortest(double v, char *digits, int *exp10) {
  if (v < 9007199254740992.0 && v == floor(v)) {
    /* integral below 2^53: every shorter decimal is another integer, which
       is representable too, so the digits themselves are the shortest */
    char tmp[24];
    int n = 0;
    for (uint64_t u = (uint64_t)v; u; u /= 10) tmp[n++] = (char)('0' + u % 10);
    *exp10 = n;
    int nd = 0;
    while (n > 0) digits[nd++] = tmp[--n];
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    return nd;
  }
  int e2;
  double m = frexp(v, &e2); /* v = m * 2^e2, 0.5 <= m < 1 */
  uint64_t f = (uint64_t)ldexp(m, 53);
  int e = e2 - 53;
  if (e < -1074) { /* subnormal: f * 2^e with e = -1074 */
    f >>= (-1074 - e);
    e = -1074;
  }
  bool even = (f & 1) == 0;
  bool lower_closer = f == (UINT64_C(1) << 52) && e > -1074;
  fbig r, s, mp, mm;
  /* v = r / s; the rounding interval is (v - mm/s, v + mp/s) */
  fb_set(&r, f);
  fb_set(&s, 1);
  fb_set(&mp, 1);
  fb_set(&mm, 1);
  if (e >= 0) {
    fb_shl(&r, e + 1 + lower_closer);
    fb_set(&s, lower_closer ? 4 : 2);
    fb_shl(&mp, e + lower_closer);
    fb_shl(&mm, e);
  } else {
    fb_shl(&r, 1 + lower_closer);
    fb_shl(&s, 1 - e + lower_closer);
    fb_set(&mp, lower_closer ? 2 : 1);
  }
  int k = (int)ceil(log10(v) - 1e-10);
  if (k >= 0) {
    fb_pow10(&s, k);
  } else {
    fb_pow10(&r, -k);
    fb_pow10(&mp, -k);
    if (lower_closer) fb_pow10(&mm, -k);
  }
  /* fix the estimate: we need r + mp < s (<= when even excluded) */
  int c = fb_cmp_sum(&r, &mp, &s);
  if (c > 0 || (even && c == 0)) {
    fb_mul(&s, 10);
    k++;
  }
  int nd = 0;
  for (;;) {
    fb_mul(&r, 10);
    fb_mul(&mp, 10);
    if (lower_closer) fb_mul(&mm, 10); /* else mm == mp: not updated */
    int d = fb_digit(&r, &s);
    int lo = fb_cmp(&r, lower_closer ? &mm : &mp), hi = fb_cmp_sum(&r, &mp, &s);
    bool tc1 = lo < 0 || (even && lo == 0);
    bool tc2 = hi > 0 || (even && hi == 0);
    if (!tc1 && !tc2 && nd < 17) {
      digits[nd++] = (char)('0' + d);
      continue;
    }
    if (tc1 && tc2) { /* both candidates round-trip: nearest, ties even */
      fbig r2 = r;
      fb_mul(&r2, 2);
      int h = fb_cmp(&r2, &s);
      if (h > 0 || (h == 0 && (d & 1))) d++;
    } else if (tc2) {
      d++;
    }
    digits[nd++] = (char)('0' + d);
    break;
  }
  /* a carry out of the last digit (d == 10) propagates */
  while (nd > 0 && digits[nd - 1] > '9') {
    nd--;
    if (nd == 0) {
      digits[nd++] = '1';
      k++;
      break;
    }
    digits[nd - 1]++;
  }
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  *exp10 = k;
  return nd;
}

/* Lays out d like repr(float) (drop_dot0: like the parts of complex repr,
   without a trailing ".0"). buf holds at least 32 bytes. */
void cm_double_repr_buf(double d, char *buf, bool drop_dot0) {
  char *p = buf;
  if (isnan(d)) { strcpy(buf, "nan"); return; }
  if (signbit(d)) *p++ = '-';
  if (isinf(d)) { strcpy(p, "inf"); return; }
  if (d == 0) { strcpy(p, drop_dot0 ? "0" : "0.0"); return; }
  char dig[24];
  int decpt;
  int n = cm_dtoa_shortest(fabs(d), dig, &decpt);
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      *p++ = '0';
      *p++ = '.';
      for (int i = 0; i < -decpt; i++) *p++ = '0';
      memcpy(p, dig, (size_t)n);
      p += n;
    } else if (decpt >= n) {
      memcpy(p, dig, (size_t)n);
      p += n;
      for (int i = n; i < decpt; i++) *p++ = '0';
      if (!drop_dot0) { *p++ = '.'; *p++ = '0'; }
    } else {
      memcpy(p, dig, (size_t)decpt);
      p += decpt;
      *p++ = '.';
      memcpy(p, dig + decpt, (size_t)(n - decpt));
      p += n - decpt;
    }
    *p = 0;
    return;
  }
  *p++ = dig[0];
  if (n > 1) {
    *p++ = '.';
    memcpy(p, dig + 1, (size_t)(n - 1));
    p += n - 1;
  }
  int x = decpt - 1;
  sprintf(p, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
}

cm_value cm_float_repr(cm_vm *vm, double d) {
  char buf[40];
  cm_double_repr_buf(d, buf, false);
  return cm_str_from_cstr(vm, buf);
}

/* ---- decimal text → double -------------------------------------------- */

#define MAX_SIG_DIGITS 800

static bool ieq(const char *s, size_t n, const char *word) {
  size_t k = strlen(word);
  if (n != k) return false;
  for (size_t i = 0; i < n; i++)
    if ((s[i] | 0x20) != word[i]) return false;
  return true;
}

static const double exact_pow10[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Exact M * 10^e correctly rounded; M given as ASCII digits. */
static int decimal_to_double(cm_vm *vm, const char *dig, size_t nd,
                             int64_t e, double *out) {
  if (nd <= 15 && e >= -22 && e <= 22) {
    double m = 0;
    for (size_t i = 0; i < nd; i++) m = m * 10 + (dig[i] - '0');
    *out = e >= 0 ? m * exact_pow10[e] : m / exact_pow10[-e];
    return 0;
  }
  int64_t dp = (int64_t)nd + e; /* value in [10^(dp-1), 10^dp) */
  if (dp > 310) { *out = HUGE_VAL; return 0; }
  if (dp < -324) { *out = 0.0; return 0; }
  /* M into limbs */
  uint32_t mag[MAX_SIG_DIGITS / 9 + 4];
  size_t mn = 0;
  for (size_t i = 0; i < nd;) {
    uint32_t chunk = 0, mult = 1;
    for (int k = 0; k < 9 && i < nd; k++, i++) {
      chunk = chunk * 10 + (uint32_t)(dig[i] - '0');
      mult *= 10;
    }
    mn = cm_mag_muladd_small(mag, mn, mult, chunk);
  }
  /* P = 10^|e| */
  uint32_t pw[160];
  size_t pn = 1;
  pw[0] = 1;
  for (int64_t k = e < 0 ? -e : e; k > 0; k -= 9)
    pn = cm_mag_muladd_small(pw, pn, k >= 9 ? 1000000000u
                                              : (uint32_t)exact_pow10[k], 0);
  int ovf;
  if (e >= 0) {
    uint32_t prod[200], one = 1;
    size_t n = cm_mag_mul(prod, mag, mn, pw, pn, NULL);
    if (cm_mag_ratio_to_double(vm, prod, n, &one, 1, out, &ovf) < 0) return -2;
  } else {
    if (cm_mag_ratio_to_double(vm, mag, mn, pw, pn, out, &ovf) < 0) return -2;
  }
  return 0;
}

/* Scans s[0..n) as a decimal float; collects significant digits. */
int cm_parse_double(cm_vm *vm, const char *s, size_t n, bool underscores,
                       double *out) {
  size_t i = 0;
  int neg = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  if (ieq(s + i, n - i, "inf") || ieq(s + i, n - i, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return 0;
  }
  if (ieq(s + i, n - i, "nan")) {
    *out = neg ? -NAN : NAN;
    return 0;
  }
  char dig[MAX_SIG_DIGITS + 2];
  size_t nd = 0;
  int64_t e = 0; /* value = 0.? digits * 10^e adjustments below */
  bool sticky = false, any = false, after_dot = false, prev_digit = false;
  for (; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      any = true;
      prev_digit = true;
      if (nd == 0 && c == '0') { /* leading zero */
        if (after_dot) e--;
        continue;
      }
      if (nd < MAX_SIG_DIGITS) {
        dig[nd++] = c;
        if (after_dot) e--;
      } else {
        sticky |= c != '0';
        if (!after_dot) e++;
      }
    } else if (c == '_' && underscores && prev_digit && i + 1 < n &&
               s[i + 1] >= '0' && s[i + 1] <= '9') {
      prev_digit = false;
    } else if (c == '.' && !after_dot) {
      after_dot = true;
      prev_digit = false;
    } else {
      break;
    }
  }
  if (!any) return -1;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    int eneg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i >= n || s[i] < '0' || s[i] > '9') return -1;
    int64_t x = 0;
    for (; i < n; i++) {
      if (s[i] >= '0' && s[i] <= '9') {
        if (x < 100000000) x = x * 10 + (s[i] - '0');
      } else if (s[i] == '_' && underscores && i + 1 < n && s[i + 1] >= '0' &&
                 s[i + 1] <= '9' && s[i - 1] != '_') {
        continue;
      } else {
        break;
      }
    }
    e += eneg ? -x : x;
  }
  if (i != n) return -1;
  if (nd == 0) {
    *out = neg ? -0.0 : 0.0;
    return 0;
  }
  if (sticky) { /* a nonzero tail: nudge above the truncated value */
    dig[nd++] = '1';
    e--;
  }
  double d;
  int rc = decimal_to_double(vm, dig, nd, e, &d);
  if (rc < 0) return rc;
  *out = neg ? -d : d;
  return 0;
}
