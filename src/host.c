/*
** host.c — the host API (include/cmonty.h, "The host API"): value
** handles, programs, runs that pause for external functions, name lookups
** and OS calls (see host.h for the pausing protocol).
**
** All state lives in one cm_host hanging from vm->host, allocated on first
** use with cm_alloc and freed by cmonty_free (cm_host_free). Values it
** holds (handles, programs' code, the pending call, the run's globals, the
** last exception) are GC roots through cm_host_trace.
*/
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "frame.h"
#include "host.h"
#include "json.h"
#include "parser.h"
#include "runtime.h"

/* ---- state ---------------------------------------------------------------- */

#define IDX_BITS 22
#define IDX_MASK ((UINT32_C(1) << IDX_BITS) - 1)
#define GEN_MASK 0x3FFu

typedef struct hslot {
  cm_value v;
  uint32_t next_free; /* index + 1 of the next free slot, 0 = end */
  uint16_t gen;       /* 1..1023 */
  uint8_t live, kept;
} hslot;

struct cmonty_program {
  struct cmonty_program *next;
  cm_value code;    /* cm_code */
  cm_value extfns;  /* tuple of cm_extfn */
  cm_value inputs;  /* tuple of interned str */
};

enum { ST_IDLE, ST_PAUSED };

typedef struct cm_host {
  hslot *slots;
  uint32_t nslots, cap, free_head;
  cmonty_val *scoped;
  size_t nscoped, scoped_cap;
  cmonty_program *programs;

  int state;           /* ST_* */
  int active;          /* a start/resume is executing Python code */
  int no_pause;        /* cmonty_run */
  cmonty_program *running;
  int pend_kind;       /* CMONTY_PROGRESS_CALL / NAME_LOOKUP / OS_CALL */
  int pend_method;     /* the CALL is obj.method(...) on a host dataclass */
  cm_value pend_name, pend_args, pend_kwargs;
  uint32_t call_id, next_call_id;
  cm_value run_globals;
  cm_value last_exc;
  cm_value dc_types;   /* hostobj.c's classes by type_id (dict), or CM_NULL */

  int capture;
  cm_buf out, err;
  cm_buf json;
  cm_buf frames_text;  /* NUL-separated strings of the error frames */
  cmonty_frame *frames;
  size_t nframes, frames_cap;
  char last_error[256];
} cm_host;

static cm_host *host_get(cm_vm *vm) {
  if (vm->host) return vm->host;
  cm_host *h = cm_alloc(vm, sizeof *h);
  if (!h) {
    vm->exc = CM_NULL;
    return NULL;
  }
  memset(h, 0, sizeof *h);
  h->pend_name = h->pend_args = h->pend_kwargs = CM_NULL;
  h->run_globals = h->last_exc = h->dc_types = CM_NULL;
  vm->host = h;
  return h;
}

void cm_host_trace(cm_vm *vm) {
  cm_host *h = vm->host;
  if (!h) return;
  for (uint32_t i = 0; i < h->nslots; i++)
    if (h->slots[i].live) cm_gc_mark_value(vm, h->slots[i].v);
  for (cmonty_program *p = h->programs; p; p = p->next) {
    cm_gc_mark_value(vm, p->code);
    cm_gc_mark_value(vm, p->extfns);
    cm_gc_mark_value(vm, p->inputs);
  }
  cm_value vs[] = {h->pend_name, h->pend_args, h->pend_kwargs, h->run_globals,
                   h->last_exc, h->dc_types};
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) cm_gc_mark_value(vm, vs[i]);
}

void cm_host_free(cm_vm *vm) {
  cm_host *h = vm->host;
  if (!h) return;
  while (h->programs) {
    cmonty_program *p = h->programs;
    h->programs = p->next;
    cm_free(vm, p, sizeof *p);
  }
  cm_free(vm, h->slots, h->cap * sizeof *h->slots);
  cm_free(vm, h->scoped, h->scoped_cap * sizeof *h->scoped);
  cm_free(vm, h->frames, h->frames_cap * sizeof *h->frames);
  cm_buf_free(vm, &h->out);
  cm_buf_free(vm, &h->err);
  cm_buf_free(vm, &h->json);
  cm_buf_free(vm, &h->frames_text);
  cm_free(vm, h, sizeof *h);
  vm->host = NULL;
}

/* ---- errors for the host ---------------------------------------------------- */

static void set_error(cm_vm *vm, const char *fmt, ...) {
  cm_host *h = vm ? host_get(vm) : NULL;
  if (!h) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(h->last_error, sizeof h->last_error, fmt, ap);
  va_end(ap);
}

/* Moves the pending exception (vm->exc) into last_error. */
static void error_from_exc(cm_vm *vm) {
  cm_value exc = vm->exc;
  vm->exc = CM_NULL;
  if (!cm_is_obj(exc)) {
    set_error(vm, "out of memory");
    return;
  }
  cm_value msg = cm_exc_message(vm, exc);
  vm->exc = CM_NULL;
  const char *m = cm_is_obj(msg) && cm_objptr(msg)->type == &cm_str_type ? cm_str_cstr(msg) : "";
  set_error(vm, "%s: %s", cm_typeof(vm, exc)->name, m);
}

const char *cmonty_last_error(cmonty_vm *vm) {
  if (!vm) return "vm is NULL";
  cm_host *h = vm->host;
  return h ? h->last_error : "";
}

#define MISUSE(vm, ...) (set_error((vm), __VA_ARGS__), CMONTY_MISUSE)

/* ---- handles ---------------------------------------------------------------- */

static int scoped_push(cm_vm *vm, cm_host *h, cmonty_val v) {
  if (h->nscoped == h->scoped_cap) {
    size_t cap = h->scoped_cap ? h->scoped_cap * 2 : 64;
    cmonty_val *p = cm_realloc(vm, h->scoped, h->scoped_cap * sizeof *p, cap * sizeof *p);
    if (!p) return -1;
    h->scoped = p;
    h->scoped_cap = cap;
  }
  h->scoped[h->nscoped++] = v;
  return 0;
}

static hslot *slot_of(cm_host *h, cmonty_val v) {
  if (!h || !v) return NULL;
  uint32_t idx = (v & IDX_MASK);
  if (idx == 0 || idx > h->nslots) return NULL;
  hslot *s = &h->slots[idx - 1];
  if (!s->live || s->gen != (v >> IDX_BITS)) return NULL;
  return s;
}

cm_value cm_host_value(cm_vm *vm, cmonty_val v) {
  if (!vm) return CM_NULL;
  hslot *s = slot_of(vm->host, v);
  return s ? s->v : CM_NULL;
}

static void slot_release(cm_host *h, hslot *s) {
  s->live = 0;
  s->kept = 0;
  s->v = CM_NONE;
  s->gen = (uint16_t)((s->gen & GEN_MASK) + 1);
  if (s->gen > GEN_MASK) s->gen = 1;
  s->next_free = h->free_head;
  h->free_head = (uint32_t)(s - h->slots) + 1;
}

