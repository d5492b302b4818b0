/*
** dart_monty.c — the dart_monty_core C ABI (include/dart_monty.h) on top of
** cmonty's host API (include/cmonty.h) and its JSON value format
** (src/json.h). Built only into libdart_monty_core_native (abi/CMakeLists.txt).
** The contract is docs/dart_monty_abi.md; section numbers below refer to it.
**
** Each MontyHandle owns one interpreter (cmonty_vm) and one compiled
** program, so handles share nothing and can run on different threads.
** Strings handed to the caller are malloc'd copies (freed by
** monty_string_free), independent of the handle (§2.1).
**
** The one piece of process-wide state is the registry of live handles
** (a lock-protected pointer set), which makes monty_free/monty_repl_free of
** an already-freed or unknown pointer a harmless no-op (§2.3, §9.7). It lives
** here in the ABI shim, outside every interpreter.
**
** Not supported yet (clear errors, per issue 3): futures, snapshots, the
** REPL and type checking.
*/
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dart_monty.h"
#include "../src/dict.h"
#include "../src/json.h"
#include "../src/runtime.h"
#include "../src/unicode.h"

#include "../src/host.h"

#define NOT_SUPPORTED(what) what " is not supported yet"

/* ---- live-handle registry -------------------------------------------- */

static atomic_flag reg_lock = ATOMIC_FLAG_INIT;
static void **reg_items;
static size_t reg_n, reg_cap;

static void reg_acquire(void) {
  while (atomic_flag_test_and_set_explicit(&reg_lock, memory_order_acquire)) {
  }
}
static void reg_release(void) {
  atomic_flag_clear_explicit(&reg_lock, memory_order_release);
}

static bool reg_add(void *p) {
  bool ok = true;
  reg_acquire();
  if (reg_n == reg_cap) {
    size_t cap = reg_cap ? reg_cap * 2 : 16;
    void **n = realloc(reg_items, cap * sizeof *n);
    if (n) {
      reg_items = n;
      reg_cap = cap;
    } else {
      ok = false;
    }
  }
  if (ok) reg_items[reg_n++] = p;
  reg_release();
  return ok;
}

/* Removes p; true if it was live. */
static bool reg_remove(void *p) {
  bool found = false;
  reg_acquire();
  for (size_t i = 0; i < reg_n; i++)
    if (reg_items[i] == p) {
      reg_items[i] = reg_items[--reg_n];
      found = true;
      break;
    }
  if (reg_n == 0) {
    free(reg_items);
    reg_items = NULL;
    reg_cap = 0;
  }
  reg_release();
  return found;
}

/* ---- small helpers ----------------------------------------------------- */

static char *dup_n(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}
static char *dup_s(const char *s) { return s ? dup_n(s, strlen(s)) : NULL; }

static void set_out(char **out, const char *msg) {
  if (out) *out = msg ? dup_s(msg) : NULL;
}

/* Strict UTF-8 (no surrogates, no overlong forms). */
static bool utf8_ok(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = cm_utf8_decode(u + i, n - i, &cp);
    if (!k) return false;
    i += k;
  }
  return true;
}

/* Validates a string argument: NULL (if required) or invalid UTF-8 writes
   "<name> is NULL" / "<name> is not valid UTF-8". */
static bool check_str(const char *s, const char *name, bool required,
                      char **out) {
  char msg[96];
  if (!s) {
    if (!required) return true;
    snprintf(msg, sizeof msg, "%s is NULL", name);
    set_out(out, msg);
    return false;
  }
  if (!utf8_ok(s)) {
    snprintf(msg, sizeof msg, "%s is not valid UTF-8", name);
    set_out(out, msg);
    return false;
  }
  return true;
}

/* ---- the handle -------------------------------------------------------- */

enum { ST_READY, ST_PAUSED, ST_OSCALL, ST_NAMELOOKUP, ST_COMPLETE };

struct MontyHandle {
  cm_vm *vm;
  cmonty_program *prog;
  int state;
  /* limits (§4.8): applied at run/start */
  bool limits_set, mem_set, time_set, stack_set;
  size_t mem_bytes, stack_depth;
  uint64_t time_ms;
  /* print output of the run (malloc'd) */
  char *print;
  size_t print_len, print_cap;
  bool print_oom;
  /* pending call / OS call / name lookup (malloc'd copies) */
  char *fn_name, *args_json, *kwargs_json;
  uint32_t call_id;
  int method_call;
  /* Complete */
  char *result_json;
  int is_error;
};

