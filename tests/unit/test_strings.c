/*
** test_strings.c — unit tests for str, bytes, unicode and format
** (the C side: printf, interning, buffers, methods called directly).
** Prints "N passed, N failed" last.
*/
#include <stdio.h>
#include <string.h>
#include "../../src/vm.h"
#include "../../src/str.h"
#include "../../src/bytes.h"
#include "../../src/format.h"
#include "../../src/unicode.h"

typedef struct {
  int passed, failed;
} results;

static void check(results *r, int ok, const char *what, int line) {
  if (ok) r->passed++;
  else {
    r->failed++;
    printf("FAIL line %d: %s\n", line, what);
  }
}
#define CHECK(cond) check(&res, (cond), #cond, __LINE__)

/* str value equals the C string */
static int is(cm_value v, const char *s) {
  if (v == CM_ERROR || !cm_is_obj(v) || cm_objptr(v)->type != &cm_str_type)
    return 0;
  int ok = strlen(s) == CM_AS(cm_str, v)->size && !strcmp(cm_str_cstr(v), s);
  if (!ok) printf("  got: %s\n", cm_str_cstr(v));
  return ok;
}

static cm_value S(cm_vm *vm, const char *s) { return cm_str_from_cstr(vm, s); }

/* calls a str/bytes method by name: m(self, a...) */
static cm_value meth(cm_vm *vm, const cm_type *t, const char *name,
                     cm_value self, int n, cm_value a0, cm_value a1) {
  for (const cm_method_def *d = t->methods; d->name; d++)
    if (!strcmp(d->name, name)) {
      cm_value args[3] = {self, a0, a1};
      if (d->flags & CM_METH_STATIC) return d->fn(vm, args + 1, n, CM_NULL);
      return d->fn(vm, args, n + 1, CM_NULL);
    }
  return CM_ERROR;
}
#define M0(name, self) meth(vm, &cm_str_type, name, self, 0, CM_NULL, CM_NULL)
#define M1(name, self, a) meth(vm, &cm_str_type, name, self, 1, a, CM_NULL)
#define M2(name, self, a, b) meth(vm, &cm_str_type, name, self, 2, a, b)

static void test_printf(cm_vm *vm, results *rp) {
  results res = *rp;
  CHECK(is(cm_str_printf(vm, "a%sb%dc%%", "X", 42), "aXb42c%"));
  CHECK(is(cm_str_printf(vm, "%zu %lld %c", (size_t)7, -5LL, 0x20AC), "7 -5 \xe2\x82\xac"));
  CHECK(is(cm_str_printf(vm, "'%T' %R %S %U", cm_mkint(1), S(vm, "q'"),
                         S(vm, "x"), S(vm, "u")), "'int' \"q'\" x u"));
  *rp = res;
}

static void test_intern(cm_vm *vm, results *rp) {
  results res = *rp;
  cm_value a = cm_intern(vm, "hello"), b = cm_intern_n(vm, "hello!", 5);
  CHECK(a == b);
  cm_value c = S(vm, "world_x"), d = cm_intern_value(vm, c);
  CHECK(c == d && cm_intern(vm, "world_x") == c);
  for (int i = 0; i < 2000; i++) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "name%d", i);
    cm_intern(vm, tmp);
  }
  CHECK(cm_intern(vm, "hello") == a);
  CHECK(cm_str_eq(S(vm, "name5"), cm_intern(vm, "name5")));
  *rp = res;
}

static void test_repr(cm_vm *vm, results *rp) {
  results res = *rp;
  CHECK(is(cm_repr(vm, S(vm, "a'b")), "\"a'b\""));
  CHECK(is(cm_repr(vm, S(vm, "a'\"b")), "'a\\'\"b'"));
  CHECK(is(cm_repr(vm, S(vm, "\n\t\\\x01\x7f")), "'\\n\\t\\\\\\x01\\x7f'"));
  CHECK(is(cm_repr(vm, S(vm, "\xc3\xa9\xc2\xa0\xe2\x80\xa8")), "'\xc3\xa9\\xa0\\u2028'"));
  *rp = res;
}