/* A new scoped handle for v; 0 with last_error on failure. A pending
   exception (v == CM_ERROR) is turned into last_error. */
cmonty_val cm_host_handle(cm_vm *vm, cm_value v) {
  if (cm_is_error(v)) {
    error_from_exc(vm);
    return 0;
  }
  cm_host *h = host_get(vm);
  if (!h) return 0;
  if (!h->free_head) {
    if (h->nslots == h->cap) {
      if (h->cap >= IDX_MASK - 1) {
        set_error(vm, "too many live handles");
        return 0;
      }
      uint32_t cap = h->cap ? h->cap * 2 : 64;
      if (cap > IDX_MASK - 1) cap = IDX_MASK - 1;
      hslot *p = cm_realloc(vm, h->slots, h->cap * sizeof *p, cap * sizeof *p);
      if (!p) {
        vm->exc = CM_NULL;
        set_error(vm, "out of memory");
        return 0;
      }
      h->slots = p;
      h->cap = cap;
    }
    hslot *s = &h->slots[h->nslots++];
    s->gen = 1;
    s->live = 0;
    s->next_free = h->free_head;
    h->free_head = h->nslots;
  }
  uint32_t idx = h->free_head;
  hslot *s = &h->slots[idx - 1];
  cmonty_val hv = ((uint32_t)s->gen << IDX_BITS) | idx;
  if (scoped_push(vm, h, hv) < 0) {
    vm->exc = CM_NULL;
    set_error(vm, "out of memory");
    return 0;
  }
  h->free_head = s->next_free;
  s->live = 1;
  s->kept = 0;
  s->v = v;
  return hv;
}

/* Releases every scoped handle that was not kept. */
static void scope_clear(cm_host *h) {
  for (size_t i = 0; i < h->nscoped; i++) {
    hslot *s = slot_of(h, h->scoped[i]);
    if (s && !s->kept) slot_release(h, s);
  }
  h->nscoped = 0;
}

cmonty_status cmonty_val_keep(cmonty_vm *vm, cmonty_val v) {
  if (!vm) return CMONTY_MISUSE;
  hslot *s = slot_of(vm->host, v);
  if (!s) return MISUSE(vm, "invalid value handle");
  s->kept = 1;
  return CMONTY_OK;
}

void cmonty_val_free(cmonty_vm *vm, cmonty_val v) {
  if (!vm) return;
  hslot *s = slot_of(vm->host, v);
  if (s) slot_release(vm->host, s);
}

/* ---- builders ------------------------------------------------------------------ */

cmonty_val cmonty_none(cmonty_vm *vm) { return vm ? cm_host_handle(vm, CM_NONE) : 0; }
cmonty_val cmonty_bool(cmonty_vm *vm, int b) { return vm ? cm_host_handle(vm, cm_bool(b)) : 0; }
cmonty_val cmonty_int(cmonty_vm *vm, int64_t i) {
  return vm ? cm_host_handle(vm, cm_int_from_i64(vm, i)) : 0;
}
cmonty_val cmonty_float(cmonty_vm *vm, double d) {
  return vm ? cm_host_handle(vm, cm_float(d)) : 0;
}

cmonty_val cmonty_int_from_str(cmonty_vm *vm, const char *text, size_t len) {
  if (!vm) return 0;
  if (!text) return set_error(vm, "NULL text"), 0;
  return cm_host_handle(vm, cm_int_from_str(vm, text, len, 10));
}

cmonty_val cmonty_str(cmonty_vm *vm, const char *utf8, size_t len) {
  if (!vm) return 0;
  if (!utf8 && len) return set_error(vm, "NULL text"), 0;
  return cm_host_handle(vm, cm_str_new(vm, utf8 ? utf8 : "", len));
}

cmonty_val cmonty_bytes(cmonty_vm *vm, const void *data, size_t len) {
  if (!vm) return 0;
  if (!data && len) return set_error(vm, "NULL data"), 0;
  return cm_host_handle(vm, cm_bytes_new(vm, data, len));
}

/* Values of items[0..n): 0 ok, -1 (a bad handle) with last_error. */
static int values_of(cm_vm *vm, const cmonty_val *items, size_t n, cm_value *out) {
  for (size_t i = 0; i < n; i++) {
    out[i] = cm_host_value(vm, items[i]);
    if (cm_is_null(out[i])) {
      set_error(vm, "invalid value handle at index %zu", i);
      return -1;
    }
  }
  return 0;
}

/* Builds a list or tuple. */
static cmonty_val make_seq(cm_vm *vm, const cmonty_val *items, size_t n, bool tuple) {
  if (!vm) return 0;
  if (!items && n) return set_error(vm, "NULL items"), 0;
  cm_value r = tuple ? cm_tuple_new(vm, n) : cm_list_new(vm, n);
  if (cm_is_error(r)) return cm_host_handle(vm, r);
  cm_value *dst = tuple ? CM_AS(cm_tuple, r)->items : CM_AS(cm_list, r)->items;
  if (values_of(vm, items, n, dst) < 0) {
    if (!tuple) CM_AS(cm_list, r)->n = 0;
    else for (size_t i = 0; i < n; i++) dst[i] = CM_NONE;
    return 0;
  }
  if (!tuple) CM_AS(cm_list, r)->n = n;
  return cm_host_handle(vm, r);
}

cmonty_val cmonty_list(cmonty_vm *vm, const cmonty_val *items, size_t n) {
  return make_seq(vm, items, n, false);
}
cmonty_val cmonty_tuple(cmonty_vm *vm, const cmonty_val *items, size_t n) {
  return make_seq(vm, items, n, true);
}

cmonty_val cmonty_dict(cmonty_vm *vm, const cmonty_val *keys, const cmonty_val *values,
                       size_t n) {
  if (!vm) return 0;
  if ((!keys || !values) && n) return set_error(vm, "NULL keys or values"), 0;
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return cm_host_handle(vm, d);
  for (size_t i = 0; i < n; i++) {
    cm_value k = cm_host_value(vm, keys[i]), v = cm_host_value(vm, values[i]);
    if (cm_is_null(k) || cm_is_null(v))
      return set_error(vm, "invalid value handle at index %zu", i), 0;
    if (cm_dict_set(vm, d, k, v) < 0) return cm_host_handle(vm, CM_ERROR);
  }
  return cm_host_handle(vm, d);
}

cmonty_val cmonty_set(cmonty_vm *vm, const cmonty_val *items, size_t n, int frozen) {
  if (!vm) return 0;
  if (!items && n) return set_error(vm, "NULL items"), 0;
  cm_value s = cm_set_new(vm, frozen != 0);
  if (cm_is_error(s)) return cm_host_handle(vm, s);
  for (size_t i = 0; i < n; i++) {
    cm_value k = cm_host_value(vm, items[i]);
    if (cm_is_null(k)) return set_error(vm, "invalid value handle at index %zu", i), 0;
    if (cm_set_add(vm, s, k) < 0) return cm_host_handle(vm, CM_ERROR);
  }
  return cm_host_handle(vm, s);
}