static void on_write(void *ud, int stream, const char *data, size_t len) {
  MontyHandle *h = ud;
  (void)stream;
  if (h->print_oom || !len) return;
  if (h->print_len + len + 1 > h->print_cap) {
    size_t cap = h->print_cap ? h->print_cap : 256;
    while (cap < h->print_len + len + 1) cap *= 2;
    char *p = realloc(h->print, cap);
    if (!p) {
      h->print_oom = true;
      return;
    }
    h->print = p;
    h->print_cap = cap;
  }
  memcpy(h->print + h->print_len, data, len);
  h->print_len += len;
  h->print[h->print_len] = '\0';
}

static void clear_pending(MontyHandle *h) {
  free(h->fn_name);
  free(h->args_json);
  free(h->kwargs_json);
  h->fn_name = h->args_json = h->kwargs_json = NULL;
  h->call_id = UINT32_MAX;
  h->method_call = -1;
}

static void handle_destroy(MontyHandle *h) {
  clear_pending(h);
  free(h->result_json);
  free(h->print);
  if (h->vm) {
    cmonty_abort(h->vm);
    if (h->prog) cmonty_program_free(h->vm, h->prog);
  }
  if (h->vm) cmonty_free(h->vm);
  free(h);
}

/* Runs f with the memory/allocation limits lifted: building the host's
   JSON must not fail because the program used up its budget. */
typedef struct limit_save {
  uint64_t mem, allocs;
} limit_save;
static limit_save lift_limits(cm_vm *vm) {
  limit_save s = {vm->limits.max_memory, vm->limits.max_allocations};
  vm->limits.max_memory = 0;
  vm->limits.max_allocations = 0;
  return s;
}
static void restore_limits(cm_vm *vm, limit_save s) {
  vm->limits.max_memory = s.mem;
  vm->limits.max_allocations = s.allocs;
}

/* A cm_buf's text as a malloc'd string (frees the buffer). */
static char *buf_take(cm_vm *vm, cm_buf *b) {
  char *r = dup_n(b->data ? b->data : "", b->len);
  cm_buf_free(vm, b);
  return r;
}

/* "<prefix><message of the pending exception>", clearing it. */
static char *exc_text(cm_vm *vm, const char *prefix) {
  cm_value exc = vm->exc;
  vm->exc = CM_NULL;
  const char *m = "out of memory";
  cm_value s = CM_NULL;
  if (cm_is_obj(exc) && exc != vm->memerr) {
    s = cm_exc_message(vm, exc);
    vm->exc = CM_NULL;
    if (cm_is_obj(s)) m = cm_str_cstr(s);
  }
  size_t n = strlen(prefix) + strlen(m) + 1;
  char *r = malloc(n);
  if (r) snprintf(r, n, "%s%s", prefix, m);
  return r;
}

/* ---- lifecycle --------------------------------------------------------- */

