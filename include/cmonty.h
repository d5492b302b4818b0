/*
** cmonty.h — the public C API of cmonty, a sandboxed embeddable Python.
**
** One interpreter is one `cmonty_vm`. Interpreters share no mutable state:
** any number may live in one process, and different threads may each run
** their own at the same time. One interpreter must not be used by two
** threads at once.
**
** Errors: functions that can fail return a cmonty_status. CMONTY_OK is 0.
** On CMONTY_EXCEPTION the Python exception's text is available from
** cmonty_error_*(). Strings passed in are UTF-8 and are copied; strings
** returned are owned by the interpreter and stay valid until the next call
** on the same interpreter (or as stated).
*/
#ifndef CMONTY_H
#define CMONTY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(CMONTY_BUILD_SHARED)
#define CMONTY_API __declspec(dllexport)
#elif defined(__GNUC__)
#define CMONTY_API __attribute__((visibility("default")))
#else
#define CMONTY_API
#endif

#define CMONTY_VERSION "0.1.0"

typedef struct cm_vm cmonty_vm;

typedef enum cmonty_status {
  CMONTY_OK = 0,
  CMONTY_EXCEPTION = 1, /* Python code raised (SyntaxError included) */
  CMONTY_NOMEM = 2,     /* the interpreter could not be created */
  CMONTY_MISUSE = 3     /* bad arguments or call order */
} cmonty_status;

/* Allocator hook, Lua style. Called as alloc(ud, ptr, old_size, new_size):
   new_size == 0 frees ptr (returns NULL); ptr == NULL allocates; otherwise
   reallocates. Returns NULL on failure (the interpreter then raises
   MemoryError). Every byte the interpreter uses goes through it. */
typedef void *(*cmonty_alloc_fn)(void *ud, void *ptr, size_t old_size,
                                 size_t new_size);

/* Output hook: receives everything Python code prints. stream is 1 for
   stdout, 2 for stderr. `data` is UTF-8, not NUL-terminated, valid only
   during the call. */
typedef void (*cmonty_write_fn)(void *ud, int stream, const char *data,
                                size_t len);

/* Creates an interpreter. alloc may be NULL for the C library's allocator.
   Returns NULL if memory runs out. Free it with cmonty_free(). */
CMONTY_API cmonty_vm *cmonty_new(cmonty_alloc_fn alloc, void *alloc_ud);

/* Frees the interpreter and everything it owns. NULL is a no-op. */
CMONTY_API void cmonty_free(cmonty_vm *vm);

/* Sets where print() output goes (default: discarded). */
CMONTY_API void cmonty_set_write(cmonty_vm *vm, cmonty_write_fn fn, void *ud);

/* Limits for subsequent runs; 0 means unlimited. A breached limit raises
   an exception Python code cannot catch: TimeoutError (time,
   instructions), MemoryError (memory, allocations), RecursionError
   (depth). max_depth 0 keeps the default depth of 1000, whose
   RecursionError is an ordinary, catchable one as in CPython. */
typedef struct cmonty_limits {
  double max_seconds;
  uint64_t max_instructions;
  uint64_t max_memory;      /* bytes */
  uint64_t max_allocations;
  uint32_t max_depth;
} cmonty_limits;
CMONTY_API void cmonty_set_limits(cmonty_vm *vm, const cmonty_limits *limits);

/* Resource usage of the last run, measured. */
typedef struct cmonty_usage {
  double seconds;
  uint64_t instructions;
  uint64_t memory_peak; /* bytes */
  uint64_t allocations;
  uint32_t depth_peak;
} cmonty_usage;
CMONTY_API void cmonty_get_usage(cmonty_vm *vm, cmonty_usage *out);

/* Compiles and runs `src` (len bytes, UTF-8) as the __main__ module.
   `filename` names it in tracebacks (NULL: "<string>"). Globals persist
   between calls on the same interpreter. Returns CMONTY_OK, or
   CMONTY_EXCEPTION with the error available below, or CMONTY_MISUSE. */
