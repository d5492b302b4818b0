/*
** vm.h — the interpreter handle and the internal API every file uses.
**
** Conventions (read these before writing any C in src/):
**  - No global mutable state. Everything hangs from cm_vm.
**  - Errors: a function returning cm_value returns CM_ERROR with an
**    exception set (vm->exc); a function returning int returns -1. Callers
**    propagate at once. Functions never leave an exception set on success.
**  - Memory: only through cm_alloc/cm_realloc/cm_free (raw buffers) and
**    cm_gc_new (objects). They raise MemoryError and return NULL on failure.
**  - GC: a tracing mark & sweep. It runs ONLY at VM safe points (calls and
**    backward jumps in the VM loop) and never while native code is running
**    a nested call (vm->nest > 0). So native code may hold fresh objects in
**    C locals freely, as long as it does not store them anywhere the GC
**    cannot see after returning. Objects must be reachable from a root
**    (frames, globals, builtins, vm fields, cm_root_push) at safe points.
**  - Strings in the API are UTF-8. Names are interned cm_str (cm_intern).
**  - Stacklessness: Python code called by the VM never recurses on the C
**    stack. A native function that needs to call Python code either
**    (a) returns cm_tailcall(...) — the VM makes the call in its place, or
**    (b) delegates to a Python implementation in the prelude (prelude.c)
**        via cm_tailcall(vm, cm_prelude(vm, "name"), ...), or
**    (c) as a last resort uses cm_call(), a nested run of the VM loop that
**        cannot pause for host calls (fine for __eq__/__hash__/__lt__).
**    The VM's own call paths call natives with cm_call_once() and perform
**    a returned tail call themselves (never cm_call, whose loop would
**    nest). Natives deciding "can I do this natively?" must treat host
**    (extfn) builtins and generators/user iterators as Python code.
**    Instructions that consume an iterable (unpacking, `*x`, `{*x}`) hand
**    generators and user iterables to a prelude helper run as a frame
**    (CM_RET_REDO); FOR_ITER wraps a user iterator in a prelude generator;
**    next(generator) and gen.send(v) are stepped by the loop (CM_RET_NEXT).
**    User dunders that are plain Python functions (property getters and
**    setters, __getattr__, __setattr__/__delattr__, __getitem__/
**    __setitem__/__delitem__, __contains__, __iter__, __bool__/__len__ in
**    truth tests, __str__/__repr__/__format__ in f-strings, __exit__ when
**    a with body raised, operator dunders of BINARY_OP / COMPARE_OP /
**    UNARY_OP: the protocol is walked by the prelude's dn_op, see
**    cm_op_defer; str % values through dn_pct) run as frames of the loop
**    when reached from
**    bytecode (CM_RET_DUNDER, see "user dunders run as frames" below);
**    builtins reaching them (len, repr, str, bool, iter, format, print,
**    getattr, hasattr, setattr, delattr; min/max of user instances)
**    tail-call prelude helpers.
**    Comparisons made by natives (containers, list.sort, sorted) and
**    __hash__/__eq__ of dict/set lookups stay nested.
*/
#ifndef CM_VM_H
#define CM_VM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../include/cmonty.h"
#include "object.h"
#include "exc.h"

typedef struct cm_frame cm_frame; /* frame.h (VM) */

#define CM_POOL_GRAIN 16
#define CM_POOL_MAX 512
#define CM_POOL_CLASSES (CM_POOL_MAX / CM_POOL_GRAIN + 1)

typedef struct cm_limits {
  uint64_t max_instructions; /* 0 = unlimited */
  uint64_t max_memory;       /* bytes, 0 = unlimited */
  uint64_t max_allocations;  /* 0 = unlimited */
  double max_seconds;        /* 0 = unlimited */
  uint32_t max_depth;        /* Python recursion depth (default 1000) */
} cm_limits;

typedef struct cm_usage {
  uint64_t instructions;
  uint64_t memory;       /* bytes now */
  uint64_t memory_peak;  /* bytes */
  uint64_t allocations;  /* count since the run began */
  uint32_t depth_peak;
  double seconds;
} cm_usage;

