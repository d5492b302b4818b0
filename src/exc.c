/*
** exc.c — exception objects: the built-in hierarchy (exc.h's X-macro),
** raising, attributes, str/repr like CPython's.
**
** Subclass-specific attributes (StopIteration.value, SystemExit.code,
** OSError.errno, SyntaxError.lineno, ...) are resolved in exc_getattr by
** the exception's type; SyntaxError's details live in exc->dict, where the
** compiler stores them.
*/
#include <string.h>

#include "runtime.h"
#include "str.h"

static bool is_sub(cm_vm *vm, cm_value v, const cm_type *t) {
  return cm_type_is_sub(cm_typeof(vm, v), t);
}

static bool is_exc(cm_vm *vm, cm_value v) {
  return cm_is_obj(v) && (cm_typeof(vm, v)->flags & CM_TF_EXCEPTION);
}

/* ---- construction ---------------------------------------------------- */

static cm_value arg0_or_none(cm_value args) {
  cm_tuple *a = CM_AS(cm_tuple, args);
  return a->n ? a->items[0] : CM_NONE;
}

/* SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
   end_offset)): mirror the details into the dict like the compiler does. */
static int syntax_details(cm_vm *vm, cm_exc *e) {
  cm_tuple *a = CM_AS(cm_tuple, e->args);
  static const char *const keys[] = {"filename", "lineno", "offset",
                                     "text", "end_lineno", "end_offset"};
  if (a->n == 0) return 0;
  if (cm_is_null(e->dict)) {
    e->dict = cm_dict_new(vm);
    if (cm_is_error(e->dict)) return -1;
  }
  if (cm_dict_set_cstr(vm, e->dict, "msg", a->items[0]) < 0) return -1;
  if (a->n != 2 || !cm_isinstance_t(vm, a->items[1], &cm_tuple_type))
    return 0;
  cm_tuple *info = CM_AS(cm_tuple, a->items[1]);
  if (info->n < 4 || info->n > 6) {
    cm_raise(vm, &cm_exc_IndexError, "tuple index out of range");
    return -1;
  }
  for (size_t i = 0; i < info->n; i++)
    if (cm_dict_set_cstr(vm, e->dict, keys[i], info->items[i]) < 0) return -1;
  return 0;
}

cm_value cm_exc_new(cm_vm *vm, const cm_type *t, cm_value args_tuple) {
  if (cm_is_null(args_tuple)) {
    args_tuple = cm_tuple_new(vm, 0);
    if (cm_is_error(args_tuple)) return CM_ERROR;
  }
  cm_exc *e = cm_gc_new(vm, t, sizeof(cm_exc));
  if (!e) return CM_ERROR;
  e->args = args_tuple;
  e->traceback = e->cause = e->context = CM_NONE;
  e->notes = e->dict = e->value = CM_NULL;
  if (cm_type_is_sub(t, &cm_exc_StopIteration)) {
    e->value = arg0_or_none(args_tuple);
  } else if (cm_type_is_sub(t, &cm_exc_SystemExit)) {
    size_t n = CM_AS(cm_tuple, args_tuple)->n;
    e->value = n > 1 ? args_tuple : arg0_or_none(args_tuple);
  } else if (cm_type_is_sub(t, &cm_exc_SyntaxError)) {
    if (syntax_details(vm, e) < 0) return CM_ERROR;
  }
  return CM_VAL(e);
}

static cm_value exc_construct(cm_vm *vm, const cm_type *t,
                              const cm_value *args, int nargs,
                              cm_value kwnames) {
  if (!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n)
    return cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments",
                    t->name);
  cm_value tu = cm_tuple_from(vm, args, (size_t)nargs);
  if (cm_is_error(tu)) return CM_ERROR;
  return cm_exc_new(vm, t, tu);
}

/* ---- str and repr ---------------------------------------------------- */

static const char *basename_of(const char *p) {
  const char *s = strrchr(p, '/');
  const char *b = strrchr(p, '\\');
  if (b && (!s || b > s)) s = b;
  return s ? s + 1 : p;
}

