/*
** builtins.c — the builtins namespace (vm->builtins).
**
** Stacklessness: builtins that consume iterables or call functions (min,
** max, sum, any, all, sorted, iter(f, s)) run natively only when every
** iterable is native and every callable is a native builtin; otherwise
** they tail-call their Python twin in cm_prelude_builtins (below), which
** the VM runs like any other Python code, so it can pause.
*/
#include <math.h>
#include <string.h>

#include "dict.h"
#include "frame.h"
#include "host.h"
#include "int.h"
#include "list.h"
#include "runtime.h"
#include "str.h"

/* ---- helpers --------------------------------------------------------- */

static int nkw(cm_value kwnames) {
  return cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
}

static bool is_str(cm_vm *vm, cm_value v) {
  return cm_isinstance_t(vm, v, &cm_str_type);
}

/* Tail-calls the prelude's `name` with this call's own arguments. */
static cm_value tail_prelude(cm_vm *vm, const char *name, const cm_value *args,
                             int nargs, cm_value kwnames) {
  cm_value f = cm_prelude(vm, name);
  if (cm_is_error(f)) return CM_ERROR;
  cm_value t = cm_tuple_from(vm, args, (size_t)nargs);
  if (cm_is_error(t)) return CM_ERROR;
  cm_value kw = cm_kwargs_dict(vm, args + nargs, kwnames);
  if (cm_is_error(kw)) return CM_ERROR;
  return cm_tailcall(vm, f, t, kw);
}

/* A callable that never runs Python code when called. External (host)
   functions do not qualify: they pause, which needs the prelude twin. */
static bool native_callable(cm_value f) {
  if (!cm_is_obj(f)) return false;
  const cm_type *t = cm_objptr(f)->type;
  if (t == &cm_builtin_type) return !CM_IS_EXTFN(CM_AS(cm_builtin, f)->fn);
  return t == &cm_method_descr_type;
}

static bool no_key(cm_value key) { return cm_is_null(key) || key == CM_NONE; }

#if defined(__GNUC__)
#define UNLIKELY_USER(t) __builtin_expect((t)->id == CM_T_USER, 0)
#else
#define UNLIKELY_USER(t) ((t)->id == CM_T_USER)
#endif

/* Tail-calls the prelude's dn_call(kind, fn, x): fn(x) checked by
   cm_dunder_result(kind), so the user dunder fn runs as Python code the
   VM can pause in (vm.h). */
static cm_value tail_dunder(cm_vm *vm, int kind, cm_value fn, cm_value x) {
  cm_value p[3] = {cm_mkint(kind), fn, x};
  return tail_prelude(vm, "dn_call", p, 3, CM_NULL);
}

/* ---- output ---------------------------------------------------------- */

static int print_sep(cm_vm *vm, cm_value v, const char *what) {
  if (cm_is_null(v) || v == CM_NONE || is_str(vm, v)) return 0;
  cm_raise(vm, &cm_exc_TypeError, "%s must be None or a string, not %T", what,
           v);
  return -1;
}

static int put_str_or(cm_vm *vm, cm_buf *b, cm_value v, const char *dflt) {
  if (cm_is_null(v) || v == CM_NONE) return cm_buf_puts(vm, b, dflt);
  return cm_buf_put_value_str(vm, b, v);
}

static cm_value bi_print(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kwnames) {
  static const char *const names[] = {"sep", "end", "file", "flush"};
  cm_value kw[4] = {CM_NULL, CM_NULL, CM_NULL, CM_NULL};
  if (nkw(kwnames) &&
      cm_bind_args(vm, "print", args + nargs, 0, kwnames, names, 4, 0, 0,
                   kw) < 0)
    return CM_ERROR;
  if (print_sep(vm, kw[0], "sep") < 0 || print_sep(vm, kw[1], "end") < 0)
    return CM_ERROR;
  for (int i = 0; i < nargs; i++) {
    cm_value fn;
    if (cm_dunder_str_fn(vm, args[i], false, &fn) >= 0) /* a user __str__ */
      return tail_prelude(vm, "dn_print", args, nargs, kwnames);
  }
  cm_buf b = {0};
  for (int i = 0; i < nargs; i++) {
    cm_value s = cm_to_str(vm, args[i]);
    if (cm_is_error(s) || (i && put_str_or(vm, &b, kw[0], " ") < 0) ||
        cm_buf_put_value_str(vm, &b, s) < 0)
      goto fail;
  }
  if (put_str_or(vm, &b, kw[1], "\n") < 0) goto fail;
  if (!cm_is_null(kw[2]) && kw[2] != CM_NONE) {
    cm_value s = cm_buf_finish(vm, &b);
    if (cm_is_error(s)) return CM_ERROR;
    cm_value w = cm_getattr(vm, kw[2], cm_intern(vm, "write"));
    if (cm_is_error(w)) return CM_ERROR;
    cm_value r = cm_call(vm, w, &s, 1, CM_NULL);
    return cm_is_error(r) ? CM_ERROR : CM_NONE;
  }
  cm_write(vm, 1, b.data, b.len);
  cm_buf_free(vm, &b);
  return CM_NONE;
fail:
  cm_buf_free(vm, &b);
  return CM_ERROR;
}

/* ---- simple one-argument builtins ------------------------------------ */

static cm_value bi_len(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "len", n, kw, 1, 1) < 0) return CM_ERROR;
  const cm_type *t = cm_typeof(vm, a[0]);
  if (UNLIKELY_USER(t) && t->len) { /* a user __len__ runs as Python code */
    cm_value fn = cm_dunder_find(vm, a[0], "__len__");
    if (!cm_is_null(fn)) return tail_dunder(vm, CM_DK_LEN, fn, a[0]);
  }
  int64_t r = t->len ? t->len(vm, a[0]) : cm_len(vm, a[0]);
  return r < 0 ? CM_ERROR : cm_int_from_i64(vm, r);
}