struct cm_vm {
  /* allocator hook (Lua style): realloc(ud, ptr, old, new); new == 0 frees */
  cmonty_alloc_fn alloc;
  void *alloc_ud;
  uint64_t mem_bytes, mem_peak, nalloc;

  /* GC */
  cm_obj *objects;       /* all heap objects, linked by gc_next */
  uint64_t gc_debt;      /* bytes allocated since the last collection */
  uint64_t gc_threshold; /* collect when gc_debt exceeds this */
  cm_value *roots;       /* explicit root stack (cm_root_push) */
  size_t nroots, roots_cap;
  uint32_t nest;         /* nested VM runs (cm_call) in progress */
  uint32_t c_depth;      /* C recursion (repr of nested containers, ...) */

  /* interned strings: open addressing set of cm_str* (weak) */
  cm_str **interned;
  size_t interned_n, interned_mask;

  /* type objects for built-in types, by id */
  cm_value typeobj[CM_T_NBUILTIN];
  cm_value builtins;     /* dict: the builtins module's namespace */
  cm_value modules;      /* dict: name -> module */
  cm_value main_globals; /* dict of __main__ */
  cm_value prelude;      /* dict: Python-level helpers (prelude.c), lazy */
  cm_value empty_tuple;  /* the one () (as CPython: `() is ()`), lazy */

  /* Small-block cache (mem.c): freed blocks of up to CM_POOL_MAX bytes,
     by 16-byte size class, reused before asking the allocator hook. */
  void *pool_free[CM_POOL_CLASSES];
  uint64_t pool_cached;  /* bytes held in pool_free */

  /* GC internals (gc.c) */
  cm_obj **gray;         /* mark stack */
  size_t ngray, gray_cap;
  uint8_t gray_overflow; /* mark stack could not grow: rescan the heap */
  uint8_t in_limit_error;/* suspends the memory limit while raising it */

  /* exception state */
  cm_value memerr;       /* preallocated MemoryError (exc.c), for OOM */
  cm_value exc;          /* exception being raised (cm_exc) or CM_NULL */
  cm_value handled;      /* exception being handled (sys.exc_info) */

  /* execution */
  cm_frame *frame;       /* innermost executing frame */
  uint32_t depth;        /* Python call depth */
  int64_t trap;          /* countdown to the next limit/GC check */
  cm_value tail_callable;/* cm_tailcall request */
  cm_value tail_args;    /* tuple: positional args */
  cm_value tail_kwargs;  /* dict or CM_NULL */

  cm_limits limits;
  cm_usage usage;
  double start_time;

  /* output */
  cmonty_write_fn write;
  void *write_ud;

  void *user;            /* host data */

  /* -- added by the compiler/VM engineer -- */
  void *frame_pool;      /* vm.c: recycled frames (a GC object) */

  /* -- added by the runtime engineer (api.c) -- */
  /* Texts handed to the host (error type, message, traceback, eval repr):
     one cm_alloc'd buffer, freed by cmonty_free before cm_vm_free. */
  char *api_text;
  size_t api_text_size;

  /* -- added by the host-API engineer (host.c) -- */
  void *host;            /* struct cm_host: handles, programs, paused run */

  /* -- added by the limits engineer (mem.c, vm.c) -- */
  /* Set by the allocator when a memory limit is set and a collection is
     due (gc_debt > gc_threshold): the VM then checks at the next backward
     jump or Python call instead of waiting for the trap countdown, so the
     GC runs before the heap reaches the limit. */
  uint8_t gc_due;
  /* After a time/instruction limit breach: how many more limit checks
     (trap hits, nested-run entries) pass before the breach is raised again,
     so that finally blocks and __exit__ methods get to run (vm.c). */
  uint8_t limit_grace;
};

