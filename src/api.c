/*
** api.c — the public C API (include/cmonty.h).
**
** Texts returned to the host live in one buffer, vm->api_text, holding
** four NUL-terminated parts: error type, message, traceback, eval repr.
** It is allocated through the host allocator directly (not cm_alloc), so
** that reporting a MemoryError never trips the memory limit; if it cannot
** be allocated the accessors return "".
*/
#include <string.h>

#include "host.h"
#include "parser.h"
#include "runtime.h"

enum { TXT_TYPE, TXT_MSG, TXT_TB, TXT_REPR, TXT_N };

static void text_free(cm_vm *vm) {
  if (vm->api_text) vm->alloc(vm->alloc_ud, vm->api_text, vm->api_text_size, 0);
  vm->api_text = NULL;
  vm->api_text_size = 0;
}

/* Replaces the texts by parts[0..TXT_N) (NULL = ""). */
static void text_set(cm_vm *vm, const char *const *parts, const size_t *lens) {
  text_free(vm);
  size_t total = 0;
  for (int i = 0; i < TXT_N; i++) total += lens[i] + 1;
  char *p = vm->alloc(vm->alloc_ud, NULL, 0, total);
  if (!p) return;
  size_t off = 0;
  for (int i = 0; i < TXT_N; i++) {
    if (lens[i]) memcpy(p + off, parts[i], lens[i]);
    p[off + lens[i]] = '\0';
    off += lens[i] + 1;
  }
  vm->api_text = p;
  vm->api_text_size = total;
}

static const char *text_get(cm_vm *vm, int part) {
  if (!vm || !vm->api_text) return "";
  const char *p = vm->api_text;
  for (int i = 0; i < part; i++) p += strlen(p) + 1;
  return p;
}

static const char *sv(cm_value s, size_t *n) {
  if (!cm_is_obj(s) || cm_objptr(s)->type != &cm_str_type) {
    *n = 0;
    return "";
  }
  *n = CM_AS(cm_str, s)->size;
  return cm_str_cstr(s);
}

/* Moves the pending exception into the texts. */
cmonty_status cm_api_record_error(cm_vm *vm) {
  cm_value exc = vm->exc;
  vm->exc = CM_NULL;
  const char *parts[TXT_N] = {"MemoryError", "", "MemoryError\n", ""};
  size_t lens[TXT_N] = {11, 0, 12, 0};
  if (cm_is_obj(exc)) {
    parts[TXT_TYPE] = cm_typeof(vm, exc)->name;
    lens[TXT_TYPE] = strlen(parts[TXT_TYPE]);
    cm_value msg = cm_exc_message(vm, exc);
    cm_value tb = cm_format_exception(vm, exc);
    if (cm_is_error(tb)) tb = CM_NULL;
    vm->exc = CM_NULL;
    parts[TXT_MSG] = sv(msg, &lens[TXT_MSG]);
    if (!cm_is_null(tb)) parts[TXT_TB] = sv(tb, &lens[TXT_TB]);
  }
  text_set(vm, parts, lens);
  return CMONTY_EXCEPTION;
}

void cm_api_text_clear(cm_vm *vm) {
  const char *parts[TXT_N] = {"", "", "", ""};
  size_t lens[TXT_N] = {0, 0, 0, 0};
  text_set(vm, parts, lens);
}

static void end_run(cm_vm *vm) {
  vm->usage.seconds = cm_platform_now() - vm->start_time;
  vm->handled = CM_NULL;
}

cmonty_vm *cmonty_new(cmonty_alloc_fn alloc, void *alloc_ud) {
  return cm_vm_new(alloc, alloc_ud);
}

void cmonty_free(cmonty_vm *vm) {
  if (!vm) return;
  if (cmonty_is_paused(vm)) cmonty_abort(vm);
  cm_host_free(vm);
  text_free(vm);
  cm_vm_free(vm);
}

void cmonty_set_write(cmonty_vm *vm, cmonty_write_fn fn, void *ud) {
  if (!vm) return;
  vm->write = fn;
  vm->write_ud = ud;
}

void cm_write(cm_vm *vm, int stream, const char *data, size_t n) {
  if (vm->host && n) cm_host_capture(vm, stream, data, n);
  if (vm->write && n) vm->write(vm->write_ud, stream, data, n);
}

void cmonty_set_limits(cmonty_vm *vm, const cmonty_limits *l) {
  if (!vm || !l) return;
  vm->limits.max_seconds = l->max_seconds;
  vm->limits.max_instructions = l->max_instructions;
  vm->limits.max_memory = l->max_memory;
  vm->limits.max_allocations = l->max_allocations;
  vm->limits.max_depth = l->max_depth; /* 0: the default 1000, catchable */
}

void cmonty_get_usage(cmonty_vm *vm, cmonty_usage *out) {
  if (!vm || !out) return;
  out->seconds = vm->usage.seconds;
  out->instructions = vm->usage.instructions;
  out->memory_peak = vm->usage.memory_peak;
  out->allocations = vm->usage.allocations;
  out->depth_peak = vm->usage.depth_peak;
}

/* Compiles and runs src in __main__; the result value or CM_ERROR. */
static cm_value run(cm_vm *vm, const char *src, size_t len,
                    const char *filename, int mode) {
  cm_api_text_clear(vm);
  vm->exc = CM_NULL;
  cm_vm_begin_run(vm);
  cm_value code = cm_compile(vm, src, len, filename, mode);
  if (cm_is_error(code)) return CM_ERROR;
  if (cm_root_push(vm, code) < 0) return CM_ERROR;
  cm_value r = cm_run_code(vm, code, vm->main_globals);
  cm_root_pop(vm, 1);
  return r;
}

cmonty_status cmonty_exec(cmonty_vm *vm, const char *src, size_t len,
                          const char *filename) {
  if (!vm || (!src && len) || vm->frame || cmonty_is_paused(vm)) return CMONTY_MISUSE;
  cm_value r = run(vm, src ? src : "", len, filename ? filename : "<string>",
                   CM_PARSE_FILE);
  cmonty_status st = cm_is_error(r) ? cm_api_record_error(vm) : CMONTY_OK;
  end_run(vm);
  return st;
}

cmonty_status cmonty_eval_repr(cmonty_vm *vm, const char *src, size_t len,
                               const char **repr_out) {
  if (repr_out) *repr_out = "";
  if (!vm || (!src && len) || vm->frame || cmonty_is_paused(vm)) return CMONTY_MISUSE;
  cm_value r = run(vm, src ? src : "", len, "<string>", CM_PARSE_EVAL);
  if (!cm_is_error(r)) r = cm_repr(vm, r);
  cmonty_status st = CMONTY_OK;
  if (cm_is_error(r)) {
    st = cm_api_record_error(vm);
  } else {
    const char *parts[TXT_N] = {"", "", "", NULL};
    size_t lens[TXT_N] = {0, 0, 0, 0};
    parts[TXT_REPR] = sv(r, &lens[TXT_REPR]);
    text_set(vm, parts, lens);
  }
  end_run(vm);
  if (repr_out) *repr_out = text_get(vm, TXT_REPR);
  return st;
}

const char *cmonty_error_type(cmonty_vm *vm) { return text_get(vm, TXT_TYPE); }
const char *cmonty_error_message(cmonty_vm *vm) { return text_get(vm, TXT_MSG); }
const char *cmonty_error_traceback(cmonty_vm *vm) { return text_get(vm, TXT_TB); }
const char *cmonty_version(void) { return CMONTY_VERSION; }