MontyHandle *monty_create(const char *code, const char *ext_fns,
                          const char *script_name, char **out_error) {
  if (!check_str(code, "code", true, out_error) ||
      !check_str(ext_fns, "ext_fns", false, out_error) ||
      !check_str(script_name, "script_name", false, out_error))
    return NULL;
  MontyHandle *h = calloc(1, sizeof *h);
  if (!h) {
    set_out(out_error, "MemoryError: out of memory");
    return NULL;
  }
  h->call_id = UINT32_MAX;
  h->method_call = -1;
  h->vm = cmonty_new(NULL, NULL);
  if (!h->vm) {
    free(h);
    set_out(out_error, "MemoryError: out of memory");
    return NULL;
  }
  cmonty_set_write(h->vm, on_write, h);
  /* ext_fns: comma-separated, each trimmed (§4.3) */
  char *names = dup_s(ext_fns ? ext_fns : "");
  size_t cap = 1;
  for (const char *p = names ? names : ""; *p; p++) cap += *p == ',';
  const char **list = malloc(cap * sizeof *list);
  size_t n = 0;
  if (!names || !list) {
    free(names);
    free(list);
    handle_destroy(h);
    set_out(out_error, "MemoryError: out of memory");
    return NULL;
  }
  for (char *p = names; *names && p;) {
    char *comma = strchr(p, ',');
    if (comma) *comma = '\0';
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    char *e = p + strlen(p);
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
                     e[-1] == '\r'))
      *--e = '\0';
    if (*p) list[n++] = p;
    p = comma ? comma + 1 : NULL;
  }
  cmonty_status st = cmonty_compile(
      h->vm, code, strlen(code), script_name ? script_name : "<input>", list,
      n, NULL, 0, &h->prog);
  free(list);
  free(names);
  if (st != CMONTY_OK) {
    cm_value exc = st == CMONTY_EXCEPTION ? cm_host_last_exc(h->vm) : CM_NULL;
    cm_buf sum = {0};
    if (out_error && cm_is_obj(exc) && cm_json_exc_summary(h->vm, &sum, exc) == 0) {
      /* Rust's exc.summary(): "SyntaxError: msg", no "(file, line N)" */
      *out_error = buf_take(h->vm, &sum);
    } else if (out_error) {
      const char *t = st == CMONTY_EXCEPTION ? cmonty_error_type(h->vm) : "";
      const char *m = st == CMONTY_EXCEPTION ? cmonty_error_message(h->vm)
                                             : cmonty_last_error(h->vm);
      if (!*t) t = "RuntimeError";
      size_t len = strlen(t) + strlen(m) + 3;
      *out_error = malloc(len);
      if (*out_error) snprintf(*out_error, len, *m ? "%s: %s" : "%s", t, m);
    }
    cm_buf_free(h->vm, &sum);
    handle_destroy(h);
    return NULL;
  }
  if (!reg_add(h)) {
    handle_destroy(h);
    set_out(out_error, "MemoryError: out of memory");
    return NULL;
  }
  return h;
}

void monty_free(MontyHandle *handle) {
  if (!handle || !reg_remove(handle)) return;
  handle_destroy(handle);
}


static void apply_limits(MontyHandle *h) {
  cmonty_limits l = {0, 0, 0, 0, 0};
  if (!h->limits_set) {
    l.max_memory = 268435456;
    l.max_depth = 0; /* cmonty's default 1000, catchable like Rust's */
  } else {
    if (h->mem_set) l.max_memory = h->mem_bytes;
    if (h->time_set) l.max_seconds = (double)h->time_ms / 1000.0;
    /* cmonty has no unlimited depth: 0 selects its default (1000) */
    if (h->stack_set)
      l.max_depth = h->stack_depth > UINT32_MAX ? UINT32_MAX
                                                : (uint32_t)h->stack_depth;
  }
  cmonty_set_limits(h->vm, &l);
}

static cm_json_usage usage_of(const cmonty_usage *u) {
  cm_json_usage r;
  r.memory_bytes_used = u->memory_peak;
  r.time_elapsed_ms = (uint64_t)(u->seconds * 1000.0 + 0.5);
  r.stack_depth_used = u->depth_peak;
  return r;
}

/* Completion: builds the result JSON and the summary. */
static void complete(MontyHandle *h, cm_value value, cm_value exc,
                     const cmonty_usage *u, char **summary) {
  cm_vm *vm = h->vm;
  limit_save ls = lift_limits(vm);
  cm_json_usage ju = usage_of(u);
  cm_buf b = {0};
  cm_value saved = vm->exc;
  cm_value reported = exc;
  if (cm_json_result(vm, &b, value, exc, h->print, h->print_len, &ju,
                     &reported) < 0) {
    cm_buf_free(vm, &b);
    vm->exc = saved;
    reported = exc = vm->memerr;
    if (cm_json_result(vm, &b, CM_NONE, exc, NULL, 0, &ju, NULL) < 0)
      cm_buf_free(vm, &b);
  }
  exc = reported;
  free(h->result_json);
  h->result_json = b.len ? buf_take(vm, &b) : dup_s("{\"value\":null}");
  cm_buf_free(vm, &b);
  h->is_error = !cm_is_null(exc);
  if (summary) {
    *summary = NULL;
    if (!cm_is_null(exc)) {
      cm_buf s = {0};
      if (cm_json_exc_summary(vm, &s, exc) == 0) *summary = buf_take(vm, &s);
      else cm_buf_free(vm, &s);
    }
  }
  vm->exc = CM_NULL;
  restore_limits(vm, ls);
  h->state = ST_COMPLETE;
}