/* ---- the interpreter (mem.c) ------------------------------------------ */
/* New interpreter: allocates the handle through `alloc` (NULL: the C
   library's realloc/free), sets default limits, makes the type objects and
   builtins. NULL if memory runs out (nothing leaks). */
cm_vm *cm_vm_new(cmonty_alloc_fn alloc, void *ud);
/* Frees every object and buffer the interpreter owns, then the handle. */
void cm_vm_free(cm_vm *vm);
/* Starts a run's accounting: usage counters, start time, trap. */
void cm_vm_begin_run(cm_vm *vm);

/* ---- memory (mem.c) -------------------------------------------------- */
void *cm_alloc(cm_vm *vm, size_t n);
void *cm_realloc(cm_vm *vm, void *p, size_t old, size_t n);
void cm_free(cm_vm *vm, void *p, size_t n);
/* New GC object of `size` bytes (>= sizeof(cm_obj)), header filled,
   remaining bytes zeroed. */
void *cm_gc_new(cm_vm *vm, const cm_type *t, size_t size);

/* ---- GC (gc.c) ------------------------------------------------------- */
void cm_gc_mark_value(cm_vm *vm, cm_value v);
void cm_gc_mark_obj(cm_vm *vm, cm_obj *o);
void cm_gc_collect(cm_vm *vm);
/* Roots for native code that must keep values alive across a safe point
   (e.g. state kept across a nested cm_call). Push/pop in LIFO order. */
int cm_root_push(cm_vm *vm, cm_value v);
void cm_root_pop(cm_vm *vm, size_t n);

/* ---- exceptions (exc.c) ---------------------------------------------- */
/* Raise an exception of built-in type `t` with a printf-like message.
   Formats: %s (C string), %d %i (int), %ld, %lld, %zu, %c, %%,
   %S (str() of a cm_value), %R (repr() of a cm_value),
   %T (type name of a cm_value), %U (a cm_str value, verbatim).
   Always returns CM_ERROR. */
cm_value cm_raise(cm_vm *vm, const cm_type *t, const char *fmt, ...);
cm_value cm_raisev(cm_vm *vm, const cm_type *t, const char *fmt, va_list ap);
/* Raise an exception instance or class value (the `raise X` statement). */
cm_value cm_raise_value(cm_vm *vm, cm_value exc);
cm_value cm_raise_memory(cm_vm *vm);
cm_value cm_exc_new(cm_vm *vm, const cm_type *t, cm_value args_tuple);
/* Is the pending exception (vm->exc) an instance of t? */
bool cm_exc_matches(cm_vm *vm, const cm_type *t);
void cm_exc_clear(cm_vm *vm);
cm_value cm_stop_iteration_value(cm_vm *vm, cm_value exc); /* .value or None */

/* ---- generic operations on values (object.c) ------------------------- */
cm_value cm_repr(cm_vm *vm, cm_value v);   /* -> str */
cm_value cm_to_str(cm_vm *vm, cm_value v); /* str(v) -> str */
cm_value cm_format(cm_vm *vm, cm_value v, cm_value spec); /* format() */
int cm_hash(cm_vm *vm, cm_value v, int64_t *out);
int cm_truthy(cm_vm *vm, cm_value v);
int cm_eq(cm_vm *vm, cm_value a, cm_value b); /* 1/0/-1, identity first */
cm_value cm_compare(cm_vm *vm, int op, cm_value a, cm_value b);
int cm_compare_bool(cm_vm *vm, int op, cm_value a, cm_value b);
cm_value cm_binop(cm_vm *vm, int op, cm_value a, cm_value b);
/* The TypeError of `a op b` once every dunder said NotImplemented
   (CPython's wording, sequence special cases included); CM_ERROR. */
cm_value cm_binop_error(cm_vm *vm, int op, cm_value a, cm_value b);
cm_value cm_unop(cm_vm *vm, int op, cm_value a);
int64_t cm_len(cm_vm *vm, cm_value v);
cm_value cm_getitem(cm_vm *vm, cm_value o, cm_value k);
int cm_setitem(cm_vm *vm, cm_value o, cm_value k, cm_value v);
int cm_delitem(cm_vm *vm, cm_value o, cm_value k);
int cm_contains(cm_vm *vm, cm_value container, cm_value x);
cm_value cm_iter(cm_vm *vm, cm_value v);
/* Next item, CM_STOP when exhausted, or CM_ERROR. May run Python code
   through a nested run (generators, user iterators). */
