/*
** test_containers.c — C-level tests of list, tuple, dict, set, range and
** slice (src/list.c ... src/iter.c) through the internal API.
** Prints "N passed, N failed" last; exit status 1 on any failure.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "list.h"
#include "range.h"
#include "slice.h"
#include "vm.h"

#include "check.h"

static cm_vm *vm;

/* repr(v) == expect */
static int repr_is(cm_value v, const char *expect) {
  if (cm_is_error(v)) {
    cm_exc_clear(vm);
    return 0;
  }
  cm_value r = cm_repr(vm, v);
  if (cm_is_error(r)) {
    cm_exc_clear(vm);
    return 0;
  }
  if (strcmp(cm_str_cstr(r), expect) != 0) {
    printf("  got %s, want %s\n", cm_str_cstr(r), expect);
    return 0;
  }
  return 1;
}

/* obj.name(*args) */
static cm_value meth(cm_value obj, const char *name, const cm_value *args, int n) {
  cm_value m = cm_getattr(vm, obj, cm_intern(vm, name));
  if (cm_is_error(m)) return m;
  return cm_call(vm, m, args, n, CM_NULL);
}

/* Did the last operation raise `t` with message `msg`? Clears it. */
static int raised(const cm_type *t, const char *msg) {
  if (cm_is_null(vm->exc) || !cm_exc_matches(vm, t)) {
    cm_exc_clear(vm);
    return 0;
  }
  cm_value s = cm_to_str(vm, vm->exc);
  int ok = !cm_is_error(s) && strcmp(cm_str_cstr(s), msg) == 0;
  if (!ok && !cm_is_error(s)) printf("  message: %s\n", cm_str_cstr(s));
  cm_exc_clear(vm);
  return ok;
}

static cm_value ints(int n, ...) {
  va_list ap;
  va_start(ap, n);
  cm_value l = cm_list_new(vm, 0);
  for (int i = 0; i < n; i++) cm_list_append(vm, l, cm_mkint(va_arg(ap, int)));
  va_end(ap);
  return l;
}

static void test_list(void) {
  cm_value l = ints(3, 3, 1, 2);
  CHECK(repr_is(l, "[3, 1, 2]"));
  CHECK(cm_getitem(vm, l, cm_mkint(-1)) == cm_mkint(2));
  CHECK(cm_is_error(cm_getitem(vm, l, cm_mkint(3))) &&
        raised(&cm_exc_IndexError, "list index out of range"));
  CHECK(repr_is(meth(l, "sort", NULL, 0), "None"));
  CHECK(repr_is(l, "[1, 2, 3]"));
  cm_value sl = cm_slice_new(vm, CM_NONE, CM_NONE, cm_mkint(-1));
  CHECK(repr_is(cm_getitem(vm, l, sl), "[3, 2, 1]"));
  cm_value two = ints(2, 9, 9);
  cm_value ext = cm_slice_new(vm, CM_NONE, CM_NONE, cm_mkint(2));
  CHECK(cm_setitem(vm, l, ext, two) == 0);
  CHECK(repr_is(l, "[9, 2, 9]"));
  CHECK(cm_setitem(vm, l, ext, ints(3, 1, 2, 3)) < 0 &&
        raised(&cm_exc_ValueError,
               "attempt to assign sequence of size 3 to extended slice of size 2"));
  CHECK(cm_list_append(vm, l, l) == 0);
  CHECK(repr_is(l, "[9, 2, 9, [...]]"));
  cm_value e = cm_list_new(vm, 0);
  CHECK(cm_is_error(meth(e, "pop", NULL, 0)) &&
        raised(&cm_exc_IndexError, "pop from empty list"));
  cm_value x = cm_mkint(7);
  CHECK(cm_is_error(meth(e, "remove", &x, 1)) &&
        raised(&cm_exc_ValueError, "list.remove(x): x not in list"));
  int64_t h;
  CHECK(cm_hash(vm, e, &h) < 0 && raised(&cm_exc_TypeError, "unhashable type: 'list'"));
  cm_value big = ints(0);
  for (int i = 0; i < 1000; i++) cm_list_append(vm, big, cm_mkint((i * 7919) % 1000));
  meth(big, "sort", NULL, 0);
  int sorted = 1;
  for (int i = 0; i < 1000; i++) sorted &= cm_getitem(vm, big, cm_mkint(i)) == cm_mkint(i);
  CHECK(sorted);
  cm_value d = ints(5, 1, 2, 3, 4, 5);
  cm_value dsl = cm_slice_new(vm, cm_mkint(1), CM_NONE, cm_mkint(2));
  CHECK(cm_delitem(vm, d, dsl) == 0 && repr_is(d, "[1, 3, 5]"));
  CHECK(repr_is(cm_binop(vm, CM_OP_MUL, d, cm_mkint(2)), "[1, 3, 5, 1, 3, 5]"));
  CHECK(cm_compare_bool(vm, CM_CMP_LT, ints(2, 1, 2), ints(2, 1, 3)) == 1);
}