/* The items of a tuple as a JSON array; a dict as an object (or pairs). */
static char *encode_json(cm_vm *vm, cm_value v, bool as_array) {
  limit_save ls = lift_limits(vm);
  cm_buf b = {0};
  int r = 0;
  if (as_array && cm_is_obj(v) && cm_objptr(v)->type == &cm_tuple_type) {
    cm_tuple *t = CM_AS(cm_tuple, v);
    r = cm_buf_putc(vm, &b, '[');
    for (size_t i = 0; r == 0 && i < t->n; i++) {
      if (i) r = cm_buf_putc(vm, &b, ',');
      if (r == 0) r = cm_json_encode(vm, &b, t->items[i]);
    }
    if (r == 0) r = cm_buf_putc(vm, &b, ']');
  } else if (cm_is_null(v)) {
    r = cm_buf_puts(vm, &b, as_array ? "[]" : "{}");
  } else {
    r = cm_json_encode(vm, &b, v);
  }
  char *out = NULL;
  if (r == 0) {
    out = buf_take(vm, &b);
  } else {
    cm_buf_free(vm, &b);
    vm->exc = CM_NULL;
    out = dup_s(as_array ? "[]" : "{}");
  }
  restore_limits(vm, ls);
  return out;
}

/* Translates a host-API progress into the handle's state and a tag. */
static MontyProgressTag take(MontyHandle *h, cmonty_status st,
                             const cmonty_progress *p, char **out_error) {
  cm_vm *vm = h->vm;
  clear_pending(h);
  if (st == CMONTY_MISUSE) {
    set_out(out_error, cmonty_last_error(vm));
    return MONTY_PROGRESS_ERROR;
  }
  if (st != CMONTY_OK || p->kind == CMONTY_PROGRESS_ERROR) {
    cm_value exc = cm_host_last_exc(vm);
    if (!cm_is_obj(exc)) exc = vm->memerr;
    char *summary = NULL;
    complete(h, CM_NONE, exc, &p->usage, &summary);
    if (out_error) *out_error = summary;
    else free(summary);
    return MONTY_PROGRESS_ERROR;
  }
  if (p->kind == CMONTY_PROGRESS_COMPLETE) {
    char *summary = NULL;
    complete(h, cm_host_value(vm, p->value), CM_NULL, &p->usage, &summary);
    if (h->is_error) {
      if (out_error) *out_error = summary;
      else free(summary);
      return MONTY_PROGRESS_ERROR;
    }
    free(summary);
    set_out(out_error, NULL);
    return MONTY_PROGRESS_COMPLETE;
  }
  h->fn_name = dup_n(p->name ? p->name : "", p->name ? p->name_len : 0);
  h->call_id = p->call_id;
  if (p->kind == CMONTY_PROGRESS_NAME_LOOKUP) {
    h->state = ST_NAMELOOKUP;
    set_out(out_error, NULL);
    return MONTY_PROGRESS_NAME_LOOKUP;
  }
  h->args_json = encode_json(vm, cm_host_value(vm, p->args), true);
  h->kwargs_json = encode_json(vm, cm_host_value(vm, p->kwargs), false);
  h->method_call = p->method_call ? 1 : 0;
  set_out(out_error, NULL);
  if (p->kind == CMONTY_PROGRESS_OS_CALL) {
    h->state = ST_OSCALL;
    return MONTY_PROGRESS_OS_CALL;
  }
  h->state = ST_PAUSED;
  return MONTY_PROGRESS_PENDING;
}


MontyResultTag monty_run(MontyHandle *handle, char **result_json,
                         char **error_msg) {
  if (!handle) {
    set_out(error_msg, "handle is NULL");
    return MONTY_RESULT_ERROR;
  }
  if (handle->state != ST_READY) {
    set_out(error_msg, "handle not in Ready state");
    set_out(result_json, NULL); /* Rust writes ""; NULL is safer (§9.9) */
    return MONTY_RESULT_ERROR;
  }
  cmonty_progress p;
  apply_limits(handle);
  cmonty_status st = cmonty_run(handle->vm, handle->prog, NULL, 0, &p);
  char *summary = NULL;
  MontyProgressTag tag = take(handle, st, &p, &summary);
  if (handle->state != ST_COMPLETE) {
    /* cmonty_run never pauses; treat anything else as an internal error */
    free(summary);
    set_out(error_msg, "internal error: run paused");
    set_out(result_json, NULL);
    return MONTY_RESULT_ERROR;
  }
  if (result_json) *result_json = dup_s(handle->result_json);
  if (error_msg) *error_msg = tag == MONTY_PROGRESS_COMPLETE ? NULL : summary;
  else free(summary);
  if (tag == MONTY_PROGRESS_COMPLETE) free(summary);
  return tag == MONTY_PROGRESS_COMPLETE ? MONTY_RESULT_OK : MONTY_RESULT_ERROR;
}