CMONTY_API cmonty_status cmonty_exec(cmonty_vm *vm, const char *src,
                                     size_t len, const char *filename);

/* Evaluates one expression and returns its repr() in *repr_out (owned by
   the interpreter, valid until the next call). */
CMONTY_API cmonty_status cmonty_eval_repr(cmonty_vm *vm, const char *src,
                                          size_t len, const char **repr_out);

/* After CMONTY_EXCEPTION: the exception type name ("ZeroDivisionError"),
   its message (str(exc)) and the CPython-format traceback text ending in a
   newline. Empty strings if there is no error. Owned by the interpreter,
   valid until the next run. */
CMONTY_API const char *cmonty_error_type(cmonty_vm *vm);
CMONTY_API const char *cmonty_error_message(cmonty_vm *vm);
CMONTY_API const char *cmonty_error_traceback(cmonty_vm *vm);


/* ======================================================================
** The host API: values, programs, runs that pause for the host.
** ======================================================================
**
** A host compiles a program once (cmonty_compile) declaring the names of
** its external functions and inputs, then runs it any number of times
** (cmonty_start / cmonty_run) with different input values. A run started
** with cmonty_start returns a cmonty_progress each time it stops:
**
**   COMPLETE     the program finished; `value` is the value of its last
**                expression statement (None if it did not end with one).
**   CALL         Python code called a declared external function:
**                `name`, `args` (tuple), `kwargs` (dict with str keys),
**                `call_id`; `method_call` 1 for a method of a host
**                dataclass (see cmonty_dataclass). Answer with
**                cmonty_resume (the return value), cmonty_resume_exception
**                (raise at the call site) or cmonty_resume_not_found
**                (NameError; AttributeError for a method call).
**   NAME_LOOKUP  Python code read a global name that is defined nowhere
**                (and is no external function): `name`. Answer with
**                cmonty_resume (the name's value: it is bound as a
**                global of the run, so later reads see it without asking
**                again) or cmonty_resume_not_found (NameError "name 'x'
**                is not defined", nothing bound: the next read asks
**                again).
**   OS_CALL      Python code asked for I/O (os.getenv, os.environ,
**                pathlib.Path file operations, open()): `name` is the
**                operation ("Path.read_text", "os.getenv", ...), `args`
**                and `kwargs` its arguments (paths as pathlib.Path values,
**                CMONTY_KIND_PATH). Answer with cmonty_resume (the
**                result), cmonty_resume_exception ("PermissionError",
**                "FileNotFoundError", ...) or cmonty_resume_not_found.
**   ERROR        the program raised: cmonty_error_type/_message/
**                _traceback and cmonty_error_frame give the details.
**
** Pausing is stackless: the interpreter saves its state on its own heap
** and returns; nothing stays on the C stack. A call may sit anywhere in
** the program: nested functions, loops, try/finally, comprehensions,
** generators (also resumed by next() or gen.send()), methods, lambdas, the
** arguments of map/filter/sorted/min/max/sum/list()/str.join and friends,
** and user dunder methods written in Python that the program reaches
** directly: property getters/setters/deleters, __getattr__, __setattr__,
** __delattr__, __getitem__, __setitem__, __delitem__, __contains__ (`in`),
** __iter__/__next__ (for loops, iter(), next()), __len__ (len(), truth
** tests, bool()), __bool__ (if/while/not, bool()), __str__/__repr__/
** __format__ (print(), str(), repr(), format(), f-strings), keys()/
** __getitem__ of a mapping read by dict()/dict.update(), __enter__/__exit__ of a with statement
** (also when its body raised: `with open(p, 'w')` writes the file), also
** through getattr()/hasattr()/setattr()/delattr(), and operator dunders
** used by an operator in the program: __add__/__radd__/__iadd__ and the
** other binary and in-place operators, the rich comparisons __eq__/
** __ne__/__lt__/__le__/__gt__/__ge__ (==, !=, <, ..., and min()/max()),
** __neg__/__pos__/__invert__, and __str__/__repr__ of '%s' % x / '%r' % x.
** The exception: a call
** reached inside a nested run of the interpreter (Python code called from
** C code that cannot be suspended: __eq__/__lt__ run by a builtin such as
** list.sort(), sorted(), list.index() or ==/in on containers, __hash__/__eq__ run
** by a dict or set lookup, str.format running __str__, a property read through super(), dunders
** that are not plain functions) cannot pause and raises
** RuntimeError "cannot call external function 'f' here (inside a nested
** call)" (OS calls there raise PermissionError with a similar message).
**
** Wrong call order (resume when not paused, start while paused, calls
** after completion, NULL arguments) returns CMONTY_MISUSE and sets
** cmonty_last_error(); it never crashes. While a run is paused,
** cmonty_exec/cmonty_eval_repr return CMONTY_MISUSE; cmonty_abort
** discards the paused run.
**
** Values cross the boundary as handles (cmonty_val), see below.
*/