static void test_tuple(void) {
  cm_value items[2] = {cm_mkint(1), cm_mkint(2)};
  cm_value t = cm_tuple_from(vm, items, 2);
  CHECK(repr_is(t, "(1, 2)"));
  CHECK(repr_is(cm_tuple_from(vm, items, 1), "(1,)"));
  CHECK(repr_is(cm_tuple_new(vm, 0), "()"));
  int64_t h = 0;
  CHECK(cm_hash(vm, t, &h) == 0 && h == INT64_C(-3550055125485641917));
  CHECK(repr_is(cm_binop(vm, CM_OP_ADD, t, t), "(1, 2, 1, 2)"));
}

static void test_dict(void) {
  cm_value d = cm_dict_new(vm);
  for (int i = 0; i < 1000; i++) cm_dict_set(vm, d, cm_mkint(i), cm_mkint(i * 2));
  CHECK(cm_len(vm, d) == 1000);
  CHECK(cm_dict_get(vm, d, cm_mkint(500)) == cm_mkint(1000));
  CHECK(cm_dict_get(vm, d, cm_mkint(5000)) == CM_NULL);
  for (int i = 0; i < 1000; i += 2) cm_dict_del(vm, d, cm_mkint(i));
  CHECK(cm_len(vm, d) == 500);
  size_t pos = 0;
  cm_value k, v;
  CHECK(cm_dict_next(d, &pos, &k, &v) && k == cm_mkint(1) && v == cm_mkint(2));
  uint64_t ver = CM_AS(cm_dict, d)->version;
  cm_dict_set(vm, d, cm_mkint(1), cm_mkint(3));
  CHECK(CM_AS(cm_dict, d)->version != ver);
  cm_value s = cm_dict_new(vm);
  cm_dict_set_cstr(vm, s, "b", cm_mkint(1));
  cm_dict_set_cstr(vm, s, "a", cm_mkint(2));
  CHECK(cm_dict_get_cstr(vm, s, "a") == cm_mkint(2));
  CHECK(repr_is(s, "{'b': 1, 'a': 2}"));
  CHECK(repr_is(meth(s, "items", NULL, 0), "dict_items([('b', 1), ('a', 2)])"));
  CHECK(repr_is(meth(s, "popitem", NULL, 0), "('a', 2)"));
  cm_value missing = cm_str_from_cstr(vm, "zz");
  CHECK(cm_is_error(cm_getitem(vm, s, missing)) && raised(&cm_exc_KeyError, "'zz'"));
  CHECK(cm_dict_set(vm, s, cm_list_new(vm, 0), CM_NONE) < 0 &&
        raised(&cm_exc_TypeError, "cannot use 'list' as a dict key (unhashable type: 'list')"));
  cm_value e = cm_dict_new(vm);
  CHECK(cm_is_error(meth(e, "popitem", NULL, 0)) &&
        raised(&cm_exc_KeyError, "'popitem(): dictionary is empty'"));
  cm_dict_set(vm, e, cm_mkint(1), e);
  CHECK(repr_is(e, "{1: {...}}"));
}

static void test_set(void) {
  cm_value s = cm_set_new(vm, false);
  int vals[] = {5, 3, 100, 1, 3};
  for (int i = 0; i < 5; i++) cm_set_add(vm, s, cm_mkint(vals[i]));
  CHECK(cm_len(vm, s) == 4);
  CHECK(repr_is(s, "{1, 3, 100, 5}"));
  CHECK(cm_contains(vm, s, cm_mkint(100)) == 1 && cm_contains(vm, s, cm_mkint(4)) == 0);
  CHECK(repr_is(cm_set_new(vm, false), "set()"));
  cm_value f = cm_set_new(vm, true);
  CHECK(repr_is(f, "frozenset()"));
  cm_set_add(vm, f, cm_mkint(1));
  CHECK(repr_is(cm_binop(vm, CM_OP_OR, f, s), "frozenset({1, 3, 100, 5})"));
  CHECK(repr_is(cm_binop(vm, CM_OP_AND, s, f), "{1}"));
  CHECK(repr_is(cm_binop(vm, CM_OP_SUB, s, f), "{3, 100, 5}"));
  cm_value e = cm_set_new(vm, false);
  CHECK(cm_is_error(meth(e, "pop", NULL, 0)) &&
        raised(&cm_exc_KeyError, "'pop from an empty set'"));
  for (int i = 0; i < 100; i++) cm_set_add(vm, e, cm_mkint(i));
  for (int i = 0; i < 100; i += 3) {
    cm_value x = cm_mkint(i);
    meth(e, "remove", &x, 1);
  }
  CHECK(cm_len(vm, e) == 66);
}