static cm_value bi_repr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "repr", n, kw, 1, 1) < 0) return CM_ERROR;
  cm_value fn;
  int k = cm_dunder_str_fn(vm, a[0], true, &fn);
  if (k >= 0) return tail_dunder(vm, k, fn, a[0]);
  return cm_repr(vm, a[0]);
}

static cm_value bi_ascii(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "ascii", n, kw, 1, 1) < 0) return CM_ERROR;
  return cm_ascii(vm, a[0]);
}

static cm_value bi_hash(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  int64_t h;
  if (cm_check_nargs(vm, "hash", n, kw, 1, 1) < 0 || cm_hash(vm, a[0], &h) < 0)
    return CM_ERROR;
  return cm_int_from_i64(vm, h);
}

static cm_value bi_id(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "id", n, kw, 1, 1) < 0) return CM_ERROR;
  return cm_int_from_i64(vm, cm_identity(a[0]));
}

static bool is_callable(cm_vm *vm, cm_value v) {
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_objptr(v)->type;
  return t == &cm_builtin_type || t == &cm_function_type ||
         t == &cm_method_type || t == &cm_type_type ||
         t == &cm_method_descr_type || t == &cm_classmethod_descr_type ||
         t->call != NULL;
}

static cm_value bi_callable(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "callable", n, kw, 1, 1) < 0) return CM_ERROR;
  return cm_bool(is_callable(vm, a[0]));
}

static cm_value int_to_base(cm_vm *vm, const char *name, const cm_value *a,
                            int n, cm_value kw, int base) {
  if (cm_check_nargs(vm, name, n, kw, 1, 1) < 0) return CM_ERROR;
  cm_value v = cm_index(vm, a[0]);
  if (cm_is_error(v)) return CM_ERROR;
  return cm_int_to_base(vm, v, base, true);
}
static cm_value bi_hex(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return int_to_base(vm, "hex", a, n, kw, 16);
}
static cm_value bi_oct(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return int_to_base(vm, "oct", a, n, kw, 8);
}
static cm_value bi_bin(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return int_to_base(vm, "bin", a, n, kw, 2);
}

static cm_value bi_chr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  int64_t i;
  if (cm_check_nargs(vm, "chr", n, kw, 1, 1) < 0) return CM_ERROR;
  cm_value v = cm_index(vm, a[0]);
  if (cm_is_error(v)) return CM_ERROR;
  if (!cm_is_int(v) || (i = cm_intval(v)) < 0 || i > 0x10FFFF)
    return cm_raise(vm, &cm_exc_ValueError, "chr() arg not in range(0x110000)");
  return cm_str_from_cp(vm, (uint32_t)i);
}

static uint32_t utf8_first(const unsigned char *s) {
  if (s[0] < 0x80) return s[0];
  if (s[0] < 0xE0) return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  if (s[0] < 0xF0)
    return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
           (s[2] & 0x3F);
  return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
         (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

static cm_value bi_ord(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "ord", n, kw, 1, 1) < 0) return CM_ERROR;
  cm_value v = a[0];
  if (is_str(vm, v)) {
    cm_str *s = CM_AS(cm_str, v);
    if (s->len == 1) return cm_mkint(utf8_first((const unsigned char *)s->data));
    return cm_raise(vm, &cm_exc_TypeError,
                    "ord() expected a character, but string of length %zu "
                    "found", s->len);
  }
  if (cm_isinstance_t(vm, v, &cm_bytes_type)) {
    cm_bytes *b = CM_AS(cm_bytes, v);
    if (b->size == 1) return cm_mkint(b->data[0]);
    return cm_raise(vm, &cm_exc_TypeError,
                    "ord() expected a character, but string of length %zu "
                    "found", b->size);
  }
  return cm_raise(vm, &cm_exc_TypeError,
                  "ord() expected string of length 1, but %T found", v);
}

static cm_value bi_format(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "format", n, kw, 1, 2) < 0) return CM_ERROR;
  cm_value spec = n > 1 ? a[1] : cm_intern(vm, "");
  if (!is_str(vm, spec))
    return cm_raise(vm, &cm_exc_TypeError,
                    "format() argument 2 must be str, not %T", spec);
  cm_defer d;
  if (cm_dunder_format_fn(vm, a[0], 0, spec, &d) >= 0) { /* run by the VM */
    cm_value p[2] = {a[0], spec};
    return tail_prelude(vm, "dn_format", p, 2, CM_NULL);
  }
  return cm_format(vm, a[0], spec);
}

/* ---- numbers --------------------------------------------------------- */

/* Calls the dunder `name` of v's type with extra args, or CM_NULL. */
static cm_value call_dunder(cm_vm *vm, cm_value v, const char *name,
                            const cm_value *extra, int nextra) {
  cm_value m = cm_type_lookup(vm, cm_typeof(vm, v), cm_name(vm, name));
  if (cm_is_error(m) || cm_is_null(m) || m == CM_NONE) return m;
  cm_value args[3] = {v, nextra > 0 ? extra[0] : CM_NONE,
                      nextra > 1 ? extra[1] : CM_NONE};
  return cm_call(vm, m, args, 1 + nextra, CM_NULL);
}

static cm_value bi_abs(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "abs", n, kw, 1, 1) < 0) return CM_ERROR;
  cm_value v = a[0];
  if (cm_is_float(v)) return cm_float(fabs(cm_floatval(v)));
  if (cm_is_int_fast(v))
    return cm_unop(vm, cm_int_sign(v) < 0 ? CM_UN_NEG : CM_UN_POS, v);
  cm_value r = call_dunder(vm, v, "__abs__", NULL, 0);
  if (cm_is_null(r))
    return cm_raise(vm, &cm_exc_TypeError, "bad operand type for abs(): '%T'",
                    v);
  return r;
}