cm_value cm_next(cm_vm *vm, cm_value it);
cm_value cm_getattr(cm_vm *vm, cm_value o, cm_value name);
/* Like cm_getattr, but CM_NULL (no exception) when absent. */
cm_value cm_getattr_opt(cm_vm *vm, cm_value o, cm_value name);
int cm_setattr(cm_vm *vm, cm_value o, cm_value name, cm_value v);
int cm_delattr(cm_vm *vm, cm_value o, cm_value name);
/* For LOAD_METHOD: if `name` is a plain method of o's type, sets *meth and
   returns 1 (call it with o prepended); else sets *meth to the attribute
   and returns 0; -1 on error. */
int cm_getmethod(cm_vm *vm, cm_value o, cm_value name, cm_value *meth);
bool cm_isinstance_t(cm_vm *vm, cm_value v, const cm_type *t);
bool cm_type_is_sub(const cm_type *t, const cm_type *base);
int cm_isinstance(cm_vm *vm, cm_value v, cm_value cls); /* cls: type or tuple */
cm_value cm_type_value(cm_vm *vm, const cm_type *t); /* vm->typeobj[...] */
/* Call any callable (vectorcall convention). Python functions run in a
   nested VM loop: see the stacklessness note at the top. */
cm_value cm_call(cm_vm *vm, cm_value f, const cm_value *args, int nargs,
                 cm_value kwnames);
/* Ask the VM to call f(*args_tuple, **kwargs_dict) in place of the native
   function that returns this (kwargs may be CM_NULL). Returns CM_TAILCALL.
   When the native was itself called through cm_call, cm_call performs the
   call (nested). */
cm_value cm_tailcall(cm_vm *vm, cm_value f, cm_value args_tuple,
                     cm_value kwargs);
/* The keyword arguments of a vectorcall (values kwvalues[0..len(kwnames)))
   as a new dict; CM_NULL when there are none; CM_ERROR on failure. */
cm_value cm_kwargs_dict(cm_vm *vm, const cm_value *kwvalues, cm_value kwnames);

/* ---- argument binding for natives (args.c) --------------------------- */
/* Binds a native's arguments to out[0..n) by the parameter names[0..n).
   `required` leading params are required; the first `maxpos` may be given
   positionally (the rest are keyword-only). Missing optional ones become
   CM_NULL. Raises CPython's TypeError messages ("f() takes at most 2
   arguments (3 given)", "f() got an unexpected keyword argument 'x'",
   "f() missing required argument 'x' (pos 1)") naming `fname`. */
int cm_bind_args(cm_vm *vm, const char *fname, const cm_value *args,
                 int nargs, cm_value kwnames, const char *const *names,
                 int n, int required, int maxpos, cm_value *out);
/* Shorthand for natives without keyword arguments: checks
   min <= nargs <= max and no kwnames, with CPython's messages. */
int cm_check_nargs(cm_vm *vm, const char *fname, int nargs, cm_value kwnames,
                   int min, int max);

/* ---- strings (str.c) -------------------------------------------------- */
cm_value cm_str_new(cm_vm *vm, const char *utf8, size_t size); /* validated */
cm_value cm_str_from_cstr(cm_vm *vm, const char *s);
cm_value cm_str_printf(cm_vm *vm, const char *fmt, ...); /* cm_raise's formats */
cm_value cm_str_vprintf(cm_vm *vm, const char *fmt, va_list ap);
cm_value cm_intern(cm_vm *vm, const char *s);            /* interned str */
cm_value cm_intern_n(cm_vm *vm, const char *s, size_t n);
cm_value cm_intern_value(cm_vm *vm, cm_value str);
/* The interned name of a getattr()/setattr()-style name argument, or
   CM_ERROR (TypeError "attribute name must be string, not 'T'"). */
