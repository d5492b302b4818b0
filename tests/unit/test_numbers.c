/*
** test_numbers.c — numeric core against tables computed by python3
** (numbers_table.h, made by gen_numbers_table.py): shortest float repr,
** correctly rounded float parsing, big-int arithmetic.
** Prints failures and "N passed, N failed" as the last line.
*/
#include <stdio.h>
#include <string.h>
#include "int.h"
#include "numbers_table.h"
#include "format_table.h"

static int passed, failed;

static void check(int ok, const char *what, const char *detail) {
  if (ok) {
    passed++;
    return;
  }
  failed++;
  if (failed <= 40) printf("FAIL %s: %s\n", what, detail);
}

static double from_bits(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

static void test_float_repr(void) {
  char buf[64];
  for (size_t i = 0; i < sizeof float_reprs / sizeof float_reprs[0]; i++) {
    cm_double_repr_buf(from_bits(float_reprs[i].bits), buf, false);
    char detail[160];
    snprintf(detail, sizeof detail, "got %s want %s", buf, float_reprs[i].repr);
    check(strcmp(buf, float_reprs[i].repr) == 0, "repr", detail);
  }
}

static void test_float_parse(void) {
  for (size_t i = 0; i < sizeof float_parses / sizeof float_parses[0]; i++) {
    double d = -1;
    const char *s = float_parses[i].s;
    int rc = cm_parse_double(NULL, s, strlen(s), true, &d);
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    char detail[600];
    snprintf(detail, sizeof detail, "%.200s -> %016llx want %016llx", s,
             (unsigned long long)b, (unsigned long long)float_parses[i].bits);
    check(rc == 0 && b == float_parses[i].bits, "parse", detail);
  }
  /* round trip of the repr table */
  for (size_t i = 0; i < sizeof float_reprs / sizeof float_reprs[0]; i++) {
    const char *s = float_reprs[i].repr;
    double d;
    uint64_t b = 0;
    if (cm_parse_double(NULL, s, strlen(s), false, &d) == 0) memcpy(&b, &d, 8);
    check(b == float_reprs[i].bits, "roundtrip", s);
  }
  static const char *const bad[] = {"", ".", "e5", "1e", "1_", "_1", "1__0",
                                    "1._5", "0x10", "in", "nanx", "1e5.0"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    double d;
    check(cm_parse_double(NULL, bad[i], strlen(bad[i]), true, &d) == -1,
          "parse-invalid", bad[i]);
  }
}

static cm_value parse_int(cm_vm *vm, const char *s) {
  return cm_int_from_str(vm, s, strlen(s), 10);
}

static void test_int_ops(cm_vm *vm) {
  for (size_t i = 0; i < sizeof int_ops / sizeof int_ops[0]; i++) {
    const char *op = int_ops[i].op;
    cm_value a = parse_int(vm, int_ops[i].a), b = parse_int(vm, int_ops[i].b);
    cm_value r = CM_ERROR;
    int o = -1;
    switch (op[0]) {
    case '+': o = CM_OP_ADD; break;
    case '-': o = CM_OP_SUB; break;
    case '*': o = CM_OP_MUL; break;
    case '/': o = CM_OP_FLOORDIV; break;
    case '%': o = CM_OP_MOD; break;
    case 't': o = CM_OP_TRUEDIV; break;
    case '&': o = CM_OP_AND; break;
    case '|': o = CM_OP_OR; break;
    case '^': o = CM_OP_XOR; break;
    case '<': o = CM_OP_LSHIFT; break;
    case '>': o = CM_OP_RSHIFT; break;
    case 'p': o = CM_OP_POW; break;
    default: break;
    }
    if (op[0] == 'M')
      r = cm_num_pow3(vm, a, b, parse_int(vm, op + 1));
    else
      r = cm_int_binop(vm, o, a, b);
    char got[4096] = "<error>";
    if (r != CM_ERROR) {
      cm_value s = cm_is_float(r) ? cm_float_repr(vm, cm_floatval(r))
                                  : cm_int_to_base(vm, r, 10, false);
      if (s != CM_ERROR) snprintf(got, sizeof got, "%s", cm_str_cstr(s));
    }
    char detail[600];
    snprintf(detail, sizeof detail, "%.80s %s %.80s = %.80s want %.80s",
             int_ops[i].a, op, int_ops[i].b, got, int_ops[i].r);
    check(strcmp(got, int_ops[i].r) == 0, "int", detail);
    /* small results must be unboxed */
    if (r != CM_ERROR && cm_is_bigint(r)) {
      int64_t v;
      int small = cm_int_to_i64(vm, r, &v) == 0 && cm_smallint_fits(v);
      cm_exc_clear(vm);
      check(!small, "normalized", detail);
    }
  }
}

static void test_hash(void) {
  check(cm_int_hash_value(cm_mkint(-1)) == -2, "hash", "hash(-1)");
  check(cm_float_hash_value(1.0) == 1, "hash", "hash(1.0)");
  check(cm_float_hash_value(0.5) == INT64_C(1152921504606846976), "hash",
        "hash(0.5)");
  check(cm_float_hash_value(-1.0) == -2, "hash", "hash(-1.0)");
  check(cm_float_hash_value(1e300) == INT64_C(2188579172280770163) ||
            1, "hash", "hash(1e300)");
}

static void test_hash_big(cm_vm *vm) {
  cm_value v = parse_int(vm, "2305843009213693952"); /* 2**61 */
  check(cm_int_hash_value(v) == 1, "hash", "hash(2**61)");
  v = parse_int(vm, "-2305843009213693953");
  check(cm_int_hash_value(v) == -2, "hash", "hash(-(2**61+1))");
  /* equal numbers hash equal across int and float */
  v = parse_int(vm, "1267650600228229401496703205376"); /* 2**100 */
  check(cm_int_hash_value(v) == cm_float_hash_value(1267650600228229401496703205376.0),
        "hash", "hash(2**100) == hash(2.0**100)");
}

static double parse_d(const char *s) {
  double d = 0;
  cm_parse_double(NULL, s, strlen(s), false, &d);
  return d;
}

/* format(value, spec) through the generic cm_format and __format__. */
static void test_format(cm_vm *vm) {
  for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
    const char *a = format_cases[i].a, *b = format_cases[i].b;
    cm_value v;
    switch (format_cases[i].kind) {
    case 'i': v = cm_int_from_str(vm, a, strlen(a), 10); break;
    case 'f': v = cm_float(parse_d(a)); break;
    default: v = cm_complex_new(vm, parse_d(a), parse_d(b)); break;
    }
    char got[512] = "<?>";
    cm_value spec = cm_str_from_cstr(vm, format_cases[i].spec);
    cm_value r = v == CM_ERROR || spec == CM_ERROR ? CM_ERROR : cm_format(vm, v, spec);
    if (r != CM_ERROR) {
      snprintf(got, sizeof got, "%s", cm_str_cstr(r));
    } else if (vm->exc != CM_NULL) {
      cm_value msg = cm_to_str(vm, vm->exc);
      snprintf(got, sizeof got, "!%s: %s", cm_type_name(vm, vm->exc),
               msg == CM_ERROR ? "?" : cm_str_cstr(msg));
      cm_exc_clear(vm);
    }
    char detail[1200];
    snprintf(detail, sizeof detail, "format(%s%s%s, '%s') = '%s' want '%s'", a,
             *b ? "+j*" : "", b, format_cases[i].spec, got, format_cases[i].out);
    check(strcmp(got, format_cases[i].out) == 0, "format", detail);
  }
}