cm_value cm_exc_dict_get(cm_vm *vm, cm_value exc, const char *key) {
  cm_exc *e = CM_AS(cm_exc, exc);
  if (cm_is_null(e->dict)) return CM_NULL;
  return cm_dict_get_cstr(vm, e->dict, key);
}

static cm_value syntax_str(cm_vm *vm, cm_value self) {
  cm_value msg = cm_exc_dict_get(vm, self, "msg");
  if (cm_is_error(msg)) return CM_ERROR;
  if (cm_is_null(msg)) msg = arg0_or_none(CM_AS(cm_exc, self)->args);
  cm_value s = cm_to_str(vm, msg);
  if (cm_is_error(s)) return CM_ERROR;
  cm_value fn = cm_exc_dict_get(vm, self, "filename");
  cm_value ln = cm_exc_dict_get(vm, self, "lineno");
  if (cm_is_error(fn) || cm_is_error(ln)) return CM_ERROR;
  bool has_fn = cm_isinstance_t(vm, fn, &cm_str_type);
  bool has_ln = cm_is_int(ln);
  if (has_fn && has_ln)
    return cm_str_printf(vm, "%U (%s, line %lld)", s,
                         basename_of(cm_str_cstr(fn)),
                         (long long)cm_intval(ln));
  if (has_fn)
    return cm_str_printf(vm, "%U (%s)", s, basename_of(cm_str_cstr(fn)));
  if (has_ln)
    return cm_str_printf(vm, "%U (line %lld)", s, (long long)cm_intval(ln));
  return s;
}

static cm_value oserror_str(cm_vm *vm, cm_tuple *a) {
  if (a->n == 2)
    return cm_str_printf(vm, "[Errno %S] %S", a->items[0], a->items[1]);
  return cm_str_printf(vm, "[Errno %S] %S: %R", a->items[0], a->items[1],
                       a->items[2]);
}

static cm_value exc_str(cm_vm *vm, cm_value self) {
  cm_exc *e = CM_AS(cm_exc, self);
  cm_tuple *a = CM_AS(cm_tuple, e->args);
  const cm_type *t = cm_typeof(vm, self);
  if (cm_type_is_sub(t, &cm_exc_SyntaxError)) return syntax_str(vm, self);
  if (a->n == 1 && cm_type_is_sub(t, &cm_exc_KeyError))
    return cm_repr(vm, a->items[0]);
  if ((a->n == 2 || a->n == 3) && cm_type_is_sub(t, &cm_exc_OSError))
    return oserror_str(vm, a);
  if (a->n == 0) return cm_str_from_cstr(vm, "");
  if (a->n == 1) return cm_to_str(vm, a->items[0]);
  return cm_to_str(vm, e->args);
}

static cm_value exc_repr(cm_vm *vm, cm_value self) {
  cm_exc *e = CM_AS(cm_exc, self);
  cm_tuple *a = CM_AS(cm_tuple, e->args);
  const char *name = cm_type_name(vm, self);
  if (a->n == 1) return cm_str_printf(vm, "%s(%R)", name, a->items[0]);
  return cm_str_printf(vm, "%s%R", name, e->args);
}

cm_value cm_exc_message(cm_vm *vm, cm_value exc) {
  cm_value saved = vm->exc;
  cm_value s = cm_to_str(vm, exc);
  if (!cm_is_error(s)) return s;
  vm->exc = saved;
  return cm_str_from_cstr(vm, "<exception str() failed>");
}

/* ---- attributes ------------------------------------------------------ */

static cm_value detail(cm_vm *vm, cm_value self, const char *key) {
  cm_value v = cm_exc_dict_get(vm, self, key);
  return cm_is_null(v) ? CM_NONE : v;
}

static cm_value oserror_attr(cm_vm *vm, cm_exc *e, const char *s) {
  cm_tuple *a = CM_AS(cm_tuple, e->args);
  bool full = a->n >= 2 && a->n <= 3;
  if (!strcmp(s, "errno")) return full ? a->items[0] : CM_NONE;
  if (!strcmp(s, "strerror")) return full ? a->items[1] : CM_NONE;
  if (!strcmp(s, "filename")) return a->n == 3 ? a->items[2] : CM_NONE;
  if (!strcmp(s, "filename2")) return CM_NONE;
  return CM_NULL;
}