static cm_value bi_round(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  static const char *const names[] = {"number", "ndigits"};
  cm_value o[2];
  if (cm_bind_args(vm, "round", a, n, kw, names, 2, 1, 2, o) < 0)
    return CM_ERROR;
  bool nd = !cm_is_null(o[1]) && o[1] != CM_NONE;
  cm_value r = call_dunder(vm, o[0], "__round__", &o[1], nd ? 1 : 0);
  if (cm_is_null(r))
    return cm_raise(vm, &cm_exc_TypeError,
                    "type %T doesn't define __round__ method", o[0]);
  return r;
}

static bool is_num(cm_value v) { return cm_is_float(v) || cm_is_int_fast(v); }

static cm_value bi_divmod(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "divmod", n, kw, 2, 2) < 0) return CM_ERROR;
  cm_value x = a[0], y = a[1];
  if (cm_is_int_fast(x) && cm_is_int_fast(y)) return cm_int_divmod(vm, x, y);
  if (is_num(x) && is_num(y)) {
    cm_value q = cm_binop(vm, CM_OP_FLOORDIV, x, y);
    if (cm_is_error(q)) return CM_ERROR;
    cm_value r = cm_binop(vm, CM_OP_MOD, x, y);
    if (cm_is_error(r)) return CM_ERROR;
    cm_value items[2] = {q, r};
    return cm_tuple_from(vm, items, 2);
  }
  cm_value r = call_dunder(vm, x, "__divmod__", &y, 1);
  if (!cm_is_null(r) && r != CM_NOTIMPL) return r;
  r = call_dunder(vm, y, "__rdivmod__", &x, 1);
  if (!cm_is_null(r) && r != CM_NOTIMPL) return r;
  return cm_raise(vm, &cm_exc_TypeError,
                  "unsupported operand type(s) for divmod(): '%T' and '%T'", x,
                  y);
}

static cm_value bi_pow(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  static const char *const names[] = {"base", "exp", "mod"};
  cm_value o[3];
  if (cm_bind_args(vm, "pow", a, n, kw, names, 3, 2, 3, o) < 0)
    return CM_ERROR;
  if (cm_is_null(o[2]) || o[2] == CM_NONE)
    return cm_binop(vm, CM_OP_POW, o[0], o[1]);
  cm_value r = cm_num_pow3(vm, o[0], o[1], o[2]);
  if (r != CM_NOTIMPL) return r;
  return cm_raise(vm, &cm_exc_TypeError,
                  "unsupported operand type(s) for ** or pow(): '%T', '%T', "
                  "'%T'", o[0], o[1], o[2]);
}

/* ---- iteration-consuming builtins ------------------------------------ */

/* Native min/max over an iterator `it`; CM_NULL if empty. */
static cm_value minmax_iter(cm_vm *vm, cm_value it, cm_value key, int op) {
  cm_value best = CM_NULL, bestkey = CM_NULL;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return best;
    if (cm_is_error(x)) return CM_ERROR;
    cm_value k = no_key(key) ? x : cm_call(vm, key, &x, 1, CM_NULL);
    if (cm_is_error(k)) return CM_ERROR;
    if (!cm_is_null(best)) {
      int c = cm_compare_bool(vm, op, k, bestkey);
      if (c < 0) return CM_ERROR;
      if (!c) continue;
    }
    best = x;
    bestkey = k;
  }
}

/* Some value min()/max() would compare (the arguments, or the items of a
   single list/tuple) is a user instance: its Python __lt__/__gt__ runs as
   a frame when the prelude's loop compares (so a host call can pause). */
static bool has_user_item(cm_vm *vm, const cm_value *args, int nargs) {
  const cm_value *v = args;
  size_t n = (size_t)nargs;
  if (nargs == 1) {
    const cm_type *t = cm_typeof(vm, args[0]);
    if (t == &cm_list_type) {
      v = CM_AS(cm_list, args[0])->items;
      n = CM_AS(cm_list, args[0])->n;
    } else if (t == &cm_tuple_type) {
      v = CM_AS(cm_tuple, args[0])->items;
      n = CM_AS(cm_tuple, args[0])->n;
    } else {
      return false;
    }
  }
  for (size_t i = 0; i < n; i++)
    if (cm_is_obj(v[i]) && UNLIKELY_USER(cm_objptr(v[i])->type)) return true;
  return false;
}

static cm_value minmax(cm_vm *vm, const char *name, int op,
                       const cm_value *args, int nargs, cm_value kwnames) {
  static const char *const names[] = {"key", "default"};
  cm_value kw[2] = {CM_NULL, CM_NULL};
  if (nargs == 0)
    return cm_raise(vm, &cm_exc_TypeError,
                    "%s expected at least 1 argument, got 0", name);
  if (nkw(kwnames) && cm_bind_args(vm, name, args + nargs, 0, kwnames, names,
                                   2, 0, 0, kw) < 0)
    return CM_ERROR;
  if (nargs > 1 && !cm_is_null(kw[1]))
    return cm_raise(vm, &cm_exc_TypeError,
                    "Cannot specify a default for %s() with multiple "
                    "positional arguments", name);
  bool native = no_key(kw[0]) || native_callable(kw[0]);
  if (nargs == 1 && !cm_iterable_is_native(vm, args[0])) native = false;
  if (native && no_key(kw[0]) && has_user_item(vm, args, nargs)) native = false;
  if (!native) return tail_prelude(vm, name[1] == 'a' ? "bi_max" : "bi_min", args, nargs,
                                     kwnames);
  cm_value src = args[0];
  if (nargs > 1) {
    src = cm_tuple_from(vm, args, (size_t)nargs);
    if (cm_is_error(src)) return CM_ERROR;
  }
  cm_value it = cm_iter(vm, src);
  if (cm_is_error(it)) return CM_ERROR;
  cm_value r = minmax_iter(vm, it, kw[0], op);
  if (!cm_is_null(r)) return r;
  if (!cm_is_null(kw[1])) return kw[1];
  return cm_raise(vm, &cm_exc_ValueError, "%s() iterable argument is empty",
                  name);
}

