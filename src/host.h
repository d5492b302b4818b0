/*
** host.h — internals of the host API (host.c, api.c, modules_os.c, vm.c).
**
** Pausing protocol (stackless, DESIGN.md rule 2):
**   - A declared external function is a cm_extfn object (kind EXT) in the
**     run's globals. OS operations (os.getenv, Path.read_text, open...)
**     are natives that tail-call a cm_extfn of kind OS: cm_tailcall makes
**     the VM loop itself perform the call.
**   - The VM loop's call path, on meeting a cm_extfn while vm->nest == 0,
**     calls cm_host_pause_call(); if that returns CM_PAUSE the loop saves
**     its frame (the call's arguments popped) and returns CM_PAUSE up to
**     cm_run_code, leaving vm->frame linked (also for f(*args) and for a
**     native's tail call of the extfn). Elsewhere (nested runs, natives
**     calling cm_call) the cm_extfn's call slot raises instead: that is
**     left only for exotic paths (operator dunders, __eq__/__hash__ in a
**     dict or set lookup, '%s' % x and str.format, hasattr); user dunders
**     reached from bytecode run as frames (vm.h, "user dunders run as
**     frames").
**   - An undefined global read at nest 0 during a host run: the loop calls
**     cm_host_pause_name(), saves the frame just past the instruction and
**     returns CM_PAUSE.
**   - cm_vm_resume() continues the saved frames: pushes the host's value
**     (plus the NULL LOAD_GLOBAL may need), or raises vm->exc at the
**     pending instruction.
*/
#ifndef CM_HOST_H
#define CM_HOST_H

#include "vm.h"

/* Returned by the VM loop / cm_run_code when the run paused for the host. */
#define CM_PAUSE CM_MKSPEC(9)

/* External functions: cm_builtin objects whose self is the name (a str)
   and whose fn is cm_host_ext_native (declared external functions) or
   cm_host_os_native (OS operations such as "Path.read_text"). */
enum { CM_EXT_FN = 0, CM_EXT_OS = 1 };
cm_value cm_host_ext_native(cm_vm *vm, const cm_value *args, int nargs, cm_value kwnames);
cm_value cm_host_os_native(cm_vm *vm, const cm_value *args, int nargs, cm_value kwnames);
/* Host methods (obj.meth of a host dataclass, hostobj.c): self is the
   tuple (name, receiver); pausing reports a CALL with method_call = 1 and
   the receiver prepended to the arguments. */
cm_value cm_host_method_native(cm_vm *vm, const cm_value *args, int nargs,
                               cm_value kwnames);
#define CM_IS_EXTFN(fn)                                                \
  ((fn) == cm_host_ext_native || (fn) == cm_host_os_native ||          \
   (fn) == cm_host_method_native)
cm_value cm_extfn_new(cm_vm *vm, cm_value name, int kind);

/* For natives of modules_os.c: tail-calls the OS operation `name` (a
   string literal) with args tuple / kwargs dict (CM_NULL = {}). */
cm_value cm_host_os_call(cm_vm *vm, const char *name, cm_value args,
                         cm_value kwargs);

/* Called by the VM loop (nest == 0) for a call of an extfn `fn` (the
   cm_builtin; args exclude its self). Returns
   CM_PAUSE (the call is recorded as pending: the loop must return
   CM_PAUSE), CM_NULL (no host run is active: call it normally, which
   raises), or CM_ERROR. */
cm_value cm_host_pause_call(cm_vm *vm, cm_value fn, const cm_value *args,
                            int nargs, cm_value kwnames);
/* Called by the VM loop (nest == 0) when global `name` is undefined:
   CM_PAUSE (pending name lookup), or CM_NULL (raise NameError as usual). */
cm_value cm_host_pause_name(cm_vm *vm, cm_value name);

/* vm.c: continue a paused run. With `throwing`, vm->exc is raised at the
   paused instruction; otherwise v is its result. Returns the module's
   value, CM_ERROR, or CM_PAUSE again. */
cm_value cm_vm_resume(cm_vm *vm, cm_value v, bool throwing);
/* vm.c: discard the frames of a paused run (no finally blocks run). */
void cm_vm_abort(cm_vm *vm);