static cm_value type_attr(cm_vm *vm, cm_value self, const cm_type *t,
                          const char *s) {
  cm_exc *e = CM_AS(cm_exc, self);
  if (cm_type_is_sub(t, &cm_exc_StopIteration) && !strcmp(s, "value"))
    return cm_is_null(e->value) ? CM_NONE : e->value;
  if (cm_type_is_sub(t, &cm_exc_SystemExit) && !strcmp(s, "code"))
    return cm_is_null(e->value) ? CM_NONE : e->value;
  if (cm_type_is_sub(t, &cm_exc_OSError)) return oserror_attr(vm, e, s);
  if (cm_type_is_sub(t, &cm_exc_SyntaxError)) {
    static const char *const keys[] = {
        "msg", "filename", "lineno", "offset", "text", "end_lineno",
        "end_offset", "print_file_and_line", NULL};
    for (int i = 0; keys[i]; i++)
      if (!strcmp(s, keys[i])) return detail(vm, self, s);
  }
  if ((cm_type_is_sub(t, &cm_exc_NameError) ||
       cm_type_is_sub(t, &cm_exc_AttributeError) ||
       cm_type_is_sub(t, &cm_exc_ImportError)) && !strcmp(s, "name"))
    return CM_NONE;
  if (cm_type_is_sub(t, &cm_exc_AttributeError) && !strcmp(s, "obj"))
    return CM_NONE;
  return CM_NULL;
}

static cm_value exc_getattr(cm_vm *vm, cm_value self, cm_value name) {
  cm_exc *e = CM_AS(cm_exc, self);
  if (!cm_is_null(e->dict)) {
    cm_value v = cm_dict_get_str(vm, e->dict, name);
    if (!cm_is_null(v)) return v;
  }
  const char *s = cm_str_cstr(name);
  if (!strcmp(s, "args")) return e->args;
  if (!strcmp(s, "__traceback__")) return e->traceback;
  if (!strcmp(s, "__cause__")) return e->cause;
  if (!strcmp(s, "__context__")) return e->context;
  if (!strcmp(s, "__suppress_context__")) return cm_bool(e->suppress_context);
  if (!strcmp(s, "__notes__")) return e->notes;
  if (!strcmp(s, "__dict__")) {
    if (cm_is_null(e->dict)) {
      cm_value d = cm_dict_new(vm);
      if (cm_is_error(d)) return CM_ERROR;
      e->dict = d;
    }
    return e->dict;
  }
  cm_value r = type_attr(vm, self, cm_typeof(vm, self), s);
  if (!cm_is_null(r)) return r;
  return cm_generic_getattr(vm, self, name);
}

static int set_chain(cm_vm *vm, cm_value *slot, cm_value v, const char *what) {
  if (v != CM_NONE && !is_exc(vm, v)) {
    cm_raise(vm, &cm_exc_TypeError,
             "exception %s must be None or derive from BaseException", what);
    return -1;
  }
  *slot = v;
  return 0;
}

static int set_args(cm_vm *vm, cm_exc *e, cm_value v) {
  if (cm_isinstance_t(vm, v, &cm_tuple_type)) {
    e->args = v;
    return 0;
  }
  cm_value l = cm_list_from_iterable_native(vm, v);
  if (cm_is_error(l)) return -1;
  if (cm_is_null(l)) {
    cm_raise(vm, &cm_exc_TypeError, "'%T' object is not iterable", v);
    return -1;
  }
  cm_list *li = CM_AS(cm_list, l);
  cm_value t = cm_tuple_from(vm, li->items, li->n);
  if (cm_is_error(t)) return -1;
  e->args = t;
  return 0;
}