/* ---- values ------------------------------------------------------------
** A cmonty_val is a handle to a Python value held (and kept alive) by the
** interpreter. 0 is never a valid handle: functions returning a handle
** return 0 on failure, with cmonty_last_error() set.
**
** Lifetime. Every handle is *scoped* unless kept: it is released
** automatically when the next cmonty_start, cmonty_run or cmonty_resume*
** call on the same interpreter begins (after that call has read its own
** arguments). So a host that answers a CALL builds the result, resumes,
** and never frees anything. cmonty_val_keep() makes a handle persistent
** (e.g. inputs reused by many runs); persistent handles live until
** cmonty_val_free() or cmonty_free(). cmonty_val_free() releases either
** kind early. Handles carry a generation counter: using a released handle
** is detected (an error, never a crash) unless its slot was reused 1024
** times since.
** Handles belong to one interpreter and are not valid on another.
*/
typedef uint32_t cmonty_val;

typedef enum cmonty_kind {
  CMONTY_KIND_INVALID = 0, /* not a live handle */
  CMONTY_KIND_NONE, CMONTY_KIND_BOOL, CMONTY_KIND_INT, CMONTY_KIND_FLOAT,
  CMONTY_KIND_STR, CMONTY_KIND_BYTES, CMONTY_KIND_LIST, CMONTY_KIND_TUPLE,
  CMONTY_KIND_DICT, CMONTY_KIND_SET, CMONTY_KIND_FROZENSET,
  CMONTY_KIND_PATH,  /* pathlib.Path; cmonty_get_str gives its text */
  CMONTY_KIND_OTHER, /* anything else: read it with cmonty_repr */
  CMONTY_KIND_DATACLASS, /* a host dataclass instance (cmonty_dataclass) */
  CMONTY_KIND_NAMEDTUPLE /* a host named tuple (cmonty_namedtuple) */
} cmonty_kind;

/* Builders. Each returns a new scoped handle, or 0 on failure (out of
   memory, invalid UTF-8, unhashable key, a 0/stale handle among the
   items, NULL pointer with a nonzero count). */
CMONTY_API cmonty_val cmonty_none(cmonty_vm *vm);
CMONTY_API cmonty_val cmonty_bool(cmonty_vm *vm, int b);
CMONTY_API cmonty_val cmonty_int(cmonty_vm *vm, int64_t i);
/* An int of any size from decimal text: optional sign, digits, optional
   '_' separators as in Python int(). */
CMONTY_API cmonty_val cmonty_int_from_str(cmonty_vm *vm, const char *text,
                                          size_t len);
CMONTY_API cmonty_val cmonty_float(cmonty_vm *vm, double d);
CMONTY_API cmonty_val cmonty_str(cmonty_vm *vm, const char *utf8, size_t len);
CMONTY_API cmonty_val cmonty_bytes(cmonty_vm *vm, const void *data,
                                   size_t len);
CMONTY_API cmonty_val cmonty_list(cmonty_vm *vm, const cmonty_val *items,
                                  size_t n);
