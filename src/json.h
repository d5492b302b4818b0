/*
** json.h — values as JSON in dart_monty's typed-value format, and the
** result / error objects of its ABI (docs/dart_monty_abi.md §3, §4.6, §4.7).
** Shared by the native API's JSON view (api.c/host.c) and the dart_monty
** ABI (abi/dart_monty.c).
**
** Encoding (Python -> JSON), compact UTF-8 output:
**   None/bools -> null/true/false; ints fitting int64 -> JSON integers,
**   larger ints -> a string of their decimal digits; floats always carry a
**   '.' or an exponent ("1.0", "1e+16"); nan/inf/-inf -> "NaN",
**   "Infinity", "-Infinity"; str -> string (lone surrogates as \uXXXX
**   escapes, so the text stays valid UTF-8); list -> array;
**   tuple/set/frozenset/bytes(bytearray) -> {"__type":T,"value":[...]};
**   dicts whose keys are all str -> object (insertion order), other dicts
**   -> [[k,v],...]; pathlib paths -> {"__type":"path","value":"..."};
**   host dataclass instances (hostobj.c) -> {"__type":"dataclass","name":
**   N,"type_id":u64,"field_names":[...],"attrs":<dict>,"frozen":bool};
**   host named tuples (hostobj.c) -> {"__type":"namedtuple","type_name":
**   T,"field_names":[...],"values":[...]};
**   Ellipsis -> "..."; exceptions -> "Type: message" (or "Type");
**   Python functions -> "<function NAME>"; anything else -> its repr().
**   A container met again inside itself -> "[...]", "{...}" or "(...)".
**   Nesting deeper than CM_JSON_MAX_DEPTH raises RecursionError.
**
** Decoding (JSON -> Python), strict RFC 8259 grammar, depth-bounded:
**   null/true/false; integers fitting int64 -> int, other numbers -> float
**   (out of double range is an error); strings -> str; arrays -> list;
**   objects -> dict with str keys, except objects whose "__type" is one of
**   tuple, set, frozenset, bytes, namedtuple (-> a host named tuple; the
**   plain tuple of "values" when type_name/field_names are missing or
**   invalid or their count differs from the values'),
**   path (-> pathlib.Path if that module exists, else str) and dataclass
**   (-> a host dataclass instance; a missing/invalid type_id is 0, attrs
**   not an object is {}, frozen defaults to false; without a str "name" it
**   stays a dict). Other "__type" objects (date, datetime, timedelta,
**   timezone: types cmonty does not have yet, or unknown tags) stay plain
**   dicts including the "__type" key. Malformed text raises ValueError "<what> at line L column
**   C"; unhashable set items raise TypeError.
*/
#ifndef CM_JSON_H
#define CM_JSON_H

#include "vm.h"

#define CM_JSON_MAX_DEPTH 200

/* Appends the JSON encoding of v to out. 0 ok; -1 with an exception set
   (RecursionError when too deep, MemoryError, ValueError for ints past
   the str-conversion digit limit). out is left valid (possibly partly
   written) on error; the caller frees it with cm_buf_free. */
int cm_json_encode(cm_vm *vm, cm_buf *out, cm_value v);

/* Decodes the JSON text s[0..n) (UTF-8) into a new value, or CM_ERROR
   (ValueError for malformed text or invalid UTF-8, TypeError for
   unhashable set items, NotImplementedError for the date/datetime/
   timedelta/timezone shapes until a datetime module exists, MemoryError). Surrounding whitespace is allowed,
   anything else after the value is an error. */
cm_value cm_json_decode(cm_vm *vm, const char *s, size_t n);

/* Appends s[0..n) (UTF-8; cmonty's surrogate code points allowed) as a
   quoted, escaped JSON string. 0 / -1 (MemoryError). */
int cm_json_put_string(cm_vm *vm, cm_buf *out, const char *s, size_t n);

/* The exception's class name as the ABI reports it: builtins by name,
   user classes by qualified name prefixed with their module unless it is
   __main__ or builtins, or it is one Monty has as a built-in
   (dataclasses.FrozenInstanceError -> "FrozenInstanceError"). Appends to
   out; 0 / -1. */
int cm_json_put_exc_type(cm_vm *vm, cm_buf *out, cm_value exc);

/* Appends the raw summary text "Type: message", or "Type" when the
   message is empty (not JSON-quoted): Rust's exc.summary(). The message
   is str(exc), except for a SyntaxError: its bare msg, without CPython's
   " (file, line N)" (as in the error object's "message"). 0 / -1. */
int cm_json_exc_summary(cm_vm *vm, cm_buf *out, cm_value exc);

/* Appends the error object of exc: {"message","exc_type", legacy
   "filename"/"line_number"/"column_number"/"source_code" of the innermost
   frame, "traceback":[frames outermost first]}. Frames have filename,
   start_line, start_column, end_line, end_column (1-based, columns in
   code points), frame_name (only inside functions) and preview_line (the
   whole source line). A SyntaxError without frames gets one frame from
   its filename/lineno/offset/text. 0 / -1. */
int cm_json_error_object(cm_vm *vm, cm_buf *out, cm_value exc);

/* Resource usage as the ABI reports it. */
typedef struct cm_json_usage {
  uint64_t memory_bytes_used;
  uint64_t time_elapsed_ms;
  uint64_t stack_depth_used;
} cm_json_usage;

/* Appends the result object {"value":...,"usage":{...},"print_output":...,
   "error":{...}}. `exc` CM_NULL means success (value encoded, no "error"
   key); otherwise value is null and "error" holds exc's error object.
   "print_output" appears only when print_len > 0. If the value cannot be
   encoded the result becomes an error result for that exception, and
   *exc_out (if not NULL) receives the exception reported (CM_NULL for a
   success result). 0 / -1 (MemoryError only). */
int cm_json_result(cm_vm *vm, cm_buf *out, cm_value value, cm_value exc,
                   const char *print, size_t print_len,
                   const cm_json_usage *usage, cm_value *exc_out);

#endif
