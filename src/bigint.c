/*
** bigint.c — magnitude arithmetic on little-endian arrays of 32-bit limbs.
**
** Pure functions over caller-provided buffers (no objects, no vm except for
** scratch memory in the ratio conversion). int.c builds Python ints on top.
*/
#include <math.h>
#include <float.h>
#include "int.h"

size_t cm_mag_norm(const uint32_t *a, size_t n) {
  while (n > 0 && a[n - 1] == 0) n--;
  return n;
}

int cm_mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  for (size_t i = an; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

size_t cm_mag_add(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn) {
  if (an < bn) { /* make a the longer one */
    const uint32_t *t = a; a = b; b = t;
    size_t tn = an; an = bn; bn = tn;
  }
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < bn; i++) {
    carry += (uint64_t)a[i] + b[i];
    r[i] = (uint32_t)carry;
    carry >>= 32;
  }
  for (; i < an; i++) {
    carry += a[i];
    r[i] = (uint32_t)carry;
    carry >>= 32;
  }
  r[i] = (uint32_t)carry;
  return cm_mag_norm(r, an + 1);
}

size_t cm_mag_sub(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn) {
  int64_t borrow = 0;
  size_t i = 0;
  for (; i < bn; i++) {
    borrow += (int64_t)a[i] - b[i];
    r[i] = (uint32_t)borrow;
    borrow = borrow < 0 ? -1 : 0;
  }
  for (; i < an; i++) {
    borrow += a[i];
    r[i] = (uint32_t)borrow;
    borrow = borrow < 0 ? -1 : 0;
  }
  return cm_mag_norm(r, an);
}

/* Schoolbook multiplication: r[an+bn] = a * b (r zeroed here). */
static void mul_school(uint32_t *r, const uint32_t *a, size_t an,
                       const uint32_t *b, size_t bn) {
  memset(r, 0, (an + bn) * sizeof *r);
  for (size_t i = 0; i < an; i++) {
    uint64_t carry = 0, ai = a[i];
    if (ai == 0) continue;
    for (size_t j = 0; j < bn; j++) {
      carry += ai * b[j] + r[i + j];
      r[i + j] = (uint32_t)carry;
      carry >>= 32;
    }
    r[i + bn] = (uint32_t)carry;
  }
}


size_t cm_mag_mul_scratch(size_t an, size_t bn) {
  /* Karatsuba recursion needs about 4 * n limbs in total. */
  size_t n = an > bn ? an : bn;
  return 6 * n + 64;
}

/* r[an+bn] += x[xn] shifted by `at` limbs (r large enough). */
static void add_at(uint32_t *r, size_t rn, const uint32_t *x, size_t xn,
                   size_t at) {
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < xn; i++) {
    carry += (uint64_t)r[at + i] + x[i];
    r[at + i] = (uint32_t)carry;
    carry >>= 32;
  }
  for (i += at; carry && i < rn; i++) {
    carry += r[i];
    r[i] = (uint32_t)carry;
    carry >>= 32;
  }
}