static cm_value bi_min(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return minmax(vm, "min", CM_CMP_LT, a, n, kw);
}
static cm_value bi_max(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return minmax(vm, "max", CM_CMP_GT, a, n, kw);
}

static int sum_start_check(cm_vm *vm, cm_value start) {
  const char *what = NULL;
  if (is_str(vm, start)) {
    cm_raise(vm, &cm_exc_TypeError,
             "sum() can't sum strings [use ''.join(seq) instead]");
    return -1;
  }
  if (cm_isinstance_t(vm, start, &cm_bytes_type)) what = "bytes";
  if (cm_isinstance_t(vm, start, &cm_bytearray_type)) what = "bytearray";
  if (!what) return 0;
  cm_raise(vm, &cm_exc_TypeError,
           "sum() can't sum %s [use b''.join(seq) instead]", what);
  return -1;
}

/* Float phase of sum from f, x the next item: Neumaier compensated
   summation like CPython. Leaves the first non-number item in *pending. */
static cm_value sum_floats(cm_vm *vm, cm_value it, double f, cm_value x,
                           cm_value *pending) {
  double c = 0.0;
  for (;; x = cm_next(vm, it)) {
    if (cm_is_error(x)) return CM_ERROR;
    double d;
    if (x != CM_STOP && cm_is_float(x)) {
      d = cm_floatval(x);
    } else if (x != CM_STOP && cm_is_int(x)) {
      d = (double)cm_intval(x);
    } else {
      if (c != 0.0 && isfinite(c)) f += c;
      *pending = x;
      return cm_float(f);
    }
    double t = f + d;
    if (fabs(f) >= fabs(d))
      c += (f - t) + d;
    else
      c += (d - t) + f;
    f = t;
  }
}

static cm_value sum_native(cm_vm *vm, cm_value it, cm_value total) {
  cm_value x = CM_NULL;
  for (;;) {
    if (cm_is_null(x)) x = cm_next(vm, it);
    if (x == CM_STOP) return total;
    if (cm_is_error(x)) return CM_ERROR;
    if (cm_is_int(total) && cm_is_int(x)) {
      int64_t s = cm_intval(total) + cm_intval(x);
      total = cm_smallint_fits(s) ? cm_mkint(s) : cm_int_from_i64(vm, s);
      x = CM_NULL;
      continue;
    }
    if (cm_is_float(total) && (cm_is_float(x) || cm_is_int(x))) {
      cm_value pending;
      total = sum_floats(vm, it, cm_floatval(total), x, &pending);
      if (cm_is_error(total)) return CM_ERROR;
      x = pending;
      continue;
    }
    total = cm_binop(vm, CM_OP_ADD, total, x);
    if (cm_is_error(total)) return CM_ERROR;
    x = CM_NULL;
  }
}

static cm_value bi_sum(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  static const char *const names[] = {"iterable", "start"};
  cm_value o[2];
  if (n == 0 && !nkw(kw))
    return cm_raise(vm, &cm_exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (cm_bind_args(vm, "sum", a, n, kw, names, 2, 1, 2, o) < 0)
    return CM_ERROR;
  cm_value start = cm_is_null(o[1]) ? cm_mkint(0) : o[1];
  if (sum_start_check(vm, start) < 0) return CM_ERROR;
  if (!cm_iterable_is_native(vm, o[0]))
    return tail_prelude(vm, "bi_sum", a, n, kw);
  cm_value it = cm_iter(vm, o[0]);
  if (cm_is_error(it)) return CM_ERROR;
  return sum_native(vm, it, start);
}

static cm_value any_all(cm_vm *vm, const char *name, bool want,
                        const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, name, n, kw, 1, 1) < 0) return CM_ERROR;
  if (!cm_iterable_is_native(vm, a[0]))
    return tail_prelude(vm, want ? "bi_any" : "bi_all", a, n, kw);
  cm_value it = cm_iter(vm, a[0]);
  if (cm_is_error(it)) return CM_ERROR;
  for (;;) {
    cm_value x = cm_next(vm, it);
    if (x == CM_STOP) return cm_bool(!want);
    if (cm_is_error(x)) return CM_ERROR;
    int t = cm_truthy(vm, x);
    if (t < 0) return CM_ERROR;
    if ((t != 0) == want) return cm_bool(want);
  }
}
static cm_value bi_any(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return any_all(vm, "any", true, a, n, kw);
}
static cm_value bi_all(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return any_all(vm, "all", false, a, n, kw);
}

static cm_value bi_sorted(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  static const char *const names[] = {"key", "reverse"};
  cm_value o[2];
  if (n != 1)
    return cm_raise(vm, &cm_exc_TypeError, "sorted expected 1 argument, got %d",
                    n);
  if (cm_bind_args(vm, "sort", a + n, 0, kw, names, 2, 0, 0, o) < 0)
    return CM_ERROR;
  cm_value l = cm_list_from_iterable_native(vm, a[0]);
  if (cm_is_error(l)) return CM_ERROR;
  if (cm_is_null(l)) return tail_prelude(vm, "bi_sorted", a, n, kw);
  int rev = cm_is_null(o[1]) ? 0 : cm_truthy(vm, o[1]);
  if (rev < 0) return CM_ERROR;
  return cm_list_sort(vm, l, o[0], rev, true);
}