cmonty_val cmonty_path(cmonty_vm *vm, const char *utf8, size_t len) {
  if (!vm) return 0;
  if (!utf8 && len) return set_error(vm, "NULL text"), 0;
  cm_value s = cm_str_new(vm, utf8 ? utf8 : "", len);
  if (cm_is_error(s)) return cm_host_handle(vm, s);
  return cm_host_handle(vm, cm_path_new(vm, s));
}

cmonty_val cmonty_dataclass(cmonty_vm *vm, const char *name, size_t name_len,
                            uint64_t type_id, const char *const *field_names,
                            size_t n_fields, cmonty_val attrs, int frozen) {
  if (!vm) return 0;
  if (!name || (!field_names && n_fields)) return set_error(vm, "NULL argument"), 0;
  cm_value a = cm_host_value(vm, attrs);
  if (cm_is_null(a) || !cm_is_obj(a) || cm_objptr(a)->type != &cm_dict_type)
    return set_error(vm, "attrs must be a dict handle"), 0;
  cm_value n = cm_str_new(vm, name, name_len);
  cm_value f = cm_is_error(n) ? CM_ERROR : cm_tuple_new(vm, n_fields);
  for (size_t i = 0; !cm_is_error(f) && i < n_fields; i++) {
    if (!field_names[i]) return set_error(vm, "NULL field name"), 0;
    cm_value s = cm_intern(vm, field_names[i]);
    if (cm_is_error(s)) f = s;
    else CM_AS(cm_tuple, f)->items[i] = s;
  }
  if (cm_is_error(f)) return cm_host_handle(vm, f);
  return cm_host_handle(vm, cm_hostobj_new(vm, n, type_id, f, a, frozen != 0));
}

cmonty_val cmonty_namedtuple(cmonty_vm *vm, const char *type_name, size_t type_name_len,
                             const char *const *field_names, const cmonty_val *values,
                             size_t n) {
  if (!vm) return 0;
  if (!type_name || ((!field_names || !values) && n)) return set_error(vm, "NULL argument"), 0;
  cm_value name = cm_str_new(vm, type_name, type_name_len);
  cm_value f = cm_is_error(name) ? CM_ERROR : cm_tuple_new(vm, n);
  cm_value v = cm_is_error(f) ? CM_ERROR : cm_tuple_new(vm, n);
  if (cm_is_error(v)) return cm_host_handle(vm, v);
  for (size_t i = 0; i < n; i++) {
    if (!field_names[i]) return set_error(vm, "NULL field name"), 0;
    cm_value s = cm_str_new(vm, field_names[i], strlen(field_names[i]));
    if (cm_is_error(s)) return cm_host_handle(vm, s);
    CM_AS(cm_tuple, f)->items[i] = s;
  }
  if (values_of(vm, values, n, CM_AS(cm_tuple, v)->items) < 0) {
    for (size_t i = 0; i < n; i++) CM_AS(cm_tuple, v)->items[i] = CM_NONE;
    return 0;
  }
  return cm_host_handle(vm, cm_namedtuple_new(vm, name, f, v));
}

/* ---- readers -------------------------------------------------------------------- */

static cmonty_kind kind_of(cm_vm *vm, cm_value v) {
  if (cm_is_null(v)) return CMONTY_KIND_INVALID;
  if (cm_is_none(v)) return CMONTY_KIND_NONE;
  if (cm_is_bool(v)) return CMONTY_KIND_BOOL;
  if (cm_is_int(v)) return CMONTY_KIND_INT;
  if (cm_is_float(v)) return CMONTY_KIND_FLOAT;
  if (!cm_is_obj(v)) return CMONTY_KIND_OTHER;
  const cm_type *t = cm_objptr(v)->type;
  if (t == &cm_int_type) return CMONTY_KIND_INT;
  if (t == &cm_str_type) return CMONTY_KIND_STR;
  if (t == &cm_bytes_type) return CMONTY_KIND_BYTES;
  if (t == &cm_list_type) return CMONTY_KIND_LIST;
  if (t == &cm_tuple_type) return CMONTY_KIND_TUPLE;
  if (t == &cm_dict_type) return CMONTY_KIND_DICT;
  if (t == &cm_set_type) return CMONTY_KIND_SET;
  if (t == &cm_frozenset_type) return CMONTY_KIND_FROZENSET;
  if (cm_is_path(vm, v)) return CMONTY_KIND_PATH;
  if (cm_is_hostobj(vm, v)) return CMONTY_KIND_DATACLASS;
  if (cm_is_namedtuple(vm, v)) return CMONTY_KIND_NAMEDTUPLE;
  return CMONTY_KIND_OTHER;
}

cmonty_kind cmonty_kind_of(cmonty_vm *vm, cmonty_val v) {
  return vm ? kind_of(vm, cm_host_value(vm, v)) : CMONTY_KIND_INVALID;
}

static cm_value get(cm_vm *vm, cmonty_val h, const void *out) {
  if (!vm) return CM_NULL;
  if (!out) {
    set_error(vm, "NULL out pointer");
    return CM_NULL;
  }
  cm_value v = cm_host_value(vm, h);
  if (cm_is_null(v)) set_error(vm, "invalid value handle");
  return v;
}

cmonty_status cmonty_get_bool(cmonty_vm *vm, cmonty_val h, int *out) {
  cm_value v = get(vm, h, out);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  if (!cm_is_bool(v)) return MISUSE(vm, "not a bool");
  *out = v == CM_TRUE;
  return CMONTY_OK;
}

cmonty_status cmonty_get_int(cmonty_vm *vm, cmonty_val h, int64_t *out) {
  cm_value v = get(vm, h, out);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  cmonty_kind k = kind_of(vm, v);
  if (k != CMONTY_KIND_INT && k != CMONTY_KIND_BOOL) return MISUSE(vm, "not an int");
  if (cm_int_to_i64(vm, v, out) < 0) {
    vm->exc = CM_NULL;
    return MISUSE(vm, "int too large for int64");
  }
  return CMONTY_OK;
}

cmonty_status cmonty_get_float(cmonty_vm *vm, cmonty_val h, double *out) {
  cm_value v = get(vm, h, out);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  cmonty_kind k = kind_of(vm, v);
  if (k != CMONTY_KIND_INT && k != CMONTY_KIND_FLOAT && k != CMONTY_KIND_BOOL)
    return MISUSE(vm, "not a float");
  if (cm_to_double(vm, v, out) < 0) {
    error_from_exc(vm);
    return CMONTY_MISUSE;
  }
  return CMONTY_OK;
}

cmonty_status cmonty_get_str(cmonty_vm *vm, cmonty_val h, const char **utf8, size_t *len) {
  cm_value v = get(vm, h, utf8);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  if (kind_of(vm, v) == CMONTY_KIND_PATH) v = cm_path_str(vm, v);
  if (kind_of(vm, v) != CMONTY_KIND_STR) return MISUSE(vm, "not a str");
  *utf8 = cm_str_cstr(v);
  if (len) *len = CM_AS(cm_str, v)->size;
  return CMONTY_OK;
}