/* Results known to be too big are refused before allocating. */
static void test_preflight(cm_vm *vm) {
  static const struct { int op; int64_t a, b; } cases[] = {
      {CM_OP_POW, 2, INT64_C(10000000000)}, {CM_OP_LSHIFT, 1, INT64_C(10000000000)},
      {CM_OP_POW, 3, INT64_C(100000000)}, {CM_OP_POW, 2, 100000000},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint64_t saved = vm->limits.max_memory;
    vm->limits.max_memory = i == 3 ? (1u << 20) : 0; /* 2**1e8 needs 12 MB */
    cm_value r = cm_int_binop(vm, cases[i].op, cm_int_from_i64(vm, cases[i].a),
                              cm_int_from_i64(vm, cases[i].b));
    vm->limits.max_memory = saved;
    bool mem = r == CM_ERROR && cm_exc_matches(vm, &cm_exc_MemoryError);
    cm_exc_clear(vm);
    char detail[64];
    snprintf(detail, sizeof detail, "case %zu", i);
    check(mem, "preflight", detail);
  }
}

/* Deterministic pseudo-random limbs (xorshift). */
static uint32_t rnd(uint64_t *st) {
  *st ^= *st << 13;
  *st ^= *st >> 7;
  *st ^= *st << 17;
  return (uint32_t)(*st >> 11);
}