/* ---- iterative execution ----------------------------------------------- */

MontyProgressTag monty_start(MontyHandle *handle, char **out_error) {
  if (!handle) {
    set_out(out_error, "handle is NULL");
    return MONTY_PROGRESS_ERROR;
  }
  if (handle->state != ST_READY) {
    set_out(out_error, "handle not in Ready state");
    return MONTY_PROGRESS_ERROR;
  }
  cmonty_progress p;
  apply_limits(handle);
  cmonty_status st = cmonty_start(handle->vm, handle->prog, NULL, 0, &p);
  return take(handle, st, &p, out_error);
}

/* Decodes value_json into a fresh value handle; 0 with "invalid JSON: ..."
   written on failure. */
static cmonty_val decode_arg(MontyHandle *h, const char *json,
                             char **out_error) {
  cm_vm *vm = h->vm;
  cm_value saved = vm->exc;
  vm->exc = CM_NULL;
  cm_value v = cm_json_decode(vm, json, strlen(json));
  if (cm_is_error(v)) {
    char *m = exc_text(vm, cm_exc_matches(vm, &cm_exc_NotImplementedError)
                               ? "unsupported value: "
                               : "invalid JSON: ");
    if (out_error) *out_error = m;
    else free(m);
    vm->exc = saved;
    return 0;
  }
  vm->exc = saved;
  cmonty_val hv = cm_host_handle(vm, v);
  if (!hv) set_out(out_error, "invalid JSON: out of memory");
  return hv;
}

/* The states a resume function accepts, with the message it gives in any
   other (§4.1). */
typedef enum { IN_CALL, IN_PAUSED, IN_LOOKUP } resume_state;

/* The common preamble of the monty_resume* functions, after their string
   arguments were checked: the handle, then (when value_json is given) the
   value decoded into *v, then the state; parse failures come before the
   state check and a failed check leaves the state unchanged (§4.1). */
static bool resume_prelude(MontyHandle *h, resume_state want,
                           const char *value_json, cmonty_val *v,
                           char **out_error) {
  if (!h) {
    set_out(out_error, "handle is NULL");
    return false;
  }
  if (value_json && !(*v = decode_arg(h, value_json, out_error))) return false;
  bool ok = want == IN_LOOKUP   ? h->state == ST_NAMELOOKUP
            : want == IN_PAUSED ? h->state == ST_PAUSED
                                : h->state == ST_PAUSED || h->state == ST_OSCALL;
  if (ok) return true;
  if (value_json) cmonty_val_free(h->vm, *v);
  set_out(out_error, want == IN_LOOKUP   ? "handle not in NameLookup state"
                     : want == IN_PAUSED ? "handle not in Paused state"
                                         : "handle not in Paused or OsCall state");
  return false;
}

static MontyProgressTag raise_at_call(MontyHandle *h, const char *type,
                                      const char *msg, char **out_error) {
  cmonty_progress p;
  cmonty_status st = cmonty_resume_exception(h->vm, type, msg, &p);
  return take(h, st, &p, out_error);
}

MontyProgressTag monty_resume(MontyHandle *handle, const char *value_json,
                              char **out_error) {
  cmonty_val v = 0;
  if (!check_str(value_json, "value_json", true, out_error) ||
      !resume_prelude(handle, IN_CALL, value_json, &v, out_error))
    return MONTY_PROGRESS_ERROR;
  cmonty_progress p;
  cmonty_status st = cmonty_resume(handle->vm, v, &p);
  return take(handle, st, &p, out_error);
}

MontyProgressTag monty_resume_with_error(MontyHandle *handle,
                                         const char *error_message,
                                         char **out_error) {
  if (!check_str(error_message, "error_message", true, out_error) ||
      !resume_prelude(handle, IN_CALL, NULL, NULL, out_error))
    return MONTY_PROGRESS_ERROR;
  return raise_at_call(handle, "RuntimeError", error_message, out_error);
}