/* GC: marks the handle table, programs and pending state (gc.c calls it
   from mark_roots). */
void cm_host_trace(cm_vm *vm);
/* Frees the host state (api.c's cmonty_free, before cm_vm_free). */
void cm_host_free(cm_vm *vm);

/* For the ABI (abi/dart_monty.c) and api.c: handle <-> value. */
cm_value cm_host_value(cm_vm *vm, cmonty_val h);   /* CM_NULL if invalid */
cmonty_val cm_host_handle(cm_vm *vm, cm_value v);  /* 0 on failure */
/* The exception object of the last ERROR progress or failed
   cmonty_compile (CM_NULL if none); stays alive until the next
   start/run/abort. */
cm_value cm_host_last_exc(cm_vm *vm);
/* The code object of a program (for snapshots later). */
cm_value cm_host_program_code(cmonty_program *p);

/* pathlib.Path values (modules_os.c). cm_path_new: a Path of str s (or
   CM_ERROR); cm_is_path: is v a pathlib.Path; cm_path_str: its text. */
cm_value cm_path_new(cm_vm *vm, cm_value s);
bool cm_is_path(cm_vm *vm, cm_value v);
cm_value cm_path_str(cm_vm *vm, cm_value v);

/* Host dataclass instances (hostobj.c; see there for their behaviour).
   cm_hostobj_new: name a str identifier, fields a tuple of str, attrs a
   str-keyed dict (copied); the instance or CM_ERROR. cm_hostobj_info
   fills *out (borrowed values) or returns -1 if v is no host dataclass. */
cm_value cm_hostobj_new(cm_vm *vm, cm_value name, uint64_t type_id,
                        cm_value fields, cm_value attrs, bool frozen);
bool cm_is_hostobj(cm_vm *vm, cm_value v);
typedef struct cm_hostobj_fields {
  cm_value name;    /* str */
  uint64_t type_id;
  cm_value fields;  /* tuple of str */
  cm_value attrs;   /* dict, or CM_NULL for an instance made by Name() */
  bool frozen;
} cm_hostobj_fields;
int cm_hostobj_info(cm_vm *vm, cm_value v, cm_hostobj_fields *out);
/* dataclasses.FrozenInstanceError (an AttributeError subclass), made
   once per interpreter (hostobj.c); the future `dataclasses` module must
   export this same object. CM_ERROR if out of memory. */
cm_value cm_frozen_instance_error(cm_vm *vm);

/* Host named tuples (hostobj.c; the ABI's {"__type":"namedtuple",...},
   e.g. os.stat_result). cm_namedtuple_new: type_name a str (dotted: the
   last part is the class name, the rest its __module__), fields a tuple
   of distinct str identifiers, values a tuple of the same length; the
   instance or CM_ERROR (ValueError for bad names/lengths).
   cm_namedtuple_info: *type_name, *fields (borrowed) and *values (a new
   tuple) of v, or -1 if v is no host named tuple. */
cm_value cm_namedtuple_new(cm_vm *vm, cm_value type_name, cm_value fields,
                           cm_value values);
bool cm_is_namedtuple(cm_vm *vm, cm_value v);
int cm_namedtuple_info(cm_vm *vm, cm_value v, cm_value *type_name,
                       cm_value *fields, cm_value *values);

/* host.c: where hostobj.c caches its classes (a dict keyed by type_id for
   dataclasses, by (type_name, fields) for named tuples, and by
   "FrozenInstanceError"; CM_NULL until first use; a GC root). NULL if out
   of memory. */
cm_value *cm_host_dataclass_types(cm_vm *vm);

/* api.c: record vm->exc as the error texts (clears it) / clear them. */
cmonty_status cm_api_record_error(cm_vm *vm);
void cm_api_text_clear(cm_vm *vm);
/* host.c: print capture (called by cm_write). */
void cm_host_capture(cm_vm *vm, int stream, const char *data, size_t n);

/* modules_os.c: init functions for module.c's registry. */
int cm_mod_os_init(cm_vm *vm, cm_value dict);
int cm_mod_pathlib_init(cm_vm *vm, cm_value dict);
int cm_mod_io_init(cm_vm *vm, cm_value dict);

#endif