CMONTY_API cmonty_val cmonty_tuple(cmonty_vm *vm, const cmonty_val *items,
                                   size_t n);
/* Keys may be any hashable values; a repeated key keeps the last value. */
CMONTY_API cmonty_val cmonty_dict(cmonty_vm *vm, const cmonty_val *keys,
                                  const cmonty_val *values, size_t n);
CMONTY_API cmonty_val cmonty_set(cmonty_vm *vm, const cmonty_val *items,
                                 size_t n, int frozen);
/* A pathlib.Path of the given text. */
CMONTY_API cmonty_val cmonty_path(cmonty_vm *vm, const char *utf8,
                                  size_t len);

/* A host dataclass instance ("Monty dataclass"): an object of class
   `name` (name_len bytes, a Python identifier) with the attributes of the
   str-keyed DICT `attrs` (copied). field_names[0..n_fields) (NUL-terminated,
   copied) are the declared fields in order; type_id identifies the host
   type (instances are equal when their type_ids and attrs are equal).
   In Python: obj.x reads attrs; obj.x = v updates them, unless `frozen`
   (then AttributeError "cannot assign to field 'x'"); repr is
   Name(a=1, b='x') over the fields; hashable only when frozen;
   type(obj).__name__ is name (instances with one type_id share a class).
   obj.meth(...) with meth not in attrs (any non-dunder name) pauses as a
   CALL with method_call = 1, name "meth" and args (obj, ...): answer it
   like any call (cmonty_resume_not_found raises AttributeError "'Name'
   object has no attribute 'meth'"). Only such a call reaches the host:
   reading a missing attribute (obj.z, getattr(obj, 'z'), f = obj.meth) is
   an AttributeError as in CPython, and hasattr(obj, 'z') is False.
   Returns a new scoped handle, or 0 (NULL name/fields, a name that is not
   an identifier, attrs not a DICT handle or with a non-str key, out of
   memory). */
CMONTY_API cmonty_val cmonty_dataclass(cmonty_vm *vm, const char *name,
                                       size_t name_len, uint64_t type_id,
                                       const char *const *field_names,
                                       size_t n_fields, cmonty_val attrs,
                                       int frozen);

/* A host named tuple such as os.stat_result: type_name (type_name_len
   bytes, dotted identifiers, e.g. "os.stat_result") with fields
   field_names[0..n) (distinct identifiers, NUL-terminated, copied) holding
   values[0..n). In Python it reads like CPython's named tuple: x.st_size,
   x[6], x[1:3], len, iteration and unpacking, `in`, == / < with tuples
   (equal to a tuple of the same values), hash, + and *, count/index, repr
   os.stat_result(st_mode=1, ...), __match_args__, _fields, _asdict();
   type(x).__name__ is the last dotted part ("stat_result") and
   type(x).__module__ the rest. Attributes are read-only. It is not a tuple
   subclass (cmonty classes cannot subclass tuple): isinstance(x, tuple) is
   False. cmonty_len / cmonty_item read its values. Returns a new scoped
   handle, or 0 (NULL/bad names, duplicate fields, a bad value handle, out
   of memory). */
CMONTY_API cmonty_val cmonty_namedtuple(cmonty_vm *vm, const char *type_name,
                                        size_t type_name_len,
                                        const char *const *field_names,
                                        const cmonty_val *values, size_t n);

/* Readers. cmonty_kind never fails (INVALID for a bad handle). The
   others return CMONTY_OK / CMONTY_MISUSE (wrong kind, bad handle, NULL
   out pointer, or an int out of int64 range for cmonty_get_int). */
CMONTY_API cmonty_kind cmonty_kind_of(cmonty_vm *vm, cmonty_val v);
CMONTY_API cmonty_status cmonty_get_bool(cmonty_vm *vm, cmonty_val v,
                                         int *out);
CMONTY_API cmonty_status cmonty_get_int(cmonty_vm *vm, cmonty_val v,
                                        int64_t *out);