static void test_methods(cm_vm *vm, results *rp) {
  results res = *rp;
  cm_value s = S(vm, "  Hello World  ");
  CHECK(is(M0("strip", s), "Hello World"));
  CHECK(is(M0("upper", s), "  HELLO WORLD  "));
  CHECK(is(M0("upper", S(vm, "stra\xc3\x9f" "e")), "STRASSE"));
  CHECK(is(M0("lower", S(vm, "A\xce\xa3")), "a\xcf\x82"));
  CHECK(is(M0("title", S(vm, "they're bill's")), "They'Re Bill'S"));
  CHECK(is(M0("swapcase", S(vm, "aBc")), "AbC"));
  CHECK(is(M0("casefold", S(vm, "Stra\xc3\x9f" "e")), "strasse"));
  CHECK(M0("isidentifier", S(vm, "_a1")) == CM_TRUE);
  CHECK(M0("isidentifier", S(vm, "1a")) == CM_FALSE);
  CHECK(M0("isdigit", S(vm, "\xc2\xb2")) == CM_TRUE);
  CHECK(M0("isdecimal", S(vm, "\xc2\xb2")) == CM_FALSE);
  CHECK(M0("istitle", S(vm, "Abc Def")) == CM_TRUE);
  CHECK(cm_intval(M1("find", S(vm, "h\xc3\xa9llo"), S(vm, "l"))) == 2);
  CHECK(cm_intval(M1("rfind", S(vm, "h\xc3\xa9llo"), S(vm, "l"))) == 3);
  CHECK(cm_intval(M1("count", S(vm, "aaaa"), S(vm, "aa"))) == 2);
  CHECK(is(M2("replace", S(vm, "abab"), S(vm, "b"), S(vm, "XY")), "aXYaXY"));
  CHECK(is(M2("replace", S(vm, "ab"), S(vm, ""), S(vm, "-")), "-a-b-"));
  CHECK(is(M2("center", S(vm, "ab"), cm_mkint(7), S(vm, "*")), "***ab**"));
  CHECK(is(M1("zfill", S(vm, "-42"), cm_mkint(6)), "-00042"));
  CHECK(is(M0("expandtabs", S(vm, "a\tbc\td")), "a       bc      d"));
  cm_value parts = M0("split", S(vm, "  a b\t c  "));
  CHECK(parts != CM_ERROR && CM_AS(cm_list, parts)->n == 3);
  parts = M2("rsplit", S(vm, "a,b,c"), S(vm, ","), cm_mkint(1));
  CHECK(parts != CM_ERROR && CM_AS(cm_list, parts)->n == 2 &&
        is(CM_AS(cm_list, parts)->items[0], "a,b"));
  cm_value l = cm_list_new(vm, 0);
  cm_list_append(vm, l, S(vm, "x"));
  cm_list_append(vm, l, S(vm, "y"));
  CHECK(is(M1("join", S(vm, ", "), l), "x, y"));
  cm_list_append(vm, l, cm_mkint(3));
  CHECK(M1("join", S(vm, ", "), l) == CM_ERROR);
  cm_exc_clear(vm);
  CHECK(M1("index", S(vm, "abc"), S(vm, "z")) == CM_ERROR);
  cm_exc_clear(vm);
  *rp = res;
}

static void test_index(cm_vm *vm, results *rp) {
  results res = *rp;
  /* non-ASCII indexing uses the position cache; walk both directions */
  cm_value s = S(vm, "\xc3\xa9" "a\xe2\x82\xac" "b\xf0\x9f\x98\x80");
  const char *want[] = {"\xc3\xa9", "a", "\xe2\x82\xac", "b", "\xf0\x9f\x98\x80"};
  for (int i = 0; i < 5; i++)
    CHECK(is(cm_getitem(vm, s, cm_mkint(i)), want[i]));
  for (int i = 4; i >= 0; i--)
    CHECK(is(cm_getitem(vm, s, cm_mkint(i - 5)), want[i]));
  CHECK(cm_getitem(vm, s, cm_mkint(5)) == CM_ERROR);
  cm_exc_clear(vm);
  *rp = res;
}

static void test_format(cm_vm *vm, results *rp) {
  results res = *rp;
  CHECK(is(cm_str_format_spec(vm, S(vm, "ab"), "*^6", 3), "**ab**"));
  CHECK(is(cm_str_format_spec(vm, S(vm, "abc"), ".2", 2), "ab"));
  CHECK(is(cm_str_format_spec(vm, S(vm, "\xc3\xa9"), ">3", 2), "  \xc3\xa9"));
  CHECK(cm_str_format_spec(vm, S(vm, "a"), "+", 1) == CM_ERROR);
  cm_exc_clear(vm);
  cm_fmtspec f;
  CHECK(cm_fmtspec_parse(vm, "010,", 4, "int", &f) == 0);
  CHECK(is(cm_fmt_number(vm, &f, "", "", "1234", 4, "", 0), "00,001,234"));
  CHECK(cm_fmtspec_parse(vm, "08,", 3, "int", &f) == 0);
  CHECK(is(cm_fmt_number(vm, &f, "", "", "1234", 4, "", 0), "0,001,234"));
  CHECK(cm_fmtspec_parse(vm, "#010_x", 6, "int", &f) == 0);
  CHECK(is(cm_fmt_number(vm, &f, "", "0x", "4d2", 3, "", 0), "0x000_04d2"));
  CHECK(cm_fmtspec_parse(vm, "=10", 3, "int", &f) == 0);
  CHECK(is(cm_fmt_number(vm, &f, "-", "", "5", 1, ".5", 2), "-      5.5"));
  CHECK(cm_fmtspec_parse(vm, ",_", 2, "int", &f) == -1);
  cm_exc_clear(vm);
  cm_value args[2] = {S(vm, "x"), S(vm, "yy")};
  CHECK(is(cm_str_format(vm, S(vm, "{}-{}|{{}}"), args, 2, CM_NULL, CM_NULL),
           "x-yy|{}"));
  CHECK(is(cm_str_format(vm, S(vm, "{1:>{0}}"), (cm_value[]){cm_mkint(4), S(vm, "a")}, 2,
                         CM_NULL, CM_NULL), "   a"));
  CHECK(cm_str_format(vm, S(vm, "{0}{}"), args, 2, CM_NULL, CM_NULL) == CM_ERROR);
  cm_exc_clear(vm);
  cm_value t = cm_tuple_from(vm, args, 2);
  CHECK(is(cm_percent_format(vm, S(vm, "%s/%5s|"), t, false), "x/   yy|"));
  CHECK(cm_percent_format(vm, S(vm, "%s"), t, false) == CM_ERROR);
  cm_exc_clear(vm);
  *rp = res;
}