cm_value cm_attr_name(cm_vm *vm, cm_value name);
static inline const char *cm_str_cstr(cm_value s) { return CM_AS(cm_str, s)->data; }
bool cm_str_eq(cm_value a, cm_value b); /* both str */
/* Growable UTF-8 buffer for building strings (repr, join, format...). */
typedef struct cm_buf {
  char *data;
  size_t len, cap;
} cm_buf;
int cm_buf_put(cm_vm *vm, cm_buf *b, const char *s, size_t n);
int cm_buf_puts(cm_vm *vm, cm_buf *b, const char *s);
int cm_buf_putc(cm_vm *vm, cm_buf *b, char c);
int cm_buf_put_value_str(cm_vm *vm, cm_buf *b, cm_value s); /* append a str */
cm_value cm_buf_finish(cm_vm *vm, cm_buf *b); /* -> str; frees the buffer */
void cm_buf_free(cm_vm *vm, cm_buf *b);

/* ---- ints and floats (int.c, float.c) -------------------------------- */
cm_value cm_int_from_i64(cm_vm *vm, int64_t i);
/* int value (small or big) -> int64; -1 with OverflowError if it does not
   fit. `what` names the use in the message ("Python int too large to
   convert to C int64"). */
int cm_int_to_i64(cm_vm *vm, cm_value v, int64_t *out);
bool cm_is_intlike(cm_vm *vm, cm_value v); /* int, big int or bool */
/* True when v is an instance of a user class that defines __index__: such
   objects index sequences like ints (CPython's PyIndex_Check). class.c */
bool cm_has_index(cm_vm *vm, cm_value v);
/* __index__: int/bool/bigint -> int value, else TypeError
   "'%T' object cannot be interpreted as an integer". */
cm_value cm_index(cm_vm *vm, cm_value v);
int cm_index_i64(cm_vm *vm, cm_value v, int64_t *out);
cm_value cm_int_from_str(cm_vm *vm, const char *s, size_t n, int base);
cm_value cm_float_repr(cm_vm *vm, double d); /* CPython repr */
int cm_to_double(cm_vm *vm, cm_value v, double *out); /* int/float/bool */

/* ---- containers (tuple.c, list.c, dict.c, set.c) --------------------- */
cm_value cm_tuple_new(cm_vm *vm, size_t n); /* items set to CM_NONE */
cm_value cm_tuple_from(cm_vm *vm, const cm_value *items, size_t n);
cm_value cm_list_new(cm_vm *vm, size_t cap);
int cm_list_append(cm_vm *vm, cm_value list, cm_value v);
cm_value cm_dict_new(cm_vm *vm);
/* Lookup: the value, or CM_NULL when absent (no exception); CM_ERROR on
   error (unhashable key, failing __eq__). */
cm_value cm_dict_get(cm_vm *vm, cm_value d, cm_value key);
int cm_dict_set(cm_vm *vm, cm_value d, cm_value key, cm_value v);
int cm_dict_del(cm_vm *vm, cm_value d, cm_value key); /* 1 del, 0 absent */
/* Fast paths for interned-str keys (identity compare first). */
cm_value cm_dict_get_str(cm_vm *vm, cm_value d, cm_value key);
int cm_dict_set_str(cm_vm *vm, cm_value d, cm_value key, cm_value v);
cm_value cm_dict_get_cstr(cm_vm *vm, cm_value d, const char *key);
int cm_dict_set_cstr(cm_vm *vm, cm_value d, const char *key, cm_value v);
cm_value cm_set_new(cm_vm *vm, bool frozen);
int cm_set_add(cm_vm *vm, cm_value set, cm_value key);
/* Materialize any iterable as a list (native iterables only; -> CM_NULL,
   no exception, if it needs Python code: caller then tail-calls the
   prelude). */
cm_value cm_list_from_iterable_native(cm_vm *vm, cm_value it);