/* Karatsuba for balanced operands, schoolbook otherwise. r[an+bn]. */
static void mul_rec(uint32_t *r, const uint32_t *a, size_t an,
                    const uint32_t *b, size_t bn, uint32_t *tmp) {
  if (an < bn) {
    const uint32_t *t = a; a = b; b = t;
    size_t tn = an; an = bn; bn = tn;
  }
  if (bn < CM_KARATSUBA_CUTOFF || an > 2 * bn) {
    if (bn >= CM_KARATSUBA_CUTOFF) { /* unbalanced: chunk a by bn */
      memset(r, 0, (an + bn) * sizeof *r);
      for (size_t off = 0; off < an; off += bn) {
        size_t cn = an - off < bn ? an - off : bn;
        mul_rec(tmp, a + off, cn, b, bn, tmp + cn + bn);
        add_at(r, an + bn, tmp, cn + bn, off);
      }
      return;
    }
    mul_school(r, a, an, b, bn);
    return;
  }
  /* a = a1*B^h + a0, b = b1*B^h + b0 */
  size_t h = an / 2;
  const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
  size_t a0n = cm_mag_norm(a0, h), a1n = an - h;
  size_t b0n = cm_mag_norm(b0, h < bn ? h : bn);
  size_t b1n = bn > h ? bn - h : 0;
  memset(r, 0, (an + bn) * sizeof *r);
  /* z0 = a0*b0 at r[0], z2 = a1*b1 at r[2h] */
  if (a0n && b0n) mul_rec(r, a0, a0n, b0, b0n, tmp);
  if (b1n) mul_rec(r + 2 * h, a1, a1n, b1, b1n, tmp);
  /* z1 = (a0+a1)(b0+b1) - z0 - z2 */
  uint32_t *sa = tmp, *sb = tmp + h + 2, *z1 = tmp + 2 * h + 4;
  uint32_t *rest = z1 + 2 * h + 4;
  size_t san = cm_mag_add(sa, a0, a0n, a1, a1n);
  size_t sbn = cm_mag_add(sb, b0, b0n, b1, b1n);
  size_t z1n = 0;
  if (san && sbn) {
    mul_rec(z1, sa, san, sb, sbn, rest);
    z1n = cm_mag_norm(z1, san + sbn);
  }
  size_t z0n = cm_mag_norm(r, 2 * h);
  if (z0n) z1n = cm_mag_sub(z1, z1, z1n, r, z0n);
  size_t z2n = cm_mag_norm(r + 2 * h, an + bn - 2 * h);
  if (z2n) z1n = cm_mag_sub(z1, z1, z1n, r + 2 * h, z2n);
  add_at(r, an + bn, z1, z1n, h);
}

size_t cm_mag_mul(uint32_t *r, const uint32_t *a, size_t an,
                  const uint32_t *b, size_t bn, uint32_t *tmp) {
  if (an == 0 || bn == 0) return 0;
  mul_rec(r, a, an, b, bn, tmp);
  return cm_mag_norm(r, an + bn);
}

uint32_t cm_mag_divsmall(uint32_t *q, const uint32_t *a, size_t an,
                         uint32_t d, size_t *qn) {
  uint64_t rem = 0;
  for (size_t i = an; i-- > 0;) {
    uint64_t cur = (rem << 32) | a[i];
    q[i] = (uint32_t)(cur / d);
    rem = cur % d;
  }
  if (qn) *qn = cm_mag_norm(q, an);
  return (uint32_t)rem;
}

size_t cm_mag_muladd_small(uint32_t *a, size_t an, uint32_t m, uint32_t c) {
  uint64_t carry = c;
  for (size_t i = 0; i < an; i++) {
    carry += (uint64_t)a[i] * m;
    a[i] = (uint32_t)carry;
    carry >>= 32;
  }
  a[an] = (uint32_t)carry;
  return cm_mag_norm(a, an + 1);
}

static int clz32(uint32_t x) {
  int n = 0;
  if (x == 0) return 32;
  while (!(x & 0x80000000u)) { x <<= 1; n++; }
  return n;
}