cmonty_status cmonty_get_bytes(cmonty_vm *vm, cmonty_val h, const uint8_t **data,
                               size_t *len) {
  cm_value v = get(vm, h, data);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  if (kind_of(vm, v) != CMONTY_KIND_BYTES) return MISUSE(vm, "not bytes");
  *data = CM_AS(cm_bytes, v)->data;
  if (len) *len = CM_AS(cm_bytes, v)->size;
  return CMONTY_OK;
}

/* The host dataclass behind handle h; false (last_error set) if none. */
static bool dataclass_of(cm_vm *vm, cmonty_val h, const void *out, cm_hostobj_fields *info) {
  cm_value v = get(vm, h, out);
  if (cm_is_null(v)) return false;
  if (cm_hostobj_info(vm, v, info) < 0) return set_error(vm, "not a dataclass"), false;
  return true;
}

cmonty_status cmonty_dataclass_name(cmonty_vm *vm, cmonty_val h, const char **utf8,
                                    size_t *len) {
  cm_hostobj_fields d;
  if (!dataclass_of(vm, h, utf8, &d)) return CMONTY_MISUSE;
  *utf8 = cm_str_cstr(d.name);
  if (len) *len = CM_AS(cm_str, d.name)->size;
  return CMONTY_OK;
}

cmonty_status cmonty_dataclass_type_id(cmonty_vm *vm, cmonty_val h, uint64_t *out) {
  cm_hostobj_fields d;
  if (!dataclass_of(vm, h, out, &d)) return CMONTY_MISUSE;
  *out = d.type_id;
  return CMONTY_OK;
}

cmonty_status cmonty_dataclass_frozen(cmonty_vm *vm, cmonty_val h, int *out) {
  cm_hostobj_fields d;
  if (!dataclass_of(vm, h, out, &d)) return CMONTY_MISUSE;
  *out = d.frozen;
  return CMONTY_OK;
}

cmonty_val cmonty_dataclass_fields(cmonty_vm *vm, cmonty_val h) {
  cm_hostobj_fields d;
  if (!dataclass_of(vm, h, "", &d)) return 0;
  return cm_host_handle(vm, d.fields);
}

cmonty_val cmonty_dataclass_attrs(cmonty_vm *vm, cmonty_val h) {
  cm_hostobj_fields d;
  if (!dataclass_of(vm, h, "", &d)) return 0;
  if (cm_is_null(d.attrs)) { /* made by Name() in Python: no attrs yet */
    cm_value e = cm_dict_new(vm);
    if (cm_is_error(e)) return cm_host_handle(vm, e);
    d.attrs = e;
  }
  return cm_host_handle(vm, d.attrs);
}

/* The named tuple behind handle h: its type name, fields and values (a
   new tuple), or false (last_error set). */
static bool namedtuple_of(cm_vm *vm, cmonty_val h, const void *out, cm_value *name,
                          cm_value *fields, cm_value *values) {
  cm_value v = get(vm, h, out);
  if (cm_is_null(v)) return false;
  if (!cm_is_namedtuple(vm, v)) return set_error(vm, "not a named tuple"), false;
  if (cm_namedtuple_info(vm, v, name, fields, values) < 0) {
    vm->exc = CM_NULL;
    return set_error(vm, "out of memory"), false;
  }
  return true;
}

cmonty_status cmonty_namedtuple_type_name(cmonty_vm *vm, cmonty_val h, const char **utf8,
                                          size_t *len) {
  cm_value name, fields, values;
  if (!namedtuple_of(vm, h, utf8, &name, &fields, &values)) return CMONTY_MISUSE;
  *utf8 = cm_str_cstr(name);
  if (len) *len = CM_AS(cm_str, name)->size;
  return CMONTY_OK;
}

cmonty_val cmonty_namedtuple_fields(cmonty_vm *vm, cmonty_val h) {
  cm_value name, fields, values;
  if (!namedtuple_of(vm, h, "", &name, &fields, &values)) return 0;
  return cm_host_handle(vm, fields);
}

cmonty_val cmonty_int_str(cmonty_vm *vm, cmonty_val h) {
  cm_value v = get(vm, h, "");
  if (cm_is_null(v)) return 0;
  cmonty_kind k = kind_of(vm, v);
  if (k == CMONTY_KIND_BOOL) v = cm_mkint(v == CM_TRUE);
  else if (k != CMONTY_KIND_INT) return set_error(vm, "not an int"), 0;
  return cm_host_handle(vm, cm_repr(vm, v));
}

cmonty_val cmonty_repr(cmonty_vm *vm, cmonty_val h) {
  cm_value v = get(vm, h, "");
  if (cm_is_null(v)) return 0;
  if (vm->host && ((cm_host *)vm->host)->active) return set_error(vm, "busy"), 0;
  vm->nest++; /* a user __repr__ runs nested: it must not pause */
  cm_value r = cm_repr(vm, v);
  vm->nest--;
  return cm_host_handle(vm, r);
}

int64_t cmonty_len(cmonty_vm *vm, cmonty_val h) {
  cm_value v = get(vm, h, "");
  if (cm_is_null(v)) return -1;
  switch (kind_of(vm, v)) {
  case CMONTY_KIND_STR: return (int64_t)CM_AS(cm_str, v)->len;
  case CMONTY_KIND_BYTES: return (int64_t)CM_AS(cm_bytes, v)->size;
  case CMONTY_KIND_LIST: return (int64_t)CM_AS(cm_list, v)->n;
  case CMONTY_KIND_TUPLE: return (int64_t)CM_AS(cm_tuple, v)->n;
  case CMONTY_KIND_DICT: return (int64_t)CM_AS(cm_dict, v)->used;
  case CMONTY_KIND_SET:
  case CMONTY_KIND_FROZENSET: return (int64_t)CM_AS(cm_set, v)->used;
  case CMONTY_KIND_NAMEDTUPLE: return cm_len(vm, v);
  default: set_error(vm, "value has no length"); return -1;
  }
}

/* i-th live dict entry */
static cm_dict_entry *dict_entry(cm_value d, size_t i) {
  cm_dict *dd = CM_AS(cm_dict, d);
  if (i >= dd->used) return NULL;
  if (dd->used == dd->nentries) return &dd->entries[i];
  for (size_t j = 0; j < dd->nentries; j++)
    if (!cm_is_null(dd->entries[j].key) && i-- == 0) return &dd->entries[j];
  return NULL;
}