static int exc_setattr(cm_vm *vm, cm_value self, cm_value name, cm_value v) {
  cm_exc *e = CM_AS(cm_exc, self);
  const char *s = cm_str_cstr(name);
  const cm_type *t = cm_typeof(vm, self);
  if (!cm_is_null(v)) {
    if (!strcmp(s, "args")) return set_args(vm, e, v);
    if (!strcmp(s, "__cause__")) {
      e->suppress_context = 1;
      return set_chain(vm, &e->cause, v, "cause");
    }
    if (!strcmp(s, "__context__")) return set_chain(vm, &e->context, v, "context");
    if (!strcmp(s, "__suppress_context__")) {
      int b = cm_truthy(vm, v);
      if (b < 0) return -1;
      e->suppress_context = (uint8_t)b;
      return 0;
    }
    if (!strcmp(s, "__traceback__")) {
      if (v != CM_NONE && !cm_isinstance_t(vm, v, &cm_traceback_type)) {
        cm_raise(vm, &cm_exc_TypeError,
                 "__traceback__ must be a traceback or None");
        return -1;
      }
      e->traceback = v;
      return 0;
    }
    if ((cm_type_is_sub(t, &cm_exc_StopIteration) && !strcmp(s, "value")) ||
        (cm_type_is_sub(t, &cm_exc_SystemExit) && !strcmp(s, "code"))) {
      e->value = v;
      return 0;
    }
    if (cm_is_null(e->dict)) {
      e->dict = cm_dict_new(vm);
      if (cm_is_error(e->dict)) return -1;
    }
    return cm_dict_set_str(vm, e->dict, name, v);
  }
  if (!cm_is_null(e->dict)) {
    int r = cm_dict_del(vm, e->dict, name);
    if (r != 0) return r < 0 ? -1 : 0;
  }
  cm_raise_no_attr(vm, self, name);
  return -1;
}

static cm_value exc_add_note(cm_vm *vm, const cm_value *args, int nargs,
                             cm_value kwnames) {
  if (cm_check_nargs(vm, "BaseException.add_note", nargs - 1, kwnames, 1, 1) < 0)
    return CM_ERROR;
  if (!cm_isinstance_t(vm, args[1], &cm_str_type))
    return cm_raise(vm, &cm_exc_TypeError,
                    "add_note() argument must be str, not %T", args[1]);
  cm_exc *e = CM_AS(cm_exc, args[0]);
  if (cm_is_null(e->notes)) {
    e->notes = cm_list_new(vm, 1);
    if (cm_is_error(e->notes)) return CM_ERROR;
  }
  return cm_list_append(vm, e->notes, args[1]) < 0 ? CM_ERROR : CM_NONE;
}

static cm_value exc_with_traceback(cm_vm *vm, const cm_value *args, int nargs,
                                   cm_value kwnames) {
  if (cm_check_nargs(vm, "BaseException.with_traceback", nargs - 1, kwnames,
                     1, 1) < 0)
    return CM_ERROR;
  if (exc_setattr(vm, args[0], cm_intern(vm, "__traceback__"), args[1]) < 0)
    return CM_ERROR;
  return args[0];
}

/* BaseException.__init__(*args): args = the arguments. */
static cm_value exc_init(cm_vm *vm, const cm_value *args, int nargs,
                         cm_value kwnames) {
  if (!cm_is_null(kwnames) && CM_AS(cm_tuple, kwnames)->n)
    return cm_raise(vm, &cm_exc_TypeError, "%s() takes no keyword arguments",
                    cm_type_name(vm, args[0]));
  cm_value t = cm_tuple_from(vm, args + 1, (size_t)(nargs - 1));
  if (cm_is_error(t)) return t;
  CM_AS(cm_exc, args[0])->args = t;
  return CM_NONE;
}

static const cm_method_def exc_methods[] = {
    {"__init__", exc_init, 0},
    {"add_note", exc_add_note, 0},
    {"with_traceback", exc_with_traceback, 0},
    {NULL, NULL, 0}};

static void exc_trace(cm_vm *vm, cm_obj *o) {
  cm_exc *e = (cm_exc *)o;
  cm_gc_mark_value(vm, e->args);
  cm_gc_mark_value(vm, e->traceback);
  cm_gc_mark_value(vm, e->cause);
  cm_gc_mark_value(vm, e->context);
  cm_gc_mark_value(vm, e->notes);
  cm_gc_mark_value(vm, e->dict);
  cm_gc_mark_value(vm, e->value);
}