/* Knuth's algorithm D (TAOCP 4.3.1). */
void cm_mag_divmod(uint32_t *q, size_t *qn, uint32_t *r, size_t *rn,
                   const uint32_t *a, size_t an, const uint32_t *b,
                   size_t bn, uint32_t *scratch) {
  if (cm_mag_cmp(a, an, b, bn) < 0) {
    *qn = 0;
    memcpy(r, a, an * sizeof *r);
    *rn = an;
    return;
  }
  if (bn == 1) {
    uint32_t rem = cm_mag_divsmall(q, a, an, b[0], qn);
    r[0] = rem;
    *rn = rem ? 1 : 0;
    return;
  }
  int s = clz32(b[bn - 1]);
  uint32_t *u = scratch, *v = scratch + an + 1; /* u[an+1], v[bn] */
  u[an] = 0;
  memcpy(u, a, an * sizeof *u);
  memcpy(v, b, bn * sizeof *v);
  if (s) {
    u[an] = a[an - 1] >> (32 - s);
    for (size_t i = an - 1; i > 0; i--)
      u[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
    u[0] = a[0] << s;
    for (size_t i = bn - 1; i > 0; i--)
      v[i] = (b[i] << s) | (b[i - 1] >> (32 - s));
    v[0] = b[0] << s;
  }
  uint64_t vtop = v[bn - 1], vnext = v[bn - 2];
  for (size_t j = an - bn + 1; j-- > 0;) {
    uint64_t num = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
    uint64_t qhat = num / vtop, rhat = num % vtop;
    while (qhat > 0xFFFFFFFFu ||
           qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
      qhat--;
      rhat += vtop;
      if (rhat > 0xFFFFFFFFu) break;
    }
    /* u[j..j+bn] -= qhat * v */
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < bn; i++) {
      carry += qhat * v[i];
      int64_t t = (int64_t)u[i + j] - (int64_t)(uint32_t)carry + borrow;
      carry >>= 32;
      u[i + j] = (uint32_t)t;
      borrow = t >> 32;
    }
    int64_t t = (int64_t)u[j + bn] - (int64_t)carry + borrow;
    u[j + bn] = (uint32_t)t;
    if (t < 0) { /* qhat one too large: add v back */
      qhat--;
      uint64_t c = 0;
      for (size_t i = 0; i < bn; i++) {
        c += (uint64_t)u[i + j] + v[i];
        u[i + j] = (uint32_t)c;
        c >>= 32;
      }
      u[j + bn] += (uint32_t)c;
    }
    q[j] = (uint32_t)qhat;
  }
  *qn = cm_mag_norm(q, an - bn + 1);
  /* remainder = u[0..bn) >> s */
  for (size_t i = 0; i < bn; i++) {
    r[i] = s ? (u[i] >> s) | (uint32_t)((uint64_t)u[i + 1] << (32 - s)) : u[i];
  }
  *rn = cm_mag_norm(r, bn);
}

size_t cm_mag_shl(uint32_t *r, const uint32_t *a, size_t an, uint64_t shift) {
  size_t limbs = (size_t)(shift / 32);
  int bits = (int)(shift % 32);
  if (an == 0) return 0;
  r[an + limbs] = 0;
  if (bits == 0) {
    memmove(r + limbs, a, an * sizeof *r);
  } else {
    for (size_t i = an; i-- > 0;) {
      r[i + limbs + 1] |= a[i] >> (32 - bits);
      r[i + limbs] = a[i] << bits;
    }
  }
  memset(r, 0, limbs * sizeof *r);
  return cm_mag_norm(r, an + limbs + 1);
}

size_t cm_mag_shr(uint32_t *r, const uint32_t *a, size_t an, uint64_t shift,
                  int *lost) {
  uint64_t limbs = shift / 32;
  int bits = (int)(shift % 32);
  int l = 0;
  if (limbs >= an) {
    if (lost) *lost = an > 0;
    return 0;
  }
  for (size_t i = 0; i < limbs; i++) l |= a[i] != 0;
  if (bits) l |= (a[limbs] & ((1u << bits) - 1)) != 0;
  size_t rn = an - (size_t)limbs;
  for (size_t i = 0; i < rn; i++) {
    uint32_t lo = a[i + limbs] >> bits;
    uint32_t hi = (bits && i + limbs + 1 < an)
                      ? a[i + limbs + 1] << (32 - bits) : 0;
    r[i] = lo | hi;
  }
  if (lost) *lost = l;
  return cm_mag_norm(r, rn);
}

uint64_t cm_mag_bitlen(const uint32_t *a, size_t an) {
  if (an == 0) return 0;
  return (uint64_t)an * 32 - (uint64_t)clz32(a[an - 1]);
}

/* Top 64 bits of a (bitlen L >= 64) and whether anything below is set. */
static uint64_t mag_top64(const uint32_t *a, size_t an, uint64_t L,
                          int *sticky) {
  uint64_t shift = L - 64;
  size_t lo = (size_t)(shift / 32);
  int bits = (int)(shift % 32);
  uint64_t v = 0;
  /* gather three limbs from lo upwards, then shift */
  uint32_t w[3] = {0, 0, 0};
  for (int i = 0; i < 3; i++)
    if (lo + (size_t)i < an) w[i] = a[lo + (size_t)i];
  v = ((uint64_t)w[1] << 32 | w[0]) >> bits;
  if (bits) v |= (uint64_t)w[2] << (64 - bits);
  int s = bits ? (w[0] & ((1u << bits) - 1)) != 0 : 0;
  for (size_t i = 0; i < lo && !s; i++) s = a[i] != 0;
  *sticky = s;
  return v;
}