cmonty_val cmonty_item(cmonty_vm *vm, cmonty_val h, size_t i) {
  cm_value v = get(vm, h, "");
  if (cm_is_null(v)) return 0;
  cm_value name, fields;
  if (cm_is_namedtuple(vm, v) && cm_namedtuple_info(vm, v, &name, &fields, &v) < 0)
    return cm_host_handle(vm, CM_ERROR); /* v: now the values tuple */
  switch (kind_of(vm, v)) {
  case CMONTY_KIND_LIST:
    if (i >= CM_AS(cm_list, v)->n) break;
    return cm_host_handle(vm, CM_AS(cm_list, v)->items[i]);
  case CMONTY_KIND_TUPLE:
    if (i >= CM_AS(cm_tuple, v)->n) break;
    return cm_host_handle(vm, CM_AS(cm_tuple, v)->items[i]);
  case CMONTY_KIND_DICT: {
    cm_dict_entry *e = dict_entry(v, i);
    if (!e) break;
    return cm_host_handle(vm, e->key);
  }
  case CMONTY_KIND_SET:
  case CMONTY_KIND_FROZENSET: {
    cm_set *s = CM_AS(cm_set, v);
    if (i >= s->used) break;
    for (size_t j = 0; j <= s->mask; j++) {
      cm_value k = s->table[j].key;
      if (cm_is_null(k) || cm_is_error(k)) continue;
      if (i-- == 0) return cm_host_handle(vm, k);
    }
    break;
  }
  default: return set_error(vm, "value has no items"), 0;
  }
  return set_error(vm, "index out of range"), 0;
}

cmonty_val cmonty_dict_value(cmonty_vm *vm, cmonty_val h, size_t i) {
  cm_value v = get(vm, h, "");
  if (cm_is_null(v)) return 0;
  if (kind_of(vm, v) != CMONTY_KIND_DICT) return set_error(vm, "not a dict"), 0;
  cm_dict_entry *e = dict_entry(v, i);
  if (!e) return set_error(vm, "index out of range"), 0;
  return cm_host_handle(vm, e->value);
}

/* ---- JSON view ------------------------------------------------------------------ */

cmonty_status cmonty_to_json(cmonty_vm *vm, cmonty_val h, const char **json, size_t *len) {
  cm_value v = get(vm, h, json);
  if (cm_is_null(v)) return CMONTY_MISUSE;
  cm_host *hs = vm->host;
  hs->json.len = 0;
  vm->nest++;
  int r = cm_json_encode(vm, &hs->json, v);
  if (r == 0) r = cm_buf_putc(vm, &hs->json, '\0');
  vm->nest--;
  if (r < 0) {
    error_from_exc(vm);
    return CMONTY_EXCEPTION;
  }
  *json = hs->json.data;
  if (len) *len = hs->json.len - 1;
  return CMONTY_OK;
}

cmonty_val cmonty_from_json(cmonty_vm *vm, const char *json, size_t len) {
  if (!vm) return 0;
  if (!json && len) return set_error(vm, "NULL text"), 0;
  return cm_host_handle(vm, cm_json_decode(vm, json ? json : "", len));
}

/* ---- external function objects ----------------------------------------------- */

/* An external function is a cm_builtin whose self is its name (a str) and
   whose fn is one of these two. The VM loop recognizes them (CM_IS_EXTFN)
   and pauses; reached any other way (nested runs, natives calling
   cm_call), they raise. */
cm_value cm_host_ext_native(cm_vm *vm, const cm_value *args, int nargs, cm_value kwnames) {
  cm_host *h = vm->host;
  bool running = h && h->active;
  return cm_raise(vm, &cm_exc_RuntimeError,
                  running ? "cannot call external function '%U' here (inside a nested call)"
                          : "external function '%U' called outside a host run",
                  args[0]);
}

cm_value cm_host_os_native(cm_vm *vm, const cm_value *args, int nargs, cm_value kwnames) {
  cm_host *h = vm->host;
  bool running = h && h->active;
  return cm_raise(vm, &cm_exc_PermissionError,
                  running ? "%U cannot be called here (inside a nested call)"
                          : "%U: no host to answer this operation",
                  args[0]);
}

cm_value cm_host_method_native(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames) {
  (void)nargs, (void)kwnames;
  cm_host *h = vm->host;
  bool running = h && h->active;
  cm_value name = CM_AS(cm_tuple, args[0])->items[0];
  return cm_raise(vm, &cm_exc_RuntimeError,
                  running ? "cannot call external method '%U' here (inside a nested call)"
                          : "external method '%U' called outside a host run",
                  name);
}

cm_value *cm_host_dataclass_types(cm_vm *vm) {
  cm_host *h = host_get(vm);
  if (!h) {
    cm_raise_memory(vm);
    return NULL;
  }
  return &h->dc_types;
}

cm_value cm_extfn_new(cm_vm *vm, cm_value name, int kind) {
  return cm_builtin_new(vm, kind == CM_EXT_OS ? cm_host_os_native : cm_host_ext_native,
                        cm_str_cstr(name), name);
}

cm_value cm_host_os_call(cm_vm *vm, const char *name, cm_value args, cm_value kwargs) {
  cm_value n = cm_intern(vm, name);
  if (cm_is_error(n)) return n;
  cm_value f = cm_extfn_new(vm, n, CM_EXT_OS);
  if (cm_is_error(f)) return f;
  return cm_tailcall(vm, f, args, kwargs);
}

cm_value cm_host_pause_call(cm_vm *vm, cm_value fn, const cm_value *args, int nargs,
                            cm_value kwnames) {
  cm_host *h = vm->host;
  if (!h || !h->active || vm->nest) return CM_NULL;
  cm_builtin *e = CM_AS(cm_builtin, fn);
  bool method = e->fn == cm_host_method_native;
  cm_value t = cm_tuple_new(vm, (size_t)nargs + method);
  if (cm_is_error(t)) return t;
  /* a host method: self is (name, receiver); the receiver goes first */
  if (method) CM_AS(cm_tuple, t)->items[0] = CM_AS(cm_tuple, e->self)->items[1];
  for (int i = 0; i < nargs; i++) CM_AS(cm_tuple, t)->items[i + method] = args[i];
  h->pend_args = t;
  cm_value kw = cm_dict_new(vm);
  if (cm_is_error(kw)) return kw;
  h->pend_kwargs = kw;
  if (!cm_is_null(kwnames)) {
    cm_tuple *kn = CM_AS(cm_tuple, kwnames);
    for (size_t i = 0; i < kn->n; i++)
      if (cm_dict_set(vm, kw, kn->items[i], args[nargs + (int)i]) < 0) return CM_ERROR;
  }
  h->pend_kind = e->fn == cm_host_os_native ? CMONTY_PROGRESS_OS_CALL : CMONTY_PROGRESS_CALL;
  h->pend_method = method;
  h->pend_name = method ? CM_AS(cm_tuple, e->self)->items[0] : e->self;
  h->call_id = h->next_call_id++;
  return CM_PAUSE;
}

cm_value cm_host_pause_name(cm_vm *vm, cm_value name) {
  cm_host *h = vm->host;
  if (!h || !h->active || vm->nest || h->no_pause) return CM_NULL;
  h->pend_kind = CMONTY_PROGRESS_NAME_LOOKUP;
  h->pend_method = 0;
  h->pend_name = name;
  h->pend_args = h->pend_kwargs = CM_NULL;
  h->call_id = h->next_call_id++;
  return CM_PAUSE;
}

cm_value cm_host_last_exc(cm_vm *vm) {
  cm_host *h = vm ? vm->host : NULL;
  return h ? h->last_exc : CM_NULL;
}

