/*
** vm.c — the bytecode interpreter loop, frames, calls and unwinding.
**
** Stackless: a Python-to-Python call pushes a heap frame and the same C loop
** continues with it; a return pops it. Generators are resumed the same way
** (FOR_ITER, SEND). Only natives calling back into Python (cm_call) start a
** nested run of the loop; the frame that started it is marked `entry`, and
** returning from it returns to C.
**
** Invariants of the loop:
**  - f is vm->frame, ip points at the next instruction, sp at the first free
**    value-stack slot; f->pc/f->sp are only valid after SAVE().
**  - The GC runs only in trap_hit (an instruction boundary, after SAVE()),
**    when vm->nest == 0, so every live value is in some frame's slots/stack.
**  - `trap` counts down instructions; usage.instructions - vm->trap is the
**    exact number of instructions executed in this run.
*/
#include "host.h"
#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "int.h"
#include "list.h"
#include "opcodes.h"
#include "range.h"
#include "runtime.h"

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* Instructions between limit/GC checks. Building with -DCM_GC_STRESS
   checks (and collects) every few instructions, to shake out GC bugs. */
#ifdef CM_GC_STRESS
#define TRAP_CHUNK 7
#else
#define TRAP_CHUNK 10000
#endif

/* ---- the frame pool ----------------------------------------------------- */

/* Frames of up to POOL_CLASSES * 8 slots are recycled per size class; the
   pool is a GC object so cm_vm_free's sweep releases it. */
#define POOL_CLASSES 32
typedef struct frame_pool {
  cm_obj hdr;
  cm_frame *free[POOL_CLASSES];
} frame_pool;

static size_t frame_bytes(uint32_t nslots) {
  return sizeof(cm_frame) + (size_t)nslots * sizeof(cm_value);
}

static void pool_finalize(cm_vm *vm, cm_obj *o) {
  frame_pool *p = (frame_pool *)o;
  for (int c = 0; c < POOL_CLASSES; c++) {
    while (p->free[c]) {
      cm_frame *f = p->free[c];
      p->free[c] = f->prev;
      cm_free(vm, f, frame_bytes(f->nslots));
    }
  }
  if (vm->frame_pool == p) vm->frame_pool = NULL;
}

static const cm_type frame_pool_type = {
    .name = "frame_pool", .id = CM_T_OBJECT, .finalize = pool_finalize};

static frame_pool *get_pool(cm_vm *vm) {
  if (!vm->frame_pool) vm->frame_pool = cm_gc_new(vm, &frame_pool_type, sizeof(frame_pool));
  return vm->frame_pool;
}

cm_frame *cm_frame_new(cm_vm *vm, cm_code *code, bool pooled) {
  uint32_t need = code->nlocalsplus + code->stacksize;
  uint32_t cls = (need + 7) / 8;
  frame_pool *p = NULL;
  cm_frame *f = NULL;
  if (pooled && cls < POOL_CLASSES && (p = get_pool(vm)) != NULL && p->free[cls]) {
    f = p->free[cls];
    p->free[cls] = f->prev;
  } else {
    uint32_t n = (pooled && cls < POOL_CLASSES) ? cls * 8 : need;
    f = cm_alloc(vm, frame_bytes(n));
    if (!f) return NULL;
    f->nslots = n;
  }
  f->prev = NULL;
  f->func = NULL;
  f->code = code;
  f->globals = f->builtins = f->locals = f->gen = CM_NULL;
  f->pc = 0;
  f->entry = f->ret_mode = f->hide = 0;
  f->pooled = pooled && cls < POOL_CLASSES && p != NULL;
  for (uint32_t i = 0; i < code->nlocalsplus; i++) f->slots[i] = CM_NULL;
  f->sp = cm_frame_stack(f);
  return f;
}

void cm_frame_release(cm_vm *vm, cm_frame *f) {
  if (f->pooled && vm->frame_pool) {
    frame_pool *p = vm->frame_pool;
    uint32_t cls = f->nslots / 8;
    f->prev = p->free[cls];
    p->free[cls] = f;
    return;
  }
  cm_free(vm, f, frame_bytes(f->nslots));
}

void cm_frame_free(cm_vm *vm, cm_frame *f) { cm_frame_release(vm, f); }

void cm_frame_trace(cm_vm *vm, cm_frame *f) {
  if (f->func) cm_gc_mark_obj(vm, &f->func->hdr);
  cm_gc_mark_obj(vm, &f->code->hdr);
  cm_gc_mark_value(vm, f->globals);
  cm_gc_mark_value(vm, f->builtins);
  cm_gc_mark_value(vm, f->locals);
  cm_gc_mark_value(vm, f->gen);
  for (cm_value *v = f->slots; v < f->sp; v++) cm_gc_mark_value(vm, *v);
}

void cm_vm_trace(cm_vm *vm) {
  if (vm->frame_pool) cm_gc_mark_obj(vm, vm->frame_pool);
  for (cm_frame *f = vm->frame; f; f = f->prev) cm_frame_trace(vm, f);
}

/* ---- argument binding ---------------------------------------------------- */

static cm_value qualname_of(cm_func *fn) { return fn->code->qualname; }