/* Rounds q (with `sticky` extra bits below) to keep `keep` top bits of its
   `qlen` bits, half-even; returns the mantissa, *e2 the binary exponent
   of its last bit relative to q's last bit. */
double cm_round_bits(uint64_t q, int qlen, int sticky, int64_t exp2,
                     int *overflow) {
  /* value = (q + sticky*eps) * 2^exp2; the top bit is 2^(qlen-1+exp2) */
  int64_t top = qlen - 1 + exp2;
  int keep = 53;
  if (top < -1022) keep = 53 - (int)(-1022 - top);
  if (keep < 0) keep = 0;
  if (top < -1075) return 0.0; /* below half the smallest subnormal */
  int drop = qlen - keep;
  if (drop > 0) {
    uint64_t mask = drop >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << drop) - 1;
    uint64_t rem = q & mask;
    uint64_t half = drop >= 65 ? 0 : UINT64_C(1) << (drop - 1);
    q = drop >= 64 ? 0 : q >> drop;
    if (drop <= 64 && (rem > half || (rem == half && (sticky || (q & 1)))))
      q++;
    exp2 += drop;
  }
  if (top > 1023 || (top == 1023 && q >> 53)) {
    *overflow = 1;
    return HUGE_VAL;
  }
  return ldexp((double)q, (int)exp2);
}

int cm_mag_ratio_to_double(cm_vm *vm, const uint32_t *a, size_t an,
                           const uint32_t *b, size_t bn, double *out,
                           int *overflow) {
  *overflow = 0;
  if (an == 0) { *out = 0.0; return 0; }
  int64_t la = (int64_t)cm_mag_bitlen(a, an), lb = (int64_t)cm_mag_bitlen(b, bn);
  int64_t diff = la - lb;
  if (diff > 1025) { *overflow = 1; *out = HUGE_VAL; return 0; }
  if (diff < -1080) { *out = 0.0; return 0; }
  if (bn == 1 && b[0] == 1 && la <= 64) { /* a itself, small */
    uint64_t v = an > 1 ? ((uint64_t)a[1] << 32) | a[0] : a[0];
    *out = cm_round_bits(v, (int)la, 0, 0, overflow);
    return 0;
  }
  if (bn == 1 && b[0] == 1) {
    int sticky;
    uint64_t v = mag_top64(a, an, (uint64_t)la, &sticky);
    *out = cm_round_bits(v, 64, sticky, la - 64, overflow);
    return 0;
  }
  /* q = floor(a * 2^s / b) has 55 or 56 bits */
  int64_t s = 55 - diff;
  size_t xn = an + (s > 0 ? (size_t)(s / 32) + 2 : 0);
  size_t yn = bn + (s < 0 ? (size_t)(-s / 32) + 2 : 0);
  size_t total = xn + yn + (xn + 1) + yn + (xn + yn + 2);
  uint32_t stackbuf[1024];
  uint32_t *buf = stackbuf;
  if (total > 1024 && !(buf = cm_alloc(vm, total * sizeof *buf))) return -1;
  uint32_t *x = buf, *y = x + xn, *q = y + yn, *r = q + xn + 1,
           *scr = r + yn;
  size_t xl, yl;
  if (s > 0) {
    xl = cm_mag_shl(x, a, an, (uint64_t)s);
    memcpy(y, b, bn * sizeof *y);
    yl = bn;
  } else {
    memcpy(x, a, an * sizeof *x);
    xl = an;
    yl = cm_mag_shl(y, b, bn, (uint64_t)-s);
  }
  size_t qn, rn;
  cm_mag_divmod(q, &qn, r, &rn, x, xl, y, yl, scr);
  uint64_t qv = qn > 1 ? ((uint64_t)q[1] << 32) | q[0] : (qn ? q[0] : 0);
  int qlen = (int)cm_mag_bitlen(q, qn);
  *out = cm_round_bits(qv, qlen, rn != 0, -s, overflow);
  if (buf != stackbuf) cm_free(vm, buf, total * sizeof *buf);
  return 0;
}