MontyProgressTag monty_resume_with_exception(MontyHandle *handle,
                                             const char *exc_type,
                                             const char *error_message,
                                             char **out_error) {
  if (!check_str(exc_type, "exc_type", true, out_error) ||
      !check_str(error_message, "error_message", true, out_error) ||
      !resume_prelude(handle, IN_CALL, NULL, NULL, out_error))
    return MONTY_PROGRESS_ERROR;
  return raise_at_call(handle, exc_type, error_message, out_error);
}

MontyProgressTag monty_resume_not_found(MontyHandle *handle,
                                        const char *fn_name,
                                        char **out_error) {
  if (!check_str(fn_name, "fn_name", true, out_error) ||
      !resume_prelude(handle, IN_CALL, NULL, NULL, out_error))
    return MONTY_PROGRESS_ERROR;
  size_t n = strlen(fn_name) + 32;
  char *msg = malloc(n);
  if (!msg) {
    set_out(out_error, "out of memory");
    return MONTY_PROGRESS_ERROR;
  }
  snprintf(msg, n, "name '%s' is not defined", fn_name);
  MontyProgressTag t = raise_at_call(handle, "NameError", msg, out_error);
  free(msg);
  return t;
}

MontyProgressTag monty_resume_as_future(MontyHandle *handle,
                                        char **out_error) {
  if (!resume_prelude(handle, IN_PAUSED, NULL, NULL, out_error))
    return MONTY_PROGRESS_ERROR;
  set_out(out_error, NOT_SUPPORTED("futures (monty_resume_as_future)"));
  return MONTY_PROGRESS_ERROR;
}

char *monty_pending_future_call_ids(const MontyHandle *handle) {
  (void)handle; /* never in the Futures state */
  return NULL;
}

/* Strict check that s is a JSON object (for the futures maps). */
static bool json_object_ok(MontyHandle *h, const char *s, const char *prefix,
                           char **out_error) {
  cm_vm *vm = h->vm;
  cm_value saved = vm->exc;
  vm->exc = CM_NULL;
  cm_value v = cm_json_decode(vm, s, strlen(s));
  if (cm_is_error(v)) {
    char *m = exc_text(vm, prefix);
    if (out_error) *out_error = m;
    else free(m);
    vm->exc = saved;
    return false;
  }
  vm->exc = saved;
  if (!cm_is_obj(v) || cm_objptr(v)->type != &cm_dict_type) {
    char msg[96];
    snprintf(msg, sizeof msg, "%sexpected an object", prefix);
    set_out(out_error, msg);
    return false;
  }
  size_t pos = 0;
  cm_value k;
  while (cm_dict_next(v, &pos, &k, NULL)) {
    const char *t = cm_str_cstr(k);
    size_t n = strlen(t);
    bool ok = n > 0 && n <= 10;
    uint64_t x = 0;
    for (size_t i = 0; ok && i < n; i++) {
      ok = t[i] >= '0' && t[i] <= '9';
      x = x * 10 + (uint64_t)(t[i] - '0');
    }
    if (!ok || x > UINT32_MAX) {
      size_t len = n + 20;
      char *m = malloc(len);
      if (m) snprintf(m, len, "invalid call_id: %s", t);
      if (out_error) *out_error = m;
      else free(m);
      return false;
    }
  }
  return true;
}

MontyProgressTag monty_resume_futures(MontyHandle *handle,
                                      const char *results_json,
                                      const char *errors_json,
                                      char **out_error) {
  if (!check_str(results_json, "results_json", true, out_error) ||
      !check_str(errors_json, "errors_json", true, out_error))
    return MONTY_PROGRESS_ERROR;
  if (!handle) {
    set_out(out_error, "handle is NULL");
    return MONTY_PROGRESS_ERROR;
  }
  if (!json_object_ok(handle, results_json, "invalid results JSON: ",
                      out_error) ||
      !json_object_ok(handle, errors_json, "invalid errors JSON: ", out_error))
    return MONTY_PROGRESS_ERROR;
  set_out(out_error, "handle not in Futures state");
  return MONTY_PROGRESS_ERROR;
}

/* ---- accessors --------------------------------------------------------- */