static cm_value bi_iter(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "iter", n, kw, 1, 2) < 0) return CM_ERROR;
  if (n == 1) {
    const cm_type *t = cm_typeof(vm, a[0]);
    cm_value fn = UNLIKELY_USER(t) && t->iter ? cm_dunder_find(vm, a[0], "__iter__")
                                              : CM_NULL;
    if (!cm_is_null(fn)) return tail_dunder(vm, CM_DK_ITER, fn, a[0]);
    return cm_iter(vm, a[0]);
  }
  if (!is_callable(vm, a[0]))
    return cm_raise(vm, &cm_exc_TypeError, "iter(v, w): v must be callable");
  return tail_prelude(vm, "bi_iter2", a, n, kw);
}

/* next(it[, default]). Called from bytecode on a generator, the VM loop
   handles it itself (runtime.h); this path serves the other callers. */
cm_value cm_bi_next(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "next", n, kw, 1, 2) < 0) return CM_ERROR;
  const cm_type *t = cm_typeof(vm, a[0]);
  if (!t->iternext)
    return cm_raise(vm, &cm_exc_TypeError, "'%s' object is not an iterator",
                    t->name);
  cm_value r;
  if (t->id == CM_T_USER) {
    /* a user __next__ is Python code: tail-call it (via bi_next_user when
       there is a default) so the VM runs it and a host call can pause */
    cm_value m = cm_type_lookup(vm, t, cm_intern(vm, "__next__"));
    if (cm_is_error(m)) return m;
    if (cm_is_obj(m) && cm_objptr(m)->type == &cm_function_type) {
      if (n == 1) {
        cm_value ta = cm_tuple_from(vm, a, 1);
        if (cm_is_error(ta)) return ta;
        return cm_tailcall(vm, m, ta, CM_NULL);
      }
      cm_value h = cm_prelude(vm, "bi_next_user");
      if (cm_is_error(h)) return h;
      cm_value p[3] = {m, a[0], a[1]};
      cm_value ta = cm_tuple_from(vm, p, 3);
      if (cm_is_error(ta)) return ta;
      return cm_tailcall(vm, h, ta, CM_NULL);
    }
  }
  if (t == &cm_generator_type) {
    /* its __next__ keeps the return value in StopIteration.value */
    cm_value m = cm_type_lookup(vm, t, cm_intern(vm, "__next__"));
    if (cm_is_error(m)) return m;
    r = cm_call(vm, m, a, 1, CM_NULL);
    if (n == 2 && cm_is_error(r) && cm_exc_matches(vm, &cm_exc_StopIteration)) {
      cm_exc_clear(vm);
      return a[1];
    }
    return r;
  }
  r = cm_next(vm, a[0]);
  if (r != CM_STOP) return r;
  if (n == 2) return a[1];
  return cm_raise_value(vm, cm_type_value(vm, &cm_exc_StopIteration));
}

/* ---- types and attributes -------------------------------------------- */

static cm_value bi_isinstance(cm_vm *vm, const cm_value *a, int n,
                              cm_value kw) {
  if (cm_check_nargs(vm, "isinstance", n, kw, 2, 2) < 0) return CM_ERROR;
  int r = cm_isinstance(vm, a[0], a[1]);
  return r < 0 ? CM_ERROR : cm_bool(r);
}

static int subclass_of(cm_vm *vm, const cm_type *t, cm_value cls) {
  const cm_type *b = cm_type_of_typeobj(cls);
  if (b) return cm_type_is_sub(t, b);
  if (cm_isinstance_t(vm, cls, &cm_tuple_type)) {
    cm_tuple *tu = CM_AS(cm_tuple, cls);
    for (size_t i = 0; i < tu->n; i++) {
      if (cm_c_enter(vm, "in __subclasscheck__") < 0) return -1;
      int r = subclass_of(vm, t, tu->items[i]);
      cm_c_leave(vm);
      if (r) return r;
    }
    return 0;
  }
  cm_raise(vm, &cm_exc_TypeError,
           "issubclass() arg 2 must be a class, a tuple of classes, or a "
           "union");
  return -1;
}

static cm_value bi_issubclass(cm_vm *vm, const cm_value *a, int n,
                              cm_value kw) {
  if (cm_check_nargs(vm, "issubclass", n, kw, 2, 2) < 0) return CM_ERROR;
  const cm_type *t = cm_type_of_typeobj(a[0]);
  if (!t)
    return cm_raise(vm, &cm_exc_TypeError, "issubclass() arg 1 must be a class");
  int r = subclass_of(vm, t, a[1]);
  return r < 0 ? CM_ERROR : cm_bool(r);
}

static cm_value bi_getattr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "getattr", n, kw, 2, 3) < 0) return CM_ERROR;
  cm_value name = cm_attr_name(vm, a[1]);
  if (cm_is_error(name)) return CM_ERROR;
  if (cm_typeof(vm, a[0])->id == CM_T_USER) {
    /* a property getter / __getattr__ runs as Python code (vm.h) */
    cm_defer d;
    cm_value r = cm_instance_getattr_defer(vm, a[0], name, &d);
    if (r == CM_DEFER) {
      cm_value t = cm_tuple_from(vm, d.args, (size_t)d.nargs);
      if (cm_is_error(t)) return t;
      if (n == 2) return cm_tailcall(vm, d.fn, t, CM_NULL);
      cm_value p[3] = {d.fn, t, a[2]};
      return tail_prelude(vm, "dn_getattr", p, 3, CM_NULL);
    }
    if (n == 3 && cm_is_error(r) && cm_exc_matches(vm, &cm_exc_AttributeError)) {
      cm_exc_clear(vm);
      return a[2];
    }
    if (!cm_is_null(r)) return r;
    return n == 2 ? cm_raise_no_attr(vm, a[0], name) : a[2];
  }
  if (n == 2) return cm_getattr(vm, a[0], name);
  cm_value r = cm_getattr_opt(vm, a[0], name);
  return cm_is_null(r) ? a[2] : r;
}

