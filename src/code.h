/*
** code.h — compiled code objects and Python functions.
** Owned by the compiler/VM; read by tracebacks, GC and (later) snapshots.
*/
#ifndef CM_CODE_H
#define CM_CODE_H

#include "object.h"

/* Source position of one instruction (for tracebacks and carets).
   Lines are 1-based; columns are 0-based UTF-8 byte offsets like CPython's
   co_positions(). A line of 0 means "no position". */
typedef struct cm_pos {
  int32_t line, end_line;
  int32_t col, end_col;
} cm_pos;

/* Zero-cost exception table entry: an exception raised by an instruction
   with index in [start, end) pops the value stack down to `depth` entries,
   pushes the instruction index if `lasti`, pushes the exception and jumps to
   `target`. Entries are ordered innermost first; the first match wins. */
typedef struct cm_exc_entry {
  uint32_t start, end, target;
  uint16_t depth;
  uint8_t lasti;
} cm_exc_entry;

/* Kinds of local slots (localkinds). */
#define CM_LK_LOCAL 1 /* plain local (arguments included) */
#define CM_LK_CELL 2  /* captured by an inner function: slot holds a cell */
#define CM_LK_FREE 4  /* closure variable from an outer function */

/* Code flags */
#define CM_CO_VARARGS 1
#define CM_CO_VARKEYWORDS 2
#define CM_CO_GENERATOR 4
#define CM_CO_COROUTINE 8
#define CM_CO_ASYNC_GENERATOR 16
#define CM_CO_NESTED 32
#define CM_CO_MODULE 64 /* top-level code: names go to globals */
#define CM_CO_CLASS 128 /* class body: names go to a namespace dict */

typedef struct cm_code {
  cm_obj hdr;
  uint32_t *insns;        /* instructions: opcode | arg << 8 (opcodes.h) */
  cm_pos *pos;            /* pos[i] for insns[i] */
  uint32_t ninsns;
  cm_value *consts;       /* ints, floats, strs, bytes, tuples, code objs */
  uint32_t nconsts;
  cm_value *names;        /* interned strs: globals, attributes */
  uint32_t nnames;
  cm_value *localnames;   /* interned strs, one per slot */
  uint8_t *localkinds;    /* CM_LK_* per slot */
  uint32_t nlocalsplus;   /* slots: args, locals, cells, free vars */
  uint32_t nfree;         /* the last nfree slots are free vars */
  cm_exc_entry *exctable;
  uint32_t nexc;
  uint32_t ncaches;       /* inline cache slots used by instructions */
  uint32_t argcount, posonlyargcount, kwonlyargcount;
  uint32_t flags;         /* CM_CO_* */
  uint32_t stacksize;     /* max value stack depth */
  uint32_t firstlineno;
  cm_value name, qualname;
  cm_value filename;      /* str */
  cm_value source;        /* str: the whole source text, for tracebacks */
  /* -- added by the compiler/VM engineer -- */
  struct cm_cache *caches; /* ncaches inline cache entries (vm.c) */
  uint32_t ncells;        /* slots of kind CM_LK_CELL (made at frame entry) */
} cm_code;

typedef struct cm_func {
  cm_obj hdr;
  cm_code *code;
  cm_value globals;    /* dict */
  cm_value builtins;   /* dict */
  cm_value defaults;   /* tuple or CM_NULL */
  cm_value kwdefaults; /* dict or CM_NULL */
  cm_value closure;    /* tuple of cells or CM_NULL */
  cm_value name, qualname;
  cm_value doc;        /* CM_NONE if none */
  cm_value dict;       /* function attributes: dict or CM_NULL */
  cm_value module;     /* __module__: str */
  cm_value annotations;/* dict or CM_NULL */
} cm_func;

/* ---- additions by the compiler/VM engineer ---------------------------- */
/* An inlined comprehension (PEP 709 in CPython): tracebacks show its frame
   under the enclosing function's name and skip the enclosing call site. */
#define CM_CO_HIDDEN 256
#define CM_CO_HAS_DOC 512 /* consts[0] is the docstring */
/* Positional parameters only, no cells/free vars, not a generator: calls
   bind arguments by copying (vm.c fast path). */
#define CM_CO_SIMPLE 1024

/* Global-name cache (one per name of a code object, vm.c). A name found
   in globals caches its entry index (valid while that entry still holds
   the name); one found in builtins caches the value, valid while both
   dicts keep their versions. */
typedef struct cm_cache {
  const void *globals, *builtins;
  uint64_t gver, bver;
  cm_value value;
  uint32_t index;     /* entry index in globals, if in_globals */
  uint8_t in_globals;
} cm_cache;

#endif