cm_value cm_host_program_code(cmonty_program *p) { return p ? p->code : CM_NULL; }

/* ---- programs ------------------------------------------------------------------- */

static bool valid_name(const char *s) {
  if (!s || !*s) return false;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
          (unsigned char)*p >= 0x80 || (p != s && *p >= '0' && *p <= '9')))
      return false;
  return true;
}

cmonty_status cmonty_compile(cmonty_vm *vm, const char *src, size_t len,
                             const char *script_name, const char *const *ext_fns,
                             size_t n_ext, const char *const *inputs, size_t n_inputs,
                             cmonty_program **out) {
  if (out) *out = NULL;
  if (!vm || !out) return vm ? MISUSE(vm, "NULL argument") : CMONTY_MISUSE;
  if (!src && len) return MISUSE(vm, "NULL source");
  if ((!ext_fns && n_ext) || (!inputs && n_inputs)) return MISUSE(vm, "NULL name array");
  for (size_t i = 0; i < n_ext; i++)
    if (!valid_name(ext_fns[i])) return MISUSE(vm, "invalid external function name");
  for (size_t i = 0; i < n_inputs; i++)
    if (!valid_name(inputs[i])) return MISUSE(vm, "invalid input name");
  cm_host *h = host_get(vm);
  if (!h) return CMONTY_NOMEM;
  if (h->active) return MISUSE(vm, "cannot compile while running");
  cmonty_program *p = cm_alloc(vm, sizeof *p);
  if (!p) {
    vm->exc = CM_NULL;
    return MISUSE(vm, "out of memory");
  }
  memset(p, 0, sizeof *p);
  p->code = p->extfns = p->inputs = CM_NULL;
  /* linked first so the GC (there is none outside the VM loop, but the
     compiler may run the prelude) sees its values */
  p->next = h->programs;
  h->programs = p;
  cmonty_status st = CMONTY_OK;
  cm_value code = cm_compile(vm, src ? src : "", len, script_name ? script_name : "main.py",
                             CM_COMPILE_EXEC | CM_COMPILE_LAST_VALUE);
  if (cm_is_error(code)) {
    h->last_exc = vm->exc; /* the SyntaxError, for cm_host_last_exc */
    st = cm_api_record_error(vm);
    goto fail;
  }
  p->code = code;
  cm_value ef = cm_tuple_new(vm, n_ext);
  if (cm_is_error(ef)) goto oom;
  p->extfns = ef;
  for (size_t i = 0; i < n_ext; i++) {
    cm_value n = cm_intern(vm, ext_fns[i]);
    if (cm_is_error(n)) goto oom;
    cm_value f = cm_extfn_new(vm, n, CM_EXT_FN);
    if (cm_is_error(f)) goto oom;
    CM_AS(cm_tuple, ef)->items[i] = f;
  }
  cm_value in = cm_tuple_new(vm, n_inputs);
  if (cm_is_error(in)) goto oom;
  p->inputs = in;
  for (size_t i = 0; i < n_inputs; i++) {
    cm_value n = cm_intern(vm, inputs[i]);
    if (cm_is_error(n)) goto oom;
    CM_AS(cm_tuple, in)->items[i] = n;
  }
  *out = p;
  return CMONTY_OK;
oom:
  error_from_exc(vm);
  st = CMONTY_NOMEM;
fail:
  h->programs = p->next;
  cm_free(vm, p, sizeof *p);
  return st;
}

cmonty_status cmonty_program_free(cmonty_vm *vm, cmonty_program *prog) {
  if (!vm) return CMONTY_MISUSE;
  if (!prog) return CMONTY_OK;
  cm_host *h = vm->host;
  if (!h) return MISUSE(vm, "unknown program");
  cmonty_program **link = &h->programs;
  while (*link && *link != prog) link = &(*link)->next;
  if (!*link) return MISUSE(vm, "unknown program");
  if (h->state == ST_PAUSED && h->running == prog)
    return MISUSE(vm, "the program has a paused run: abort it first");
  *link = prog->next;
  cm_free(vm, prog, sizeof *prog);
  return CMONTY_OK;
}

/* ---- error frames --------------------------------------------------------------- */

static int frames_build(cm_vm *vm, cm_host *h, cm_value exc) {
  h->nframes = 0;
  h->frames_text.len = 0;
  if (!cm_is_obj(exc) || !(cm_typeof(vm, exc)->flags & CM_TF_EXCEPTION)) return 0;
  /* First pass: texts, recording offsets in the frame pointers. */
  size_t n = 0;
  for (cm_value tb = CM_AS(cm_exc, exc)->traceback; cm_is_obj(tb);
       tb = CM_AS(cm_traceback, tb)->next) {
    cm_code *code = CM_AS(cm_code, CM_AS(cm_traceback, tb)->code);
    if (cm_is_obj(code->filename) && !strcmp(cm_str_cstr(code->filename), "<prelude>"))
      continue;
    if (n == h->frames_cap) {
      size_t cap = h->frames_cap ? h->frames_cap * 2 : 8;
      cmonty_frame *f = cm_realloc(vm, h->frames, h->frames_cap * sizeof *f, cap * sizeof *f);
      if (!f) return -1;
      h->frames = f;
      h->frames_cap = cap;
    }
    uint32_t pc = CM_AS(cm_traceback, tb)->pc;
    cm_pos pos = pc < code->ninsns && code->pos ? code->pos[pc] : (cm_pos){0, 0, 0, 0};
    cmonty_frame *f = &h->frames[n++];
    f->line = pos.line;
    f->end_line = pos.end_line;
    f->col = pos.col;
    f->end_col = pos.end_col;
    size_t offs[3];
    cm_value strs[2] = {code->filename, code->name};
    for (int i = 0; i < 2; i++) {
      offs[i] = h->frames_text.len;
      if (cm_is_obj(strs[i]) && cm_buf_put_value_str(vm, &h->frames_text, strs[i]) < 0)
        return -1;
      if (cm_buf_putc(vm, &h->frames_text, '\0') < 0) return -1;
    }
    offs[2] = h->frames_text.len;
    /* the source line, stripped */
    cm_value src = code->source;
    if (cm_is_obj(src) && cm_objptr(src)->type == &cm_str_type && pos.line > 0) {
      const char *s = cm_str_cstr(src), *end = s + CM_AS(cm_str, src)->size;
      for (int32_t l = 1; l < pos.line && s; l++) {
        s = memchr(s, '\n', (size_t)(end - s));
        if (s) s++;
      }
      if (s) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        if (!e) e = end;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        if (cm_buf_put(vm, &h->frames_text, s, (size_t)(e - s)) < 0) return -1;
      }
    }
    if (cm_buf_putc(vm, &h->frames_text, '\0') < 0) return -1;
    f->filename = (const char *)(uintptr_t)offs[0];
    f->function = (const char *)(uintptr_t)offs[1];
    f->source_line = (const char *)(uintptr_t)offs[2];
  }
  h->nframes = n;
  return 0;
}