static cm_value bi_hasattr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "hasattr", n, kw, 2, 2) < 0) return CM_ERROR;
  cm_value name = cm_attr_name(vm, a[1]);
  if (cm_is_error(name)) return CM_ERROR;
  cm_value r;
  if (cm_typeof(vm, a[0])->id == CM_T_USER) {
    /* a property getter / __getattr__ runs as Python code (vm.h) */
    cm_defer d;
    r = cm_instance_getattr_defer(vm, a[0], name, &d);
    if (r == CM_DEFER) {
      cm_value t = cm_tuple_from(vm, d.args, (size_t)d.nargs);
      if (cm_is_error(t)) return t;
      cm_value p[2] = {d.fn, t};
      return tail_prelude(vm, "dn_hasattr", p, 2, CM_NULL);
    }
    if (cm_is_error(r) && cm_exc_matches(vm, &cm_exc_AttributeError)) {
      cm_exc_clear(vm);
      r = CM_NULL;
    }
  } else {
    r = cm_getattr_opt(vm, a[0], name);
  }
  return cm_is_error(r) ? CM_ERROR : cm_bool(!cm_is_null(r));
}

/* setattr/delattr (v CM_NULL): a user __setattr__/__delattr__ or property
   setter that is Python code runs through the prelude's dn_discard, so
   the VM can pause in it (vm.h). */
static cm_value setattr_value(cm_vm *vm, cm_value o, cm_value name, cm_value v) {
  if (cm_typeof(vm, o)->id != CM_T_USER)
    return cm_setattr(vm, o, name, v) < 0 ? CM_ERROR : CM_NONE;
  cm_defer d;
  int r = cm_instance_setattr_defer(vm, o, name, v, &d);
  if (r < 0) return CM_ERROR;
  if (r == 0) return CM_NONE;
  cm_value t = cm_tuple_from(vm, d.args, (size_t)d.nargs);
  if (cm_is_error(t)) return t;
  cm_value p[2] = {d.fn, t};
  return tail_prelude(vm, "dn_discard", p, 2, CM_NULL);
}

static cm_value bi_setattr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "setattr", n, kw, 3, 3) < 0) return CM_ERROR;
  cm_value name = cm_attr_name(vm, a[1]);
  if (cm_is_error(name)) return CM_ERROR;
  return setattr_value(vm, a[0], name, a[2]);
}

static cm_value bi_delattr(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "delattr", n, kw, 2, 2) < 0) return CM_ERROR;
  cm_value name = cm_attr_name(vm, a[1]);
  if (cm_is_error(name)) return CM_ERROR;
  return setattr_value(vm, a[0], name, CM_NULL);
}

/* ---- namespaces ------------------------------------------------------ */

static cm_value bi_globals(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "globals", n, kw, 0, 0) < 0) return CM_ERROR;
  return vm->frame ? vm->frame->globals : vm->main_globals;
}

/* locals() of the running function: a snapshot dict of its bound slots. */
static cm_value frame_locals(cm_vm *vm) {
  cm_frame *f = vm->frame;
  if (!f) return vm->main_globals;
  if (!cm_is_null(f->locals)) return f->locals;
  if (f->code->flags & CM_CO_MODULE) return f->globals;
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return CM_ERROR;
  for (uint32_t i = 0; i < f->code->nlocalsplus; i++) {
    cm_value v = f->slots[i];
    uint8_t k = f->code->localkinds[i];
    if ((k & (CM_LK_CELL | CM_LK_FREE)) && cm_is_obj(v) &&
        cm_objptr(v)->type == &cm_cell_type)
      v = CM_AS(cm_cell, v)->value;
    if (cm_is_null(v)) continue;
    if (cm_dict_set(vm, d, f->code->localnames[i], v) < 0) return CM_ERROR;
  }
  return d;
}

static cm_value bi_locals(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "locals", n, kw, 0, 0) < 0) return CM_ERROR;
  return frame_locals(vm);
}

static cm_value bi_vars(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "vars", n, kw, 0, 1) < 0) return CM_ERROR;
  if (n == 0) return frame_locals(vm);
  cm_value d = cm_getattr_opt(vm, a[0], cm_intern(vm, "__dict__"));
  if (cm_is_error(d)) return CM_ERROR;
  if (cm_is_null(d))
    return cm_raise(vm, &cm_exc_TypeError,
                    "vars() argument must have __dict__ attribute");
  return d;
}

static int add_keys(cm_vm *vm, cm_value set, cm_value dict) {
  size_t pos = 0;
  cm_value k, v;
  while (cm_dict_next(dict, &pos, &k, &v))
    if (cm_set_add(vm, set, k) < 0) return -1;
  return 0;
}

cm_value cm_dir(cm_vm *vm, cm_value o) {
  cm_value names = cm_set_new(vm, false);
  if (cm_is_error(names)) return CM_ERROR;
  const cm_type *t = cm_type_of_typeobj(o);
  if (!t) t = cm_typeof(vm, o);
  if (t->id == CM_T_USER) {
    cm_tuple *mro = CM_AS(cm_tuple, CM_CLASS_OF(t)->mro);
    for (size_t i = 0; i < mro->n; i++) {
      const cm_type *m = cm_type_of_typeobj(mro->items[i]);
      cm_value md = m->id == CM_T_USER ? CM_CLASS_OF(m)->base.dict
                                       : cm_type_dict(vm, m);
      if (cm_is_error(md) || add_keys(vm, names, md) < 0) return CM_ERROR;
    }
  } else {
    cm_value td = cm_type_dict(vm, t);
    if (cm_is_error(td)) return CM_ERROR;
    if (!cm_is_null(td) && add_keys(vm, names, td) < 0) return CM_ERROR;
  }
  cm_value d = cm_getattr_opt(vm, o, cm_intern(vm, "__dict__"));
  if (cm_is_error(d)) return CM_ERROR;
  if (cm_isinstance_t(vm, d, &cm_dict_type) && add_keys(vm, names, d) < 0)
    return CM_ERROR;
  cm_value l = cm_list_from_iterable(vm, names);
  if (cm_is_error(l)) return CM_ERROR;
  return cm_list_sort(vm, l, CM_NULL, false, true);
}