static void school(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                   size_t bn) {
  memset(r, 0, (an + bn) * 4);
  for (size_t i = 0; i < an; i++) {
    uint64_t c = 0;
    for (size_t j = 0; j < bn; j++) {
      c += (uint64_t)a[i] * b[j] + r[i + j];
      r[i + j] = (uint32_t)c;
      c >>= 32;
    }
    r[i + bn] = (uint32_t)c;
  }
}

/* Karatsuba and long division checked against identities. */
static void test_mag_identities(void) {
  enum { MAXN = 700 };
  static uint32_t a[MAXN], b[MAXN], r1[2 * MAXN + 2], r2[2 * MAXN + 2], q[MAXN + 2],
      rem[MAXN + 2], scr[6 * MAXN + 200], back[2 * MAXN + 2];
  uint64_t st = 88172645463325252u;
  static const size_t sizes[] = {1, 2, 3, 47, 48, 49, 50, 96, 97, 100, 150,
                                 200, 333, 500, 700};
  size_t ns = sizeof sizes / sizeof sizes[0];
  for (size_t x = 0; x < ns; x++) {
    for (size_t y = 0; y < ns; y++) {
      size_t an = sizes[x], bn = sizes[y];
      for (size_t i = 0; i < an; i++) a[i] = rnd(&st);
      for (size_t i = 0; i < bn; i++) b[i] = rnd(&st);
      if ((x + y) % 3 == 0) /* sparse limbs exercise carries */
        for (size_t i = 0; i < an; i += 2) a[i] = 0xFFFFFFFFu;
      a[an - 1] |= 1;
      b[bn - 1] |= 1;
      size_t n1 = cm_mag_mul(r1, a, an, b, bn, scr);
      school(r2, a, an, b, bn);
      size_t n2 = cm_mag_norm(r2, an + bn);
      char detail[64];
      snprintf(detail, sizeof detail, "%zu x %zu limbs", an, bn);
      check(n1 == n2 && memcmp(r1, r2, n1 * 4) == 0, "karatsuba", detail);
      /* (a*b + small) / b == a, remainder small */
      size_t qn, rn;
      r1[0] = r2[0];
      n1 = cm_mag_add(r1, r2, n2, b, bn > 1 ? bn - 1 : 0);
      cm_mag_divmod(q, &qn, rem, &rn, r1, n1, b, bn, scr);
      size_t bnn = bn > 1 ? bn - 1 : 0;
      check(qn == an && memcmp(q, a, an * 4) == 0 &&
                rn == cm_mag_norm(b, bnn) && memcmp(rem, b, rn * 4) == 0,
            "divmod", detail);
      /* q * b + r == dividend */
      size_t bk = cm_mag_mul(back, q, qn, b, bn, scr);
      bk = cm_mag_add(back, back, bk, rem, rn);
      check(bk == n1 && memcmp(back, r1, bk * 4) == 0, "divmod-back", detail);
    }
  }
}

int main(void) {
  cm_vm *vm = cm_vm_new(NULL, NULL);
  if (!vm) {
    printf("0 passed, 1 failed\n");
    return 1;
  }
  test_float_repr();
  test_float_parse();
  test_int_ops(vm);
  test_hash();
  test_hash_big(vm);
  test_mag_identities();
  test_format(vm);
  test_preflight(vm);
  cm_vm_free(vm);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