static void test_bytes(cm_vm *vm, results *rp) {
  results res = *rp;
  cm_value b = cm_bytes_new(vm, "a'\x00\xff", 4);
  CHECK(is(cm_repr(vm, b), "b\"a'\\x00\\xff\""));
  cm_value d = cm_str_decode_bytes(vm, (const uint8_t *)"h\xc3\xa9", 3, CM_NULL, CM_NULL);
  CHECK(is(d, "h\xc3\xa9"));
  CHECK(cm_str_decode_bytes(vm, (const uint8_t *)"\xff", 1, CM_NULL, CM_NULL) == CM_ERROR);
  cm_exc_clear(vm);
  cm_value e = cm_str_encode(vm, S(vm, "h\xc3\xa9"), cm_intern(vm, "latin-1"), CM_NULL);
  CHECK(e != CM_ERROR && CM_AS(cm_bytes, e)->size == 2 && CM_AS(cm_bytes, e)->data[1] == 0xe9);
  *rp = res;
}

static void test_surrogates_and_codecs(cm_vm *vm, results *rp) {
  results res = *rp;
  /* a lone surrogate (chr(0xD800)) is a valid str element... */
  cm_value s = cm_str_from_cp(vm, 0xD800);
  CHECK(s != CM_ERROR && CM_AS(cm_str, s)->len == 1);
  CHECK(is(cm_repr(vm, s), "'\\ud800'"));
  cm_buf b = {0};
  cm_buf_put_value_str(vm, &b, s);
  CHECK(cm_buf_finish(vm, &b) != CM_ERROR);
  /* ...but UTF-8 cannot encode it */
  CHECK(cm_str_encode(vm, s, CM_NULL, CM_NULL) == CM_ERROR);
  CHECK(cm_exc_matches(vm, &cm_exc_UnicodeEncodeError));
  cm_exc_clear(vm);
  CHECK(cm_str_encode(vm, s, CM_NULL, cm_intern(vm, "ignore")) != CM_ERROR);
  /* and decoding never produces one */
  CHECK(cm_str_decode_bytes(vm, (const uint8_t *)"\xed\xa0\x80", 3, CM_NULL,
                            CM_NULL) == CM_ERROR);
  cm_exc_clear(vm);
  cm_value r = cm_str_decode_bytes(vm, (const uint8_t *)"a\xff" "b", 3, CM_NULL,
                                   cm_intern(vm, "replace"));
  CHECK(is(r, "a\xef\xbf\xbd" "\x62"));
  CHECK(cm_codec_lookup("UTF_8") == 0 && cm_codec_lookup("Latin-1") == 2 &&
        cm_codec_lookup("koi8-r") < 0);
  *rp = res;
}

static void test_unicode(results *rp) {
  results res = *rp;
  uint32_t out[3];
  CHECK(cm_uc_tocase(0xDF, CM_CASE_UPPER, out) == 2 && out[0] == 'S');
  CHECK(cm_uc_tocase(0x3A3, CM_CASE_LOWER, out) == 1 && out[0] == 0x3C3);
  CHECK(cm_uc_isalpha(0x4E00) && !cm_uc_isalpha('1'));
  CHECK(cm_uc_isspace(0x3000) && cm_uc_isspace(0x85) && !cm_uc_isspace(0x200B));
  CHECK(cm_uc_decimal(0x0663) == 3);
  char buf[4];
  uint32_t cp;
  CHECK(cm_utf8_encode(0x1F600, buf) == 4);
  CHECK(cm_utf8_decode((const unsigned char *)buf, 4, &cp) == 4 && cp == 0x1F600);
  CHECK(cm_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp) == 0);
  CHECK(cm_utf8_decode((const unsigned char *)"\xc0\x80", 2, &cp) == 0);
  *rp = res;
}

int main(void) {
  results res = {0, 0};
  cm_vm *vm = cm_vm_new(NULL, NULL);
  if (!vm) {
    printf("0 passed, 1 failed\n");
    return 1;
  }
  test_printf(vm, &res);
  test_intern(vm, &res);
  test_repr(vm, &res);
  test_methods(vm, &res);
  test_index(vm, &res);
  test_format(vm, &res);
  test_bytes(vm, &res);
  test_surrogates_and_codecs(vm, &res);
  test_unicode(&res);
  cm_vm_free(vm);
  printf("%d passed, %d failed\n", res.passed, res.failed);
  return res.failed != 0;
}