static cm_value bi_dir(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "dir", n, kw, 0, 1) < 0) return CM_ERROR;
  if (n == 1) return cm_dir(vm, a[0]);
  cm_value names = cm_set_new(vm, false);
  if (cm_is_error(names)) return CM_ERROR;
  cm_value d = frame_locals(vm);
  if (cm_is_error(d) || add_keys(vm, names, d) < 0) return CM_ERROR;
  cm_value l = cm_list_from_iterable(vm, names);
  if (cm_is_error(l)) return CM_ERROR;
  return cm_list_sort(vm, l, CM_NULL, false, true);
}

/* ---- the sandbox: no ambient authority ------------------------------- */

static cm_value bi_open(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  /* Binds the arguments with CPython's messages, then tail-calls the Python
     implementation, pathlib._open (modules_os.c): its file I/O is OS calls. */
  static const char *const names[] = {"file", "mode", "buffering", "encoding",
                                      "errors", "newline", "closefd", "opener"};
  cm_value v[8];
  if (cm_bind_args(vm, "open", a, n, kw, names, 8, 1, 8, v) < 0) return CM_ERROR;
  if (cm_is_null(v[1]) && cm_is_error(v[1] = cm_intern(vm, "r"))) return CM_ERROR;
  if (cm_is_null(v[2])) v[2] = cm_int_from_i64(vm, -1);
  for (int i = 3; i < 8; i++)
    if (cm_is_null(v[i])) v[i] = i == 6 ? CM_TRUE : CM_NONE;
  cm_value name = cm_intern(vm, "pathlib");
  cm_value m = cm_is_error(name) ? name : cm_import(vm, name, 0);
  if (cm_is_error(m)) return m;
  cm_value f = cm_dict_get_cstr(vm, CM_AS(cm_module, m)->dict, "_open");
  if (cm_is_null(f) || cm_is_error(f))
    return cm_raise(vm, &cm_exc_ImportError, "pathlib._open is missing");
  cm_value t = cm_tuple_from(vm, v, 8);
  if (cm_is_error(t)) return t;
  return cm_tailcall(vm, f, t, CM_NULL);
}
static cm_value bi_input(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return cm_raise(vm, &cm_exc_PermissionError,
                  "input() is not allowed in the cmonty sandbox");
}
static cm_value not_yet(cm_vm *vm, const char *what) {
  return cm_raise(vm, &cm_exc_NotImplementedError, "%s is not supported yet",
                  what);
}
static cm_value bi_exec(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return not_yet(vm, "exec()");
}
static cm_value bi_eval(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return not_yet(vm, "eval()");
}
static cm_value bi_compile(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  return not_yet(vm, "compile()");
}
static cm_value bi_breakpoint(cm_vm *vm, const cm_value *a, int n,
                              cm_value kw) {
  return not_yet(vm, "breakpoint()");
}
static cm_value bi_build_class(cm_vm *vm, const cm_value *a, int n,
                               cm_value kw) {
  return cm_build_class(vm, a, n, kw);
}

static cm_value bi_import(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  static const char *const names[] = {"name", "globals", "locals", "fromlist",
                                      "level"};
  cm_value o[5];
  if (cm_bind_args(vm, "__import__", a, n, kw, names, 5, 1, 5, o) < 0)
    return CM_ERROR;
  if (!is_str(vm, o[0]))
    return cm_raise(vm, &cm_exc_TypeError,
                    "__import__() argument 1 must be str, not %T", o[0]);
  int64_t level = 0;
  if (!cm_is_null(o[4]) && cm_index_i64(vm, o[4], &level) < 0) return CM_ERROR;
  return cm_import(vm, o[0], (int)level);
}

/* exit()/quit(): raise SystemExit like the site helpers do. */
static cm_value bi_exit(cm_vm *vm, const cm_value *a, int n, cm_value kw) {
  if (cm_check_nargs(vm, "exit", n, kw, 0, 1) < 0) return CM_ERROR;
  cm_value t = cm_tuple_from(vm, a, (size_t)n);
  if (cm_is_error(t)) return CM_ERROR;
  cm_value e = cm_exc_new(vm, &cm_exc_SystemExit, t);
  if (cm_is_error(e)) return CM_ERROR;
  return cm_raise_value(vm, e);
}

/* ---- the table ------------------------------------------------------- */

static const cm_method_def builtin_funcs[] = {
    {"print", bi_print, 0},         {"len", bi_len, 0},
    {"repr", bi_repr, 0},           {"ascii", bi_ascii, 0},
    {"hash", bi_hash, 0},           {"id", bi_id, 0},
    {"callable", bi_callable, 0},   {"hex", bi_hex, 0},
    {"oct", bi_oct, 0},             {"bin", bi_bin, 0},
    {"chr", bi_chr, 0},             {"ord", bi_ord, 0},
    {"format", bi_format, 0},       {"abs", bi_abs, 0},
    {"round", bi_round, 0},         {"divmod", bi_divmod, 0},
    {"pow", bi_pow, 0},             {"min", bi_min, 0},
    {"max", bi_max, 0},             {"sum", bi_sum, 0},
    {"any", bi_any, 0},             {"all", bi_all, 0},
    {"sorted", bi_sorted, 0},       {"iter", bi_iter, 0},
    {"next", cm_bi_next, 0},           {"isinstance", bi_isinstance, 0},
    {"issubclass", bi_issubclass, 0}, {"getattr", bi_getattr, 0},
    {"hasattr", bi_hasattr, 0},     {"setattr", bi_setattr, 0},
    {"delattr", bi_delattr, 0},     {"globals", bi_globals, 0},
    {"locals", bi_locals, 0},       {"vars", bi_vars, 0},
    {"dir", bi_dir, 0},             {"open", bi_open, 0},
    {"input", bi_input, 0},         {"exec", bi_exec, 0},
    {"eval", bi_eval, 0},           {"compile", bi_compile, 0},
    {"breakpoint", bi_breakpoint, 0}, {"__build_class__", bi_build_class, 0},
    {"__import__", bi_import, 0},   {"exit", bi_exit, 0},
    {"quit", bi_exit, 0},           {NULL, NULL, 0}};