static void test_range_slice(void) {
  cm_value args[3] = {cm_mkint(0), cm_mkint(10), cm_mkint(3)};
  cm_value rt = cm_type_value(vm, &cm_range_type);
  cm_value r = cm_call(vm, rt, args, 3, CM_NULL);
  CHECK(repr_is(r, "range(0, 10, 3)"));
  CHECK(cm_len(vm, r) == 4);
  CHECK(cm_getitem(vm, r, cm_mkint(-1)) == cm_mkint(9));
  CHECK(cm_contains(vm, r, cm_mkint(6)) == 1 && cm_contains(vm, r, cm_mkint(7)) == 0);
  CHECK(repr_is(cm_getitem(vm, r, cm_slice_new(vm, CM_NONE, CM_NONE, cm_mkint(-1))),
                "range(9, -3, -3)"));
  cm_value z[3] = {cm_mkint(1), cm_mkint(2), cm_mkint(0)};
  CHECK(cm_is_error(cm_call(vm, rt, z, 3, CM_NULL)) &&
        raised(&cm_exc_ValueError, "range() arg 3 must not be zero"));
  CHECK(repr_is(cm_list_from_iterable(vm, r), "[0, 3, 6, 9]"));
  int64_t a, b, st, n;
  cm_value sl = cm_slice_new(vm, cm_mkint(-100), CM_NONE, cm_mkint(2));
  CHECK(cm_slice_indices(vm, sl, 5, &a, &b, &st, &n) == 0 && a == 0 && b == 5 && n == 3);
  CHECK(repr_is(sl, "slice(-100, None, 2)"));
}

static cm_value call_type(const cm_type *t, const cm_value *args, int n) {
  return cm_call(vm, cm_type_value(vm, t), args, n, CM_NULL);
}

static void test_iterators(void) {
  cm_value a = ints(3, 1, 2, 3), b = ints(2, 7, 8);
  cm_value ab[2] = {a, b};
  CHECK(repr_is(cm_list_from_iterable(vm, call_type(&cm_zip_type, ab, 2)),
                "[(1, 7), (2, 8)]"));
  CHECK(repr_is(cm_list_from_iterable(vm, call_type(&cm_enumerate_type, &b, 1)),
                "[(0, 7), (1, 8)]"));
  CHECK(repr_is(cm_list_from_iterable(vm, call_type(&cm_reversed_type, &a, 1)),
                "[3, 2, 1]"));
  cm_value t = cm_tuple_from(vm, CM_AS(cm_list, a)->items, 3);
  CHECK(repr_is(cm_list_from_iterable(vm, call_type(&cm_reversed_type, &t, 1)),
                "[3, 2, 1]"));
  cm_value one = cm_mkint(1);
  CHECK(cm_is_error(call_type(&cm_reversed_type, &one, 1)) &&
        raised(&cm_exc_TypeError, "'int' object is not reversible"));
  cm_value d = cm_dict_new(vm);
  cm_dict_set(vm, d, cm_mkint(1), cm_mkint(10));
  cm_dict_set(vm, d, cm_mkint(2), cm_mkint(20));
  cm_value keys = meth(d, "keys", NULL, 0);
  CHECK(repr_is(cm_binop(vm, CM_OP_AND, keys, ints(2, 2, 3)), "{2}"));
  CHECK(repr_is(cm_list_from_iterable(vm, call_type(&cm_reversed_type, &d, 1)), "[2, 1]"));
  cm_value fk[2] = {cm_type_value(vm, &cm_dict_type), a};
  cm_value fm = cm_getattr(vm, fk[0], cm_intern(vm, "fromkeys"));
  CHECK(repr_is(cm_call(vm, fm, &a, 1, CM_NULL), "{1: None, 2: None, 3: None}"));
  cm_value it = cm_iter(vm, d);
  cm_dict_set(vm, d, cm_mkint(3), cm_mkint(30));
  CHECK(cm_is_error(cm_next(vm, it)) &&
        raised(&cm_exc_RuntimeError, "dictionary changed size during iteration"));
}

/* Every container must trace what it holds: build, collect, then read. */
static void test_gc(void) {
  cm_value top = cm_list_new(vm, 0);
  cm_root_push(vm, top);
  for (int i = 0; i < 200; i++) {
    cm_value d = cm_dict_new(vm), s = cm_set_new(vm, i & 1);
    cm_value str = cm_str_printf(vm, "k%d", i);
    cm_dict_set(vm, d, str, cm_tuple_from(vm, &str, 1));
    cm_set_add(vm, s, cm_str_printf(vm, "s%d", i));
    cm_value pair[2] = {d, s};
    cm_list_append(vm, top, cm_tuple_from(vm, pair, 2));
    cm_value zz[1] = {cm_list_new(vm, 0)};
    cm_list_append(vm, top, cm_iter(vm, call_type(&cm_zip_type, zz, 1)));
    cm_list_append(vm, top, cm_slice_new(vm, cm_str_from_cstr(vm, "x"), CM_NONE, CM_NONE));
  }
  cm_gc_collect(vm);
  cm_value last = cm_getitem(vm, top, cm_mkint(-3));
  CHECK(repr_is(last, "({'k199': ('k199',)}, frozenset({'s199'}))"));
  CHECK(repr_is(cm_getitem(vm, top, cm_mkint(-1)), "slice('x', None, None)"));
  cm_root_pop(vm, 1);
}

int main(void) {
  vm = cm_vm_new(NULL, NULL);
  if (!vm) {
    printf("0 passed, 1 failed\n");
    return 1;
  }
  test_list();
  test_tuple();
  test_dict();
  test_set();
  test_range_slice();
  test_iterators();
  test_gc();
  cm_vm_free(vm);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