/* ---- modules, builtins, prelude --------------------------------------- */
int cm_builtins_init(cm_vm *vm);  /* builtins.c: fills vm->builtins */
/* `import name` (level 0) / relative imports: the module, or CM_ERROR with
   ModuleNotFoundError ("No module named 'x'"). module.c */
cm_value cm_import(cm_vm *vm, cm_value name, int level);
cm_value cm_ascii(cm_vm *vm, cm_value v); /* ascii(v) -> str, object.c */
int cm_types_init(cm_vm *vm);     /* type.c: vm->typeobj[] */
/* A function defined by the prelude: Python source compiled lazily, once
   per interpreter, into vm->prelude. Returns CM_ERROR if it is missing. */
cm_value cm_prelude(cm_vm *vm, const char *name); /* prelude.c */
/* The prelude's Python source, one part per owner, concatenated in this
   order by prelude.c. Each is a NUL-terminated C string of Python code that
   defines top-level functions (names starting with a letter are looked up
   by cm_prelude; helpers private to the prelude start with '_'). */
extern const char cm_prelude_builtins[];   /* builtins.c */
extern const char cm_prelude_containers[]; /* iter.c */
extern const char cm_prelude_strings[];    /* str.c */

/* ---- running code (compile.c, vm.c) ----------------------------------- */
/* Compile source to a module code object, or CM_ERROR (SyntaxError set). */
cm_value cm_compile(cm_vm *vm, const char *src, size_t len,
                    const char *filename, int mode);
/* Run a code object as module code with `globals`; returns its value (None
   for files) or CM_ERROR. */
cm_value cm_run_code(cm_vm *vm, cm_value code, cm_value globals);
/* Call a Python function (used by cm_call): nested VM run. */
cm_value cm_vm_call_function(cm_vm *vm, cm_value func, const cm_value *args,
                             int nargs, cm_value kwnames);

/* ---- additions by the compiler/VM engineer (vm.c) -------------------- */
/* Runs a class body function with `ns` as its namespace (for
   __build_class__); returns the body's result: None, or the __class__ cell
   when methods use super()/__class__ (also stored as ns['__classcell__']). */
cm_value cm_vm_run_class_body(cm_vm *vm, cm_value func, cm_value ns);
/* Zero-argument super(): the calling Python frame's __class__ cell value
   and first argument. 0 ok, -1 RuntimeError like CPython. */
int cm_vm_super_args(cm_vm *vm, cm_value *cls, cm_value *self);
/* After cm_next() returned CM_STOP for a generator: its `return` value
   (None if none), for next() to raise StopIteration(value). gen.c */
cm_value cm_gen_take_return(cm_vm *vm, cm_value it);
/* ---- additions by the runtime engineer (object.c) ------------------- */
/* Like cm_call, but may return CM_TAILCALL (with vm->tail_* set) instead
   of performing a native's tail call nested: for the VM's generic call
   path, so constructors (__init__ via the prelude) and other tail-calling
   natives run without C recursion. */
cm_value cm_call_once(cm_vm *vm, cm_value f, const cm_value *args, int nargs,
                      cm_value kwnames);
/* Compile modes (cm_compile's `mode`). Or CM_COMPILE_NAMES into the mode
   for code that will run with a separate locals mapping (exec/eval with
   locals): top-level names then use the locals (LOAD_NAME/STORE_NAME). */
enum { CM_COMPILE_EXEC = 0, CM_COMPILE_SINGLE = 1, CM_COMPILE_EVAL = 2,
       CM_COMPILE_NAMES = 0x100, CM_COMPILE_LAST_VALUE = 0x200 };
/* cm_run_code with a locals mapping (a dict; CM_NULL: the globals). */
cm_value cm_run_code_ns(cm_vm *vm, cm_value code, cm_value globals, cm_value locals);

/* GC support from the VM: mark every frame's live values (vm.c). */
void cm_vm_trace(cm_vm *vm);
void cm_frame_trace(cm_vm *vm, cm_frame *f);
void cm_frame_free(cm_vm *vm, cm_frame *f); /* for generators' finalize */

