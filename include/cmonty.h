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

/* Limits for subsequent runs; 0 means unlimited (max_depth 0 = default
   1000). A breached limit raises an exception Python code cannot catch:
   TimeoutError (time, instructions), MemoryError (memory, allocations),
   RecursionError (depth). */
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

/* The library version string, CMONTY_VERSION. */
CMONTY_API const char *cmonty_version(void);

#ifdef __cplusplus
}
#endif
#endif