/* Accepts INT and FLOAT (ints converted, OverflowError -> MISUSE). */
CMONTY_API cmonty_status cmonty_get_float(cmonty_vm *vm, cmonty_val v,
                                          double *out);
/* Pointers into the interpreter's heap: valid while the handle is live.
   The text is NUL-terminated (it may contain NUL itself: use *len).
   cmonty_get_str accepts STR and PATH. */
CMONTY_API cmonty_status cmonty_get_str(cmonty_vm *vm, cmonty_val v,
                                        const char **utf8, size_t *len);
CMONTY_API cmonty_status cmonty_get_bytes(cmonty_vm *vm, cmonty_val v,
                                          const uint8_t **data, size_t *len);
/* Readers of a DATACLASS (CMONTY_MISUSE / 0 for any other handle).
   The name pointer is like cmonty_get_str's. cmonty_dataclass_fields
   gives a new scoped TUPLE handle of the field names (str);
   cmonty_dataclass_attrs a new scoped handle to the object's own attrs
   DICT (the live dict: it shows later assignments by the program). */
CMONTY_API cmonty_status cmonty_dataclass_name(cmonty_vm *vm, cmonty_val v,
                                               const char **utf8,
                                               size_t *len);
CMONTY_API cmonty_status cmonty_dataclass_type_id(cmonty_vm *vm,
                                                  cmonty_val v,
                                                  uint64_t *out);
CMONTY_API cmonty_status cmonty_dataclass_frozen(cmonty_vm *vm, cmonty_val v,
                                                 int *out);
CMONTY_API cmonty_val cmonty_dataclass_fields(cmonty_vm *vm, cmonty_val v);
CMONTY_API cmonty_val cmonty_dataclass_attrs(cmonty_vm *vm, cmonty_val v);
/* Readers of a NAMEDTUPLE (CMONTY_MISUSE / 0 for any other handle):
   its type name (like cmonty_get_str's pointer) and a new scoped TUPLE
   handle of its field names (str). Its values: cmonty_len, cmonty_item. */
CMONTY_API cmonty_status cmonty_namedtuple_type_name(cmonty_vm *vm,
                                                     cmonty_val v,
                                                     const char **utf8,
                                                     size_t *len);
CMONTY_API cmonty_val cmonty_namedtuple_fields(cmonty_vm *vm, cmonty_val v);
/* Decimal text of any int (bools too): a new scoped STR handle, or 0. */
CMONTY_API cmonty_val cmonty_int_str(cmonty_vm *vm, cmonty_val v);
/* repr() of any value as a new scoped STR handle, or 0. Never runs user
   code that could pause (a user __repr__ runs nested). */
CMONTY_API cmonty_val cmonty_repr(cmonty_vm *vm, cmonty_val v);
/* Number of items of a STR (code points), BYTES, LIST, TUPLE, DICT, SET,
   FROZENSET or NAMEDTUPLE; -1 on misuse. */
CMONTY_API int64_t cmonty_len(cmonty_vm *vm, cmonty_val v);
/* Item i (0-based) of a LIST/TUPLE/NAMEDTUPLE, the i-th key of a DICT (insertion
   order) or the i-th item of a SET/FROZENSET (iteration order), as a new
   scoped handle; 0 on misuse or out of range. */
CMONTY_API cmonty_val cmonty_item(cmonty_vm *vm, cmonty_val v, size_t i);
/* The value of the i-th entry of a DICT. */
CMONTY_API cmonty_val cmonty_dict_value(cmonty_vm *vm, cmonty_val d,
                                        size_t i);
/* Makes v persistent (see Lifetime). CMONTY_MISUSE on a bad handle. */
CMONTY_API cmonty_status cmonty_val_keep(cmonty_vm *vm, cmonty_val v);
/* Releases a handle now. 0 and stale handles are ignored. */
CMONTY_API void cmonty_val_free(cmonty_vm *vm, cmonty_val v);