size_t cmonty_error_frame_count(cmonty_vm *vm) {
  cm_host *h = vm ? vm->host : NULL;
  return h ? h->nframes : 0;
}

cmonty_status cmonty_error_frame(cmonty_vm *vm, size_t i, cmonty_frame *out) {
  if (!vm || !out) return CMONTY_MISUSE;
  cm_host *h = vm->host;
  if (!h || i >= h->nframes) return MISUSE(vm, "no such frame");
  *out = h->frames[i];
  const char *base = h->frames_text.data;
  out->filename = base + (uintptr_t)out->filename;
  out->function = base + (uintptr_t)out->function;
  out->source_line = base + (uintptr_t)out->source_line;
  return CMONTY_OK;
}

/* ---- runs ----------------------------------------------------------------------- */

void cm_host_capture(cm_vm *vm, int stream, const char *data, size_t n) {
  cm_host *h = vm->host;
  if (!h || !h->capture) return;
  cm_buf *b = stream == 2 ? &h->err : &h->out;
  if (cm_buf_put(vm, b, data, n) < 0) vm->exc = CM_NULL; /* dropped */
}

void cmonty_set_capture(cmonty_vm *vm, int on) {
  if (!vm) return;
  cm_host *h = host_get(vm);
  if (h) h->capture = on != 0;
}

int cmonty_is_paused(cmonty_vm *vm) {
  return vm && vm->host && ((cm_host *)vm->host)->state == ST_PAUSED;
}

/* Ends the run's bookkeeping (no longer paused). */
static void run_over(cm_vm *vm, cm_host *h) {
  h->state = ST_IDLE;
  h->running = NULL;
  h->run_globals = CM_NULL;
  h->pend_name = h->pend_args = h->pend_kwargs = CM_NULL;
  vm->handled = CM_NULL;
}

static const char *buf_text(cm_buf *b, size_t *len) {
  *len = b->len;
  if (!b->data) return "";
  /* cm_buf keeps room? make sure of the terminator */
  return b->data;
}

/* Makes sure the capture buffers end with a NUL (not counted). */
static void capture_terminate(cm_vm *vm, cm_buf *b) {
  if (!b->data) return;
  if (b->len < b->cap) {
    b->data[b->len] = '\0';
    return;
  }
  if (cm_buf_putc(vm, b, '\0') < 0) {
    vm->exc = CM_NULL;
    return;
  }
  b->len--;
}

/* Turns the loop's result into a progress. */
static cmonty_status finish(cm_vm *vm, cm_host *h, cm_value r, cmonty_progress *out) {
  h->active = 0;
  memset(out, 0, sizeof *out);
  out->name = "";
  out->out = out->err = "";
  vm->usage.seconds = cm_platform_now() - vm->start_time;
  if (r == CM_PAUSE) {
    h->state = ST_PAUSED;
    out->kind = (cmonty_progress_kind)h->pend_kind;
    out->name = cm_str_cstr(h->pend_name);
    out->name_len = CM_AS(cm_str, h->pend_name)->size;
    out->call_id = h->call_id;
    out->method_call = h->pend_method;
    if (!cm_is_null(h->pend_args)) {
      out->args = cm_host_handle(vm, h->pend_args);
      out->kwargs = cm_host_handle(vm, h->pend_kwargs);
    }
  } else if (cm_is_error(r)) {
    out->kind = CMONTY_PROGRESS_ERROR;
    h->last_exc = vm->exc;
    if (frames_build(vm, h, vm->exc) < 0) h->nframes = 0;
    vm->exc = h->last_exc;
    cm_api_record_error(vm);
    run_over(vm, h);
  } else {
    out->kind = CMONTY_PROGRESS_COMPLETE;
    out->value = cm_host_handle(vm, r);
    run_over(vm, h);
  }
  cmonty_get_usage(vm, &out->usage);
  capture_terminate(vm, &h->out);
  capture_terminate(vm, &h->err);
  out->out = buf_text(&h->out, &out->out_len);
  out->err = buf_text(&h->err, &out->err_len);
  return CMONTY_OK;
}

/* Common entry of start/resume: scope and capture reset. */
static void enter(cm_vm *vm, cm_host *h) {
  scope_clear(h);
  if (!h->no_pause) h->out.len = h->err.len = 0; /* cmonty_run: one text */
  h->json.len = 0;
  h->last_error[0] = '\0';
  vm->exc = CM_NULL;
  h->active = 1;
}

static cmonty_status start(cm_vm *vm, cmonty_program *prog, const cmonty_val *inputs,
                           size_t n_inputs, cmonty_progress *out, int no_pause) {
  if (!vm) return CMONTY_MISUSE;
  if (!prog || !out) return MISUSE(vm, "NULL argument");
  cm_host *h = host_get(vm);
  if (!h) return CMONTY_NOMEM;
  if (h->active) return MISUSE(vm, "cannot start a run from inside a run");
  if (h->state == ST_PAUSED) return MISUSE(vm, "a run is paused: resume or abort it first");
  if (vm->frame) return MISUSE(vm, "the interpreter is busy");
  cmonty_program *p = h->programs;
  while (p && p != prog) p = p->next;
  if (!p) return MISUSE(vm, "unknown program");
  cm_tuple *in = CM_AS(cm_tuple, prog->inputs);
  if (n_inputs != in->n)
    return MISUSE(vm, "expected %zu inputs, got %zu", in->n, n_inputs);
  if (!inputs && n_inputs) return MISUSE(vm, "NULL inputs");
  for (size_t i = 0; i < n_inputs; i++)
    if (cm_is_null(cm_host_value(vm, inputs[i])))
      return MISUSE(vm, "invalid value handle for input '%s'", cm_str_cstr(in->items[i]));
  cm_api_text_clear(vm);
  h->last_exc = CM_NULL;
  h->nframes = 0;
  cm_value g = cm_dict_new(vm);
  if (cm_is_error(g) || cm_dict_set_cstr(vm, g, "__name__", cm_intern(vm, "__main__")) < 0)
    goto oom;
  h->run_globals = g;
  cm_tuple *ef = CM_AS(cm_tuple, prog->extfns);
  for (size_t i = 0; i < ef->n; i++)
    if (cm_dict_set_str(vm, g, CM_AS(cm_builtin, ef->items[i])->self, ef->items[i]) < 0)
      goto oom;
  for (size_t i = 0; i < n_inputs; i++)
    if (cm_dict_set_str(vm, g, in->items[i], cm_host_value(vm, inputs[i])) < 0) goto oom;
  h->no_pause = 0;
  enter(vm, h);
  h->no_pause = no_pause;
  h->running = prog;
  h->next_call_id = 0;
  cm_vm_begin_run(vm);
  cm_value r = cm_run_code(vm, prog->code, g);
  return finish(vm, h, r, out);
oom:
  h->run_globals = CM_NULL;
  error_from_exc(vm);
  return CMONTY_NOMEM;
}

cmonty_status cmonty_start(cmonty_vm *vm, cmonty_program *prog, const cmonty_val *inputs,
                           size_t n_inputs, cmonty_progress *out) {
  return start(vm, prog, inputs, n_inputs, out, 0);
}

