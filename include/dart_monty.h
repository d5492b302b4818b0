/*
** dart_monty.h — cmonty's implementation of the C ABI that the Dart package
** dart_monty_core loads (libdart_monty_core_native). Same 58 symbols,
** signatures, enum values, states, JSON shapes and error strings; the full
** contract is docs/dart_monty_abi.md.
**
** Conventions:
**  - Every char* returned (result or through an out-parameter) is a fresh
**    heap copy owned by the caller: free it with monty_string_free. Byte
**    buffers from the snapshot functions are freed with monty_bytes_free.
**  - Inputs are only read during the call. Strings are UTF-8.
**  - Out-parameters may be NULL. Progress functions write NULL to out_error
**    on success and a message on failure.
**  - MONTY_PROGRESS_ERROR means either API misuse / bad input (the handle's
**    state is unchanged) or a Python exception (the handle is then
**    Complete and monty_complete_is_error returns 1).
**  - A MontyHandle runs once; monty_free/monty_repl_free accept NULL and
**    already-freed handles.
**  - Different handles may be used from different threads at once; one
**    handle must not be used by two threads at the same time.
**  - Not supported yet (they fail with a "not supported yet" message):
**    futures (monty_resume_as_future, monty_resume_futures), snapshots,
**    the REPL functions and type checking.
*/
#ifndef DART_MONTY_H
#define DART_MONTY_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define MONTY_API __declspec(dllexport)
#elif defined(__GNUC__)
#define MONTY_API __attribute__((visibility("default")))
#else
#define MONTY_API
#endif

typedef enum MontyResultTag {
  MONTY_RESULT_OK = 0,
  MONTY_RESULT_ERROR = 1
} MontyResultTag;

typedef enum MontyProgressTag {
  MONTY_PROGRESS_COMPLETE = 0,
  MONTY_PROGRESS_PENDING = 1,
  MONTY_PROGRESS_ERROR = 2,
  MONTY_PROGRESS_RESOLVE_FUTURES = 3,
  MONTY_PROGRESS_OS_CALL = 4,
  MONTY_PROGRESS_NAME_LOOKUP = 5
} MontyProgressTag;

/* One compiled program and its single run. */
typedef struct MontyHandle MontyHandle;
/* A persistent REPL session (not supported yet). */
typedef struct MontyReplHandle MontyReplHandle;

/* ---- lifecycle --------------------------------------------------------- */
/* Compiles code. ext_fns: comma-separated external function names (NULL or
   "" for none); script_name: NULL for "<input>". NULL + *out_error
   ("SyntaxError: ...") on failure. */
MONTY_API MontyHandle *monty_create(const char *code, const char *ext_fns,
                                    const char *script_name, char **out_error);
MONTY_API void monty_free(MontyHandle *handle);
/* Runs to completion without a host: result JSON in *result_json. */
MONTY_API MontyResultTag monty_run(MontyHandle *handle, char **result_json,
                                   char **error_msg);

/* ---- iterative execution ----------------------------------------------- */
MONTY_API MontyProgressTag monty_start(MontyHandle *handle, char **out_error);
MONTY_API MontyProgressTag monty_resume(MontyHandle *handle,
                                        const char *value_json,
                                        char **out_error);
MONTY_API MontyProgressTag monty_resume_with_error(MontyHandle *handle,
                                                   const char *error_message,
                                                   char **out_error);
MONTY_API MontyProgressTag monty_resume_with_exception(
    MontyHandle *handle, const char *exc_type, const char *error_message,
    char **out_error);
MONTY_API MontyProgressTag monty_resume_not_found(MontyHandle *handle,
                                                  const char *fn_name,
                                                  char **out_error);
MONTY_API MontyProgressTag monty_resume_as_future(MontyHandle *handle,
                                                  char **out_error);
MONTY_API char *monty_pending_future_call_ids(const MontyHandle *handle);
MONTY_API MontyProgressTag monty_resume_futures(MontyHandle *handle,
                                                const char *results_json,
                                                const char *errors_json,
                                                char **out_error);

/* ---- pending external call (PENDING state) ----------------------------- */
MONTY_API char *monty_pending_fn_name(const MontyHandle *handle);
MONTY_API char *monty_pending_fn_args_json(const MontyHandle *handle);
MONTY_API char *monty_pending_fn_kwargs_json(const MontyHandle *handle);
MONTY_API uint32_t monty_pending_call_id(const MontyHandle *handle);
/* 1 for obj.method(...) on a host dataclass (the name is the method's,
   args[0] the dataclass), 0 for a plain call, -1 when not PENDING. */
MONTY_API int monty_pending_method_call(const MontyHandle *handle);

/* ---- OS call (OS_CALL state) ------------------------------------------- */
MONTY_API char *monty_os_call_fn_name(const MontyHandle *handle);
MONTY_API char *monty_os_call_args_json(const MontyHandle *handle);
MONTY_API char *monty_os_call_kwargs_json(const MontyHandle *handle);
MONTY_API uint32_t monty_os_call_id(const MontyHandle *handle);