/* The message of the last CMONTY_MISUSE / failed handle call ("" if
   none). Owned by the interpreter, valid until the next call. */
CMONTY_API const char *cmonty_last_error(cmonty_vm *vm);

/* JSON view (for bindings), in dart_monty's typed-value format: see
   src/json.h for the exact mapping (tuples/sets/bytes/paths as
   {"__type":...} objects, non-str-keyed dicts as [[k,v],...], big ints as
   decimal strings, nan/inf as "NaN"/"Infinity"/"-Infinity").
   cmonty_to_json: *json (NUL-terminated, *len bytes) is owned by the
   interpreter, valid until the next cmonty_to_json or start/resume/run.
   CMONTY_MISUSE for a bad handle, CMONTY_EXCEPTION if the value cannot be
   encoded (too deep); cmonty_last_error() says why.
   cmonty_from_json: a new scoped handle, or 0 (malformed JSON, invalid
   UTF-8, a date/datetime/timedelta/timezone shape -- not supported until
   a datetime module exists; cmonty_last_error() says which). */
CMONTY_API cmonty_status cmonty_to_json(cmonty_vm *vm, cmonty_val v,
                                        const char **json, size_t *len);
CMONTY_API cmonty_val cmonty_from_json(cmonty_vm *vm, const char *json,
                                       size_t len);

/* ---- programs ---------------------------------------------------------- */
typedef struct cmonty_program cmonty_program;

/* Compiles src (len bytes of UTF-8) once. `script_name` names it in
   tracebacks (NULL: "main.py"). ext_fns[0..n_ext) are the names of the
   external functions it may call; inputs[0..n_inputs) the names of the
   globals each run receives (cmonty_start's inputs, same order). Names
   are copied. On success *out is the program (owned by the host, free it
   with cmonty_program_free; it belongs to this interpreter and is freed
   with it). A SyntaxError gives CMONTY_EXCEPTION with the error in
   cmonty_error_*(); bad arguments give CMONTY_MISUSE. */
CMONTY_API cmonty_status cmonty_compile(cmonty_vm *vm, const char *src,
                                        size_t len, const char *script_name,
                                        const char *const *ext_fns,
                                        size_t n_ext,
                                        const char *const *inputs,
                                        size_t n_inputs,
                                        cmonty_program **out);
/* Frees a program (NULL: no-op). Not while one of its runs is paused
   (CMONTY_MISUSE then; abort the run first). */
CMONTY_API cmonty_status cmonty_program_free(cmonty_vm *vm,
                                             cmonty_program *prog);

/* ---- runs -------------------------------------------------------------- */
typedef enum cmonty_progress_kind {
  CMONTY_PROGRESS_COMPLETE = 0,
  CMONTY_PROGRESS_CALL = 1,
  CMONTY_PROGRESS_NAME_LOOKUP = 2,
  CMONTY_PROGRESS_OS_CALL = 3,
  CMONTY_PROGRESS_ERROR = 4
} cmonty_progress_kind;

/* Where a run stopped. Handles are scoped (see Lifetime); the strings are
   owned by the interpreter and valid until the next start/resume/run/
   abort on it. */
typedef struct cmonty_progress {
  cmonty_progress_kind kind;
  cmonty_val value;    /* COMPLETE: the result; otherwise 0 */
  const char *name;    /* CALL/OS_CALL: function; NAME_LOOKUP: the name */
  size_t name_len;     /* ("" and 0 for COMPLETE/ERROR) */
  cmonty_val args;     /* CALL/OS_CALL: tuple of positional args, else 0 */
  cmonty_val kwargs;   /* CALL/OS_CALL: dict str -> value, else 0 */
  uint32_t call_id;    /* CALL/OS_CALL/NAME_LOOKUP: increasing per run
                          from 0 (ids are shared by the three kinds) */
  int method_call;     /* CALL: 1 for obj.method(...) on a host dataclass
                          (args[0] is obj, name the method), else 0 */
  cmonty_usage usage;  /* the run so far (time includes host time) */
  /* Text printed since the previous progress, when capture is on
     (cmonty_set_capture); else "" and 0. NUL-terminated, but may contain
     NULs itself: use the lengths. */
  const char *out;     /* stdout */
  size_t out_len;
  const char *err;     /* stderr */
  size_t err_len;
} cmonty_progress;