/* 'a', 'a' and 'b', 'a', 'b', and 'c' — CPython's list of missing names. */
static cm_value name_list(cm_vm *vm, cm_value *names, int n) {
  cm_buf b = {0};
  for (int i = 0; i < n; i++) {
    if (i > 0) cm_buf_puts(vm, &b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
    cm_buf_putc(vm, &b, '\'');
    cm_buf_put_value_str(vm, &b, names[i]);
    cm_buf_putc(vm, &b, '\'');
  }
  return cm_buf_finish(vm, &b);
}

static int missing_args(cm_vm *vm, cm_func *fn, cm_frame *f, uint32_t lo,
                        uint32_t hi, const char *kind) {
  cm_code *c = fn->code;
  cm_value names[64];
  int n = 0;
  for (uint32_t i = lo; i < hi; i++)
    if (cm_is_null(f->slots[i]) && n < 64) names[n++] = c->localnames[i];
  cm_value list = name_list(vm, names, n);
  if (cm_is_error(list)) return -1;
  cm_raise(vm, &cm_exc_TypeError, "%U() missing %d required %s argument%s: %U",
           qualname_of(fn), n, kind, n == 1 ? "" : "s", list);
  return -1;
}

static int too_many_positional(cm_vm *vm, cm_func *fn, cm_frame *f, int given) {
  cm_code *c = fn->code;
  int ndef = cm_is_null(fn->defaults) ? 0 : (int)CM_AS(cm_tuple, fn->defaults)->n;
  int kwonly_given = 0;
  for (uint32_t i = c->argcount; i < c->argcount + c->kwonlyargcount; i++)
    if (!cm_is_null(f->slots[i])) kwonly_given++;
  char sig[64], kwsig[96] = "";
  int plural;
  if (ndef) {
    plural = 1;
    snprintf(sig, sizeof sig, "from %d to %d", (int)c->argcount - ndef, (int)c->argcount);
  } else {
    plural = c->argcount != 1;
    snprintf(sig, sizeof sig, "%d", (int)c->argcount);
  }
  if (kwonly_given)
    snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
             given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
  cm_raise(vm, &cm_exc_TypeError, "%U() takes %s positional argument%s but %d%s %s given",
           qualname_of(fn), sig, plural ? "s" : "", given, kwsig,
           given == 1 && !kwonly_given ? "was" : "were");
  return -1;
}

static int find_param(cm_code *c, cm_value name, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    if (c->localnames[i] == name) return (int)i;
  for (uint32_t i = 0; i < n; i++)
    if (cm_str_eq(c->localnames[i], name)) return (int)i;
  return -1;
}

static int posonly_as_kw(cm_vm *vm, cm_func *fn, cm_value kwnames, int nkw) {
  cm_code *c = fn->code;
  cm_value names[64];
  int n = 0;
  for (uint32_t i = 0; i < c->posonlyargcount; i++)
    for (int k = 0; k < nkw; k++)
      if (cm_str_eq(c->localnames[i], CM_AS(cm_tuple, kwnames)->items[k]) && n < 64)
        names[n++] = c->localnames[i];
  cm_buf b = {0};
  for (int i = 0; i < n; i++) {
    if (i) cm_buf_puts(vm, &b, ", ");
    cm_buf_put_value_str(vm, &b, names[i]);
  }
  cm_value s = cm_buf_finish(vm, &b);
  if (cm_is_error(s)) return -1;
  cm_raise(vm, &cm_exc_TypeError,
           "%U() got some positional-only arguments passed as keyword arguments: '%U'",
           qualname_of(fn), s);
  return -1;
}

/* ---- "Did you mean" suggestions (CPython's Python/suggestions.c rules) -- */

#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1
#define SUGGEST_MAX_LEN 40

static int lower_ascii(int ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

/* Weighted edit distance, or max_cost + 1 when it exceeds max_cost. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
  while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
  while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
  if (na == 0 || nb == 0) return (na + nb) * SUGGEST_MOVE_COST;
  if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN) return max_cost + 1;
  if (nb < na) {
    const char *t = a; a = b; b = t;
    size_t tn = na; na = nb; nb = tn;
  }
  if ((nb - na) * SUGGEST_MOVE_COST > max_cost) return max_cost + 1;
  size_t row[SUGGEST_MAX_LEN];
  for (size_t i = 0; i < na; i++) row[i] = (i + 1) * SUGGEST_MOVE_COST;
  size_t result = 0;
  for (size_t bi = 0; bi < nb; bi++) {
    size_t dist = bi * SUGGEST_MOVE_COST, minimum = (size_t)-1;
    result = dist;
    for (size_t ai = 0; ai < na; ai++) {
      size_t sub = a[ai] == b[bi] ? 0
                   : lower_ascii(a[ai]) == lower_ascii(b[bi]) ? SUGGEST_CASE_COST
                                                              : SUGGEST_MOVE_COST;
      size_t r = dist + sub;
      dist = row[ai];
      if (dist + SUGGEST_MOVE_COST < r) r = dist + SUGGEST_MOVE_COST;
      if (result + SUGGEST_MOVE_COST < r) r = result + SUGGEST_MOVE_COST;
      row[ai] = result = r;
      if (r < minimum) minimum = r;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/* The closest of names[0..n) to `name`, or CM_NULL. */
static cm_value suggest(cm_value name, const cm_value *names, uint32_t n) {
  const cm_str *s = CM_AS(cm_str, name);
  cm_value best = CM_NULL;
  size_t best_dist = (size_t)-1;
  for (uint32_t i = 0; i < n && i < 750; i++) {
    const cm_str *c = CM_AS(cm_str, names[i]);
    if (cm_str_eq(names[i], name)) continue;
    size_t max = (s->size + c->size + 3) * SUGGEST_MOVE_COST / 6;
    if (best_dist != (size_t)-1 && best_dist - 1 < max) max = best_dist - 1;
    size_t d = edit_distance(s->data, s->size, c->data, c->size, max);
    if (d > max) continue;
    best = names[i];
    best_dist = d;
  }
  return best;
}

/* Keyword arguments: into their slots, or **kwargs, or an error. */
static int bind_keywords(cm_vm *vm, cm_frame *f, cm_func *fn, const cm_value *kwv,
                         cm_value kwnames, cm_value kwdict) {
  cm_code *c = fn->code;
  int nkw = (int)CM_AS(cm_tuple, kwnames)->n;
  uint32_t nparams = c->argcount + c->kwonlyargcount;
  for (int k = 0; k < nkw; k++) {
    cm_value name = CM_AS(cm_tuple, kwnames)->items[k];
    int j = find_param(c, name, nparams);
    if (j >= (int)c->posonlyargcount) {
      if (!cm_is_null(f->slots[j])) {
        cm_raise(vm, &cm_exc_TypeError, "%U() got multiple values for argument '%U'",
                 qualname_of(fn), name);
        return -1;
      }
      f->slots[j] = kwv[k];
    } else if (!cm_is_null(kwdict)) {
      if (cm_dict_set(vm, kwdict, name, kwv[k]) < 0) return -1;
    } else if (j >= 0) {
      return posonly_as_kw(vm, fn, kwnames, nkw);
    } else {
      cm_value hint = suggest(name, c->localnames + c->posonlyargcount,
                              nparams - c->posonlyargcount);
      if (cm_is_null(hint))
        cm_raise(vm, &cm_exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                 qualname_of(fn), name);
      else
        cm_raise(vm, &cm_exc_TypeError,
                 "%U() got an unexpected keyword argument '%U'. Did you mean '%U'?",
                 qualname_of(fn), name, hint);
      return -1;
    }
  }
  return 0;
}

static int fill_defaults(cm_vm *vm, cm_frame *f, cm_func *fn, int nargs) {
  cm_code *c = fn->code;
  uint32_t argc = c->argcount;
  if ((uint32_t)nargs < argc) {
    uint32_t ndef = cm_is_null(fn->defaults) ? 0 : (uint32_t)CM_AS(cm_tuple, fn->defaults)->n;
    uint32_t first_def = argc - ndef;
    for (uint32_t i = (uint32_t)nargs; i < argc; i++) {
      if (!cm_is_null(f->slots[i])) continue;
      if (i >= first_def) f->slots[i] = CM_AS(cm_tuple, fn->defaults)->items[i - first_def];
    }
    for (uint32_t i = (uint32_t)nargs; i < argc; i++)
      if (cm_is_null(f->slots[i])) return missing_args(vm, fn, f, nargs, argc, "positional");
  }
  for (uint32_t i = argc; i < argc + c->kwonlyargcount; i++) {
    if (!cm_is_null(f->slots[i])) continue;
    if (!cm_is_null(fn->kwdefaults)) {
      cm_value d = cm_dict_get(vm, fn->kwdefaults, c->localnames[i]);
      if (cm_is_error(d)) return -1;
      f->slots[i] = d;
    }
  }
  for (uint32_t i = argc; i < argc + c->kwonlyargcount; i++)
    if (cm_is_null(f->slots[i]))
      return missing_args(vm, fn, f, argc, argc + c->kwonlyargcount, "keyword-only");
  return 0;
}

/* Cells for captured locals, closure cells for free variables. */
static int setup_cells(cm_vm *vm, cm_frame *f, cm_func *fn) {
  cm_code *c = f->code;
  if (c->ncells) {
    for (uint32_t i = 0; i < c->nlocalsplus - c->nfree; i++) {
      if (!(c->localkinds[i] & CM_LK_CELL)) continue;
      cm_value cell = cm_cell_new(vm, f->slots[i]);
      if (cm_is_error(cell)) return -1;
      f->slots[i] = cell;
    }
  }
  if (c->nfree && fn && !cm_is_null(fn->closure)) {
    cm_tuple *cl = CM_AS(cm_tuple, fn->closure);
    uint32_t base = c->nlocalsplus - c->nfree;
    for (uint32_t i = 0; i < c->nfree && i < cl->n; i++) f->slots[base + i] = cl->items[i];
  }
  return 0;
}

int cm_frame_bind(cm_vm *vm, cm_frame *f, cm_func *fn, const cm_value *args,
                  int nargs, cm_value kwnames) {
  cm_code *c = fn->code;
  uint32_t argc = c->argcount;
  int nkw = cm_is_null(kwnames) ? 0 : (int)CM_AS(cm_tuple, kwnames)->n;
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  if (LIKELY(nkw == 0 && (uint32_t)nargs == argc &&
             !(c->flags & (CM_CO_VARARGS | CM_CO_VARKEYWORDS)) && !c->kwonlyargcount)) {
    for (int i = 0; i < nargs; i++) f->slots[i] = args[i];
    return (c->ncells || c->nfree) ? setup_cells(vm, f, fn) : 0;
  }
  uint32_t ncopy = (uint32_t)nargs < argc ? (uint32_t)nargs : argc;
  for (uint32_t i = 0; i < ncopy; i++) f->slots[i] = args[i];
  uint32_t extra = argc + c->kwonlyargcount;
  if (c->flags & CM_CO_VARARGS) {
    uint32_t nrest = (uint32_t)nargs > argc ? (uint32_t)nargs - argc : 0;
    cm_value t = cm_tuple_from(vm, args + ncopy, nrest);
    if (cm_is_error(t)) return -1;
    f->slots[extra++] = t;
  }
  cm_value kwdict = CM_NULL;
  if (c->flags & CM_CO_VARKEYWORDS) {
    kwdict = cm_dict_new(vm);
    if (cm_is_error(kwdict)) return -1;
    f->slots[extra] = kwdict;
  }
  if (nkw && bind_keywords(vm, f, fn, args + nargs, kwnames, kwdict) < 0) return -1;
  if ((uint32_t)nargs > argc && !(c->flags & CM_CO_VARARGS))
    return too_many_positional(vm, fn, f, nargs);
  if (fill_defaults(vm, f, fn, nargs) < 0) return -1;
  return setup_cells(vm, f, fn);
}

/* ---- exceptions ------------------------------------------------------------ */

static bool is_exc_obj(cm_value v) {
  return cm_is_obj(v) && (cm_objptr(v)->type->flags & CM_TF_EXCEPTION);
}

/* Prepends a traceback entry for (code, pc) to the pending exception. */
static void add_traceback(cm_vm *vm, cm_code *code, uint32_t pc) {
  cm_value exc = vm->exc;
  if (!is_exc_obj(exc)) return;
  cm_traceback *tb = cm_gc_new(vm, &cm_traceback_type, sizeof(cm_traceback));
  if (!tb) { /* keep the original exception; the entry is lost */
    vm->exc = exc;
    return;
  }
  cm_exc *e = CM_AS(cm_exc, exc);
  tb->next = cm_is_null(e->traceback) ? CM_NONE : e->traceback;
  tb->code = CM_VAL(code);
  tb->pc = pc;
  e->traceback = CM_VAL(tb);
}

/* __context__ = the exception being handled (cycles broken like CPython). */
static void set_context(cm_vm *vm) {
  cm_value h = vm->handled, exc = vm->exc;
  if (!is_exc_obj(h) || !is_exc_obj(exc) || h == exc) return;
  cm_value o = h;
  while (is_exc_obj(o)) {
    cm_exc *oe = CM_AS(cm_exc, o);
    if (oe->context == exc) {
      oe->context = CM_NONE;
      break;
    }
    o = oe->context;
  }
  CM_AS(cm_exc, exc)->context = h;
}

static const cm_exc_entry *find_handler(cm_code *c, uint32_t pc) {
  for (uint32_t i = 0; i < c->nexc; i++) {
    const cm_exc_entry *e = &c->exctable[i];
    if (pc >= e->start && pc < e->end) return e;
  }
  return NULL;
}

static bool is_exc_class(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_type_type &&
         (CM_AS(cm_typeobj, v)->t->flags & CM_TF_EXCEPTION);
}

static int check_catchable(cm_vm *vm, cm_value t) {
  if (is_exc_class(t)) return 0;
  if (cm_is_obj(t) && cm_objptr(t)->type == &cm_tuple_type) {
    cm_tuple *tu = CM_AS(cm_tuple, t);
    for (size_t i = 0; i < tu->n; i++)
      if (!is_exc_class(tu->items[i])) goto bad;
    return 0;
  }
bad:
  cm_raise(vm, &cm_exc_TypeError,
           "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

/* RAISE_VARARGS 2: raise exc from cause. */
static cm_value raise_from(cm_vm *vm, cm_value exc, cm_value cause) {
  if (is_exc_class(cause)) {
    cause = cm_call(vm, cause, NULL, 0, CM_NULL);
    if (cm_is_error(cause)) return CM_ERROR;
  } else if (!cm_is_none(cause) && !is_exc_obj(cause)) {
    return cm_raise(vm, &cm_exc_TypeError, "exception causes must derive from BaseException");
  }
  cm_raise_value(vm, exc);
  if (is_exc_obj(vm->exc) && vm->exc != cause) {
    CM_AS(cm_exc, vm->exc)->cause = cause;
    CM_AS(cm_exc, vm->exc)->suppress_context = 1;
  }
  return CM_ERROR;
}

/* ---- helpers for complex opcodes ---------------------------------------- */

/* Index of the entry of `name` (interned) in dict d, or -1. */
static int64_t dict_entry_index(cm_dict *d, cm_value name) {
  for (size_t i = d->nentries; i-- > 0;)
    if (d->entries[i].key == name) return (int64_t)i;
  return -1;
}

/* Fills the cache of names[arg] for globals/builtins lookups. */
static void fill_cache(cm_frame *f, uint32_t arg, cm_value v, bool in_globals) {
  cm_code *c = f->code;
  cm_cache *k = &c->caches[arg];
  cm_dict *g = CM_AS(cm_dict, f->globals), *b = CM_AS(cm_dict, f->builtins);
  k->globals = g;
  k->builtins = b;
  k->gver = g->version;
  k->bver = b->version;
  k->value = v;
  k->in_globals = 0;
  if (in_globals && g->nentries < 4096) {
    int64_t i = dict_entry_index(g, c->names[arg]);
    if (i >= 0) {
      k->index = (uint32_t)i;
      k->in_globals = 1;
    }
  }
}

/* Cached global: the value, or CM_NULL on a miss. */
static inline cm_value cached_global(cm_frame *f, cm_cache *k, cm_value name) {
  cm_dict *g = CM_AS(cm_dict, f->globals);
  if (k->globals != g) return CM_NULL;
  if (k->in_globals) {
    if (k->index < g->nentries && g->entries[k->index].key == name)
      return g->entries[k->index].value;
    return CM_NULL;
  }
  cm_dict *b = CM_AS(cm_dict, f->builtins);
  if (k->gver == g->version && k->builtins == b && k->bver == b->version) return k->value;
  return CM_NULL;
}

static cm_value load_global_slow(cm_vm *vm, cm_frame *f, uint32_t arg) {
  cm_code *c = f->code;
  cm_value name = c->names[arg];
  cm_value v = cm_dict_get_str(vm, f->globals, name);
  bool in_globals = !cm_is_null(v);
  if (cm_is_null(v)) v = cm_dict_get_str(vm, f->builtins, name);
  if (cm_is_error(v)) return v;
  if (cm_is_null(v)) {
    if (vm->host && vm->nest == 0 && cm_host_pause_name(vm, name) == CM_PAUSE) return CM_PAUSE;
    return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);
  }
  fill_cache(f, arg, v, in_globals);
  return v;
}

static cm_value load_name(cm_vm *vm, cm_frame *f, cm_value name) {
  cm_value v = CM_NULL;
  if (!cm_is_null(f->locals)) {
    v = cm_dict_get(vm, f->locals, name);
    if (!cm_is_null(v)) return v;
  }
  v = cm_dict_get_str(vm, f->globals, name);
  if (!cm_is_null(v)) return v;
  v = cm_dict_get_str(vm, f->builtins, name);
  if (!cm_is_null(v)) return v;
  if (vm->host && vm->nest == 0 && cm_host_pause_name(vm, name) == CM_PAUSE) return CM_PAUSE;
  return cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", name);
}

static cm_value ns_of(cm_frame *f) {
  return cm_is_null(f->locals) ? f->globals : f->locals;
}

static cm_value unbound_local(cm_vm *vm, cm_code *c, uint32_t i) {
  if (c->localkinds[i] & CM_LK_FREE)
    return cm_raise(vm, &cm_exc_NameError,
                    "cannot access free variable '%U' where it is not associated "
                    "with a value in enclosing scope", c->localnames[i]);
  return cm_raise(vm, &cm_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated "
                  "with a value", c->localnames[i]);
}

static int unpack_error(cm_vm *vm, size_t want, size_t got, bool too_many, bool known) {
  if (!too_many)
    cm_raise(vm, &cm_exc_ValueError, "not enough values to unpack (expected %zu, got %zu)",
             want, got);
  else if (known)
    cm_raise(vm, &cm_exc_ValueError, "too many values to unpack (expected %zu, got %zu)",
             want, got);
  else
    cm_raise(vm, &cm_exc_ValueError, "too many values to unpack (expected %zu)", want);
  return -1;
}

/* Whether collecting the items of `v` runs Python code per item: a
   generator, or an instance of a class defining __iter__ (its iterator is
   usually Python too). Unpacking, `*v` and `{*v}` then collect `v` with the
   prelude's ct_list in a frame of the VM loop (iterate_in_python in run())
   instead of natively, so a host call made while producing an item can
   pause. Anything else (built-in containers and iterators, classes with
   only __getitem__) is iterated natively as before. */
static bool iterates_in_python(cm_vm *vm, cm_value v) {
  if (!cm_is_obj(v)) return false;
  const cm_type *t = cm_objptr(v)->type;
  if (t == &cm_generator_type) return true;
  t = cm_typeof(vm, v);
  if (t->id != CM_T_USER) return false;
  cm_value d = cm_type_lookup(vm, t, cm_intern(vm, "__iter__"));
  if (cm_is_error(d)) {
    cm_exc_clear(vm); /* the native path reports the real problem */
    return false;
  }
  return !cm_is_null(d);
}

/* UNPACK_SEQUENCE / UNPACK_EX: writes the items to out[] so that out[n-1]
   is the first item (the top of stack is the first target). */
static int unpack(cm_vm *vm, cm_value seq, size_t before, size_t after, bool star,
                  cm_value *out) {
  size_t n;
  cm_value *items = cm_seq_items(seq, &n);
  size_t total = before + after + (star ? 1 : 0);
  if (items && !star) {
    if (n != before) return unpack_error(vm, before, n, n > before, true);
    for (size_t i = 0; i < n; i++) out[total - 1 - i] = items[i];
    return 0;
  }
  cm_value list = cm_list_new(vm, 0);
  if (cm_is_error(list)) return -1;
  if (cm_list_extend(vm, list, seq) < 0) {
    const cm_type *t = cm_typeof(vm, seq);
    if (cm_exc_matches(vm, &cm_exc_TypeError) && !cm_iterable_is_native(vm, seq) &&
        !t->iter && !t->getitem) {
      cm_exc_clear(vm);
      cm_raise(vm, &cm_exc_TypeError, "cannot unpack non-iterable %T object", seq);
    }
    return -1;
  }
  cm_list *l = CM_AS(cm_list, list);
  if (!star) {
    bool known = cm_is_obj(seq) && cm_objptr(seq)->type == &cm_dict_type;
    if (l->n != before) return unpack_error(vm, before, l->n, l->n > before, known);
    for (size_t i = 0; i < l->n; i++) out[total - 1 - i] = l->items[i];
    return 0;
  }
  if (l->n < before + after) {
    cm_raise(vm, &cm_exc_ValueError,
             "not enough values to unpack (expected at least %zu, got %zu)", before + after,
             l->n);
    return -1;
  }
  for (size_t i = 0; i < before; i++) out[total - 1 - i] = l->items[i];
  size_t nmid = l->n - before - after;
  cm_value mid = cm_list_new(vm, nmid);
  if (cm_is_error(mid)) return -1;
  for (size_t i = 0; i < nmid; i++)
    if (cm_list_append(vm, mid, l->items[before + i]) < 0) return -1;
  out[total - 1 - before] = mid;
  for (size_t i = 0; i < after; i++) out[after - 1 - i] = l->items[before + nmid + i];
  return 0;
}

static cm_value build_string(cm_vm *vm, cm_value *items, uint32_t n) {
  cm_buf b = {0};
  for (uint32_t i = 0; i < n; i++)
    if (cm_buf_put_value_str(vm, &b, items[i]) < 0) {
      cm_buf_free(vm, &b);
      return CM_ERROR;
    }
  return cm_buf_finish(vm, &b);
}

static bool is_str(cm_value v) { return cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type; }

static bool is_func(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_function_type;
}

static cm_value format_value(cm_vm *vm, cm_value v, int conv, cm_value spec) {
  if (conv == 1) v = cm_to_str(vm, v);
  else if (conv == 2) v = cm_repr(vm, v);
  else if (conv == 3) v = cm_ascii(vm, v);
  if (cm_is_error(v)) return v;
  if (cm_is_null(spec) && is_str(v)) return v;
  if (cm_is_null(spec)) spec = cm_intern(vm, "");
  return cm_format(vm, v, spec);
}

static cm_value make_function(cm_vm *vm, cm_frame *f, cm_value *sp, uint32_t flags) {
  cm_code *code = CM_AS(cm_code, sp[-1]);
  cm_value fv = cm_func_new(vm, code, f->globals);
  if (cm_is_error(fv)) return fv;
  cm_func *fn = CM_AS(cm_func, fv);
  fn->builtins = f->builtins;
  cm_value *p = sp - 1;
  if (flags & 4) fn->closure = *--p;
  if (flags & 2) fn->kwdefaults = *--p;
  if (flags & 1) fn->defaults = *--p;
  if (code->flags & CM_CO_HAS_DOC && code->nconsts) fn->doc = code->consts[0];
  return fv;
}

/* CPython's _PyObject_FunctionStr: "mod.qualname()" for error messages. */
static cm_value funcstr(cm_vm *vm, cm_value f) {
  if (cm_is_obj(f) && cm_objptr(f)->type == &cm_method_type) f = CM_AS(cm_method, f)->func;
  if (is_func(f)) {
    cm_func *fn = CM_AS(cm_func, f);
    if (is_str(fn->module) && strcmp(cm_str_cstr(fn->module), "builtins") != 0)
      return cm_str_printf(vm, "%U.%U()", fn->module, fn->qualname);
    return cm_str_printf(vm, "%U()", fn->qualname);
  }
  if (cm_is_obj(f) && cm_objptr(f)->type == &cm_builtin_type)
    return cm_str_printf(vm, "%s()", CM_AS(cm_builtin, f)->name);
  if (cm_is_obj(f) && cm_objptr(f)->type == &cm_type_type)
    return cm_str_printf(vm, "%s()", CM_AS(cm_typeobj, f)->t->name);
  return cm_str_printf(vm, "%T object", f);
}

static int dict_merge(cm_vm *vm, cm_value dict, cm_value m, bool strict, cm_value callable) {
  if (!cm_is_obj(m) || cm_objptr(m)->type != &cm_dict_type) {
    if (strict) {
      cm_value fs = funcstr(vm, callable);
      if (!cm_is_error(fs))
        cm_raise(vm, &cm_exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, m);
    } else
      cm_raise(vm, &cm_exc_TypeError, "'%T' object is not a mapping", m);
    return -1;
  }
  cm_dict *d = CM_AS(cm_dict, m);
  for (size_t i = 0; i < d->nentries; i++) {
    cm_dict_entry *e = &d->entries[i];
    if (cm_is_null(e->key)) continue;
    if (strict) {
      if (!is_str(e->key)) {
        cm_raise(vm, &cm_exc_TypeError, "keywords must be strings");
        return -1;
      }
      cm_value old = cm_dict_get(vm, dict, e->key);
      if (cm_is_error(old)) return -1;
      if (!cm_is_null(old)) {
        cm_value fs = funcstr(vm, callable);
        if (!cm_is_error(fs))
          cm_raise(vm, &cm_exc_TypeError, "%U got multiple values for keyword argument '%U'",
                   fs, e->key);
        return -1;
      }
    }
    if (cm_dict_set(vm, dict, e->key, e->value) < 0) return -1;
  }
  return 0;
}

/* f(*args, **kwargs) -> flat vectorcall arguments in a fresh tuple. */
static int flatten_call(cm_vm *vm, cm_value args, cm_value kwargs, cm_value *flat,
                        cm_value *kwnames) {
  cm_tuple *a = CM_AS(cm_tuple, args);
  *kwnames = CM_NULL;
  if (cm_is_null(kwargs) || CM_AS(cm_dict, kwargs)->used == 0) {
    *flat = args;
    return (int)a->n;
  }
  cm_dict *d = CM_AS(cm_dict, kwargs);
  cm_value t = cm_tuple_new(vm, a->n + d->used);
  cm_value names = cm_tuple_new(vm, d->used);
  if (cm_is_error(t) || cm_is_error(names)) return -1;
  memcpy(CM_AS(cm_tuple, t)->items, a->items, a->n * sizeof(cm_value));
  size_t k = 0;
  for (size_t i = 0; i < d->nentries; i++) {
    cm_dict_entry *e = &d->entries[i];
    if (cm_is_null(e->key)) continue;
    if (!is_str(e->key)) {
      cm_raise(vm, &cm_exc_TypeError, "keywords must be strings");
      return -1;
    }
    CM_AS(cm_tuple, names)->items[k] = cm_intern_value(vm, e->key);
    CM_AS(cm_tuple, t)->items[a->n + k] = e->value;
    k++;
  }
  *flat = t;
  *kwnames = names;
  return (int)a->n;
}

/* TypeError "X argument after * must be an iterable" if `v` failed to
   iterate because it is not iterable. */
static void star_error(cm_vm *vm, cm_value v, cm_value callable) {
  if (!cm_exc_matches(vm, &cm_exc_TypeError) || cm_iterable_is_native(vm, v)) return;
  const cm_type *t = cm_typeof(vm, v);
  if (t->iter || t->getitem) return;
  cm_exc_clear(vm);
  if (cm_is_null(callable)) {
    cm_raise(vm, &cm_exc_TypeError, "Value after * must be an iterable, not %T", v);
    return;
  }
  cm_value fs = funcstr(vm, callable);
  if (!cm_is_error(fs))
    cm_raise(vm, &cm_exc_TypeError, "%U argument after * must be an iterable, not %T", fs, v);
}

static cm_value to_tuple(cm_vm *vm, cm_value v, cm_value callable) {
  if (cm_is_obj(v) && cm_objptr(v)->type == &cm_tuple_type) return v;
  size_t n;
  cm_value *items = cm_seq_items(v, &n);
  if (items) return cm_tuple_from(vm, items, n);
  cm_value l = cm_list_from_iterable(vm, v);
  if (cm_is_error(l)) {
    star_error(vm, v, callable);
    return l;
  }
  return cm_tuple_from(vm, CM_AS(cm_list, l)->items, CM_AS(cm_list, l)->n);
}

static cm_value before_with(cm_vm *vm, cm_value mgr, cm_value *exit_out) {
  cm_value enter = cm_getattr_opt(vm, mgr, cm_intern(vm, "__enter__"));
  if (cm_is_error(enter)) return enter;
  cm_value exit = cm_getattr_opt(vm, mgr, cm_intern(vm, "__exit__"));
  if (cm_is_error(exit)) return exit;
  if (cm_is_null(enter) || cm_is_null(exit))
    return cm_raise(vm, &cm_exc_TypeError,
                    "'%T' object does not support the context manager protocol (missed %s method)",
                    mgr, cm_is_null(exit) ? "__exit__" : "__enter__");
  *exit_out = exit;
  return enter;
}

/* The call exit(type(exc), exc, exc.__traceback__) of a with statement
   whose body raised, as a frame of the loop (run_dunder, CM_DK_EXIT): a
   Python function or a method of one runs directly, any other callable
   through the prelude's dn_exit, so a host call inside (a file's flush)
   pauses. 0, or -1 if the prelude fails to load. */
static int with_exit_defer(cm_vm *vm, cm_value exit, cm_value exc, cm_defer *d) {
  cm_value fn = exit, tb = is_exc_obj(exc) ? CM_AS(cm_exc, exc)->traceback : CM_NONE;
  int n = 0;
  if (cm_is_obj(exit) && cm_objptr(exit)->type == &cm_method_type &&
      is_func(CM_AS(cm_method, exit)->func)) {
    fn = CM_AS(cm_method, exit)->func;
    d->args[n++] = CM_AS(cm_method, exit)->self;
  } else if (!is_func(exit)) {
    fn = cm_prelude(vm, "dn_exit");
    if (cm_is_error(fn)) return -1;
    d->args[n++] = exit;
  }
  d->fn = fn;
  d->args[n++] = cm_type_value(vm, cm_typeof(vm, exc));
  d->args[n++] = exc;
  d->args[n++] = cm_is_null(tb) ? CM_NONE : tb;
  d->nargs = n;
  return 0;
}

static cm_value import_name(cm_vm *vm, cm_value name, cm_value level, cm_value fromlist) {
  int64_t lv = cm_is_int(level) ? cm_intval(level) : 0;
  cm_value m = cm_import(vm, name, (int)lv);
  if (cm_is_error(m) || !cm_is_none(fromlist) || lv) return m;
  const char *s = cm_str_cstr(name), *dot = strchr(s, '.');
  if (!dot) return m;
  return cm_import(vm, cm_intern_n(vm, s, (size_t)(dot - s)), 0);
}

static cm_value import_from(cm_vm *vm, cm_value mod, cm_value name) {
  cm_value v = cm_getattr_opt(vm, mod, name);
  if (!cm_is_null(v)) return v;
  cm_value mname = cm_getattr_opt(vm, mod, cm_intern(vm, "__name__"));
  if (cm_is_error(mname)) cm_exc_clear(vm);
  if (!is_str(mname)) mname = cm_intern(vm, "<unknown module name>");
  return cm_raise(vm, &cm_exc_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                  name, mname);
}

static int import_star(cm_vm *vm, cm_frame *f, cm_value mod) {
  if (!cm_is_obj(mod) || cm_objptr(mod)->type != &cm_module_type) return 0;
  cm_dict *d = CM_AS(cm_dict, CM_AS(cm_module, mod)->dict);
  for (size_t i = 0; i < d->nentries; i++) {
    cm_dict_entry *e = &d->entries[i];
    if (cm_is_null(e->key) || !is_str(e->key) || cm_str_cstr(e->key)[0] == '_') continue;
    if (cm_dict_set(vm, ns_of(f), e->key, e->value) < 0) return -1;
  }
  return 0;
}

static int print_expr(cm_vm *vm, cm_value v) {
  if (cm_is_none(v)) return 0;
  cm_value r = cm_repr(vm, v);
  if (cm_is_error(r)) return -1;
  cm_write(vm, 1, cm_str_cstr(r), CM_AS(cm_str, r)->size);
  cm_write(vm, 1, "\n", 1);
  return cm_dict_set_cstr(vm, vm->builtins, "_", v);
}

static cm_value load_build_class(cm_vm *vm, cm_frame *f) {
  cm_value v = cm_dict_get_cstr(vm, f->builtins, "__build_class__");
  if (cm_is_null(v))
    return cm_raise(vm, &cm_exc_NotImplementedError, "classes are not supported yet");
  return v;
}

/* ---- structural pattern matching helpers ------------------------------- */

static bool is_type_obj(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type == &cm_type_type;
}

/* A sequence pattern's subject: list, tuple, range (and subclasses) and
   the host's named tuples (hostobj.c), which read like tuples. */
static bool match_sequence(cm_vm *vm, cm_value v) {
  return cm_isinstance_t(vm, v, &cm_list_type) || cm_isinstance_t(vm, v, &cm_tuple_type) ||
         cm_isinstance_t(vm, v, &cm_range_type) || cm_is_namedtuple(vm, v);
}

/* subj[k] for each key, as a tuple; None if a key is missing. */
static cm_value match_keys(cm_vm *vm, cm_value subj, cm_value keys) {
  cm_tuple *k = CM_AS(cm_tuple, keys);
  cm_value out = cm_tuple_new(vm, k->n);
  if (cm_is_error(out)) return out;
  for (size_t i = 0; i < k->n; i++) {
    for (size_t j = 0; j < i; j++) {
      int eq = cm_eq(vm, k->items[i], k->items[j]);
      if (eq < 0) return CM_ERROR;
      if (eq)
        return cm_raise(vm, &cm_exc_ValueError, "mapping pattern checks duplicate key (%R)",
                        k->items[i]);
    }
    cm_value v = cm_dict_get(vm, subj, k->items[i]);
    if (cm_is_error(v)) return v;
    if (cm_is_null(v)) return CM_NONE;
    CM_AS(cm_tuple, out)->items[i] = v;
  }
  return out;
}

static cm_value dict_without_keys(cm_vm *vm, cm_value subj, cm_value keys) {
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d) || dict_merge(vm, d, subj, false, CM_NULL) < 0) return CM_ERROR;
  cm_tuple *k = CM_AS(cm_tuple, keys);
  for (size_t i = 0; i < k->n; i++)
    if (cm_dict_del(vm, d, k->items[i]) < 0) return CM_ERROR;
  return d;
}

/* Types whose single positional sub-pattern matches the subject itself. */
static bool match_self(const cm_type *t) {
  static const cm_type *const self_types[] = {
      &cm_bool_type, &cm_bytearray_type, &cm_bytes_type, &cm_dict_type, &cm_float_type,
      &cm_frozenset_type, &cm_int_type, &cm_list_type, &cm_set_type, &cm_str_type,
      &cm_tuple_type};
  for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
    if (cm_type_is_sub(t, self_types[i])) return true;
  return false;
}

static cm_value class_name_of(cm_vm *vm, cm_value cls) {
  cm_value n = cm_getattr_opt(vm, cls, cm_intern(vm, "__name__"));
  if (!cm_is_obj(n)) {
    cm_exc_clear(vm);
    return cm_intern(vm, "?");
  }
  return n;
}

static int add_match_attr(cm_vm *vm, cm_value cls, cm_value subj, cm_value name,
                          cm_value seen, cm_value out, size_t i) {
  cm_value had = cm_dict_get(vm, seen, name);
  if (cm_is_error(had)) return -1;
  if (!cm_is_null(had)) {
    cm_raise(vm, &cm_exc_TypeError, "%U() got multiple sub-patterns for attribute %R",
             class_name_of(vm, cls), name);
    return -1;
  }
  if (cm_dict_set(vm, seen, name, CM_TRUE) < 0) return -1;
  cm_value v = cm_getattr_opt(vm, subj, name);
  if (cm_is_error(v)) return -1;
  if (cm_is_null(v)) return 0;
  CM_AS(cm_tuple, out)->items[i] = v;
  return 1;
}

/* MATCH_CLASS: the attributes for cls(<npos>, **names) or None. */
static cm_value match_class(cm_vm *vm, cm_value subj, cm_value cls, cm_value names,
                            uint32_t npos) {
  if (!is_type_obj(cls))
    return cm_raise(vm, &cm_exc_TypeError, "called match pattern must be a class");
  int r = cm_isinstance(vm, subj, cls);
  if (r <= 0) return r < 0 ? CM_ERROR : CM_NONE;
  cm_tuple *kw = CM_AS(cm_tuple, names);
  cm_value out = cm_tuple_new(vm, npos + kw->n);
  cm_value seen = cm_dict_new(vm);
  if (cm_is_error(out) || cm_is_error(seen)) return CM_ERROR;
  size_t k = 0;
  if (npos) {
    cm_value ma = cm_getattr_opt(vm, cls, cm_intern(vm, "__match_args__"));
    if (cm_is_error(ma)) return ma;
    if (cm_is_null(ma) && match_self(CM_AS(cm_typeobj, cls)->t)) {
      if (npos > 1)
        return cm_raise(vm, &cm_exc_TypeError, "%U() accepts 1 positional sub-pattern (%d given)",
                        class_name_of(vm, cls), (int)npos);
      CM_AS(cm_tuple, out)->items[k++] = subj;
    } else {
      if (!cm_is_null(ma) && !cm_isinstance_t(vm, ma, &cm_tuple_type))
        return cm_raise(vm, &cm_exc_TypeError, "%U.__match_args__ must be a tuple (got %T)",
                        class_name_of(vm, cls), ma);
      size_t have = cm_is_null(ma) ? 0 : CM_AS(cm_tuple, ma)->n;
      if (npos > have)
        return cm_raise(vm, &cm_exc_TypeError,
                        "%U() accepts %d positional sub-pattern%s (%d given)",
                        class_name_of(vm, cls), (int)have, have == 1 ? "" : "s", (int)npos);
      for (; k < npos; k++) {
        cm_value name = CM_AS(cm_tuple, ma)->items[k];
        if (!is_str(name))
          return cm_raise(vm, &cm_exc_TypeError,
                          "__match_args__ elements must be strings (got %T)", name);
        int a = add_match_attr(vm, cls, subj, cm_intern_value(vm, name), seen, out, k);
        if (a <= 0) return a < 0 ? CM_ERROR : CM_NONE;
      }
    }
  }
  for (size_t i = 0; i < kw->n; i++, k++) {
    int a = add_match_attr(vm, cls, subj, kw->items[i], seen, out, k);
    if (a <= 0) return a < 0 ? CM_ERROR : CM_NONE;
  }
  return out;
}

/* Limits and GC, every TRAP_CHUNK instructions. 0 ok, -1 raised. */
/* Starts the next countdown chunk (also after a breach: finally blocks get
   a grace chunk before the next TimeoutError). */
static void next_chunk(cm_vm *vm) {
  cm_limits *lim = &vm->limits;
  int64_t chunk = TRAP_CHUNK;
  uint64_t used = vm->usage.instructions;
  if (lim->max_instructions && used < lim->max_instructions &&
      lim->max_instructions - used < (uint64_t)chunk)
    chunk = (int64_t)(lim->max_instructions - used);
  vm->trap = chunk;
  vm->usage.instructions += (uint64_t)chunk;
}

/* Limit checks that pass after a breach before it is raised again. */
#define LIMIT_GRACE 4

static int limit_error(cm_vm *vm, const char *msg) {
  vm->limit_grace = LIMIT_GRACE;
  cm_raise(vm, &cm_exc_TimeoutError, "%s", msg);
  if (is_exc_obj(vm->exc)) CM_AS(cm_exc, vm->exc)->uncatchable = 1;
  return -1;
}

static int trap_check(cm_vm *vm) {
  cm_limits *lim = &vm->limits;
  vm->gc_due = 0;
  bool over_insns = lim->max_instructions && vm->usage.instructions >= lim->max_instructions;
  next_chunk(vm);
  if (vm->limit_grace) {
    vm->limit_grace--; /* finally blocks running after a breach */
  } else {
    if (over_insns) return limit_error(vm, "instruction limit exceeded");
    if (lim->max_seconds > 0 && cm_platform_now() - vm->start_time > lim->max_seconds)
      return limit_error(vm, "time limit exceeded");
  }
#ifdef CM_GC_STRESS
  if (vm->nest == 0) cm_gc_collect(vm);
#else
  if (vm->gc_debt > vm->gc_threshold && vm->nest == 0) cm_gc_collect(vm);
#endif
  return 0;
}

/* Like CPython, a run may hold at most max_depth - 1 frames. */
static inline uint32_t max_depth(cm_vm *vm) {
  return vm->limits.max_depth ? vm->limits.max_depth : 1000;
}

static int depth_check(cm_vm *vm) {
  if (vm->depth + 1 >= max_depth(vm)) {
    cm_raise(vm, &cm_exc_RecursionError, "maximum recursion depth exceeded");
    /* A depth limit set by the host is a hard limit like the others; the
       default one (max_depth 0) is catchable as in CPython. */
    if (vm->limits.max_depth && is_exc_obj(vm->exc))
      CM_AS(cm_exc, vm->exc)->uncatchable = 1;
    return -1;
  }
  vm->depth++;
  if (vm->depth > vm->usage.depth_peak) vm->usage.depth_peak = vm->depth;
  return 0;
}

/* ---- small-int and float fast paths -------------------------------------- */

static inline cm_value int_result(cm_vm *vm, int64_t r) {
  return cm_smallint_fits(r) ? cm_mkint(r) : cm_int_from_i64(vm, r);
}

#if defined(__GNUC__)
/* A small int, or a big int that fits in int64 (at most 2 limbs). */
static inline bool as_i64(cm_value v, int64_t *out) {
  if (cm_is_int(v)) {
    *out = cm_intval(v);
    return true;
  }
  if (!cm_is_bigint(v)) return false;
  cm_bigint *b = CM_AS(cm_bigint, v);
  if (b->n > 2 || (b->n == 2 && b->d[1] >= 0x80000000u)) return false;
  uint64_t m = b->d[0] | (b->n == 2 ? (uint64_t)b->d[1] << 32 : 0);
  *out = b->neg ? -(int64_t)m : (int64_t)m;
  return true;
}

static inline cm_value i64_binop(cm_vm *vm, int op, int64_t x, int64_t y) {
  int64_t r;
  switch (op & 15) {
  case CM_OP_ADD:
    if (__builtin_add_overflow(x, y, &r)) return CM_NULL;
    return int_result(vm, r);
  case CM_OP_SUB:
    if (__builtin_sub_overflow(x, y, &r)) return CM_NULL;
    return int_result(vm, r);
  case CM_OP_MUL:
    if (__builtin_mul_overflow(x, y, &r)) return CM_NULL;
    return int_result(vm, r);
  case CM_OP_AND: return int_result(vm, x & y);
  case CM_OP_OR: return int_result(vm, x | y);
  case CM_OP_XOR: return int_result(vm, x ^ y);
  case CM_OP_FLOORDIV:
    if (y == 0 || (y == -1 && x == INT64_MIN)) return CM_NULL;
    r = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
    return int_result(vm, r);
  case CM_OP_MOD:
    if (y == 0 || y == -1) return CM_NULL;
    r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return int_result(vm, r);
  default: return CM_NULL;
  }
}
#endif

static inline bool is_user_obj(cm_value v);

/* binop_slow's rare case, kept out of line: a user operand (or str %
   tuple) whose dunders may run as frames. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static cm_value binop_user(cm_vm *vm, int op, cm_value a, cm_value b, cm_defer *d) {
  int k = cm_op_defer(vm, op, a, b, false, d);
  if (k < 0) return CM_ERROR;
  if (k >= 2) return CM_DEFER;
  return cm_binop(vm, op, a, b);
}

/* Binary operator without the small-int/float fast path: int64-sized big
   ints inline, everything else through cm_binop; CM_DEFER (*d filled,
   cm_op_defer 2 or 3) when a user operand's Python dunders must run as
   frames (the VM's run_op_dunder). */
static cm_value binop_slow(cm_vm *vm, int op, cm_value a, cm_value b, cm_defer *d) {
#if defined(__GNUC__)
  int64_t x, y;
  if (as_i64(a, &x) && as_i64(b, &y)) {
    cm_value r = i64_binop(vm, op, x, y);
    if (!cm_is_null(r)) return r;
  }
#endif
  if (UNLIKELY(is_user_obj(a) || is_user_obj(b) ||
               ((op & 15) == CM_OP_MOD && cm_is_obj(a) &&
                cm_objptr(a)->type == &cm_str_type && cm_is_obj(b) &&
                cm_objptr(b)->type == &cm_tuple_type)))
    return binop_user(vm, op, a, b, d);
  return cm_binop(vm, op, a, b);
}

/* CM_NULL when the fast path does not apply. */
static inline cm_value fast_binop(cm_vm *vm, int op, cm_value a, cm_value b) {
  if (cm_is_int(a) && cm_is_int(b)) {
    int64_t x = cm_intval(a), y = cm_intval(b), r;
    switch (op & 15) {
    case CM_OP_ADD: return int_result(vm, x + y);
    case CM_OP_SUB: return int_result(vm, x - y);
    case CM_OP_MUL:
#if defined(__GNUC__)
      if (__builtin_mul_overflow(x, y, &r)) return CM_NULL;
#else
      if ((x > 0x7FFFFF || x < -0x7FFFFF || y > 0x7FFFFF || y < -0x7FFFFF)) return CM_NULL;
      r = x * y;
#endif
      return int_result(vm, r);
    case CM_OP_FLOORDIV:
      if (y == 0) return CM_NULL;
      r = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
      return int_result(vm, r);
    case CM_OP_MOD:
      if (y == 0) return CM_NULL;
      r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      return cm_mkint(r);
    case CM_OP_AND: return cm_mkint(x & y);
    case CM_OP_OR: return cm_mkint(x | y);
    case CM_OP_XOR: return cm_mkint(x ^ y);
    default: return CM_NULL;
    }
  }
  if (cm_is_float(a) && cm_is_float(b)) {
    double x = cm_floatval(a), y = cm_floatval(b);
    switch (op & 15) {
    case CM_OP_ADD: return cm_float(x + y);
    case CM_OP_SUB: return cm_float(x - y);
    case CM_OP_MUL: return cm_float(x * y);
    case CM_OP_TRUEDIV: return y == 0.0 ? CM_NULL : cm_float(x / y);
    default: return CM_NULL;
    }
  }
  return CM_NULL;
}

static inline cm_value fast_compare(int op, cm_value a, cm_value b) {
  if (cm_is_int(a) && cm_is_int(b)) {
    int64_t x = cm_intval(a), y = cm_intval(b);
    switch (op) {
    case CM_CMP_LT: return cm_bool(x < y);
    case CM_CMP_LE: return cm_bool(x <= y);
    case CM_CMP_EQ: return cm_bool(x == y);
    case CM_CMP_NE: return cm_bool(x != y);
    case CM_CMP_GT: return cm_bool(x > y);
    default: return cm_bool(x >= y);
    }
  }
  if (cm_is_float(a) && cm_is_float(b)) {
    double x = cm_floatval(a), y = cm_floatval(b);
    switch (op) {
    case CM_CMP_LT: return cm_bool(x < y);
    case CM_CMP_LE: return cm_bool(x <= y);
    case CM_CMP_EQ: return cm_bool(x == y);
    case CM_CMP_NE: return cm_bool(x != y);
    case CM_CMP_GT: return cm_bool(x > y);
    default: return cm_bool(x >= y);
    }
  }
  return CM_NULL;
}

/* 1/0 truthiness; -1 error. */
static inline int truthy(cm_vm *vm, cm_value v) {
  if (v == CM_TRUE) return 1;
  if (v == CM_FALSE || v == CM_NONE) return 0;
  if (cm_is_int(v)) return cm_intval(v) != 0;
  return cm_truthy(vm, v);
}

/* Operands an operator instruction takes from the stack (run_op_dunder). */
static inline int op_operands(uint32_t insn) {
  int op = CM_INSN_OP(insn);
  return op == CM_I_BINARY_OP_CONST || op == CM_I_COMPARE_OP_CONST ? 1 : 2;
}

/* A user instance: its dunders may be run as frames (run_dunder). */
static inline bool is_user_obj(cm_value v) {
  return cm_is_obj(v) && cm_objptr(v)->type->id == CM_T_USER;
}

/* Truth of a user instance for the jump instructions: 2 when its Python
   __bool__ / __len__ must run as a frame (*d, *kind set), else cm_truthy. */
static int user_truth(cm_vm *vm, cm_value v, cm_defer *d, int *kind) {
  const cm_type *t = cm_objptr(v)->type;
  cm_value fn = t->truthy ? cm_dunder_find(vm, v, "__bool__")
                : t->len  ? cm_dunder_find(vm, v, "__len__")
                          : CM_NULL;
  if (cm_is_null(fn)) return cm_truthy(vm, v);
  d->fn = fn;
  d->args[0] = v;
  d->nargs = 1;
  *kind = t->truthy ? CM_DK_BOOL : CM_DK_LEN_BOOL;
  return 2;
}

static inline int truth_test(cm_vm *vm, cm_value v, cm_defer *d, int *kind) {
  if (v == CM_TRUE) return 1;
  if (v == CM_FALSE || v == CM_NONE) return 0;
  if (cm_is_int(v)) return cm_intval(v) != 0;
  if (UNLIKELY(is_user_obj(v))) return user_truth(vm, v, d, kind);
  return cm_truthy(vm, v);
}

/* The user dunder `name` of the instance at `o` as a deferred call with
   args (o, a1, a2)[0..n): true when it is a plain Python function. */
static inline bool dunder_call(cm_vm *vm, cm_value o, cm_value fn, cm_value a1,
                               cm_value a2, int n, cm_defer *d) {
  if (cm_is_null(fn)) return false;
  (void)vm;
  d->fn = fn;
  d->args[0] = o;
  d->args[1] = a1;
  d->args[2] = a2;
  d->nargs = n;
  return true;
}

/* ---- calls ----------------------------------------------------------------- */

/* New frame for fn(args) (not linked, depth not counted), or NULL. For a
   generator function *gen_out receives the generator and NULL is returned
   with no error. */
static cm_frame *frame_for_call(cm_vm *vm, cm_func *fn, const cm_value *args, int nargs,
                                cm_value kwnames, cm_value *gen_out) {
  cm_code *c = fn->code;
  bool gen = (c->flags & (CM_CO_GENERATOR | CM_CO_COROUTINE | CM_CO_ASYNC_GENERATOR)) != 0;
  cm_frame *nf = cm_frame_new(vm, c, !gen);
  if (!nf) return NULL;
  if (cm_frame_bind(vm, nf, fn, args, nargs, kwnames) < 0) {
    cm_frame_release(vm, nf);
    return NULL;
  }
  if (c->flags & CM_CO_HIDDEN) nf->hide = 1;
  if (gen) {
    if (c->flags & (CM_CO_COROUTINE | CM_CO_ASYNC_GENERATOR)) {
      cm_frame_release(vm, nf);
      cm_raise(vm, &cm_exc_NotImplementedError, "async functions are not supported yet");
      return NULL;
    }
    *gen_out = cm_gen_new(vm, nf);
    if (cm_is_error(*gen_out)) cm_frame_release(vm, nf);
    return NULL;
  }
  return nf;
}

/* A generator's "exception being handled" state is its own: swapped in
   when it resumes, saved when it yields (sys.exc_info semantics). */
static void gen_exc_resume(cm_vm *vm, cm_gen *g) {
  g->caller_handled = vm->handled;
  if (!cm_is_null(g->handled)) vm->handled = g->handled;
}

static void gen_exc_suspend(cm_vm *vm, cm_gen *g, bool finished) {
  g->handled = (!finished && vm->handled != g->caller_handled) ? vm->handled : CM_NULL;
  vm->handled = g->caller_handled;
  g->caller_handled = CM_NULL;
}

/* A generator made by the call just before `GET_ITER 1` (the iterable of a
   for statement) is referenced by that loop only: leaving the loop early
   closes it, as CPython's refcounting would. */
static inline cm_value mark_loop_gen(cm_value g, const uint32_t *ip) {
  if (CM_INSN_OP(*ip) == CM_I_GET_ITER && CM_INSN_ARG(*ip) == 1) CM_AS(cm_gen, g)->owned = 1;
  return g;
}

/* Unwind one frame whose exception was not handled; returns its caller.
   Generator frames finish here (PEP 479 applies). */
static cm_frame *pop_frame_on_error(cm_vm *vm, cm_frame *f) {
  cm_frame *caller = f->prev;
  vm->depth--;
  if (!cm_is_null(f->gen)) {
    cm_gen *g = CM_AS(cm_gen, f->gen);
    g->running = 0;
    g->finished = 1;
    g->frame = NULL;
    gen_exc_suspend(vm, g, true);
    if (cm_exc_matches(vm, &cm_exc_StopIteration)) {
      cm_value si = vm->exc;
      vm->exc = CM_NULL;
      cm_raise(vm, &cm_exc_RuntimeError, "generator raised StopIteration");
      if (is_exc_obj(vm->exc)) {
        CM_AS(cm_exc, vm->exc)->cause = si;
        CM_AS(cm_exc, vm->exc)->context = si;
        CM_AS(cm_exc, vm->exc)->suppress_context = 1;
      }
    }
  }
  cm_frame_release(vm, f);
  return caller;
}

/* Resume generator g from the loop: links its frame above `caller`. NULL
   with *done set when finished (no exception), NULL + error, or the frame. */
static cm_frame *gen_enter(cm_vm *vm, cm_gen *g, cm_frame *caller, cm_value sent,
                           int mode, int *done) {
  *done = 0;
  int r = cm_gen_check_resume(vm, g);
  if (r < 0) return NULL;
  if (r == 1) {
    *done = 1;
    return NULL;
  }
  cm_frame *gf = g->frame;
  if (!g->started) {
    if (!cm_is_none(sent)) {
      cm_raise(vm, &cm_exc_TypeError, "can't send non-None value to a just-started generator");
      return NULL;
    }
  } else {
    *gf->sp++ = sent;
  }
  if (depth_check(vm) < 0) {
    if (g->started) gf->sp--;
    return NULL;
  }
  g->started = 1;
  g->running = 1;
  gen_exc_resume(vm, g);
  gf->prev = caller;
  gf->ret_mode = (uint8_t)mode;
  gf->entry = 0;
  return gf;
}

/* ---- the loop ---------------------------------------------------------------- */

#if defined(__GNUC__) && !defined(CM_NO_COMPUTED_GOTO)
#define CM_CGOTO 1
#endif

#define SAVE() (f->pc = (uint32_t)(ip - code->insns), f->sp = sp)
#define LOAD()                                                                  \
  do {                                                                          \
    code = f->code;                                                             \
    ip = code->insns + f->pc;                                                   \
    sp = f->sp;                                                                 \
    slots = f->slots;                                                           \
  } while (0)
#define ARG (insn >> 8)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define CHECK(v)                                                                \
  do {                                                                          \
    if (UNLIKELY(cm_is_error(v))) goto error;                                   \
  } while (0)

#ifdef CM_CGOTO
#define TARGET(op) L_##op:
#define EXECUTE() goto *labels[CM_INSN_OP(insn)]
#else
#define TARGET(op) case CM_I_##op:
#define EXECUTE() goto execute
#endif
#define DISPATCH()                                                              \
  do {                                                                          \
    insn = *ip++;                                                               \
    if (UNLIKELY(--trap <= 0)) goto trap_hit;                                   \
    EXECUTE();                                                                  \
  } while (0)
/* At backward jumps and Python calls: when the allocator says a collection
   is due (memory limit near), end the countdown now (keeping the exact
   instruction count) so that trap_hit runs the GC. */
#define POLL_GC_DUE()                                                           \
  do {                                                                          \
    if (UNLIKELY(vm->gc_due) && trap > 1) {                                     \
      vm->usage.instructions -= (uint64_t)(trap - 1);                           \
      trap = 1;                                                                 \
    }                                                                           \
  } while (0)

static cm_value run(cm_vm *vm, cm_frame *f, bool throwing) {
#ifdef CM_CGOTO
  static const void *const labels[CM_NOPCODES] = {
#define CM_X_LBL(name, pops, pushes) &&L_##name,
      CM_OPCODES(CM_X_LBL)
#undef CM_X_LBL
  };
#endif
  cm_code *code;
  const uint32_t *ip;
  cm_value *sp, *slots;
  uint32_t insn = 0;
  /* Every run (top-level, nested through cm_call, resumed after a pause)
     starts a fresh countdown: the first instruction goes through trap_hit,
     which pre-counts a new chunk. Inheriting vm->trap would reuse the
     chunk of an enclosing run, which that run already counted (and will
     un-count on exit): usage.instructions would then wrap below zero. */
  int64_t trap = 0;
  cm_value retval, callable, kwnames, *base;
  cm_value flat; /* call_flat: the call's arguments (+ keyword values) */
  int nargs;
  int unpack_n = -1; /* iterate_in_python: UNPACK_SEQUENCE's count, or -1 */
  cm_defer dfr;      /* run_dunder: the dunder call to make ... */
  int dkind = 0;     /* ... and what to do with its result (CM_DK_*) */
  bool skip_tb = false, from_callee = false;

  LOAD();
  if (throwing) {
    insn = 0;
    goto error;
  }
  DISPATCH();

trap_hit:
  SAVE();
  vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
  if (trap_check(vm) < 0) {
    trap = vm->trap;
    goto error;
  }
  trap = vm->trap;
  EXECUTE();

#ifndef CM_CGOTO
execute:
  switch (CM_INSN_OP(insn)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    sp--;
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(CM_NULL);
    DISPATCH();
  }
  TARGET(COPY) {
    cm_value v = sp[-(int)ARG];
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    cm_value t = sp[-1];
    sp[-1] = sp[-(int)ARG];
    sp[-(int)ARG] = t;
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(code->consts[ARG]);
    DISPATCH();
  }
  TARGET(LOAD_SMALL_INT) {
    PUSH(cm_mkint((int64_t)ARG - CM_SMALL_INT_BIAS));
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    cm_value v = slots[ARG];
    if (UNLIKELY(cm_is_null(v))) {
      unbound_local(vm, code, ARG);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FAST_LOAD_FAST) {
    uint32_t a = ARG & 4095, b = ARG >> 12;
    cm_value v = slots[a], w = slots[b];
    if (UNLIKELY(cm_is_null(v) || cm_is_null(w))) {
      unbound_local(vm, code, cm_is_null(v) ? a : b);
      goto error;
    }
    sp[0] = v;
    sp[1] = w;
    sp += 2;
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    slots[ARG] = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (cm_is_null(slots[ARG])) {
      unbound_local(vm, code, ARG);
      goto error;
    }
    slots[ARG] = CM_NULL;
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    cm_value v = CM_AS(cm_cell, slots[ARG])->value;
    if (UNLIKELY(cm_is_null(v))) {
      unbound_local(vm, code, ARG);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    CM_AS(cm_cell, slots[ARG])->value = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    cm_cell *c = CM_AS(cm_cell, slots[ARG]);
    if (cm_is_null(c->value)) {
      unbound_local(vm, code, ARG);
      goto error;
    }
    c->value = CM_NULL;
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(slots[ARG]);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    cm_value name = code->localnames[ARG];
    cm_value v = cm_is_null(f->locals) ? CM_NULL : cm_dict_get(vm, f->locals, name);
    CHECK(v);
    if (cm_is_null(v)) {
      v = CM_AS(cm_cell, slots[ARG])->value;
      if (cm_is_null(v)) {
        unbound_local(vm, code, ARG);
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    /* ARG >> 1: name index (and cache slot); ARG & 1: also push NULL */
    cm_value v = cached_global(f, &code->caches[ARG >> 1], code->names[ARG >> 1]);
    if (UNLIKELY(cm_is_null(v))) {
      v = load_global_slow(vm, f, ARG >> 1);
      CHECK(v);
      if (UNLIKELY(v == CM_PAUSE)) goto pause;
    }
    PUSH(v);
    if (ARG & 1) PUSH(CM_NULL);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    cm_cache *k = &code->caches[ARG];
    cm_dict *g = CM_AS(cm_dict, f->globals);
    /* an existing key's value is replaced in place: no structural change,
       so the version (and other names' caches) stay valid */
    if (LIKELY(k->globals == g && k->in_globals && k->index < g->nentries &&
               g->entries[k->index].key == code->names[ARG])) {
      g->entries[k->index].value = POP();
      DISPATCH();
    }
    if (cm_dict_set_str(vm, f->globals, code->names[ARG], sp[-1]) < 0) goto error;
    fill_cache(f, ARG, sp[-1], true);
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    int r = cm_dict_del(vm, f->globals, code->names[ARG]);
    if (r < 0) goto error;
    if (r == 0) {
      cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", code->names[ARG]);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    cm_value v = load_name(vm, f, code->names[ARG]);
    CHECK(v);
    if (UNLIKELY(v == CM_PAUSE)) goto pause;
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    if (cm_dict_set(vm, ns_of(f), code->names[ARG], sp[-1]) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    int r = cm_dict_del(vm, ns_of(f), code->names[ARG]);
    if (r < 0) goto error;
    if (r == 0) {
      cm_raise(vm, &cm_exc_NameError, "name '%U' is not defined", code->names[ARG]);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    cm_value o = sp[-1], v;
    if (UNLIKELY(is_user_obj(o))) {
      /* a property getter / __getattr__ runs as a frame (run_dunder) */
      v = cm_instance_getattr_defer(vm, o, code->names[ARG], &dfr);
      if (v == CM_DEFER) {
        sp--;
        dkind = CM_DK_PUSH;
        goto run_dunder;
      }
      if (cm_is_null(v)) v = cm_raise_no_attr(vm, o, code->names[ARG]);
    } else {
      v = cm_getattr(vm, o, code->names[ARG]);
    }
    CHECK(v);
    sp[-1] = v;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    cm_value meth;
    int r;
    if (UNLIKELY(is_user_obj(sp[-1]))) {
      r = cm_instance_getmethod_defer(vm, sp[-1], code->names[ARG], &meth, &dfr);
      if (r == 2) {
        sp--;
        dkind = CM_DK_METHOD;
        goto run_dunder;
      }
    } else {
      r = cm_getmethod(vm, sp[-1], code->names[ARG], &meth);
    }
    if (r < 0) goto error;
    if (r == 1) {
      sp[0] = sp[-1];
      sp[-1] = meth;
    } else {
      sp[-1] = meth;
      sp[0] = CM_NULL;
    }
    sp++;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    int r = UNLIKELY(is_user_obj(sp[-1]))
                ? cm_instance_setattr_defer(vm, sp[-1], code->names[ARG], sp[-2], &dfr)
                : cm_setattr(vm, sp[-1], code->names[ARG], sp[-2]);
    if (r < 0) goto error;
    sp -= 2;
    if (UNLIKELY(r == 2)) { /* __setattr__ / a property setter: a frame */
      dkind = CM_DK_DISCARD;
      goto run_dunder;
    }
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    int r = UNLIKELY(is_user_obj(sp[-1]))
                ? cm_instance_setattr_defer(vm, sp[-1], code->names[ARG], CM_NULL, &dfr)
                : cm_delattr(vm, sp[-1], code->names[ARG]);
    if (r < 0) goto error;
    sp--;
    if (UNLIKELY(r == 2)) {
      dkind = CM_DK_DISCARD;
      goto run_dunder;
    }
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    if (LIKELY(cm_is_obj(sp[-2]))) {
      const cm_type *t = cm_objptr(sp[-2])->type;
      if ((t == &cm_list_type || t == &cm_tuple_type) && cm_is_int(sp[-1])) {
        /* fast path: list/tuple[int] in range */
        size_t n;
        cm_value *items = t == &cm_list_type ? CM_AS(cm_list, sp[-2])->items
                                             : CM_AS(cm_tuple, sp[-2])->items;
        n = t == &cm_list_type ? CM_AS(cm_list, sp[-2])->n : CM_AS(cm_tuple, sp[-2])->n;
        int64_t i = cm_intval(sp[-1]);
        if (i < 0) i += (int64_t)n;
        if (LIKELY(i >= 0 && (uint64_t)i < n)) {
          sp--;
          sp[-1] = items[i];
          DISPATCH();
        }
      } else if (t == &cm_dict_type) { /* a hit in an exact dict */
        cm_value v = cm_dict_get(vm, sp[-2], sp[-1]);
        if (LIKELY(!cm_is_null(v))) {
          CHECK(v);
          sp--;
          sp[-1] = v;
          DISPATCH();
        }
      } else if (UNLIKELY(t->id == CM_T_USER) && t->getitem &&
                 dunder_call(vm, sp[-2], cm_dunder_find(vm, sp[-2], "__getitem__"), sp[-1],
                             CM_NULL, 2, &dfr)) {
        sp -= 2;
        dkind = CM_DK_PUSH;
        goto run_dunder;
      }
    }
    cm_value v = cm_getitem(vm, sp[-2], sp[-1]);
    CHECK(v);
    sp--;
    sp[-1] = v;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    if (LIKELY(cm_is_obj(sp[-2]))) {
      const cm_type *t = cm_objptr(sp[-2])->type;
      if (t == &cm_list_type && cm_is_int(sp[-1])) { /* fast path: list[int] = v */
        cm_list *l = CM_AS(cm_list, sp[-2]);
        int64_t i = cm_intval(sp[-1]);
        if (i < 0) i += (int64_t)l->n;
        if (LIKELY(i >= 0 && (uint64_t)i < l->n)) {
          l->items[i] = sp[-3];
          sp -= 3;
          DISPATCH();
        }
      } else if (UNLIKELY(t->id == CM_T_USER) && t->setitem &&
                 dunder_call(vm, sp[-2], cm_dunder_find(vm, sp[-2], "__setitem__"), sp[-1],
                             sp[-3], 3, &dfr)) {
        sp -= 3;
        dkind = CM_DK_DISCARD;
        goto run_dunder;
      }
    }
    if (cm_setitem(vm, sp[-2], sp[-1], sp[-3]) < 0) goto error;
    sp -= 3;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    if (UNLIKELY(is_user_obj(sp[-2])) && cm_objptr(sp[-2])->type->delitem &&
        dunder_call(vm, sp[-2], cm_dunder_find(vm, sp[-2], "__delitem__"), sp[-1], CM_NULL,
                    2, &dfr)) {
      sp -= 2;
      dkind = CM_DK_DISCARD;
      goto run_dunder;
    }
    if (cm_delitem(vm, sp[-2], sp[-1]) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    cm_slice *s = cm_gc_new(vm, &cm_slice_type, sizeof(cm_slice));
    if (!s) goto error;
    if (ARG == 3) {
      s->step = POP();
    } else {
      s->step = CM_NONE;
    }
    s->stop = POP();
    s->start = sp[-1];
    sp[-1] = CM_VAL(s);
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    cm_value a = sp[-2], b = sp[-1];
    cm_value r = fast_binop(vm, (int)ARG, a, b);
    if (cm_is_null(r)) {
      r = binop_slow(vm, (int)ARG, a, b, &dfr);
      if (UNLIKELY(r == CM_DEFER)) goto run_op_dunder; /* user dunders as frames */
    }
    CHECK(r);
    sp--;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(BINARY_OP_CONST) {
    cm_value a = sp[-1], b = cm_mkint((int64_t)(ARG >> 8) - CM_CONST_OPERAND_BIAS);
    int op = (int)(ARG & 0xFF);
    cm_value r = fast_binop(vm, op, a, b);
    if (cm_is_null(r)) {
      r = binop_slow(vm, op, a, b, &dfr);
      if (UNLIKELY(r == CM_DEFER)) goto run_op_dunder;
    }
    CHECK(r);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(COMPARE_OP_CONST) {
    cm_value a = sp[-1], b = cm_mkint((int64_t)(ARG >> 8) - CM_CONST_OPERAND_BIAS);
    int op = (int)(ARG & 0xFF);
    cm_value r = fast_compare(op, a, b);
    if (LIKELY(!cm_is_null(r))) {
      uint32_t nx = *ip;
      if (CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_FALSE || CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_TRUE) {
        sp--;
        ip++;
        trap--;
        if ((r == CM_TRUE) == (CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_TRUE))
          ip = code->insns + CM_INSN_ARG(nx);
        DISPATCH();
      }
    } else {
      if (UNLIKELY(is_user_obj(a))) {
        int k = cm_op_defer(vm, CM_OP_DEFER_CMP + op, a, b, false, &dfr);
        if (k < 0) goto error;
        if (k >= 2) goto run_op_dunder;
      }
      r = cm_compare(vm, op, a, b);
      CHECK(r);
    }
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(UNARY_OP) {
    cm_value a = sp[-1], r;
    if (ARG == CM_UN_NOT) {
      int t = truth_test(vm, a, &dfr, &dkind);
      if (t < 0) goto error;
      if (UNLIKELY(t == 2)) goto run_dunder; /* reruns on the bool */
      r = cm_bool(!t);
    } else if (ARG == CM_UN_NEG && cm_is_int(a)) {
      r = int_result(vm, -cm_intval(a));
    } else if (UNLIKELY(is_user_obj(a)) &&
               dunder_call(vm, a,
                           cm_dunder_find(vm, a, ARG == CM_UN_NEG   ? "__neg__"
                                                 : ARG == CM_UN_POS ? "__pos__"
                                                                    : "__invert__"),
                           CM_NULL, CM_NULL, 1, &dfr)) {
      sp--; /* __neg__ / __pos__ / __invert__ runs as a frame */
      dkind = CM_DK_PUSH;
      goto run_dunder;
    } else {
      r = cm_unop(vm, (int)ARG, a);
    }
    CHECK(r);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    cm_value a = sp[-2], b = sp[-1];
    cm_value r = fast_compare((int)ARG, a, b);
    if (LIKELY(!cm_is_null(r))) {
      /* fused with a following conditional jump (counted as executed) */
      uint32_t nx = *ip;
      if (CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_FALSE || CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_TRUE) {
        sp -= 2;
        ip++;
        trap--;
        if ((r == CM_TRUE) == (CM_INSN_OP(nx) == CM_I_POP_JUMP_IF_TRUE))
          ip = code->insns + CM_INSN_ARG(nx);
        DISPATCH();
      }
    } else {
      if (UNLIKELY(is_user_obj(a) || is_user_obj(b))) {
        int k = cm_op_defer(vm, CM_OP_DEFER_CMP + (int)ARG, a, b, false, &dfr);
        if (k < 0) goto error;
        if (k >= 2) goto run_op_dunder; /* user dunders run as frames */
      }
      r = cm_compare(vm, (int)ARG, a, b);
    }
    CHECK(r);
    sp--;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    bool r = (sp[-2] == sp[-1]) != (ARG != 0);
    sp--;
    sp[-1] = cm_bool(r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    if (UNLIKELY(is_user_obj(sp[-1])) && cm_objptr(sp[-1])->type->contains &&
        dunder_call(vm, sp[-1], cm_dunder_find(vm, sp[-1], "__contains__"), sp[-2], CM_NULL,
                    2, &dfr)) {
      sp -= 2;
      dkind = ARG ? CM_DK_NOT_IN : CM_DK_IN;
      goto run_dunder;
    }
    int r = cm_contains(vm, sp[-1], sp[-2]);
    if (r < 0) goto error;
    sp--;
    sp[-1] = cm_bool(r != (int)ARG);
    DISPATCH();
  }
  TARGET(JUMP) {
    ip = code->insns + ARG;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    ip = code->insns + ARG;
    POLL_GC_DUE();
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    int t = truth_test(vm, sp[-1], &dfr, &dkind);
    if (t < 0) goto error;
    if (UNLIKELY(t == 2)) goto run_dunder; /* reruns on the bool */
    sp--;
    if (!t) ip = code->insns + ARG;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    int t = truth_test(vm, sp[-1], &dfr, &dkind);
    if (t < 0) goto error;
    if (UNLIKELY(t == 2)) goto run_dunder; /* reruns on the bool */
    sp--;
    if (t) ip = code->insns + ARG;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    if (POP() == CM_NONE) ip = code->insns + ARG;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    if (POP() != CM_NONE) ip = code->insns + ARG;
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    int t = truthy(vm, sp[-1]);
    if (t < 0) goto error;
    if (!t) ip = code->insns + ARG;
    else sp--;
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    int t = truthy(vm, sp[-1]);
    if (t < 0) goto error;
    if (t) ip = code->insns + ARG;
    else sp--;
    DISPATCH();
  }
  TARGET(GET_ITER) {
    if (UNLIKELY(is_user_obj(sp[-1])) && cm_objptr(sp[-1])->type->iter &&
        dunder_call(vm, sp[-1], cm_dunder_find(vm, sp[-1], "__iter__"), CM_NULL, CM_NULL, 1,
                    &dfr)) {
      sp--;
      dkind = CM_DK_ITER;
      goto run_dunder;
    }
    cm_value it = cm_iter(vm, sp[-1]);
    CHECK(it);
    sp[-1] = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    cm_value it = sp[-1];
    if (LIKELY(cm_is_obj(it))) {
      const cm_type *t = cm_objptr(it)->type;
      if (t == &cm_range_iter_type && cm_is_null(CM_AS(cm_range_iter, it)->big_next)) {
        cm_range_iter *ri = CM_AS(cm_range_iter, it);
        if (ri->left > 0) {
          int64_t v = ri->next;
          if (--ri->left) ri->next += ri->step; /* the last step could overflow */
          cm_value iv = cm_smallint_fits(v) ? cm_mkint(v) : cm_int_from_i64(vm, v);
          CHECK(iv);
          PUSH(iv);
          DISPATCH();
        }
        sp--;
        ip = code->insns + ARG;
        DISPATCH();
      }
      if (t == &cm_list_iter_type || t == &cm_tuple_iter_type) {
        cm_seqiter *si = CM_AS(cm_seqiter, it);
        if (LIKELY(cm_is_obj(si->seq))) {
          /* the iterator's own type tells what seq is */
          cm_value v = CM_NULL;
          if (t == &cm_list_iter_type) {
            cm_list *l = CM_AS(cm_list, si->seq);
            if (si->i < l->n) v = l->items[si->i++];
          } else {
            cm_tuple *tu = CM_AS(cm_tuple, si->seq);
            if (si->i < tu->n) v = tu->items[si->i++];
          }
          if (LIKELY(!cm_is_null(v))) {
            PUSH(v);
            DISPATCH();
          }
        }
        si->seq = CM_NULL;
        sp--;
        ip = code->insns + ARG;
        DISPATCH();
      }
      if (t == &cm_generator_type) {
        int done;
        cm_frame *gf = gen_enter(vm, CM_AS(cm_gen, it), f, CM_NONE, CM_RET_FOR, &done);
        if (gf) {
          SAVE();
          vm->frame = f = gf;
          LOAD();
          DISPATCH();
        }
        if (!done) goto error;
        sp--;
        ip = code->insns + ARG;
        DISPATCH();
      }
      if (UNLIKELY(t->id == CM_T_USER)) {
        /* A user iterator: its __next__ is Python code, which a native
           iternext could only run nested (no host-call pause). Swap it for
           the prelude generator ct_user_iter(it), which calls __next__ as
           ordinary bytecode, and run this FOR_ITER again on that. Making
           the generator runs no code. */
        cm_value h = cm_prelude(vm, "ct_user_iter");
        CHECK(h);
        SAVE();
        cm_value g = cm_call(vm, h, &it, 1, CM_NULL);
        CHECK(g);
        sp[-1] = g;
        ip--;
        DISPATCH();
      }
      if (t->iternext) {
        cm_value v = t->iternext(vm, it);
        if (LIKELY(v != CM_STOP)) {
          CHECK(v);
          PUSH(v);
          DISPATCH();
        }
        sp--;
        ip = code->insns + ARG;
        DISPATCH();
      }
    }
    cm_value v = cm_next(vm, it);
    if (v == CM_STOP) {
      sp--;
      ip = code->insns + ARG;
      DISPATCH();
    }
    CHECK(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    goto do_return;
  }
  TARGET(RETURN_CONST) {
    retval = code->consts[ARG];
    goto do_return;
  }
  TARGET(BUILD_TUPLE) {
    cm_value t = cm_tuple_from(vm, sp - ARG, ARG);
    CHECK(t);
    sp -= ARG;
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    cm_value l = cm_list_new(vm, ARG);
    CHECK(l);
    for (uint32_t i = 0; i < ARG; i++) CM_AS(cm_list, l)->items[i] = sp[(int)i - (int)ARG];
    CM_AS(cm_list, l)->n = ARG;
    sp -= ARG;
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    cm_value s = cm_set_new(vm, false);
    CHECK(s);
    for (uint32_t i = 0; i < ARG; i++)
      if (cm_set_add(vm, s, sp[(int)i - (int)ARG]) < 0) goto error;
    sp -= ARG;
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    cm_value d = cm_dict_new(vm);
    CHECK(d);
    cm_value *p = sp - 2 * ARG;
    for (uint32_t i = 0; i < ARG; i++)
      if (cm_dict_set(vm, d, p[2 * i], p[2 * i + 1]) < 0) goto error;
    sp = p;
    PUSH(d);
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    cm_value v = sp[-1];
    cm_list *l = CM_AS(cm_list, sp[-1 - (int)ARG]);
    if (LIKELY(l->n < l->cap)) l->items[l->n++] = v;
    else if (cm_list_append(vm, sp[-1 - (int)ARG], v) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    if (cm_set_add(vm, sp[-1 - (int)ARG], sp[-1]) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    if (cm_dict_set(vm, sp[-2 - (int)ARG], sp[-2], sp[-1]) < 0) goto error;
    sp -= 2;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    /* ARG & 0xFF: distance to the list; ARG & 0x100: building call args */
    cm_value src = sp[-1];
    int dist = (int)(ARG & 0xFF);
    if (UNLIKELY(iterates_in_python(vm, src))) goto iterate_in_python;
    if (cm_list_extend(vm, sp[-1 - dist], src) < 0) {
      star_error(vm, src, (ARG & 0x100) ? sp[-3 - dist] : CM_NULL);
      goto error;
    }
    sp--;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    if (UNLIKELY(iterates_in_python(vm, sp[-1]))) goto iterate_in_python;
    cm_value l = cm_list_from_iterable(vm, sp[-1]);
    CHECK(l);
    for (size_t i = 0; i < CM_AS(cm_list, l)->n; i++)
      if (cm_set_add(vm, sp[-1 - (int)ARG], CM_AS(cm_list, l)->items[i]) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    if (dict_merge(vm, sp[-1 - (int)ARG], sp[-1], false, CM_NULL) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    /* stack: f NULL args dict mapping; ARG = distance to dict */
    cm_value fn = sp[-(int)ARG - 4];
    if (dict_merge(vm, sp[-1 - (int)ARG], sp[-1], true, fn) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    cm_list *l = CM_AS(cm_list, sp[-1]);
    cm_value t = cm_tuple_from(vm, l->items, l->n);
    CHECK(t);
    sp[-1] = t;
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    cm_value seq = sp[-1];
    if (cm_is_obj(seq) && cm_objptr(seq)->type == &cm_tuple_type &&
        CM_AS(cm_tuple, seq)->n == ARG) {
      cm_value *items = CM_AS(cm_tuple, seq)->items;
      sp--;
      for (uint32_t i = ARG; i-- > 0;) *sp++ = items[i];
      DISPATCH();
    }
    if (UNLIKELY(iterates_in_python(vm, seq))) {
      unpack_n = (int)ARG; /* take at most ARG + 1 items, like CPython */
      goto iterate_in_python;
    }
    if (unpack(vm, seq, ARG, 0, false, sp - 1) < 0) goto error;
    sp += (int)ARG - 1;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    cm_value seq = sp[-1];
    size_t before = ARG & 0xFF, after = ARG >> 8;
    if (UNLIKELY(iterates_in_python(vm, seq))) goto iterate_in_python;
    if (unpack(vm, seq, before, after, true, sp - 1) < 0) goto error;
    sp += (int)(before + after);
    DISPATCH();
  }
  TARGET(CALL) {
    nargs = (int)ARG;
    base = sp - nargs - 2;
    kwnames = CM_NULL;
    goto do_call;
  }
  TARGET(CALL_KW) {
    kwnames = POP();
    nargs = (int)ARG - (int)CM_AS(cm_tuple, kwnames)->n;
    base = sp - (int)ARG - 2;
    goto do_call;
  }
  TARGET(CALL_FUNCTION_EX) {
    cm_value kw = (ARG & 1) ? POP() : CM_NULL;
    cm_value args = POP();
    base = sp - 2;
    nargs = flatten_call(vm, args, kw, &flat, &kwnames);
    if (nargs < 0) goto error;
    callable = base[0];
    goto call_flat;
  call_flat: {
    /* args live in the tuple `flat`; no writable slot before them (also
       reached for a native's tail call, from call_done) */
    if (cm_is_obj(callable) && cm_objptr(callable)->type == &cm_method_type) {
      /* a bound method: call its function with self prepended here, so a
         Python function runs in this loop (cm_call_once would nest) */
      cm_method *m = CM_AS(cm_method, callable);
      cm_tuple *ft = CM_AS(cm_tuple, flat);
      cm_value nt = cm_tuple_new(vm, ft->n + 1); /* keyword values too */
      CHECK(nt);
      CM_AS(cm_tuple, nt)->items[0] = m->self;
      memcpy(CM_AS(cm_tuple, nt)->items + 1, ft->items, ft->n * sizeof(cm_value));
      flat = nt;
      nargs++;
      callable = base[0] = m->func;
    }
    const cm_value *av = CM_AS(cm_tuple, flat)->items;
    if (is_func(callable)) {
      cm_value g = CM_NULL;
      SAVE();
      f->sp = base;
      cm_frame *nf = frame_for_call(vm, CM_AS(cm_func, callable), av, nargs, kwnames, &g);
      if (!nf) {
        if (cm_is_null(g) || cm_is_error(g)) goto error;
        sp = base;
        PUSH(mark_loop_gen(g, ip));
        DISPATCH();
      }
      if (depth_check(vm) < 0) {
        cm_frame_release(vm, nf);
        goto error;
      }
      sp = base;
      SAVE();
      nf->prev = f;
      vm->frame = f = nf;
      LOAD();
      POLL_GC_DUE();
      DISPATCH();
    }
    if (cm_is_obj(callable) && cm_objptr(callable)->type == &cm_builtin_type &&
        UNLIKELY(CM_IS_EXTFN(CM_AS(cm_builtin, callable)->fn)) && vm->nest == 0) {
      /* f(*args) of a host function, or a native's tail call of one (an
         OS call), pauses like a plain call (host.h) */
      SAVE();
      retval = cm_host_pause_call(vm, callable, av, nargs, kwnames);
      CHECK(retval);
      if (retval == CM_PAUSE) {
        sp = base;
        goto pause;
      }
    }
    SAVE();
    retval = cm_call_once(vm, callable, av, nargs, kwnames);
    goto call_done;
  }
  }
  TARGET(MAKE_FUNCTION) {
    cm_value fn = make_function(vm, f, sp, ARG);
    CHECK(fn);
    sp -= 1 + !!(ARG & 1) + !!(ARG & 2) + !!(ARG & 4);
    PUSH(fn);
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    if (ARG == 0) {
      if (!is_exc_obj(vm->handled)) {
        cm_raise(vm, &cm_exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      vm->exc = vm->handled;
      goto unwind;
    }
    if (ARG == 2) {
      cm_value cause = POP(), exc = POP();
      raise_from(vm, exc, cause);
    } else {
      cm_raise_value(vm, POP());
    }
    goto error;
  }
  TARGET(RERAISE) {
    vm->exc = POP();
    goto unwind;
  }
  TARGET(DISCARD_EXC) {
    cm_value e = POP();
    if (is_exc_obj(e) && CM_AS(cm_exc, e)->uncatchable) {
      vm->exc = e;
      goto unwind;
    }
    DISPATCH();
  }
  TARGET(PUSH_EXC_INFO) {
    cm_value e = sp[-1];
    sp[-1] = cm_is_null(vm->handled) ? CM_NONE : vm->handled;
    PUSH(e);
    vm->handled = e;
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    cm_value prev = POP();
    vm->handled = cm_is_none(prev) ? CM_NULL : prev;
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    if (ARG == 1) { /* bare except */
      cm_value e = sp[-1];
      PUSH(cm_bool(!(is_exc_obj(e) && CM_AS(cm_exc, e)->uncatchable)));
      DISPATCH();
    }
    cm_value t = sp[-1], e = sp[-2];
    if (check_catchable(vm, t) < 0) goto error;
    int r = 0;
    if (!(is_exc_obj(e) && CM_AS(cm_exc, e)->uncatchable)) {
      r = cm_isinstance(vm, e, t);
      if (r < 0) goto error;
    }
    sp[-1] = cm_bool(r);
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    cm_value mgr = sp[-1], exit = CM_NULL;
    cm_value enter = before_with(vm, mgr, &exit);
    CHECK(enter);
    cm_value meth;
    int r = cm_getmethod(vm, mgr, cm_intern(vm, "__enter__"), &meth);
    if (r < 0) goto error;
    sp[-1] = exit;
    PUSH(meth);
    PUSH(r == 1 ? mgr : CM_NULL);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    /* [exit, prev, exc] -> [exit, prev, exc, exit(...)]: __exit__ runs as a
       frame (with_exit_defer); the result is pushed at dunder_done */
    if (with_exit_defer(vm, sp[-3], sp[-1], &dfr) < 0) goto error;
    dkind = CM_DK_EXIT;
    goto run_dunder;
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(cm_type_value(vm, &cm_exc_AssertionError));
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    cm_value v = load_build_class(vm, f);
    CHECK(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    SAVE();
    cm_value m = import_name(vm, code->names[ARG], sp[-2], sp[-1]);
    CHECK(m);
    sp--;
    sp[-1] = m;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    cm_value v = import_from(vm, sp[-1], code->names[ARG]);
    CHECK(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    if (import_star(vm, f, sp[-1]) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    cm_value *vp = (ARG & 4) ? sp - 2 : sp - 1;
    if (UNLIKELY(is_user_obj(*vp))) {
      /* __format__ / __str__ / __repr__ run as a frame (run_dunder) */
      dkind = cm_dunder_format_fn(vm, *vp, (int)(ARG & 3), (ARG & 4) ? sp[-1] : CM_NULL, &dfr);
      if (dkind >= 0) {
        sp = vp;
        goto run_dunder;
      }
    }
    cm_value spec = (ARG & 4) ? POP() : CM_NULL;
    cm_value r = format_value(vm, sp[-1], (int)(ARG & 3), spec);
    CHECK(r);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    cm_value s = build_string(vm, sp - ARG, ARG);
    CHECK(s);
    sp -= ARG;
    PUSH(s);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    retval = POP();
    SAVE();
    cm_gen *g = CM_AS(cm_gen, f->gen);
    cm_frame *caller = f->prev;
    bool entry = f->entry;
    int mode_of_yield = f->ret_mode;
    g->running = 0;
    gen_exc_suspend(vm, g, false);
    f->prev = NULL;
    f->entry = 0;
    vm->depth--;
    vm->frame = caller;
    if (entry) {
      vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
      vm->trap = 0;
      return retval;
    }
    f = caller;
    LOAD();
    if (mode_of_yield == CM_RET_NEXT) sp[-1] = retval; /* replaces the default slot */
    else PUSH(retval);
    DISPATCH();
  }
  TARGET(SEND) {
    cm_value sub = sp[-2], v = sp[-1];
    if (cm_is_obj(sub) && cm_objptr(sub)->type == &cm_generator_type) {
      int done;
      sp--;
      cm_frame *gf = gen_enter(vm, CM_AS(cm_gen, sub), f, v, CM_RET_SEND, &done);
      if (gf) {
        SAVE();
        vm->frame = f = gf;
        LOAD();
        DISPATCH();
      }
      if (!done) goto error;
      sp[-1] = CM_NONE;
      ip = code->insns + ARG;
      DISPATCH();
    }
    cm_value r;
    if (cm_is_none(v)) {
      r = cm_next(vm, sub);
    } else {
      cm_value args[2] = {sub, v}, meth;
      int m = cm_getmethod(vm, sub, cm_intern(vm, "send"), &meth);
      if (m < 0) goto error;
      r = m == 1 ? cm_call(vm, meth, args, 2, CM_NULL) : cm_call(vm, meth, args + 1, 1, CM_NULL);
    }
    if (r == CM_STOP || (cm_is_error(r) && cm_exc_matches(vm, &cm_exc_StopIteration))) {
      cm_value val = CM_NONE;
      if (cm_is_error(r)) {
        val = cm_stop_iteration_value(vm, vm->exc);
        cm_exc_clear(vm);
      }
      sp--;
      sp[-1] = val;
      ip = code->insns + ARG;
      DISPATCH();
    }
    CHECK(r);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    cm_value o = sp[-1];
    if (!(cm_is_obj(o) && cm_objptr(o)->type == &cm_generator_type)) {
      cm_value it = cm_iter(vm, o);
      CHECK(it);
      sp[-1] = it;
    }
    DISPATCH();
  }
  TARGET(CLEANUP_THROW) {
    cm_value exc = sp[-1];
    if (is_exc_obj(exc) && cm_isinstance_t(vm, exc, &cm_exc_StopIteration)) {
      cm_value v = cm_stop_iteration_value(vm, exc);
      sp--; /* [sub, exc] -> [value] */
      sp[-1] = v;
      DISPATCH();
    }
    vm->exc = exc;
    sp--;
    goto unwind;
  }
  TARGET(NOT_IMPLEMENTED) {
    cm_raise(vm, &cm_exc_NotImplementedError, "%U is not supported yet", code->consts[ARG]);
    goto error;
  }
  TARGET(PRINT_EXPR) {
    if (print_expr(vm, sp[-1]) < 0) goto error;
    sp--;
    DISPATCH();
  }
  TARGET(SETUP_CLASSCELL) {
    if (cm_dict_set_cstr(vm, f->locals, "__classcell__", slots[ARG]) < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_LOCALS) {
    PUSH(ns_of(f));
    DISPATCH();
  }
  TARGET(CALL_INTRINSIC) {
    /* f(*it): the star argument to a tuple */
    if (UNLIKELY(iterates_in_python(vm, sp[-1]))) goto iterate_in_python;
    cm_value r = to_tuple(vm, sp[-1], sp[-3]);
    CHECK(r);
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    cm_value r = cm_bool(match_sequence(vm, sp[-1]));
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    cm_value r = cm_bool(cm_isinstance_t(vm, sp[-1], &cm_dict_type));
    PUSH(r);
    DISPATCH();
  }
  TARGET(GET_LEN) {
    int64_t n = cm_len(vm, sp[-1]);
    if (n < 0) goto error;
    cm_value r = cm_int_from_i64(vm, n);
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    cm_value r = match_keys(vm, sp[-2], sp[-1]);
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    cm_value r = match_class(vm, sp[-3], sp[-2], sp[-1], ARG);
    CHECK(r);
    sp -= 2;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(DICT_WITHOUT_KEYS) {
    cm_value r = dict_without_keys(vm, sp[-2], sp[-1]);
    CHECK(r);
    sp--;
    sp[-1] = r;
    DISPATCH();
  }
  TARGET(POP_ITER) {
    /* leaving a for loop early: a generator only this loop knew is closed,
       as CPython's refcounting would (finally blocks run now) */
    cm_value it = POP();
    if (cm_is_obj(it) && cm_objptr(it)->type == &cm_generator_type &&
        CM_AS(cm_gen, it)->owned && !CM_AS(cm_gen, it)->finished) {
      SAVE();
      if (cm_is_error(cm_gen_close(vm, it))) goto error;
    }
    DISPATCH();
  }

#ifndef CM_CGOTO
  default:
    cm_raise(vm, &cm_exc_SystemError, "unknown opcode %d", (int)CM_INSN_OP(insn));
    goto error;
  }
#endif

do_call : {
  /* base[0] callable, base[1] self_or_NULL, base[2..] args, kwnames */
  callable = base[0];
  cm_value *args = base + 2;
  if (!cm_is_null(base[1])) {
    args--;
    nargs++;
  }
  if (LIKELY(cm_is_obj(callable))) {
    const cm_type *t = cm_objptr(callable)->type;
    if (t == &cm_function_type) {
      cm_func *fn = CM_AS(cm_func, callable);
      cm_code *cc = fn->code;
      frame_pool *pool = vm->frame_pool;
      uint32_t cls = (cc->nlocalsplus + cc->stacksize + 7) / 8;
      /* fast path: positional call of a simple function, pooled frame */
      if (LIKELY((cc->flags & CM_CO_SIMPLE) && (uint32_t)nargs == cc->argcount &&
                 cm_is_null(kwnames) && pool && cls < POOL_CLASSES && pool->free[cls] &&
                 vm->depth + 1 < max_depth(vm))) {
        cm_frame *nf = pool->free[cls];
        pool->free[cls] = nf->prev;
        nf->prev = f;
        nf->func = fn;
        nf->code = cc;
        nf->globals = fn->globals;
        nf->builtins = fn->builtins;
        nf->locals = nf->gen = CM_NULL;
        nf->pc = 0;
        nf->entry = nf->ret_mode = 0;
        nf->pooled = 1;
        nf->hide = (cc->flags & CM_CO_HIDDEN) != 0;
        uint32_t i = 0;
        for (; i < (uint32_t)nargs; i++) nf->slots[i] = args[i];
        for (; i < cc->nlocalsplus; i++) nf->slots[i] = CM_NULL;
        if (++vm->depth > vm->usage.depth_peak) vm->usage.depth_peak = vm->depth;
        sp = base;
        SAVE();
        vm->frame = f = nf;
        code = cc;
        ip = cc->insns;
        slots = nf->slots;
        sp = slots + cc->nlocalsplus;
        POLL_GC_DUE();
        DISPATCH();
      }
      cm_value g = CM_NULL;
      cm_frame *nf = frame_for_call(vm, fn, args, nargs, kwnames, &g);
      if (!nf) {
        if (cm_is_null(g) || cm_is_error(g)) goto error;
        sp = base;
        PUSH(mark_loop_gen(g, ip));
        DISPATCH();
      }
      if (UNLIKELY(depth_check(vm) < 0)) {
        cm_frame_release(vm, nf);
        goto error;
      }
      sp = base;
      SAVE();
      nf->prev = f;
      vm->frame = f = nf;
      LOAD();
      POLL_GC_DUE();
      DISPATCH();
    }
    if (t == &cm_method_type && cm_is_null(base[1])) {
      cm_method *m = CM_AS(cm_method, callable);
      base[0] = m->func;
      base[1] = m->self;
      nargs = (int)(sp - base) - 2 - (cm_is_null(kwnames) ? 0 : 0);
      /* recompute from the stack: positional count excludes keywords */
      if (!cm_is_null(kwnames)) nargs -= (int)CM_AS(cm_tuple, kwnames)->n;
      goto do_call;
    }
    if (t == &cm_builtin_type) {
      cm_builtin *b = CM_AS(cm_builtin, callable);
      if (UNLIKELY(b->fn == cm_bi_next || b->fn == cm_gen_send) && cm_is_null(kwnames)) {
        cm_value gv = CM_NULL, dflt = CM_NULL, sent = CM_NONE;
        if (b->fn == cm_bi_next) {
          if (nargs == 1 || nargs == 2) {
            gv = args[0];
            if (nargs == 2) dflt = args[1];
          }
        } else {
          /* gen.send(v): as next(), v sent in (a return raises StopIteration) */
          bool bound = !cm_is_null(b->self) && cm_is_null(base[1]);
          if (nargs == (bound ? 1 : 2)) {
            gv = bound ? b->self : args[0];
            sent = args[bound ? 0 : 1];
          }
        }
        if (!cm_is_null(gv) && cm_is_obj(gv) && cm_objptr(gv)->type == &cm_generator_type) {
          /* next(generator): resume it in this loop (a nested resume could
             not pause for the host); see CM_RET_NEXT. */
          sp = base;
          PUSH(dflt);
          int done;
          cm_frame *gf = gen_enter(vm, CM_AS(cm_gen, gv), f, sent, CM_RET_NEXT, &done);
          if (gf) {
            SAVE();
            vm->frame = f = gf;
            LOAD();
            DISPATCH();
          }
          if (!done) goto error;
          if (!cm_is_null(sp[-1])) DISPATCH(); /* exhausted: the default */
          sp--;
          retval = CM_NONE;
          goto next_stop;
        }
      }
      if (UNLIKELY(CM_IS_EXTFN(b->fn)) && vm->nest == 0) {
        /* host.h: pause for the host, the call's arguments popped */
        SAVE();
        retval = cm_host_pause_call(vm, callable, args, nargs, kwnames);
        CHECK(retval);
        if (retval == CM_PAUSE) {
          sp = base;
          goto pause;
        }
      }
      if (!cm_is_null(b->self) && cm_is_null(base[1])) {
        base[1] = b->self;
        args = base + 1;
        nargs++;
      }
      SAVE();
      retval = b->fn(vm, args, nargs, kwnames);
      goto call_done;
    }
  }
  SAVE();
  retval = cm_call_once(vm, callable, args, nargs, kwnames);
  goto call_done;
}

call_done:
  if (LIKELY(retval != CM_TAILCALL)) {
    CHECK(retval);
    sp = base;
    PUSH(retval);
    DISPATCH();
  }
  {
    /* A native asked us to call tail_callable(*tail_args, **tail_kwargs). */
    callable = vm->tail_callable;
    cm_value targs = vm->tail_args, tkw = vm->tail_kwargs;
    vm->tail_callable = vm->tail_args = vm->tail_kwargs = CM_NULL;
    base[0] = callable;
    base[1] = CM_NULL;
    sp = base + 2;
    nargs = flatten_call(vm, targs, tkw, &flat, &kwnames);
    if (nargs < 0) goto error;
    goto call_flat;
  }

iterate_in_python : {
  /* The current instruction's iterable (top of stack) yields its items
     through Python code (iterates_in_python): run ct_list(it) -- or, for
     UNPACK_SEQUENCE, ct_unpack(it, n), which stops after n + 1 items like
     CPython -- as a frame of this loop; on return (CM_RET_REDO) the list
     replaces the iterable and the instruction runs again, now natively.
     iter() is taken here so a failing __iter__ raises at this instruction;
     if the iterator turns out native, the instruction just reruns on it. */
  int hn = unpack_n < 0 ? 1 : 2;
  cm_value hargs[2] = {CM_NULL, cm_mkint(unpack_n)};
  unpack_n = -1;
  cm_value it = cm_iter(vm, sp[-1]);
  CHECK(it);
  hargs[0] = it;
  if (cm_iterable_is_native(vm, it)) {
    sp[-1] = it;
    ip--;
    DISPATCH();
  }
  cm_value h = cm_prelude(vm, hn == 1 ? "ct_list" : "ct_unpack");
  CHECK(h);
  cm_value g = CM_NULL;
  cm_frame *nf = frame_for_call(vm, CM_AS(cm_func, h), hargs, hn, CM_NULL, &g);
  if (!nf) goto error; /* the helpers are plain functions: never generators */
  if (depth_check(vm) < 0) {
    cm_frame_release(vm, nf);
    goto error;
  }
  SAVE();
  nf->prev = f;
  nf->ret_mode = CM_RET_REDO;
  vm->frame = f = nf;
  LOAD();
  POLL_GC_DUE();
  DISPATCH();
}

run_dunder : {
  /* The current instruction needs a user dunder (dfr, a plain Python
     function): run it as a frame of this loop, so a host call inside can
     pause (vm.h). Its operands are already popped, except for the
     truth-test kinds, whose instruction reruns on the checked bool, and
     WITH_EXCEPT_START's (CM_DK_EXIT), which stay below the result. */
  cm_value g = CM_NULL;
  cm_frame *nf = frame_for_call(vm, CM_AS(cm_func, dfr.fn), dfr.args, dfr.nargs, CM_NULL, &g);
  if (!nf) {
    if (cm_is_null(g) || cm_is_error(g)) goto error;
    retval = g; /* a generator function: its generator is the result */
    goto dunder_done;
  }
  if (depth_check(vm) < 0) {
    cm_frame_release(vm, nf);
    goto error;
  }
  SAVE();
  nf->prev = f;
  nf->ret_mode = (uint8_t)(CM_RET_DUNDER + dkind);
  vm->frame = f = nf;
  LOAD();
  POLL_GC_DUE();
  DISPATCH();
}

run_op_dunder : {
  /* An operator instruction (the one before ip) whose protocol calls a
     user dunder (cm_op_defer filled dfr): its first dunder alone, operands
     kept (CM_DK_OP), or a prelude helper (hidden code: dn_op, dn_pct),
     operands popped. */
  bool direct = !(CM_AS(cm_func, dfr.fn)->code->flags & CM_CO_HIDDEN);
  if (direct) {
    dkind = CM_DK_OP;
  } else {
    sp -= op_operands(ip[-1]);
    dkind = CM_DK_PUSH;
  }
  goto run_dunder;
}

dunder_done:
  /* retval: the dunder's result for the instruction before ip (dkind) */
  if (dkind == CM_DK_DISCARD) DISPATCH();
  if (dkind == CM_DK_OP) {
    int n = op_operands(ip[-1]);
    if (retval != CM_NOTIMPL) {
      sp -= n;
      PUSH(retval);
      DISPATCH();
    }
    /* NotImplemented: the rest of the protocol through dn_op */
    uint32_t in = ip[-1];
    int iop = CM_INSN_OP(in), arg = (int)CM_INSN_ARG(in);
    cm_value a = sp[-n], b;
    if (n == 2) {
      b = sp[-1];
    } else {
      b = cm_mkint((int64_t)(arg >> 8) - CM_CONST_OPERAND_BIAS);
      arg &= 0xFF;
    }
    if (iop == CM_I_COMPARE_OP || iop == CM_I_COMPARE_OP_CONST) arg += CM_OP_DEFER_CMP;
    if (cm_op_defer(vm, arg, a, b, true, &dfr) < 0) goto error;
    sp -= n;
    dkind = CM_DK_PUSH;
    goto run_dunder;
  }
  if (dkind == CM_DK_EXIT) {
    /* a limit breach is never swallowed, whatever __exit__ returned */
    cm_value exc = sp[-1];
    PUSH(is_exc_obj(exc) && CM_AS(cm_exc, exc)->uncatchable ? CM_FALSE : retval);
    DISPATCH();
  }
  if (dkind != CM_DK_PUSH) {
    retval = cm_dunder_result(vm, dkind, retval);
    CHECK(retval);
  }
  if (dkind == CM_DK_BOOL || dkind == CM_DK_LEN_BOOL) {
    sp[-1] = retval;
    ip--;
    DISPATCH();
  }
  PUSH(retval);
  if (dkind == CM_DK_METHOD) PUSH(CM_NULL);
  DISPATCH();

do_return : {
  cm_frame *caller = f->prev;
  bool entry = f->entry;
  int mode = f->ret_mode;
  vm->depth--;
  if (!cm_is_null(f->gen)) {
    cm_gen *g = CM_AS(cm_gen, f->gen);
    g->running = 0;
    g->finished = 1;
    g->frame = NULL;
    gen_exc_suspend(vm, g, true);
  }
  cm_frame_release(vm, f);
  vm->frame = caller;
  if (entry) {
    vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
    vm->trap = 0;
    return retval;
  }
  f = caller;
  LOAD();
  if (mode == CM_RET_FOR) {
    sp--;
    ip = code->insns + CM_INSN_ARG(ip[-1]);
  } else if (mode == CM_RET_SEND) {
    sp[-1] = retval;
    ip = code->insns + CM_INSN_ARG(ip[-1]);
  } else if (mode == CM_RET_NEXT) {
    if (cm_is_null(sp[-1])) {
      sp--;
      goto next_stop;
    }
    /* the default stays as next()'s result */
  } else if (mode == CM_RET_REDO) {
    sp[-1] = retval;
    ip--;
  } else if (mode >= CM_RET_DUNDER) {
    dkind = mode - CM_RET_DUNDER;
    goto dunder_done;
  } else {
    PUSH(retval);
  }
  DISPATCH();
}

next_stop : {
  /* next(g) without a default on a finished generator: StopIteration,
     carrying the return value (retval) as CPython's gen.__next__ does. */
  if (cm_is_none(retval)) {
    cm_raise_value(vm, cm_type_value(vm, &cm_exc_StopIteration));
  } else {
    cm_value a = cm_tuple_from(vm, &retval, 1);
    CHECK(a);
    cm_value e = cm_exc_new(vm, &cm_exc_StopIteration, a);
    CHECK(e);
    cm_raise_value(vm, e);
  }
  goto error;
}

pause:
  /* host.h: save the frame (ip past the pausing instruction) and return;
     cm_vm_resume continues here. */
  SAVE();
  vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
  vm->trap = 0;
  return CM_PAUSE;

error:
  /* An exception was raised by the instruction before ip in frame f. */
  if (!skip_tb) {
    if (!from_callee) set_context(vm);
    add_traceback(vm, code, (uint32_t)(ip - code->insns) - 1);
  }
  skip_tb = false;
  from_callee = false;
unwind : {
  uint32_t pc = (uint32_t)(ip - code->insns) - 1;
  const cm_exc_entry *h = find_handler(code, pc);
  if (h) {
    sp = f->slots + code->nlocalsplus + h->depth;
    if (h->lasti) PUSH(cm_mkint(pc));
    PUSH(vm->exc);
    vm->exc = CM_NULL;
    ip = code->insns + h->target;
    DISPATCH();
  }
  bool entry = f->entry, hidden = f->hide;
  cm_frame *caller = pop_frame_on_error(vm, f);
  vm->frame = caller;
  if (entry) {
    vm->usage.instructions = (uint64_t)((int64_t)vm->usage.instructions - trap);
    vm->trap = 0;
    return CM_ERROR;
  }
  f = caller;
  LOAD();
  skip_tb = hidden;
  from_callee = true;
  goto error;
}
}

/* ---- entry points ---------------------------------------------------------- */

cm_value cm_vm_run_frame(cm_vm *vm, cm_frame *f, bool throwing) {
  if (depth_check(vm) < 0) return CM_ERROR;
  if (!cm_is_null(f->gen)) gen_exc_resume(vm, CM_AS(cm_gen, f->gen));
  f->entry = 1;
  f->prev = vm->frame;
  vm->frame = f;
  vm->nest++;
  cm_value r = run(vm, f, throwing);
  vm->nest--;
  return r;
}

static void finish_top_run(cm_vm *vm) {
  vm->usage.seconds = cm_platform_now() - vm->start_time;
}

cm_value cm_run_code(cm_vm *vm, cm_value codev, cm_value globals) {
  return cm_run_code_ns(vm, codev, globals, CM_NULL);
}

cm_value cm_run_code_ns(cm_vm *vm, cm_value codev, cm_value globals, cm_value locals) {
  cm_code *code = CM_AS(cm_code, codev);
  bool top = vm->frame == NULL;
  cm_frame *f = cm_frame_new(vm, code, true);
  if (!f) return CM_ERROR;
  f->globals = globals;
  f->locals = locals == globals ? CM_NULL : locals;
  f->builtins = vm->builtins;
  cm_value b = cm_dict_get_cstr(vm, globals, "__builtins__");
  if (cm_is_error(b)) cm_exc_clear(vm);
  else if (cm_is_obj(b) && cm_objptr(b)->type == &cm_dict_type) f->builtins = b;
  else if (cm_is_obj(b) && cm_objptr(b)->type == &cm_module_type)
    f->builtins = CM_AS(cm_module, b)->dict;
  if (depth_check(vm) < 0) {
    cm_frame_release(vm, f);
    return CM_ERROR;
  }
  f->entry = 1;
  f->prev = vm->frame;
  vm->frame = f;
  if (!top) vm->nest++;
  cm_value r = run(vm, f, false);
  if (!top) vm->nest--;
  if (top) finish_top_run(vm);
  return r;
}

cm_value cm_vm_call_function(cm_vm *vm, cm_value func, const cm_value *args, int nargs,
                             cm_value kwnames) {
  cm_value g = CM_NULL;
  cm_frame *f = frame_for_call(vm, CM_AS(cm_func, func), args, nargs, kwnames, &g);
  if (!f) return cm_is_null(g) ? CM_ERROR : g;
  if (depth_check(vm) < 0) {
    cm_frame_release(vm, f);
    return CM_ERROR;
  }
  bool top = vm->frame == NULL;
  f->entry = 1;
  f->prev = vm->frame;
  vm->frame = f;
  vm->nest++;
  cm_value r = run(vm, f, false);
  vm->nest--;
  if (top) finish_top_run(vm);
  return r;
}

cm_value cm_vm_run_class_body(cm_vm *vm, cm_value func, cm_value ns) {
  cm_func *fn = CM_AS(cm_func, func);
  cm_frame *f = cm_frame_new(vm, fn->code, true);
  if (!f) return CM_ERROR;
  if (cm_frame_bind(vm, f, fn, NULL, 0, CM_NULL) < 0) {
    cm_frame_release(vm, f);
    return CM_ERROR;
  }
  f->locals = ns;
  if (depth_check(vm) < 0) {
    cm_frame_release(vm, f);
    return CM_ERROR;
  }
  f->entry = 1;
  f->prev = vm->frame;
  vm->frame = f;
  vm->nest++;
  cm_value r = run(vm, f, false);
  vm->nest--;
  return r;
}

int cm_vm_super_args(cm_vm *vm, cm_value *cls, cm_value *self) {
  cm_frame *f = vm->frame;
  if (!f || !f->func || f->code->argcount == 0) {
    cm_raise(vm, &cm_exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  cm_code *c = f->code;
  cm_value first = f->slots[0];
  if (cm_is_obj(first) && cm_objptr(first)->type == &cm_cell_type &&
      (c->localkinds[0] & CM_LK_CELL))
    first = CM_AS(cm_cell, first)->value;
  if (cm_is_null(first)) {
    cm_raise(vm, &cm_exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  for (uint32_t i = c->nlocalsplus - c->nfree; i < c->nlocalsplus; i++) {
    if (strcmp(cm_str_cstr(c->localnames[i]), "__class__") != 0) continue;
    cm_value v = CM_AS(cm_cell, f->slots[i])->value;
    if (cm_is_null(v)) {
      cm_raise(vm, &cm_exc_RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    *cls = v;
    *self = first;
    return 0;
  }
  cm_raise(vm, &cm_exc_RuntimeError, "super(): __class__ cell not found");
  return -1;
}

/* ---- host API: resuming a paused run (host.h) ---------------------------- */

cm_value cm_vm_resume(cm_vm *vm, cm_value v, bool throwing) {
  cm_frame *f = vm->frame;
  if (!f) {
    if (!throwing) cm_raise(vm, &cm_exc_RuntimeError, "no paused run");
    return CM_ERROR;
  }
  if (!throwing) {
    uint32_t insn = f->code->insns[f->pc - 1];
    *f->sp++ = v;
    if (CM_INSN_OP(insn) == CM_I_LOAD_GLOBAL && (CM_INSN_ARG(insn) & 1)) *f->sp++ = CM_NULL;
  }
  cm_value r = run(vm, f, throwing);
  finish_top_run(vm);
  return r;
}

void cm_vm_abort(cm_vm *vm) {
  cm_value exc = vm->exc;
  vm->exc = CM_NULL;
  cm_frame *f = vm->frame;
  while (f) {
    bool entry = f->entry;
    f = pop_frame_on_error(vm, f);
    vm->exc = CM_NULL;
    if (entry) break;
  }
  vm->frame = f;
  vm->exc = exc;
}