/* ---- completion -------------------------------------------------------- */
MONTY_API char *monty_complete_result_json(const MontyHandle *handle);
MONTY_API int monty_complete_is_error(const MontyHandle *handle);

/* ---- name lookup (NAME_LOOKUP state) ----------------------------------- */
/* A value resume binds the name as a global of the run (later reads do not
   ask again); _undefined raises NameError there and binds nothing. */
MONTY_API char *monty_name_lookup_name(const MontyHandle *handle);
MONTY_API MontyProgressTag monty_resume_name_lookup_value(
    MontyHandle *handle, const char *value_json, char **out_error);
MONTY_API MontyProgressTag monty_resume_name_lookup_undefined(
    MontyHandle *handle, char **out_error);

/* ---- snapshots --------------------------------------------------------- */
MONTY_API uint8_t *monty_snapshot(const MontyHandle *handle, size_t *out_len);
MONTY_API MontyHandle *monty_restore(const uint8_t *data, size_t len,
                                     char **out_error);

/* ---- limits (call before run/start) ------------------------------------ */
MONTY_API void monty_set_memory_limit(MontyHandle *handle, size_t bytes);
MONTY_API void monty_set_time_limit_ms(MontyHandle *handle, uint64_t ms);
MONTY_API void monty_set_stack_limit(MontyHandle *handle, size_t depth);

/* ---- REPL -------------------------------------------------------------- */
MONTY_API MontyReplHandle *monty_repl_create(const char *script_name,
                                             char **out_error);
MONTY_API void monty_repl_free(MontyReplHandle *handle);
MONTY_API MontyResultTag monty_repl_feed_run(MontyReplHandle *handle,
                                             const char *code,
                                             char **result_json,
                                             char **error_msg);
MONTY_API int monty_repl_detect_continuation(const char *source);
MONTY_API void monty_repl_set_ext_fns(MontyReplHandle *handle,
                                      const char *ext_fns);
MONTY_API MontyProgressTag monty_repl_feed_start(MontyReplHandle *handle,
                                                 const char *code,
                                                 char **out_error);
MONTY_API MontyProgressTag monty_repl_resume(MontyReplHandle *handle,
                                             const char *value_json,
                                             char **out_error);
MONTY_API MontyProgressTag monty_repl_resume_with_error(
    MontyReplHandle *handle, const char *error_message, char **out_error);
MONTY_API MontyProgressTag monty_repl_resume_not_found(MontyReplHandle *handle,
                                                       const char *fn_name,
                                                       char **out_error);
MONTY_API MontyProgressTag monty_repl_resume_as_future(MontyReplHandle *handle,
                                                       char **out_error);
MONTY_API MontyProgressTag monty_repl_resume_futures(MontyReplHandle *handle,
                                                     const char *results_json,
                                                     const char *errors_json,
                                                     char **out_error);
MONTY_API char *monty_repl_pending_fn_name(const MontyReplHandle *handle);
MONTY_API char *monty_repl_pending_fn_args_json(const MontyReplHandle *handle);
MONTY_API char *monty_repl_pending_fn_kwargs_json(
    const MontyReplHandle *handle);
MONTY_API uint32_t monty_repl_pending_call_id(const MontyReplHandle *handle);
MONTY_API int monty_repl_pending_method_call(const MontyReplHandle *handle);
MONTY_API char *monty_repl_os_call_fn_name(const MontyReplHandle *handle);
MONTY_API char *monty_repl_os_call_args_json(const MontyReplHandle *handle);
MONTY_API char *monty_repl_os_call_kwargs_json(const MontyReplHandle *handle);
MONTY_API uint32_t monty_repl_os_call_id(const MontyReplHandle *handle);
MONTY_API char *monty_repl_complete_result_json(const MontyReplHandle *handle);
MONTY_API int monty_repl_complete_is_error(const MontyReplHandle *handle);
MONTY_API char *monty_repl_pending_future_call_ids(
    const MontyReplHandle *handle);
MONTY_API uint8_t *monty_repl_snapshot(const MontyReplHandle *handle,
                                       size_t *out_len);
MONTY_API MontyReplHandle *monty_repl_restore(const uint8_t *data, size_t len,
                                              char **out_error);

/* ---- type checking ----------------------------------------------------- */
MONTY_API MontyResultTag monty_type_check(const char *code,
                                          const char *prefix_code,
                                          const char *script_name,
                                          char **out_diagnostics_json,
                                          char **out_error);

/* ---- memory ------------------------------------------------------------ */
MONTY_API void monty_string_free(char *ptr);
MONTY_API void monty_bytes_free(uint8_t *ptr, size_t len);

#ifdef __cplusplus
}
#endif
#endif