/* Types visible as builtins (exceptions are added from exc.h's list). */
static const cm_type *const builtin_type_names[] = {
    &cm_object_type, &cm_type_type, &cm_bool_type, &cm_int_type,
    &cm_float_type, &cm_complex_type, &cm_str_type, &cm_bytes_type,
    &cm_bytearray_type, &cm_list_type, &cm_tuple_type, &cm_dict_type,
    &cm_set_type, &cm_frozenset_type, &cm_range_type, &cm_slice_type,
    &cm_enumerate_type, &cm_zip_type, &cm_map_type, &cm_filter_type,
    &cm_reversed_type, &cm_property_type, &cm_staticmethod_type,
    &cm_classmethod_type, &cm_super_type,
#define CM_X_PTR(c, py, base) &cm_exc_##c,
    CM_EXCEPTIONS(CM_X_PTR)
#undef CM_X_PTR
};

int cm_builtins_init(cm_vm *vm) {
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return -1;
  vm->builtins = d;
  for (const cm_method_def *m = builtin_funcs; m->name; m++) {
    cm_value f = cm_builtin_new(vm, m->fn, m->name, CM_NULL);
    if (cm_is_error(f) || cm_dict_set_cstr(vm, d, m->name, f) < 0) return -1;
  }
  size_t n = sizeof builtin_type_names / sizeof builtin_type_names[0];
  for (size_t i = 0; i < n; i++) {
    const cm_type *t = builtin_type_names[i];
    if (cm_dict_set_cstr(vm, d, t->name, cm_type_value(vm, t)) < 0) return -1;
  }
  if (cm_dict_set_cstr(vm, d, "NotImplemented", CM_NOTIMPL) < 0 ||
      cm_dict_set_cstr(vm, d, "Ellipsis", CM_ELLIPSIS) < 0 ||
      cm_dict_set_cstr(vm, d, "None", CM_NONE) < 0 ||
      cm_dict_set_cstr(vm, d, "True", CM_TRUE) < 0 ||
      cm_dict_set_cstr(vm, d, "False", CM_FALSE) < 0 ||
      cm_dict_set_cstr(vm, d, "__name__", cm_intern(vm, "builtins")) < 0 ||
      cm_dict_set_cstr(vm, d, "EnvironmentError",
                       cm_type_value(vm, &cm_exc_OSError)) < 0 ||
      cm_dict_set_cstr(vm, d, "IOError", cm_type_value(vm, &cm_exc_OSError)) < 0)
    return -1;
  vm->modules = cm_dict_new(vm);
  return cm_is_error(vm->modules) ? -1 : 0;
}

/* ---- Python twins of the consuming builtins (see the top comment) ---- */

const char cm_prelude_builtins[] =
    "_NO = object()\n"
    "def _minmax(name, args, key, default, bigger):\n"
    "    if len(args) == 1:\n"
    "        it = args[0]\n"
    "    else:\n"
    "        it = args\n"
    "    best = _NO\n"
    "    bestkey = None\n"
    "    for x in it:\n"
    "        k = x if key is None else key(x)\n"
    "        if best is _NO or (k > bestkey if bigger else k < bestkey):\n"
    "            best = x\n"
    "            bestkey = k\n"
    "    if best is _NO:\n"
    "        if default is _NO:\n"
    "            raise ValueError(name + '() iterable argument is empty')\n"
    "        return default\n"
    "    return best\n"
    "def bi_min(*args, key=None, default=_NO):\n"
    "    return _minmax('min', args, key, default, False)\n"
    "def bi_max(*args, key=None, default=_NO):\n"
    "    return _minmax('max', args, key, default, True)\n"
    "def bi_sum(iterable, /, start=0):\n"
    "    return sum(list(iterable), start)\n"
    "def bi_any(iterable):\n"
    "    for x in iterable:\n"
    "        if x:\n"
    "            return True\n"
    "    return False\n"
    "def bi_all(iterable):\n"
    "    for x in iterable:\n"
    "        if not x:\n"
    "            return False\n"
    "    return True\n"
    "def bi_sorted(iterable, /, *, key=None, reverse=False):\n"
    "    result = list(iterable)\n"
    "    result.sort(key=key, reverse=reverse)\n"
    "    return result\n"
    "def cl_init(init, obj, /, *args, **kwargs):\n"
    "    r = init(*args, **kwargs)\n"
    "    if r is not None:\n"
    "        raise TypeError(\"__init__() should return None, not '\" + type(r).__name__ + \"'\")\n"
    "    return obj\n"
    "def bi_next_user(nx, it, default):\n"
    "    try:\n"
    "        return nx(it)\n"
    "    except StopIteration:\n"
    "        return default\n"
    "def bi_iter2(f, sentinel):\n"
    "    while True:\n"
    "        v = f()\n"
    "        if v == sentinel:\n"
    "            return\n"
    "        yield v\n";