/* Starts a run of prog with inputs[0..n_inputs) bound to the program's
   declared input names (n_inputs must equal their number). Each run gets
   fresh globals (__name__ == "__main__"). Returns CMONTY_OK with *out
   filled (an ERROR progress is still CMONTY_OK: look at out->kind), or
   CMONTY_MISUSE (bad handles, wrong count, a run already paused: abort
   it first). */
CMONTY_API cmonty_status cmonty_start(cmonty_vm *vm, cmonty_program *prog,
                                      const cmonty_val *inputs,
                                      size_t n_inputs, cmonty_progress *out);
/* Answers the pending CALL/NAME_LOOKUP/OS_CALL with value v and
   continues (a NAME_LOOKUP's value is also bound as that global). MISUSE if nothing is pending or v is invalid. */
CMONTY_API cmonty_status cmonty_resume(cmonty_vm *vm, cmonty_val v,
                                       cmonty_progress *out);
/* Raises type_name(message) at the pending call site and continues (the
   program may catch it). type_name is a built-in exception name
   ("ValueError", "FileNotFoundError", ...); unknown names (or
   non-exception names) raise RuntimeError instead. message may be NULL
   (no arguments). */
CMONTY_API cmonty_status cmonty_resume_exception(cmonty_vm *vm,
                                                 const char *type_name,
                                                 const char *message,
                                                 cmonty_progress *out);
/* Answers "not found": NAME_LOOKUP raises NameError "name 'x' is not
   defined"; CALL raises NameError for the function's name (a method call
   raises AttributeError "'Name' object has no attribute 'm'"); OS_CALL raises
   FileNotFoundError (path operations) or NameError. */
CMONTY_API cmonty_status cmonty_resume_not_found(cmonty_vm *vm,
                                                 cmonty_progress *out);
/* Runs prog to the end without pausing: OS calls raise PermissionError
   (no host answer), undefined names raise NameError, and an external
   function call raises RuntimeError "external function 'f' cannot be
   called by cmonty_run" at the call site. *out is COMPLETE or ERROR. */
CMONTY_API cmonty_status cmonty_run(cmonty_vm *vm, cmonty_program *prog,
                                    const cmonty_val *inputs,
                                    size_t n_inputs, cmonty_progress *out);
/* Discards a paused run (its finally blocks do not run). No-op when
   nothing is paused. */
CMONTY_API void cmonty_abort(cmonty_vm *vm);
/* 1 while a run is paused waiting for the host, else 0. */
CMONTY_API int cmonty_is_paused(cmonty_vm *vm);

/* Print capture for runs: on (nonzero), print() output is collected into
   each progress (out/err), in addition to going to the write hook if one
   is set. Default off. */
CMONTY_API void cmonty_set_capture(cmonty_vm *vm, int on);

/* Traceback frames of the last error (ERROR progress or
   CMONTY_EXCEPTION), outermost first, as CPython prints them. Strings are
   owned by the interpreter, valid until the next run. Lines are 1-based,
   columns 0-based byte offsets (0/0 when unknown). */
typedef struct cmonty_frame {
  const char *filename;
  const char *function;   /* "<module>" for module code */
  const char *source_line;/* the stripped source line, "" if unknown */
  int32_t line, end_line, col, end_col;
} cmonty_frame;
CMONTY_API size_t cmonty_error_frame_count(cmonty_vm *vm);
CMONTY_API cmonty_status cmonty_error_frame(cmonty_vm *vm, size_t i,
                                            cmonty_frame *out);

/* The library version string, CMONTY_VERSION. */
CMONTY_API const char *cmonty_version(void);

#ifdef __cplusplus
}
#endif
#endif