static cm_host *paused(cm_vm *vm, cmonty_progress *out) {
  if (!vm) return NULL;
  cm_host *h = vm->host;
  if (!out) {
    set_error(vm, "NULL argument");
    return NULL;
  }
  if (!h || h->state != ST_PAUSED || h->active) {
    set_error(vm, "no run is paused");
    return NULL;
  }
  return h;
}

static cmonty_status resume(cm_vm *vm, cm_host *h, cm_value v, bool throwing,
                            cmonty_progress *out) {
  cm_value exc = vm->exc; /* set by the caller when throwing */
  enter(vm, h);
  if (throwing) vm->exc = exc;
  h->state = ST_IDLE;
  h->pend_args = h->pend_kwargs = CM_NULL;
  cm_value r = cm_vm_resume(vm, v, throwing);
  return finish(vm, h, r, out);
}

cmonty_status cmonty_resume(cmonty_vm *vm, cmonty_val val, cmonty_progress *out) {
  cm_host *h = paused(vm, out);
  if (!h) return CMONTY_MISUSE;
  cm_value v = cm_host_value(vm, val);
  if (cm_is_null(v)) return MISUSE(vm, "invalid value handle");
  /* a name lookup's value is bound, like Monty: later reads see it */
  if (h->pend_kind == CMONTY_PROGRESS_NAME_LOOKUP) {
    cm_value g = vm->frame ? vm->frame->globals : h->run_globals;
    if (cm_is_obj(g) && cm_dict_set_str(vm, g, h->pend_name, v) < 0) {
      error_from_exc(vm);
      return CMONTY_NOMEM;
    }
  }
  /* results of typed OS operations */
  if (h->pend_kind == CMONTY_PROGRESS_OS_CALL) {
    const char *n = cm_str_cstr(h->pend_name);
    if (!strcmp(n, "Path.read_bytes") && cm_is_obj(v) &&
        cm_objptr(v)->type == &cm_list_type) {
      cm_list *l = CM_AS(cm_list, v);
      cm_buf bb = {NULL, 0, 0};
      for (size_t i = 0; i < l->n; i++) {
        int64_t x = 0;
        if (cm_is_int(l->items[i])) x = cm_intval(l->items[i]);
        if (cm_buf_putc(vm, &bb, (char)(uint8_t)(x >= 0 && x <= 255 ? x : 0)) < 0) break;
      }
      cm_value b = cm_is_null(vm->exc) ? cm_bytes_from_buf(vm, &bb) : CM_ERROR;
      if (cm_is_error(b)) {
        cm_buf_free(vm, &bb);
        error_from_exc(vm);
        return CMONTY_NOMEM;
      }
      v = b;
    }
  }
  return resume(vm, h, v, false, out);
}

/* The built-in exception type named `name`, or RuntimeError. */
static const cm_type *exc_type_named(cm_vm *vm, const char *name) {
  if (name)
    for (int id = CM_T_BASEEXCEPTION; id < CM_T_NBUILTIN; id++) {
      const cm_type *t = cm_type_of_typeobj(vm->typeobj[id]);
      if (t && !strcmp(t->name, name)) return t;
    }
  return &cm_exc_RuntimeError;
}

cmonty_status cmonty_resume_exception(cmonty_vm *vm, const char *type_name,
                                      const char *message, cmonty_progress *out) {
  cm_host *h = paused(vm, out);
  if (!h) return CMONTY_MISUSE;
  const cm_type *t = exc_type_named(vm, type_name);
  cm_value args;
  if (message) {
    cm_value m = cm_str_new(vm, message, strlen(message));
    if (cm_is_error(m)) {
      error_from_exc(vm);
      return CMONTY_MISUSE;
    }
    args = cm_tuple_from(vm, &m, 1);
  } else {
    args = cm_tuple_new(vm, 0);
  }
  cm_value e = cm_is_error(args) ? CM_ERROR : cm_exc_new(vm, t, args);
  if (cm_is_error(e)) {
    error_from_exc(vm);
    return CMONTY_NOMEM;
  }
  vm->exc = e;
  return resume(vm, h, CM_NULL, true, out);
}

cmonty_status cmonty_resume_not_found(cmonty_vm *vm, cmonty_progress *out) {
  cm_host *h = paused(vm, out);
  if (!h) return CMONTY_MISUSE;
  if (h->pend_kind == CMONTY_PROGRESS_OS_CALL) {
    const char *n = cm_str_cstr(h->pend_name);
    cm_tuple *a = CM_AS(cm_tuple, h->pend_args);
    if (!strcmp(n, "os.getenv")) /* the default */
      return resume(vm, h, a->n > 1 ? a->items[1] : CM_NONE, false, out);
    if (!strncmp(n, "Path.", 5)) {
      cm_value p = a->n ? a->items[0] : CM_NONE;
      if (cm_is_path(vm, p)) p = cm_path_str(vm, p);
      cm_raise(vm, &cm_exc_FileNotFoundError, "[Errno 2] No such file or directory: %R", p);
      return resume(vm, h, CM_NULL, true, out);
    }
  }
  if (h->pend_method) { /* obj.meth(): the method does not exist */
    cm_value self = CM_AS(cm_tuple, h->pend_args)->items[0];
    cm_raise(vm, &cm_exc_AttributeError, "'%T' object has no attribute '%U'", self,
             h->pend_name);
    return resume(vm, h, CM_NULL, true, out);
  }
  cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", h->pend_name);
  return resume(vm, h, CM_NULL, true, out);
}

cmonty_status cmonty_run(cmonty_vm *vm, cmonty_program *prog, const cmonty_val *inputs,
                         size_t n_inputs, cmonty_progress *out) {
  cmonty_status st = start(vm, prog, inputs, n_inputs, out, 1);
  while (st == CMONTY_OK && (out->kind == CMONTY_PROGRESS_CALL ||
                             out->kind == CMONTY_PROGRESS_OS_CALL ||
                             out->kind == CMONTY_PROGRESS_NAME_LOOKUP)) {
    cm_host *h = vm->host;
    if (out->kind == CMONTY_PROGRESS_NAME_LOOKUP) {
      st = cmonty_resume_not_found(vm, out);
    } else if (out->kind == CMONTY_PROGRESS_OS_CALL) {
      cm_raise(vm, &cm_exc_PermissionError, "%U: no host to answer this operation",
               h->pend_name);
      st = resume(vm, h, CM_NULL, true, out);
    } else {
      cm_raise(vm, &cm_exc_RuntimeError,
               "external function '%U' cannot be called by cmonty_run", h->pend_name);
      st = resume(vm, h, CM_NULL, true, out);
    }
  }
  return st;
}

void cmonty_abort(cmonty_vm *vm) {
  if (!vm || !vm->host) return;
  cm_host *h = vm->host;
  if (h->state != ST_PAUSED || h->active) return;
  cm_vm_abort(vm);
  scope_clear(h);
  run_over(vm, h);
}