char *monty_pending_fn_name(const MontyHandle *h) {
  return h && h->state == ST_PAUSED ? dup_s(h->fn_name) : NULL;
}
char *monty_pending_fn_args_json(const MontyHandle *h) {
  return h && h->state == ST_PAUSED ? dup_s(h->args_json) : NULL;
}
char *monty_pending_fn_kwargs_json(const MontyHandle *h) {
  return h && h->state == ST_PAUSED ? dup_s(h->kwargs_json) : NULL;
}
uint32_t monty_pending_call_id(const MontyHandle *h) {
  return h && h->state == ST_PAUSED ? h->call_id : UINT32_MAX;
}
int monty_pending_method_call(const MontyHandle *h) {
  return h && h->state == ST_PAUSED ? h->method_call : -1;
}
char *monty_os_call_fn_name(const MontyHandle *h) {
  return h && h->state == ST_OSCALL ? dup_s(h->fn_name) : NULL;
}
char *monty_os_call_args_json(const MontyHandle *h) {
  return h && h->state == ST_OSCALL ? dup_s(h->args_json) : NULL;
}
char *monty_os_call_kwargs_json(const MontyHandle *h) {
  return h && h->state == ST_OSCALL ? dup_s(h->kwargs_json) : NULL;
}
uint32_t monty_os_call_id(const MontyHandle *h) {
  return h && h->state == ST_OSCALL ? h->call_id : UINT32_MAX;
}
char *monty_complete_result_json(const MontyHandle *h) {
  return h && h->state == ST_COMPLETE ? dup_s(h->result_json) : NULL;
}
int monty_complete_is_error(const MontyHandle *h) {
  return h && h->state == ST_COMPLETE ? h->is_error : -1;
}

/* ---- name lookup --------------------------------------------------------- */

char *monty_name_lookup_name(const MontyHandle *h) {
  return h && h->state == ST_NAMELOOKUP ? dup_s(h->fn_name) : NULL;
}

MontyProgressTag monty_resume_name_lookup_value(MontyHandle *handle,
                                                const char *value_json,
                                                char **out_error) {
  cmonty_val v = 0;
  if (!check_str(value_json, "value_json", true, out_error) ||
      !resume_prelude(handle, IN_LOOKUP, value_json, &v, out_error))
    return MONTY_PROGRESS_ERROR;
  /* cmonty_resume binds the name as a global (§4.3, §5.6) */
  cmonty_progress p;
  cmonty_status st = cmonty_resume(handle->vm, v, &p);
  return take(handle, st, &p, out_error);
}

MontyProgressTag monty_resume_name_lookup_undefined(MontyHandle *handle,
                                                    char **out_error) {
  if (!resume_prelude(handle, IN_LOOKUP, NULL, NULL, out_error))
    return MONTY_PROGRESS_ERROR;
  cmonty_progress p;
  cmonty_status st = cmonty_resume_not_found(handle->vm, &p);
  return take(handle, st, &p, out_error);
}

/* ---- snapshots (not supported yet) ------------------------------------- */

uint8_t *monty_snapshot(const MontyHandle *handle, size_t *out_len) {
  (void)handle;
  (void)out_len;
  return NULL;
}

MontyHandle *monty_restore(const uint8_t *data, size_t len, char **out_error) {
  (void)len;
  if (!data) {
    set_out(out_error, "data is NULL");
    return NULL;
  }
  set_out(out_error, "restore failed: " NOT_SUPPORTED("snapshots"));
  return NULL;
}

/* ---- limits -------------------------------------------------------------- */

void monty_set_memory_limit(MontyHandle *h, size_t bytes) {
  if (!h) return;
  h->limits_set = h->mem_set = true;
  h->mem_bytes = bytes;
}
void monty_set_time_limit_ms(MontyHandle *h, uint64_t ms) {
  if (!h) return;
  h->limits_set = h->time_set = true;
  h->time_ms = ms;
}
void monty_set_stack_limit(MontyHandle *h, size_t depth) {
  if (!h) return;
  h->limits_set = h->stack_set = true;
  h->stack_depth = depth;
}

/* ---- REPL (not supported yet) -------------------------------------------- */

#define REPL_MSG NOT_SUPPORTED("the REPL")

MontyReplHandle *monty_repl_create(const char *script_name, char **out_error) {
  if (!check_str(script_name, "script_name", false, out_error)) return NULL;
  set_out(out_error, REPL_MSG);
  return NULL;
}
/* No REPL handle is ever made, so none can be live. */
void monty_repl_free(MontyReplHandle *handle) { (void)handle; }