/* ---- user dunders run as frames of the VM loop (class.c, vm.c) ---- */
/* Instructions and builtins reached from bytecode do not call a user
   class's Python dunder (a property getter, __getitem__, __str__, ...)
   through cm_call: they ask class.c which plain Python function would run
   (cm_dunder_find, cm_instance_getattr_defer) and run it as a frame of the
   same loop (vm.c's run_dunder, return mode CM_RET_DUNDER), so a host call
   inside can pause. The frame's result then goes through
   cm_dunder_result(kind): the same checks (and CPython messages) as the
   nested slot functions. Builtins use prelude helpers (prelude_dunders.c)
   that call the dunder and check with _dn_result(kind, r). */
enum {
  CM_DK_PUSH,      /* the result as is (__getitem__, property, __getattr__) */
  CM_DK_DISCARD,   /* dropped (__setitem__, __delitem__) */
  CM_DK_METHOD,    /* LOAD_METHOD on a property: the result, then NULL */
  CM_DK_IN,        /* __contains__: bool(r) */
  CM_DK_NOT_IN,    /* __contains__: not r */
  CM_DK_STR,       /* __str__: must be a str */
  CM_DK_REPR,      /* __repr__: must be a str */
  CM_DK_FORMAT,    /* __format__: must be a str */
  CM_DK_ITER,      /* __iter__: must be an iterator */
  CM_DK_LEN,       /* __len__: a non-negative index-sized int */
  CM_DK_BOOL,      /* __bool__: must be a bool */
  CM_DK_LEN_BOOL,  /* __len__ used for truth: bool(checked len) */
  CM_DK_EXIT,      /* __exit__ after an exception (WITH_EXCEPT_START): the
                      result, but False when the exception is uncatchable */
  CM_DK_OP,        /* an operator's first dunder (cm_op_defer 3), operands
                      kept on the stack: the result, or on NotImplemented
                      the rest of the protocol through dn_op */
  CM_DK_NKINDS
};
/* Returned by the *_defer functions: *d names the call to make. */
#define CM_DEFER CM_MKSPEC(10)
typedef struct cm_defer {
  cm_value fn;       /* a plain Python function */
  cm_value args[4];
  int nargs;
} cm_defer;
/* The plain Python function a user class of self defines as dunder
   `name` (a string literal), or CM_NULL (not a user instance, not
   defined, not a plain function, or a lookup error: the nested path then
   reports it). Never raises. */
cm_value cm_dunder_find(cm_vm *vm, cm_value self, const char *name);
/* The function str(self) (repr=false) or repr(self) would call: sets *fn
   and returns CM_DK_STR / CM_DK_REPR; -1 when not a plain Python dunder. */
int cm_dunder_str_fn(cm_vm *vm, cm_value self, bool repr, cm_value *fn);
/* What f"{v!conv:spec}" (FORMAT_VALUE; conv 0 none, 1 !s, 2 !r; spec a
   str or CM_NULL) would run: fills *d and returns CM_DK_FORMAT/STR/REPR;
   -1 when not a plain Python dunder (use cm_format & co). */
int cm_dunder_format_fn(cm_vm *vm, cm_value v, int conv, cm_value spec,
                        cm_defer *d);
/* cm_getmethod for a user instance, except that a plain Python property
   getter / __getattr__ is deferred: returns 2 with *d filled. A host
   dataclass goes to cm_hostobj_getmethod. */
int cm_instance_getmethod_defer(cm_vm *vm, cm_value o, cm_value name,
                                cm_value *meth, cm_defer *d);
/* Method load on a host dataclass (hostobj.c): like cm_getmethod (0 with
   *meth, or -1), except that a missing non-dunder name gives the host
   method callable that pauses as a method call (reading it is an
   AttributeError). */