/* ---- the descriptors ------------------------------------------------- */

#define cm_exc_NONE cm_object_type /* BaseException's base */

#define CM_X_NEW(c, py, base)                                             \
  static cm_value exc_new_##c(cm_vm *vm, const cm_value *args, int nargs, \
                              cm_value kwnames) {                         \
    return exc_construct(vm, &cm_exc_##c, args, nargs, kwnames);          \
  }
CM_EXCEPTIONS(CM_X_NEW)
#undef CM_X_NEW

#define CM_X_DEF(c, py, b)                                             \
  const cm_type cm_exc_##c = {                                            \
      .name = py,                                                         \
      .id = CM_E_##c,                                                     \
      .flags = CM_TF_EXCEPTION | CM_TF_BASETYPE,                          \
      .base = &cm_exc_##b,                                                  \
      .repr = exc_repr,                                                   \
      .str = exc_str,                                                     \
      .getattr = exc_getattr,                                             \
      .setattr = exc_setattr,                                             \
      .construct = exc_new_##c,                                           \
      .methods = exc_methods,                                             \
      .trace = exc_trace,                                                 \
  };
CM_EXCEPTIONS(CM_X_DEF)
#undef CM_X_DEF

/* ---- raising --------------------------------------------------------- */

cm_value cm_raisev(cm_vm *vm, const cm_type *t, const char *fmt, va_list ap) {
  cm_value msg = cm_str_vprintf(vm, fmt, ap);
  if (cm_is_error(msg)) return CM_ERROR;
  cm_value args = cm_tuple_from(vm, &msg, 1);
  if (cm_is_error(args)) return CM_ERROR;
  cm_value e = cm_exc_new(vm, t, args);
  if (cm_is_error(e)) return CM_ERROR;
  vm->exc = e;
  return CM_ERROR;
}

cm_value cm_raise(cm_vm *vm, const cm_type *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  cm_raisev(vm, t, fmt, ap);
  va_end(ap);
  return CM_ERROR;
}

cm_value cm_raise_value(cm_vm *vm, cm_value exc) {
  const cm_type *t = cm_type_of_typeobj(exc);
  if (t && (t->flags & CM_TF_EXCEPTION)) {
    cm_value inst = cm_call(vm, exc, NULL, 0, CM_NULL);
    if (cm_is_error(inst)) return CM_ERROR;
    if (!is_exc(vm, inst))
      return cm_raise(vm, &cm_exc_TypeError,
                      "calling %R should have returned an instance of "
                      "BaseException, not %T",
                      exc, inst);
    exc = inst;
  } else if (!is_exc(vm, exc)) {
    return cm_raise(vm, &cm_exc_TypeError,
                    "exceptions must derive from BaseException");
  }
  vm->exc = exc;
  return CM_ERROR;
}

cm_value cm_raise_memory(cm_vm *vm) {
  if (!cm_is_obj(vm->memerr)) {
    vm->exc = CM_NULL; /* only while the interpreter is being created */
    return CM_ERROR;
  }
  cm_exc *e = CM_AS(cm_exc, vm->memerr);
  e->traceback = e->cause = e->context = CM_NONE;
  e->suppress_context = 0;
  vm->exc = vm->memerr;
  return CM_ERROR;
}

int cm_exc_init_memerr(cm_vm *vm) {
  cm_value e = cm_exc_new(vm, &cm_exc_MemoryError, CM_NULL);
  if (cm_is_error(e)) return -1;
  vm->memerr = e;
  return 0;
}

bool cm_exc_matches(cm_vm *vm, const cm_type *t) {
  return cm_is_obj(vm->exc) && is_sub(vm, vm->exc, t);
}

void cm_exc_clear(cm_vm *vm) { vm->exc = CM_NULL; }

cm_value cm_stop_iteration_value(cm_vm *vm, cm_value exc) {
  if (!cm_is_obj(exc) || !is_sub(vm, exc, &cm_exc_StopIteration))
    return CM_NONE;
  cm_exc *e = CM_AS(cm_exc, exc);
  return cm_is_null(e->value) ? CM_NONE : e->value;
}