static bool repl_fail(const MontyReplHandle *h, char **out) {
  set_out(out, h ? REPL_MSG : "handle is NULL");
  return false;
}

MontyResultTag monty_repl_feed_run(MontyReplHandle *handle, const char *code,
                                   char **result_json, char **error_msg) {
  (void)code;
  repl_fail(handle, error_msg);
  set_out(result_json, NULL);
  return MONTY_RESULT_ERROR;
}
int monty_repl_detect_continuation(const char *source) {
  (void)source;
  return 0;
}
void monty_repl_set_ext_fns(MontyReplHandle *handle, const char *ext_fns) {
  (void)handle;
  (void)ext_fns;
}
MontyProgressTag monty_repl_feed_start(MontyReplHandle *handle,
                                       const char *code, char **out_error) {
  (void)code;
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
MontyProgressTag monty_repl_resume(MontyReplHandle *handle,
                                   const char *value_json, char **out_error) {
  (void)value_json;
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
MontyProgressTag monty_repl_resume_with_error(MontyReplHandle *handle,
                                              const char *error_message,
                                              char **out_error) {
  (void)error_message;
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
MontyProgressTag monty_repl_resume_not_found(MontyReplHandle *handle,
                                             const char *fn_name,
                                             char **out_error) {
  (void)fn_name;
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
MontyProgressTag monty_repl_resume_as_future(MontyReplHandle *handle,
                                             char **out_error) {
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
MontyProgressTag monty_repl_resume_futures(MontyReplHandle *handle,
                                           const char *results_json,
                                           const char *errors_json,
                                           char **out_error) {
  (void)results_json;
  (void)errors_json;
  repl_fail(handle, out_error);
  return MONTY_PROGRESS_ERROR;
}
char *monty_repl_pending_fn_name(const MontyReplHandle *h) { (void)h; return NULL; }
char *monty_repl_pending_fn_args_json(const MontyReplHandle *h) { (void)h; return NULL; }
char *monty_repl_pending_fn_kwargs_json(const MontyReplHandle *h) { (void)h; return NULL; }
uint32_t monty_repl_pending_call_id(const MontyReplHandle *h) { (void)h; return UINT32_MAX; }
int monty_repl_pending_method_call(const MontyReplHandle *h) { (void)h; return -1; }
char *monty_repl_os_call_fn_name(const MontyReplHandle *h) { (void)h; return NULL; }
char *monty_repl_os_call_args_json(const MontyReplHandle *h) { (void)h; return NULL; }
char *monty_repl_os_call_kwargs_json(const MontyReplHandle *h) { (void)h; return NULL; }
uint32_t monty_repl_os_call_id(const MontyReplHandle *h) { (void)h; return UINT32_MAX; }
char *monty_repl_complete_result_json(const MontyReplHandle *h) { (void)h; return NULL; }
int monty_repl_complete_is_error(const MontyReplHandle *h) { (void)h; return -1; }
char *monty_repl_pending_future_call_ids(const MontyReplHandle *h) { (void)h; return NULL; }
uint8_t *monty_repl_snapshot(const MontyReplHandle *h, size_t *out_len) {
  (void)h;
  (void)out_len;
  return NULL;
}
MontyReplHandle *monty_repl_restore(const uint8_t *data, size_t len,
                                    char **out_error) {
  (void)len;
  set_out(out_error, data ? "repl restore failed: " REPL_MSG : "data is NULL");
  return NULL;
}

/* ---- type checking (not supported yet) ----------------------------------- */

MontyResultTag monty_type_check(const char *code, const char *prefix_code,
                                const char *script_name,
                                char **out_diagnostics_json,
                                char **out_error) {
  set_out(out_diagnostics_json, NULL);
  if (!check_str(code, "code", true, out_error) ||
      !check_str(script_name, "script_name", true, out_error) ||
      !check_str(prefix_code, "prefix_code", false, out_error))
    return MONTY_RESULT_ERROR;
  set_out(out_error, NOT_SUPPORTED("type checking"));
  return MONTY_RESULT_ERROR;
}

/* ---- memory -------------------------------------------------------------- */

void monty_string_free(char *ptr) { free(ptr); }
void monty_bytes_free(uint8_t *ptr, size_t len) {
  (void)len;
  free(ptr);
}