int cm_hostobj_getmethod(cm_vm *vm, cm_value self, cm_value name, cm_value *meth);
/* cm_setattr (v CM_NULL: delete) for a user instance, except that a
   plain Python __setattr__/__delattr__ or property setter/deleter is
   deferred: returns 2 with *d filled; else 0 / -1. */
int cm_instance_setattr_defer(cm_vm *vm, cm_value self, cm_value name,
                              cm_value v, cm_defer *d);
/* Post-processes a dunder's result r for `kind` (CM_DK_*): the value to
   use, or CM_ERROR with CPython's TypeError/ValueError. */
cm_value cm_dunder_result(cm_vm *vm, int kind, cm_value r);
/* u_getattr for a user instance (self's type is a user class), except
   that a property getter or __getattr__ that is a plain Python function
   is not called: *d is filled and CM_DEFER returned (a getter of a class
   that also has __getattr__ runs through the prelude's dn_getattr_or,
   which falls back to __getattr__ on AttributeError like CPython).
   Otherwise the attribute, CM_NULL (absent, no exception) or CM_ERROR. */
cm_value cm_instance_getattr_defer(cm_vm *vm, cm_value self, cm_value name,
                                   cm_defer *d);
/* For the str(x) / bool(x) constructors: CM_TAILCALL (vm->tail_* set)
   when x's str() / truth runs a user Python __str__/__repr__ or
   __bool__/__len__, which the VM then runs as Python code through the
   prelude (so it can pause); CM_NULL otherwise (no exception); CM_ERROR. */
cm_value cm_dunder_tail_str(cm_vm *vm, cm_value x);
cm_value cm_dunder_tail_bool(cm_vm *vm, cm_value x);
/* Operators (BINARY_OP, COMPARE_OP) with a user instance operand: when
   cm_binop(op, a, b) / cm_compare(op - CM_OP_DEFER_CMP, a, b) would call
   a plain Python dunder (and no other kind of user dunder), fills *d with
   a call of the prelude's dn_op, which walks the same protocol (subclass
   first reflected, in-place then binary, NotImplemented, != from __eq__,
   the identity fallback and the TypeErrors) calling the dunders as Python
   code, and returns 2; 0: use cm_binop / cm_compare; -1: error. When the
   protocol's first step is a Python dunder, returns 3 with *d that call
   alone (the VM runs it with CM_DK_OP, so the common case costs one
   frame, as in CPython); after it returned NotImplemented the VM calls
   again with `rest` for the dn_op call of the remaining steps. */
#define CM_OP_DEFER_CMP 64
int cm_op_defer(cm_vm *vm, int op, cm_value a, cm_value b, bool rest,
                cm_defer *d);
/* The native for the prelude's _dn_slot(k, op, a, b) (class.c). */
cm_value cm_op_slot_native(cm_vm *vm, const cm_value *args, int nargs,
                           cm_value kwnames);
/* The native for the prelude's _dn_result(kind, r) (class.c). */
cm_value cm_dunder_result_native(cm_vm *vm, const cm_value *args, int nargs,
                                 cm_value kwnames);
extern const char cm_prelude_dunders[];    /* prelude_dunders.c */

/* ---- tracebacks (traceback.c) ----------------------------------------- */
/* CPython-format "Traceback (most recent call last):..." text of exc. */
cm_value cm_format_exception(cm_vm *vm, cm_value exc);
/* Line `line` (1-based) of the source text src (a str) without its
   newline or a trailing '\r': a pointer into src, *n bytes; NULL (and
   *n 0) when src is not a str or has no such line. */
const char *cm_source_line(cm_value src, int64_t line, size_t *n);

/* ---- platform (platform.c): the only file with OS calls -------------- */
double cm_platform_now(void); /* monotonic seconds */

/* Bounded C recursion for repr/eq of nested containers: returns -1 with
   RecursionError past the limit. Pair every successful enter with leave. */
int cm_c_enter(cm_vm *vm, const char *where);
static inline void cm_c_leave(cm_vm *vm) { vm->c_depth--; }
#define CM_MAX_C_DEPTH 200

#endif
