/*
** compile.c — AST (ast.h) + scopes (symtable.h) -> code objects (code.h).
**
** One `unit` per code object being built. Instructions are emitted with the
** current source location and the innermost active exception handler;
** jumps refer to labels, patched to instruction indices at assembly. The
** stack depth is tracked while emitting (labels remember the depth of the
** jumps to them), which gives both the code's stacksize and each handler's
** depth. `finally` bodies are compiled inline on every exit path (normal,
** exceptional, return/break/continue), like CPython.
*/
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "frame.h"
#include "int.h"
#include "opcodes.h"
#include "parser.h"
#include "runtime.h"
#include "str.h"
#include "symtable.h"

#define MAX_BLOCKS 20

typedef struct label {
  int32_t target; /* instruction index, -1 until placed */
  int32_t depth;  /* stack depth on arrival, -1 unknown */
} label;

typedef struct handler {
  int label;
  int depth;
} handler;

enum fb_kind {
  FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
  FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER,
  FB_POP_VALUE /* a return value kept on the stack while a finally runs */
};

typedef struct fblock {
  enum fb_kind kind;
  int start, exit;          /* loop labels */
  const cm_stmt *stmt;      /* FINALLY_TRY: the try statement */
  const char *name;         /* HANDLER_CLEANUP: `except E as name` */
  int hstack;               /* handler stack height outside this block */
} fblock;

typedef struct unit {
  struct unit *parent;
  cm_symscope *scope;
  uint32_t *insns;
  cm_pos *pos;
  int32_t *hid;
  size_t n, cap;
  label *labels;
  int nlabels, labelcap;
  handler *handlers;
  int nhandlers, handlercap;
  int hstack[64];
  int hn;
  fblock fb[MAX_BLOCKS];
  int nfb;
  cm_value consts, names;   /* lists */
  cm_value constmap, namemap; /* dicts: str/int -> index */
  int depth, maxdepth;
  bool unreachable;
  size_t label_at;          /* instruction index of the last placed label */
  cm_loc loc;
  uint32_t flags;
  cm_value name, qualname;
  cm_value localnames;      /* list of interned str */
  uint8_t *kinds;
  int nslots, nfree, ncells;
  int classcell_slot;       /* class body: slot of __class__, or -1 */
  int firstlineno;
  bool is_class, is_module, fast;
} unit;

typedef struct compiler {
  cm_vm *vm;
  cm_arena arena;
  cm_symtable st;
  unit *u;
  const char *src;
  size_t len;
  cm_value filename, source;
  bool interactive;
  bool names_mode;        /* CM_COMPILE_NAMES: module names via LOAD_NAME */
  bool last_value;        /* CM_COMPILE_LAST_VALUE: module returns its last
                             expression statement's value (host API) */
  bool failed;
  char msg[256];
  cm_loc errloc;
  bool memory_error;
  bool too_deep;          /* nesting exceeded CM_COMPILE_MAX_DEPTH */
  int depth;              /* C recursion depth of compile_expr/stmt */
} compiler;

/* Bounds the compiler's C recursion (deeply nested or very long chained
   expressions): RecursionError instead of a C stack overflow. */
#define CM_COMPILE_MAX_DEPTH 1000

#define TRY(x)                                                                  \
  do {                                                                          \
    if ((x) < 0) return -1;                                                     \
  } while (0)

static int compile_expr(compiler *c, const cm_expr *e);
static int compile_stmts(compiler *c, cm_stmt_seq body);
static int compile_stmt(compiler *c, const cm_stmt *s);

/* ---- errors ------------------------------------------------------------ */

static int syntax_error(compiler *c, cm_loc loc, const char *fmt, const char *arg) {
  if (!c->failed) {
    c->failed = true;
    snprintf(c->msg, sizeof c->msg, fmt, arg ? arg : "");
    c->errloc = loc;
  }
  return -1;
}

static int oom(compiler *c) {
  c->failed = true;
  c->memory_error = true;
  return -1;
}

/* ---- stack effects ------------------------------------------------------- */

static int stack_effect(int op, uint32_t arg, bool jump) {
  int a = (int)arg;
  switch (op) {
  case CM_I_NOP: case CM_I_SWAP: case CM_I_DELETE_FAST: case CM_I_DELETE_DEREF:
  case CM_I_DELETE_GLOBAL: case CM_I_DELETE_NAME: case CM_I_LOAD_ATTR: case CM_I_UNARY_OP:
  case CM_I_JUMP: case CM_I_JUMP_BACKWARD: case CM_I_GET_ITER: case CM_I_RETURN_CONST:
  case CM_I_LIST_TO_TUPLE: case CM_I_YIELD_VALUE: case CM_I_GET_YIELD_FROM_ITER:
  case CM_I_NOT_IMPLEMENTED: case CM_I_SETUP_CLASSCELL: case CM_I_CALL_INTRINSIC:
    return 0;
  case CM_I_PUSH_NULL: case CM_I_COPY: case CM_I_LOAD_CONST: case CM_I_LOAD_SMALL_INT:
  case CM_I_LOAD_FAST: case CM_I_LOAD_DEREF: case CM_I_LOAD_CLOSURE: case CM_I_LOAD_CLASSDEREF:
  case CM_I_LOAD_NAME: case CM_I_LOAD_METHOD: case CM_I_PUSH_EXC_INFO:
  case CM_I_WITH_EXCEPT_START: case CM_I_LOAD_ASSERTION_ERROR: case CM_I_LOAD_BUILD_CLASS:
  case CM_I_IMPORT_FROM: case CM_I_LOAD_LOCALS:
    return 1;
  case CM_I_LOAD_FAST_LOAD_FAST: case CM_I_BEFORE_WITH: return 2;
  case CM_I_LOAD_GLOBAL: return 1 + (a & 1);
  case CM_I_POP_TOP: case CM_I_STORE_FAST: case CM_I_STORE_DEREF: case CM_I_STORE_GLOBAL:
  case CM_I_STORE_NAME: case CM_I_DELETE_ATTR: case CM_I_BINARY_SUBSCR: case CM_I_BINARY_OP:
  case CM_I_COMPARE_OP: case CM_I_IS_OP: case CM_I_CONTAINS_OP: case CM_I_POP_JUMP_IF_FALSE:
  case CM_I_POP_JUMP_IF_TRUE: case CM_I_POP_JUMP_IF_NONE: case CM_I_POP_JUMP_IF_NOT_NONE:
  case CM_I_RETURN_VALUE: case CM_I_LIST_APPEND: case CM_I_SET_ADD: case CM_I_LIST_EXTEND:
  case CM_I_SET_UPDATE: case CM_I_DICT_UPDATE: case CM_I_DICT_MERGE: case CM_I_RERAISE:
  case CM_I_DISCARD_EXC: case CM_I_POP_EXCEPT: case CM_I_IMPORT_NAME: case CM_I_IMPORT_STAR:
  case CM_I_PRINT_EXPR: case CM_I_CLEANUP_THROW: case CM_I_POP_ITER:
    return -1;
  case CM_I_STORE_ATTR: case CM_I_DELETE_SUBSCR: case CM_I_MAP_ADD: return -2;
  case CM_I_MATCH_SEQUENCE: case CM_I_MATCH_MAPPING: case CM_I_GET_LEN: case CM_I_MATCH_KEYS:
    return 1;
  case CM_I_MATCH_CLASS: return -2;
  case CM_I_DICT_WITHOUT_KEYS: return -1;
  case CM_I_STORE_SUBSCR: return -3;
  case CM_I_BUILD_SLICE: return 1 - a;
  case CM_I_JUMP_IF_FALSE_OR_POP: case CM_I_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
  case CM_I_FOR_ITER: return jump ? -1 : 1;
  case CM_I_SEND: return jump ? -1 : 0;
  case CM_I_BUILD_TUPLE: case CM_I_BUILD_LIST: case CM_I_BUILD_SET: case CM_I_BUILD_STRING:
    return 1 - a;
  case CM_I_BUILD_MAP: return 1 - 2 * a;
  case CM_I_UNPACK_SEQUENCE: return a - 1;
  case CM_I_UNPACK_EX: return (a & 0xFF) + (a >> 8);
  case CM_I_CALL: return -(a + 1);
  case CM_I_CALL_KW: return -(a + 2);
  case CM_I_CALL_FUNCTION_EX: return -(2 + (a & 1));
  case CM_I_MAKE_FUNCTION: return -(!!(a & 1) + !!(a & 2) + !!(a & 4));
  case CM_I_RAISE_VARARGS: return -a;
  case CM_I_CHECK_EXC_MATCH: return a == 1 ? 1 : 0;
  case CM_I_FORMAT_VALUE: return (a & 4) ? -1 : 0;
  default: return 0;
  }
}

static bool is_jump(int op) {
  return op == CM_I_JUMP || op == CM_I_JUMP_BACKWARD || op == CM_I_POP_JUMP_IF_FALSE ||
         op == CM_I_POP_JUMP_IF_TRUE || op == CM_I_POP_JUMP_IF_NONE ||
         op == CM_I_POP_JUMP_IF_NOT_NONE || op == CM_I_JUMP_IF_FALSE_OR_POP ||
         op == CM_I_JUMP_IF_TRUE_OR_POP || op == CM_I_FOR_ITER || op == CM_I_SEND;
}

static bool is_terminator(int op) {
  return op == CM_I_JUMP || op == CM_I_JUMP_BACKWARD || op == CM_I_RETURN_VALUE ||
         op == CM_I_RETURN_CONST || op == CM_I_RAISE_VARARGS || op == CM_I_RERAISE;
}

/* ---- emission ---------------------------------------------------------------- */

/* Grows the three per-instruction arrays together (all or nothing, so
   their sizes always agree with u->cap). */
static int grow_code(compiler *c, unit *u) {
  size_t cap = u->cap ? u->cap * 2 : 64;
  cm_vm *vm = c->vm;
  uint32_t *i = cm_alloc(vm, cap * sizeof *i);
  cm_pos *p = i ? cm_alloc(vm, cap * sizeof *p) : NULL;
  int32_t *h = p ? cm_alloc(vm, cap * sizeof *h) : NULL;
  if (!h) {
    cm_free(vm, p, cap * sizeof *p);
    cm_free(vm, i, cap * sizeof *i);
    return oom(c);
  }
  if (u->n) {
    memcpy(i, u->insns, u->n * sizeof *i);
    memcpy(p, u->pos, u->n * sizeof *p);
    memcpy(h, u->hid, u->n * sizeof *h);
  }
  cm_free(vm, u->insns, u->cap * sizeof *i);
  cm_free(vm, u->pos, u->cap * sizeof *p);
  cm_free(vm, u->hid, u->cap * sizeof *h);
  u->insns = i;
  u->pos = p;
  u->hid = h;
  u->cap = cap;
  return 0;
}

/* Peephole: LOAD_SMALL_INT k; BINARY_OP/COMPARE_OP -> one instruction
   (when nothing jumps between them). The fused instruction takes the
   operator's position, the one that can raise. */
static bool fuse_const(compiler *c, int op, uint32_t arg) {
  unit *u = c->u;
  if ((op != CM_I_BINARY_OP && op != CM_I_COMPARE_OP) || u->n == 0 || u->label_at == u->n ||
      u->unreachable)
    return false;
  uint32_t prev = u->insns[u->n - 1];
  if (CM_INSN_OP(prev) != CM_I_LOAD_SMALL_INT) return false;
  int32_t hid = u->hn ? u->hstack[u->hn - 1] : -1;
  if (u->hid[u->n - 1] != hid) return false;
  int64_t k = (int64_t)CM_INSN_ARG(prev) - CM_SMALL_INT_BIAS;
  if (k < -CM_CONST_OPERAND_BIAS || k >= CM_CONST_OPERAND_BIAS || arg > 0xFF) return false;
  int fused = op == CM_I_BINARY_OP ? CM_I_BINARY_OP_CONST : CM_I_COMPARE_OP_CONST;
  u->insns[u->n - 1] = CM_INSN(fused, arg | (uint32_t)(k + CM_CONST_OPERAND_BIAS) << 8);
  cm_loc l = u->loc;
  u->pos[u->n - 1] = (cm_pos){l.lineno, l.end_lineno, l.col_offset, l.end_col_offset};
  u->depth -= 1; /* the constant is no longer pushed */
  return true;
}

static int emit(compiler *c, int op, uint32_t arg) {
  unit *u = c->u;
  if (fuse_const(c, op, arg)) return 0;
  if (arg > CM_MAX_ARG) return syntax_error(c, u->loc, "too many values in one instruction%s", "");
  if (u->n == u->cap) TRY(grow_code(c, u));
  u->insns[u->n] = CM_INSN(op, arg);
  cm_loc l = u->loc;
  u->pos[u->n] = (cm_pos){l.lineno, l.end_lineno, l.col_offset, l.end_col_offset};
  u->hid[u->n] = u->hn ? u->hstack[u->hn - 1] : -1;
  u->n++;
  if (is_jump(op)) {
    label *lb = &u->labels[arg];
    int d = u->depth + stack_effect(op, arg, true);
    if (lb->depth < 0) lb->depth = d;
  }
  u->depth += stack_effect(op, arg, false);
  if (u->depth < 0) u->depth = 0;
  if (u->depth > u->maxdepth) u->maxdepth = u->depth;
  if (is_terminator(op)) u->unreachable = true;
  return 0;
}

/* emit() with the instruction placed at loc (the error location CPython
   reports for it), then back to the current location. */
static int emit_at(compiler *c, cm_loc loc, int op, uint32_t arg) {
  cm_loc saved = c->u->loc;
  c->u->loc = loc;
  int r = emit(c, op, arg);
  c->u->loc = saved;
  return r;
}

static int new_label(compiler *c) {
  unit *u = c->u;
  if (u->nlabels == u->labelcap) {
    int cap = u->labelcap ? u->labelcap * 2 : 16;
    label *l = cm_realloc(c->vm, u->labels, (size_t)u->labelcap * sizeof *l, (size_t)cap * sizeof *l);
    if (!l) return oom(c);
    u->labels = l;
    u->labelcap = cap;
  }
  u->labels[u->nlabels] = (label){-1, -1};
  return u->nlabels++;
}

static void place(compiler *c, int l) {
  unit *u = c->u;
  u->labels[l].target = (int32_t)u->n;
  u->label_at = u->n;
  if (u->unreachable && u->labels[l].depth >= 0) u->depth = u->labels[l].depth;
  else if (u->labels[l].depth < 0) u->labels[l].depth = u->depth;
  u->unreachable = false;
}

static int emit_jump(compiler *c, int op, int l) {
  if (op == CM_I_JUMP && c->u->labels[l].target >= 0) op = CM_I_JUMP_BACKWARD;
  return emit(c, op, (uint32_t)l);
}

/* Exception handlers: instructions emitted while a handler is pushed jump
   to its label with the stack cut to `depth` and the exception pushed. */
static int push_handler(compiler *c, int l, int depth) {
  unit *u = c->u;
  if (u->hn == 64) return syntax_error(c, u->loc, "too many statically nested blocks%s", "");
  if (u->nhandlers == u->handlercap) {
    int cap = u->handlercap ? u->handlercap * 2 : 8;
    handler *h = cm_realloc(c->vm, u->handlers, (size_t)u->handlercap * sizeof *h,
                            (size_t)cap * sizeof *h);
    if (!h) return oom(c);
    u->handlers = h;
    u->handlercap = cap;
  }
  u->handlers[u->nhandlers] = (handler){l, depth};
  u->labels[l].depth = depth + 1;
  u->hstack[u->hn++] = u->nhandlers++;
  return 0;
}

static void pop_handler(compiler *c) { c->u->hn--; }

/* ---- constants and names -------------------------------------------------- */

static int list_add(compiler *c, cm_value list, cm_value v) {
  if (cm_is_error(v) || cm_list_append(c->vm, list, v) < 0) return oom(c);
  return (int)(CM_AS(cm_list, list)->n - 1);
}

static int add_const(compiler *c, cm_value v) {
  unit *u = c->u;
  if (cm_is_error(v)) return oom(c);
  bool mappable = cm_is_int(v) || (cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type);
  if (mappable) {
    cm_value key = v;
    if (cm_is_int(v)) key = cm_mkint(cm_intval(v)); /* ints never collide with strs */
    cm_value idx = cm_dict_get(c->vm, u->constmap, key);
    if (cm_is_error(idx)) return oom(c);
    if (!cm_is_null(idx)) return (int)cm_intval(idx);
  } else if (v == CM_NONE || v == CM_TRUE || v == CM_FALSE || v == CM_ELLIPSIS) {
    cm_list *l = CM_AS(cm_list, u->consts);
    for (size_t i = 0; i < l->n; i++)
      if (l->items[i] == v) return (int)i;
  }
  int i = list_add(c, u->consts, v);
  if (i >= 0 && mappable && cm_dict_set(c->vm, u->constmap, v, cm_mkint(i)) < 0) return oom(c);
  return i;
}

static int add_name(compiler *c, const char *s) {
  unit *u = c->u;
  cm_value name = cm_intern(c->vm, s);
  if (cm_is_error(name)) return oom(c);
  cm_value idx = cm_dict_get_str(c->vm, u->namemap, name);
  if (!cm_is_null(idx) && !cm_is_error(idx)) return (int)cm_intval(idx);
  int i = list_add(c, u->names, name);
  if (i >= 0 && cm_dict_set_str(c->vm, u->namemap, name, cm_mkint(i)) < 0) return oom(c);
  return i;
}

static int load_const(compiler *c, cm_value v) {
  if (cm_is_int(v) && cm_intval(v) >= -256 && cm_intval(v) < 1024)
    return emit(c, CM_I_LOAD_SMALL_INT, (uint32_t)(cm_intval(v) + CM_SMALL_INT_BIAS));
  int i = add_const(c, v);
  TRY(i);
  return emit(c, CM_I_LOAD_CONST, (uint32_t)i);
}

static bool is_identifier(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
          (i > 0 && ch >= '0' && ch <= '9')))
      return false;
  }
  return true;
}

static cm_value make_str(compiler *c, const char *s, size_t n) {
  if (is_identifier(s, n)) return cm_intern_n(c->vm, s, n);
  return cm_str_new_known(c->vm, s, n, cm_utf8_count(s, n));
}

static cm_value constant_value(compiler *c, const cm_constant *k) {
  cm_vm *vm = c->vm;
  switch (k->kind) {
  case CM_CONST_NONE: return CM_NONE;
  case CM_CONST_TRUE: return CM_TRUE;
  case CM_CONST_FALSE: return CM_FALSE;
  case CM_CONST_ELLIPSIS: return CM_ELLIPSIS;
  case CM_CONST_INT:
    if (k->i.fits_i64) return cm_int_from_i64(vm, k->i.i64);
    return cm_int_from_str(vm, k->i.digits, k->i.len, k->i.base);
  case CM_CONST_FLOAT: return cm_float(k->f);
  case CM_CONST_IMAG: return cm_complex_new(vm, 0.0, k->f);
  case CM_CONST_STR: return make_str(c, k->s.data, k->s.len);
  case CM_CONST_BYTES: return cm_bytes_new(vm, k->s.data, k->s.len);
  }
  return CM_NONE;
}

/* ---- units ---------------------------------------------------------------------- */

static int add_slot(compiler *c, unit *u, const char *name, uint8_t kind) {
  if (list_add(c, u->localnames, cm_intern(c->vm, name)) < 0) return -1;
  uint8_t *k = cm_realloc(c->vm, u->kinds, (size_t)u->nslots, (size_t)u->nslots + 1);
  if (!k) return oom(c);
  u->kinds = k;
  u->kinds[u->nslots] = kind;
  if (kind & CM_LK_CELL) u->ncells++;
  if (kind & CM_LK_FREE) u->nfree++;
  return u->nslots++;
}

/* Slot layout: parameters, other locals and cells, then free variables. */
static int layout_slots(compiler *c, unit *u) {
  cm_symscope *s = u->scope;
  if (u->fast) {
    for (int i = 0; i < s->nparams; i++) {
      cm_symbol *y = cm_sym_lookup(s, s->params[i]);
      uint8_t kind = CM_LK_LOCAL | (y->scope == CM_SYM_CELL ? CM_LK_CELL : 0);
      TRY(y->slot = add_slot(c, u, y->name, kind));
    }
    for (int i = 0; i < s->nsyms; i++) {
      cm_symbol *y = s->syms[i];
      if (y->slot >= 0 || (y->flags & CM_DEF_PARAM)) continue;
      if (y->scope == CM_SYM_LOCAL) TRY(y->slot = add_slot(c, u, y->name, CM_LK_LOCAL));
      else if (y->scope == CM_SYM_CELL) TRY(y->slot = add_slot(c, u, y->name, CM_LK_CELL));
    }
  }
  if (u->is_class && s->needs_classcell)
    TRY(u->classcell_slot = add_slot(c, u, "__class__", CM_LK_CELL));
  for (int i = 0; i < s->nsyms; i++) {
    cm_symbol *y = s->syms[i];
    if (y->scope == CM_SYM_FREE || y->pass_free) {
      int slot = add_slot(c, u, y->name, CM_LK_FREE);
      TRY(slot);
      if (u->fast || y->scope == CM_SYM_FREE || y->pass_free) y->slot = slot;
    }
  }
  return 0;
}

static cm_value make_qualname(compiler *c, unit *parent, cm_symscope *s) {
  cm_vm *vm = c->vm;
  const char *name = s->name;
  if (!parent || parent->is_module) return cm_intern(vm, name);
  if (s->kind == CM_SCOPE_FUNCTION || s->kind == CM_SCOPE_CLASS) {
    cm_symbol *y = cm_sym_lookup(parent->scope, name);
    if (y && y->scope == CM_SYM_GLOBAL_EXPLICIT) return cm_intern(vm, name);
  }
  if (parent->is_class) return cm_str_printf(vm, "%U.%s", parent->qualname, name);
  return cm_str_printf(vm, "%U.<locals>.%s", parent->qualname, name);
}

static int enter_unit(compiler *c, cm_symscope *s, int firstlineno) {
  cm_vm *vm = c->vm;
  unit *u = cm_alloc(vm, sizeof *u);
  if (!u) return oom(c);
  memset(u, 0, sizeof *u);
  u->parent = c->u;
  u->scope = s;
  u->classcell_slot = -1;
  u->firstlineno = firstlineno;
  u->is_module = s->kind == CM_SCOPE_MODULE;
  u->is_class = s->kind == CM_SCOPE_CLASS;
  u->fast = !u->is_module && !u->is_class;
  c->u = u;
  u->consts = cm_list_new(vm, 0);
  u->names = cm_list_new(vm, 0);
  u->localnames = cm_list_new(vm, 0);
  u->constmap = cm_dict_new(vm);
  u->namemap = cm_dict_new(vm);
  if (cm_is_error(u->consts) || cm_is_error(u->names) || cm_is_error(u->localnames) ||
      cm_is_error(u->constmap) || cm_is_error(u->namemap))
    return oom(c);
  if (s->comp_inlined && u->parent) {
    u->name = u->parent->name;
    u->qualname = u->parent->qualname;
    u->flags |= CM_CO_HIDDEN;
  } else {
    u->name = cm_intern(vm, s->name);
    u->qualname = make_qualname(c, u->parent, s);
  }
  if (cm_is_error(u->name) || cm_is_error(u->qualname)) return oom(c);
  if (u->is_module) u->flags |= CM_CO_MODULE;
  if (u->is_class) u->flags |= CM_CO_CLASS;
  if (s->is_generator) u->flags |= CM_CO_GENERATOR;
  if (s->is_async) u->flags |= CM_CO_COROUTINE;
  if (u->parent && !u->parent->is_module) u->flags |= CM_CO_NESTED;
  return layout_slots(c, u);
}

static void free_unit_buffers(cm_vm *vm, unit *u) {
  cm_free(vm, u->insns, u->cap * sizeof *u->insns);
  cm_free(vm, u->pos, u->cap * sizeof *u->pos);
  cm_free(vm, u->hid, u->cap * sizeof *u->hid);
  cm_free(vm, u->labels, (size_t)u->labelcap * sizeof *u->labels);
  cm_free(vm, u->handlers, (size_t)u->handlercap * sizeof *u->handlers);
  cm_free(vm, u->kinds, (size_t)u->nslots);
}

static void leave_unit(compiler *c) {
  unit *u = c->u;
  c->u = u->parent;
  free_unit_buffers(c->vm, u);
  cm_free(c->vm, u, sizeof *u);
}

/* Copies a list's items into a new array; -1 on MemoryError (*n stays 0). */
static int copy_values(compiler *c, cm_value list, cm_value **out, uint32_t *n) {
  cm_list *l = CM_AS(cm_list, list);
  *out = NULL;
  *n = 0;
  if (!l->n) return 0;
  cm_value *v = cm_alloc(c->vm, l->n * sizeof *v);
  if (!v) return oom(c);
  memcpy(v, l->items, l->n * sizeof *v);
  *out = v;
  *n = (uint32_t)l->n;
  return 0;
}

static int build_exctable(compiler *c, unit *u, cm_code *code) {
  uint32_t n = 0;
  for (size_t i = 0; i < u->n; i++)
    if (u->hid[i] >= 0 && (i == 0 || u->hid[i] != u->hid[i - 1])) n++;
  if (!n) return 0;
  code->exctable = cm_alloc(c->vm, n * sizeof *code->exctable);
  if (!code->exctable) return oom(c);
  code->nexc = n;
  uint32_t k = 0;
  for (size_t i = 0; i < u->n;) {
    int h = u->hid[i];
    size_t j = i;
    while (j < u->n && u->hid[j] == h) j++;
    if (h >= 0) {
      handler *hd = &u->handlers[h];
      code->exctable[k++] = (cm_exc_entry){(uint32_t)i, (uint32_t)j,
                                           (uint32_t)u->labels[hd->label].target,
                                           (uint16_t)hd->depth, 0};
    }
    i = j;
  }
  return 0;
}

/* Turns the finished unit into a code object. */
static cm_code *assemble(compiler *c) {
  unit *u = c->u;
  cm_vm *vm = c->vm;
  cm_code *code = cm_code_new(vm);
  if (!code) {
    oom(c);
    return NULL;
  }
  for (size_t i = 0; i < u->n; i++) {
    int op = (int)CM_INSN_OP(u->insns[i]);
    if (is_jump(op)) {
      int32_t t = u->labels[CM_INSN_ARG(u->insns[i])].target;
      u->insns[i] = CM_INSN(op, (uint32_t)(t < 0 ? 0 : t));
    }
  }
  code->insns = cm_alloc(vm, u->n * sizeof *code->insns);
  code->pos = cm_alloc(vm, u->n * sizeof *code->pos);
  code->ninsns = (uint32_t)u->n; /* sizes for code_finalize, even on failure */
  if (!code->insns || !code->pos) {
    oom(c);
    return NULL;
  }
  memcpy(code->insns, u->insns, u->n * sizeof *code->insns);
  memcpy(code->pos, u->pos, u->n * sizeof *code->pos);
  if (copy_values(c, u->consts, &code->consts, &code->nconsts) < 0 ||
      copy_values(c, u->names, &code->names, &code->nnames) < 0 ||
      copy_values(c, u->localnames, &code->localnames, &code->nlocalsplus) < 0)
    return NULL;
  if (code->nlocalsplus) {
    code->localkinds = cm_alloc(vm, code->nlocalsplus);
    if (!code->localkinds) {
      oom(c);
      return NULL;
    }
    memcpy(code->localkinds, u->kinds, code->nlocalsplus);
  }
  code->nfree = (uint32_t)u->nfree;
  code->ncells = (uint32_t)u->ncells;
  if (code->nnames) {
    code->caches = cm_alloc(vm, code->nnames * sizeof *code->caches);
    if (!code->caches) {
      oom(c);
      return NULL;
    }
    memset(code->caches, 0, code->nnames * sizeof *code->caches);
    code->ncaches = code->nnames;
  }
  if (build_exctable(c, u, code) < 0) return NULL;
  code->flags = u->flags;
  code->stacksize = (uint32_t)u->maxdepth + 2;
  code->firstlineno = (uint32_t)u->firstlineno;
  code->name = u->name;
  code->qualname = u->qualname;
  code->filename = c->filename;
  code->source = c->source;
  return code;
}

/* ---- names --------------------------------------------------------------------- */

enum { CTX_LOAD, CTX_STORE, CTX_DEL };

/* with_null: a call follows; LOAD_GLOBAL pushes its NULL itself.
   Returns 1 when the NULL was pushed. */
static int name_op_ex(compiler *c, const char *name, int ctx, bool with_null);

static int name_op(compiler *c, const char *name, int ctx) {
  return name_op_ex(c, name, ctx, false);
}

static const char *mangle(compiler *c, const char *name) {
  const char *m = cm_sym_mangle(&c->arena, c->u->scope->private_name, name);
  if (!m) {
    oom(c);
    return name;
  }
  return m;
}

static int name_op_ex(compiler *c, const char *name, int ctx, bool with_null) {
  unit *u = c->u;
  if (ctx == CTX_LOAD && !strcmp(name, "__debug__")) { /* a constant, as in CPython */
    TRY(load_const(c, CM_TRUE));
    return 0;
  }
  name = mangle(c, name);
  cm_symbol *y = cm_sym_lookup(u->scope, name);
  int sc = y ? y->scope : CM_SYM_GLOBAL_IMPLICIT;
  if (u->is_module && !c->names_mode) {
    int i = add_name(c, name);
    TRY(i);
    if (ctx == CTX_LOAD) {
      TRY(emit(c, CM_I_LOAD_GLOBAL, (uint32_t)i << 1 | with_null));
      return with_null;
    }
    static const int ops[] = {CM_I_LOAD_GLOBAL, CM_I_STORE_GLOBAL, CM_I_DELETE_GLOBAL};
    return emit(c, ops[ctx], (uint32_t)i);
  }
  if (sc == CM_SYM_FREE || sc == CM_SYM_CELL) {
    if (u->is_class && ctx == CTX_LOAD) return emit(c, CM_I_LOAD_CLASSDEREF, (uint32_t)y->slot);
    if (!(u->is_class && sc == CM_SYM_FREE && !(y->flags & CM_DEF_NONLOCAL) && ctx != CTX_LOAD)) {
      static const int ops[] = {CM_I_LOAD_DEREF, CM_I_STORE_DEREF, CM_I_DELETE_DEREF};
      return emit(c, ops[ctx], (uint32_t)y->slot);
    }
  }
  if (u->is_module && sc != CM_SYM_GLOBAL_EXPLICIT) sc = CM_SYM_GLOBAL_IMPLICIT; /* names mode */
  if (u->fast && sc == CM_SYM_LOCAL) {
    static const int ops[] = {CM_I_LOAD_FAST, CM_I_STORE_FAST, CM_I_DELETE_FAST};
    return emit(c, ops[ctx], (uint32_t)y->slot);
  }
  int i = add_name(c, name);
  TRY(i);
  if (sc == CM_SYM_GLOBAL_EXPLICIT || (u->fast && sc == CM_SYM_GLOBAL_IMPLICIT)) {
    if (ctx == CTX_LOAD) {
      TRY(emit(c, CM_I_LOAD_GLOBAL, (uint32_t)i << 1 | with_null));
      return with_null;
    }
    static const int ops[] = {CM_I_LOAD_GLOBAL, CM_I_STORE_GLOBAL, CM_I_DELETE_GLOBAL};
    return emit(c, ops[ctx], (uint32_t)i);
  }
  static const int ops[] = {CM_I_LOAD_NAME, CM_I_STORE_NAME, CM_I_DELETE_NAME};
  return emit(c, ops[ctx], (uint32_t)i);
}

/* ---- expressions ------------------------------------------------------------- */

static int binop_arg(cm_operator op) {
  switch (op) {
  case CM_ADD: return CM_OP_ADD;
  case CM_SUB: return CM_OP_SUB;
  case CM_MULT: return CM_OP_MUL;
  case CM_MATMULT: return CM_OP_MATMUL;
  case CM_DIV: return CM_OP_TRUEDIV;
  case CM_MOD: return CM_OP_MOD;
  case CM_POW: return CM_OP_POW;
  case CM_LSHIFT: return CM_OP_LSHIFT;
  case CM_RSHIFT: return CM_OP_RSHIFT;
  case CM_BITOR: return CM_OP_OR;
  case CM_BITXOR: return CM_OP_XOR;
  case CM_BITAND: return CM_OP_AND;
  case CM_FLOORDIV: return CM_OP_FLOORDIV;
  }
  return CM_OP_ADD;
}

static int compare_op(compiler *c, int op) {
  switch (op) {
  case CM_EQ: return emit(c, CM_I_COMPARE_OP, CM_CMP_EQ);
  case CM_NOTEQ: return emit(c, CM_I_COMPARE_OP, CM_CMP_NE);
  case CM_LT: return emit(c, CM_I_COMPARE_OP, CM_CMP_LT);
  case CM_LTE: return emit(c, CM_I_COMPARE_OP, CM_CMP_LE);
  case CM_GT: return emit(c, CM_I_COMPARE_OP, CM_CMP_GT);
  case CM_GTE: return emit(c, CM_I_COMPARE_OP, CM_CMP_GE);
  case CM_IS: return emit(c, CM_I_IS_OP, 0);
  case CM_ISNOT: return emit(c, CM_I_IS_OP, 1);
  case CM_IN: return emit(c, CM_I_CONTAINS_OP, 0);
  default: return emit(c, CM_I_CONTAINS_OP, 1);
  }
}

static int compile_compare(compiler *c, const cm_expr *e) {
  int n = e->v.compare.comparators.count;
  TRY(compile_expr(c, e->v.compare.left));
  if (n == 1) {
    TRY(compile_expr(c, e->v.compare.comparators.items[0]));
    return compare_op(c, e->v.compare.ops.items[0]);
  }
  int cleanup = new_label(c), end = new_label(c);
  TRY(cleanup);
  TRY(end);
  for (int i = 0; i < n - 1; i++) {
    TRY(compile_expr(c, e->v.compare.comparators.items[i]));
    TRY(emit(c, CM_I_SWAP, 2));
    TRY(emit(c, CM_I_COPY, 2));
    TRY(compare_op(c, e->v.compare.ops.items[i]));
    TRY(emit_jump(c, CM_I_JUMP_IF_FALSE_OR_POP, cleanup));
  }
  TRY(compile_expr(c, e->v.compare.comparators.items[n - 1]));
  TRY(compare_op(c, e->v.compare.ops.items[n - 1]));
  TRY(emit_jump(c, CM_I_JUMP, end));
  place(c, cleanup);
  TRY(emit(c, CM_I_SWAP, 2));
  TRY(emit(c, CM_I_POP_TOP, 0));
  place(c, end);
  return 0;
}

static bool has_starred(cm_expr_seq seq) {
  for (int i = 0; i < seq.count; i++)
    if (seq.items[i]->kind == CM_E_STARRED) return true;
  return false;
}

/* Elements with *starred parts -> a list on the stack; `pending` values
   already pushed become its first items. */
static int build_list_starred(compiler *c, cm_expr_seq elts, int pending, bool call) {
  bool built = false;
  for (int i = 0; i < elts.count; i++) {
    const cm_expr *e = elts.items[i];
    if (e->kind == CM_E_STARRED) {
      if (!built) {
        TRY(emit(c, CM_I_BUILD_LIST, (uint32_t)pending));
        built = true;
      }
      TRY(compile_expr(c, e->v.starred.value));
      TRY(emit(c, CM_I_LIST_EXTEND, call ? 0x101 : 1));
    } else {
      TRY(compile_expr(c, e));
      if (built) TRY(emit(c, CM_I_LIST_APPEND, 1));
      else pending++;
    }
  }
  if (!built) TRY(emit(c, CM_I_BUILD_LIST, (uint32_t)pending));
  return 0;
}

static bool all_constant(cm_expr_seq elts) {
  for (int i = 0; i < elts.count; i++)
    if (elts.items[i]->kind != CM_E_CONSTANT) return false;
  return true;
}

static int compile_sequence(compiler *c, const cm_expr *e) {
  cm_expr_seq elts = e->kind == CM_E_SET ? e->v.set.elts : e->v.seq.elts;
  if (e->kind == CM_E_TUPLE && elts.count > 0 && all_constant(elts)) {
    cm_value t = cm_tuple_new(c->vm, (size_t)elts.count);
    if (cm_is_error(t)) return oom(c);
    for (int i = 0; i < elts.count; i++) {
      cm_value v = constant_value(c, &elts.items[i]->v.constant);
      if (cm_is_error(v)) return oom(c);
      CM_AS(cm_tuple, t)->items[i] = v;
    }
    return load_const(c, t);
  }
  if (!has_starred(elts)) {
    for (int i = 0; i < elts.count; i++) TRY(compile_expr(c, elts.items[i]));
    int op = e->kind == CM_E_TUPLE ? CM_I_BUILD_TUPLE
             : e->kind == CM_E_LIST ? CM_I_BUILD_LIST : CM_I_BUILD_SET;
    return emit(c, op, (uint32_t)elts.count);
  }
  if (e->kind == CM_E_SET) {
    TRY(emit(c, CM_I_BUILD_SET, 0));
    for (int i = 0; i < elts.count; i++) {
      const cm_expr *x = elts.items[i];
      if (x->kind == CM_E_STARRED) {
        TRY(compile_expr(c, x->v.starred.value));
        TRY(emit(c, CM_I_SET_UPDATE, 1));
      } else {
        TRY(compile_expr(c, x));
        TRY(emit(c, CM_I_SET_ADD, 1));
      }
    }
    return 0;
  }
  TRY(build_list_starred(c, elts, 0, false));
  if (e->kind == CM_E_TUPLE) TRY(emit(c, CM_I_LIST_TO_TUPLE, 0));
  return 0;
}

static int compile_dict(compiler *c, const cm_expr *e) {
  int n = e->v.dict.keys.count;
  bool unpack = false;
  for (int i = 0; i < n; i++)
    if (!e->v.dict.keys.items[i]) unpack = true;
  if (!unpack) {
    for (int i = 0; i < n; i++) {
      TRY(compile_expr(c, e->v.dict.keys.items[i]));
      TRY(compile_expr(c, e->v.dict.values.items[i]));
    }
    return emit(c, CM_I_BUILD_MAP, (uint32_t)n);
  }
  TRY(emit(c, CM_I_BUILD_MAP, 0));
  for (int i = 0; i < n; i++) {
    if (e->v.dict.keys.items[i]) {
      TRY(compile_expr(c, e->v.dict.keys.items[i]));
      TRY(compile_expr(c, e->v.dict.values.items[i]));
      TRY(emit(c, CM_I_MAP_ADD, 1));
    } else {
      TRY(compile_expr(c, e->v.dict.values.items[i]));
      TRY(emit(c, CM_I_DICT_UPDATE, 1));
    }
  }
  return 0;
}

/* Arguments after [callable, self_or_NULL]; emits the call. */
static int compile_call_args(compiler *c, cm_expr_seq args, cm_keyword_seq kws, int extra) {
  for (int i = 0; i < kws.count; i++)
    for (int j = 0; j < i && kws.items[i]->arg.str; j++)
      if (kws.items[j]->arg.str && !strcmp(kws.items[i]->arg.str, kws.items[j]->arg.str))
        return syntax_error(c, kws.items[i]->loc, "keyword argument repeated: %s",
                            kws.items[i]->arg.str);
  bool ex = has_starred(args);
  for (int i = 0; i < kws.count; i++)
    if (!kws.items[i]->arg.str) ex = true;
  if (!ex) {
    for (int i = 0; i < args.count; i++) TRY(compile_expr(c, args.items[i]));
    for (int i = 0; i < kws.count; i++) TRY(compile_expr(c, kws.items[i]->value));
    if (!kws.count) return emit(c, CM_I_CALL, (uint32_t)(args.count + extra));
    cm_value names = cm_tuple_new(c->vm, (size_t)kws.count);
    if (cm_is_error(names)) return oom(c);
    for (int i = 0; i < kws.count; i++) {
      cm_value s = cm_intern(c->vm, kws.items[i]->arg.str);
      if (cm_is_error(s)) return oom(c);
      CM_AS(cm_tuple, names)->items[i] = s;
    }
    int k = add_const(c, names);
    TRY(k);
    TRY(emit(c, CM_I_LOAD_CONST, (uint32_t)k));
    return emit(c, CM_I_CALL_KW, (uint32_t)(args.count + kws.count + extra));
  }
  if (args.count == 1 && args.items[0]->kind == CM_E_STARRED && !extra) {
    TRY(compile_expr(c, args.items[0]->v.starred.value));
    TRY(emit(c, CM_I_CALL_INTRINSIC, 1));
  } else {
    TRY(build_list_starred(c, args, extra, true));
    TRY(emit(c, CM_I_LIST_TO_TUPLE, 0));
  }
  if (!kws.count) return emit(c, CM_I_CALL_FUNCTION_EX, 0);
  TRY(emit(c, CM_I_BUILD_MAP, 0));
  for (int i = 0; i < kws.count; i++) {
    cm_keyword *k = kws.items[i];
    if (k->arg.str) {
      TRY(load_const(c, cm_intern(c->vm, k->arg.str)));
      TRY(compile_expr(c, k->value));
      TRY(emit(c, CM_I_MAP_ADD, 1));
    } else {
      TRY(compile_expr(c, k->value));
      TRY(emit(c, CM_I_DICT_MERGE, 1));
    }
  }
  return emit(c, CM_I_CALL_FUNCTION_EX, 1);
}

static int compile_call(compiler *c, const cm_expr *e) {
  const cm_expr *fn = e->v.call.func;
  bool ex = has_starred(e->v.call.args);
  for (int i = 0; i < e->v.call.keywords.count; i++)
    if (!e->v.call.keywords.items[i]->arg.str) ex = true;
  if (fn->kind == CM_E_ATTRIBUTE && !ex) {
    TRY(compile_expr(c, fn->v.attribute.value));
    int i = add_name(c, mangle(c, fn->v.attribute.attr.str));
    TRY(i);
    cm_loc saved = c->u->loc;
    c->u->loc = fn->loc;
    TRY(emit(c, CM_I_LOAD_METHOD, (uint32_t)i));
    c->u->loc = saved;
  } else if (fn->kind == CM_E_NAME) {
    cm_loc saved = c->u->loc;
    c->u->loc = fn->loc;
    int pushed = name_op_ex(c, fn->v.name.id.str, CTX_LOAD, true);
    TRY(pushed);
    c->u->loc = saved;
    if (!pushed) TRY(emit(c, CM_I_PUSH_NULL, 0));
  } else {
    TRY(compile_expr(c, fn));
    TRY(emit(c, CM_I_PUSH_NULL, 0));
  }
  c->u->loc = e->loc;
  int r = compile_call_args(c, e->v.call.args, e->v.call.keywords, 0);
  return r;
}

static int compile_boolop(compiler *c, const cm_expr *e) {
  int end = new_label(c);
  TRY(end);
  int op = e->v.boolop.op == CM_AND ? CM_I_JUMP_IF_FALSE_OR_POP : CM_I_JUMP_IF_TRUE_OR_POP;
  int n = e->v.boolop.values.count;
  for (int i = 0; i < n; i++) {
    TRY(compile_expr(c, e->v.boolop.values.items[i]));
    if (i < n - 1) TRY(emit_jump(c, op, end));
  }
  place(c, end);
  return 0;
}

static int compile_slice_parts(compiler *c, const cm_expr *s) {
  if (s->v.slice.lower) TRY(compile_expr(c, s->v.slice.lower));
  else TRY(load_const(c, CM_NONE));
  if (s->v.slice.upper) TRY(compile_expr(c, s->v.slice.upper));
  else TRY(load_const(c, CM_NONE));
  if (s->v.slice.step) {
    TRY(compile_expr(c, s->v.slice.step));
    return emit(c, CM_I_BUILD_SLICE, 3);
  }
  return emit(c, CM_I_BUILD_SLICE, 2);
}

static int compile_fstring(compiler *c, const cm_expr *e) {
  int n = e->v.joinedstr.values.count;
  if (n == 0) return load_const(c, cm_intern(c->vm, ""));
  for (int i = 0; i < n; i++) {
    const cm_expr *v = e->v.joinedstr.values.items[i];
    if (v->kind != CM_E_FORMATTEDVALUE) {
      TRY(compile_expr(c, v));
      continue;
    }
    TRY(compile_expr(c, v->v.fvalue.value));
    int conv = v->v.fvalue.conversion;
    uint32_t arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (v->v.fvalue.format_spec) {
      TRY(compile_expr(c, v->v.fvalue.format_spec));
      arg |= 4;
    }
    TRY(emit_at(c, v->loc, CM_I_FORMAT_VALUE, arg)); /* at {...} */
  }
  if (n > 1) TRY(emit(c, CM_I_BUILD_STRING, (uint32_t)n));
  else if (e->v.joinedstr.values.items[0]->kind != CM_E_FORMATTEDVALUE)
    TRY(emit(c, CM_I_FORMAT_VALUE, 0));
  return 0;
}

static int not_supported(compiler *c, const char *what) {
  int k = add_const(c, cm_str_from_cstr(c->vm, what));
  TRY(k);
  return emit(c, CM_I_NOT_IMPLEMENTED, (uint32_t)k);
}

static int compile_yield_from(compiler *c, const cm_expr *e) {
  TRY(compile_expr(c, e->v.await.value));
  TRY(emit(c, CM_I_GET_YIELD_FROM_ITER, 0));
  TRY(load_const(c, CM_NONE));
  int loop = new_label(c), end = new_label(c), cleanup = new_label(c);
  TRY(loop);
  TRY(end);
  TRY(cleanup);
  place(c, loop);
  TRY(emit_jump(c, CM_I_SEND, end));
  TRY(push_handler(c, cleanup, c->u->depth - 1));
  TRY(emit(c, CM_I_YIELD_VALUE, 1));
  pop_handler(c);
  TRY(emit_jump(c, CM_I_JUMP, loop));
  place(c, cleanup);
  TRY(emit(c, CM_I_CLEANUP_THROW, 0));
  place(c, end);
  return 0;
}

static int compile_function_like(compiler *c, const void *node, const cm_arguments *args,
                                 cm_stmt_seq body, const cm_expr *lambda_body, int line,
                                 bool is_async);
static int compile_comprehension(compiler *c, const cm_expr *e);
static int compile_store(compiler *c, const cm_expr *t);

/* ---- constant folding ------------------------------------------------------ */
/* Literal arithmetic on numbers and strings is evaluated at compile time when
   the result is small and cannot fail (anything doubtful is left to run
   time, so errors and their tracebacks happen as usual). */

#define FOLD_MAX_BITS 128  /* ints: result magnitude limit */
#define FOLD_MAX_LEN 4096  /* str/bytes results (CPython's limit) */

static bool fold_ok_value(cm_value v) {
  if (cm_is_int(v) || cm_is_float(v)) return true;
  if (cm_is_bigint(v)) return CM_AS(cm_bigint, v)->n * 32 <= FOLD_MAX_BITS;
  if (cm_is_obj(v) && cm_objptr(v)->type == &cm_str_type)
    return CM_AS(cm_str, v)->size <= FOLD_MAX_LEN;
  return false;
}

static int64_t small_magnitude_bits(cm_value v) {
  if (!cm_is_int(v)) return 64;
  int64_t x = cm_intval(v), bits = 0;
  if (x < 0) x = -x;
  while (x) bits++, x >>= 1;
  return bits;
}

/* Operands that could make a huge result or an error are not folded. */
static bool fold_safe(int op, cm_value a, cm_value b) {
  bool ints = cm_is_int(a) && cm_is_int(b);
  switch (op) {
  case CM_OP_POW:
    return ints && cm_intval(b) >= 0 && cm_intval(b) <= FOLD_MAX_BITS &&
           small_magnitude_bits(a) * cm_intval(b) <= FOLD_MAX_BITS;
  case CM_OP_LSHIFT:
    return ints && cm_intval(b) >= 0 && cm_intval(b) + small_magnitude_bits(a) <= FOLD_MAX_BITS;
  case CM_OP_MUL:
    return (cm_is_int(a) || cm_is_float(a)) && (cm_is_int(b) || cm_is_float(b));
  case CM_OP_TRUEDIV: case CM_OP_FLOORDIV: case CM_OP_MOD:
    return (cm_is_int(b) && cm_intval(b) != 0) || (cm_is_float(b) && cm_floatval(b) != 0.0);
  case CM_OP_MATMUL: return false;
  default: return true;
  }
}

/* The value of a foldable expression, or CM_NULL. */
static cm_value fold(compiler *c, const cm_expr *e, int depth) {
  if (depth > 20) return CM_NULL;
  if (e->kind == CM_E_CONSTANT) {
    cm_const_kind k = e->v.constant.kind;
    if (k != CM_CONST_INT && k != CM_CONST_FLOAT && k != CM_CONST_STR) return CM_NULL;
    cm_value v = constant_value(c, &e->v.constant);
    return cm_is_error(v) ? (cm_exc_clear(c->vm), CM_NULL) : v;
  }
  cm_value r = CM_NULL;
  if (e->kind == CM_E_UNARYOP && e->v.unaryop.op != CM_NOT) {
    cm_value a = fold(c, e->v.unaryop.operand, depth + 1);
    if (cm_is_null(a) || !(cm_is_int(a) || cm_is_float(a) || cm_is_bigint(a))) return CM_NULL;
    if (e->v.unaryop.op == CM_INVERT && !cm_is_int(a)) return CM_NULL;
    static const int un[] = {CM_UN_INVERT, CM_UN_NOT, CM_UN_POS, CM_UN_NEG};
    r = cm_unop(c->vm, un[e->v.unaryop.op], a);
  } else if (e->kind == CM_E_BINOP) {
    cm_value a = fold(c, e->v.binop.left, depth + 1);
    if (cm_is_null(a)) return CM_NULL;
    cm_value b = fold(c, e->v.binop.right, depth + 1);
    if (cm_is_null(b)) return CM_NULL;
    int op = binop_arg(e->v.binop.op);
    if (!fold_safe(op, a, b)) return CM_NULL;
    r = cm_binop(c->vm, op, a, b);
  } else {
    return CM_NULL;
  }
  if (cm_is_error(r)) {
    cm_exc_clear(c->vm);
    return CM_NULL;
  }
  return fold_ok_value(r) ? r : CM_NULL;
}

static int compile_expr_inner(compiler *c, const cm_expr *e) {
  if (e->kind == CM_E_BINOP || e->kind == CM_E_UNARYOP) {
    cm_value v = fold(c, e, 0);
    if (!cm_is_null(v)) return load_const(c, v);
  }
  switch (e->kind) {
  case CM_E_CONSTANT: return load_const(c, constant_value(c, &e->v.constant));
  case CM_E_NAME: return name_op(c, e->v.name.id.str, CTX_LOAD);
  case CM_E_BINOP:
    TRY(compile_expr(c, e->v.binop.left));
    TRY(compile_expr(c, e->v.binop.right));
    return emit(c, CM_I_BINARY_OP, (uint32_t)binop_arg(e->v.binop.op));
  case CM_E_UNARYOP: {
    const cm_expr *o = e->v.unaryop.operand;
    if (e->v.unaryop.op == CM_USUB && o->kind == CM_E_CONSTANT &&
        (o->v.constant.kind == CM_CONST_INT || o->v.constant.kind == CM_CONST_FLOAT)) {
      cm_value v = constant_value(c, &o->v.constant);
      if (cm_is_error(v)) return oom(c);
      v = cm_unop(c->vm, CM_UN_NEG, v);
      if (cm_is_error(v)) return oom(c);
      return load_const(c, v);
    }
    TRY(compile_expr(c, o));
    static const int un[] = {CM_UN_INVERT, CM_UN_NOT, CM_UN_POS, CM_UN_NEG};
    return emit(c, CM_I_UNARY_OP, (uint32_t)un[e->v.unaryop.op]);
  }
  case CM_E_BOOLOP: return compile_boolop(c, e);
  case CM_E_COMPARE: return compile_compare(c, e);
  case CM_E_CALL: return compile_call(c, e);
  case CM_E_ATTRIBUTE: {
    TRY(compile_expr(c, e->v.attribute.value));
    int i = add_name(c, mangle(c, e->v.attribute.attr.str));
    TRY(i);
    return emit(c, CM_I_LOAD_ATTR, (uint32_t)i);
  }
  case CM_E_SUBSCRIPT:
    TRY(compile_expr(c, e->v.subscript.value));
    if (e->v.subscript.slice->kind == CM_E_SLICE) TRY(compile_slice_parts(c, e->v.subscript.slice));
    else TRY(compile_expr(c, e->v.subscript.slice));
    c->u->loc = e->loc;
    return emit(c, CM_I_BINARY_SUBSCR, 0);
  case CM_E_SLICE: return compile_slice_parts(c, e);
  case CM_E_TUPLE:
  case CM_E_LIST:
  case CM_E_SET: return compile_sequence(c, e);
  case CM_E_DICT: return compile_dict(c, e);
  case CM_E_IFEXP: {
    int orelse = new_label(c), end = new_label(c);
    TRY(orelse);
    TRY(end);
    TRY(compile_expr(c, e->v.ifexp.test));
    TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, orelse));
    TRY(compile_expr(c, e->v.ifexp.body));
    TRY(emit_jump(c, CM_I_JUMP, end));
    place(c, orelse);
    TRY(compile_expr(c, e->v.ifexp.orelse));
    place(c, end);
    return 0;
  }
  case CM_E_NAMEDEXPR:
    TRY(compile_expr(c, e->v.namedexpr.value));
    TRY(emit(c, CM_I_COPY, 1));
    return compile_store(c, e->v.namedexpr.target);
  case CM_E_LAMBDA: {
    cm_stmt_seq none = {NULL, 0};
    return compile_function_like(c, e, e->v.lambda.args, none, e->v.lambda.body,
                                 e->loc.lineno, false);
  }
  case CM_E_LISTCOMP:
  case CM_E_SETCOMP:
  case CM_E_DICTCOMP:
  case CM_E_GENERATOREXP: return compile_comprehension(c, e);
  case CM_E_YIELD:
    if (e->v.yield.value) TRY(compile_expr(c, e->v.yield.value));
    else TRY(load_const(c, CM_NONE));
    return emit(c, CM_I_YIELD_VALUE, 0);
  case CM_E_YIELDFROM: return compile_yield_from(c, e);
  case CM_E_AWAIT:
    TRY(not_supported(c, "await"));
    return load_const(c, CM_NONE);
  case CM_E_JOINEDSTR: return compile_fstring(c, e);
  case CM_E_TEMPLATESTR:
  case CM_E_INTERPOLATION:
    TRY(not_supported(c, "t-strings"));
    return load_const(c, CM_NONE);
  case CM_E_FORMATTEDVALUE: {
    cm_expr_seq one = {(cm_expr **)&e, 1};
    cm_expr tmp = *e;
    tmp.kind = CM_E_JOINEDSTR;
    tmp.v.joinedstr.values = one;
    return compile_fstring(c, &tmp);
  }
  case CM_E_STARRED:
    return syntax_error(c, e->loc, "can't use starred expression here%s", "");
  }
  return 0;
}

static int too_deep(compiler *c) {
  c->failed = true;
  c->too_deep = true;
  return -1;
}

static int compile_expr(compiler *c, const cm_expr *e) {
  if (++c->depth > CM_COMPILE_MAX_DEPTH) return too_deep(c);
  cm_loc saved = c->u->loc;
  c->u->loc = e->loc;
  int r = compile_expr_inner(c, e);
  c->u->loc = saved;
  c->depth--;
  return r;
}

/* ---- assignment targets ---------------------------------------------------------- */

static int compile_unpack(compiler *c, const cm_expr *t) {
  cm_expr_seq elts = t->v.seq.elts;
  int star = -1;
  for (int i = 0; i < elts.count; i++) {
    if (elts.items[i]->kind != CM_E_STARRED) continue;
    if (star >= 0) return syntax_error(c, elts.items[i]->loc, "multiple starred expressions in assignment%s", "");
    star = i;
  }
  if (star < 0) {
    TRY(emit(c, CM_I_UNPACK_SEQUENCE, (uint32_t)elts.count));
  } else {
    int after = elts.count - star - 1;
    if (star > 255 || after > 0xFFFF)
      return syntax_error(c, t->loc, "too many expressions in star-unpacking assignment%s", "");
    TRY(emit(c, CM_I_UNPACK_EX, (uint32_t)(star | after << 8)));
  }
  for (int i = 0; i < elts.count; i++) {
    const cm_expr *x = elts.items[i];
    TRY(compile_store(c, x->kind == CM_E_STARRED ? x->v.starred.value : x));
  }
  return 0;
}

/* Pushes what an attribute or subscript target operates on (the object,
   and for a subscript the key or slice parts). Returns the attribute's name
   index (0 for a subscript), or -1. Shared by stores and deletes. */
static int compile_target_base(compiler *c, const cm_expr *t) {
  if (t->kind == CM_E_ATTRIBUTE) {
    if (compile_expr(c, t->v.attribute.value) < 0) return -1;
    return add_name(c, mangle(c, t->v.attribute.attr.str));
  }
  if (compile_expr(c, t->v.subscript.value) < 0) return -1;
  const cm_expr *s = t->v.subscript.slice;
  return (s->kind == CM_E_SLICE ? compile_slice_parts(c, s) : compile_expr(c, s)) < 0 ? -1 : 0;
}

static int compile_store(compiler *c, const cm_expr *t) {
  cm_loc saved = c->u->loc;
  c->u->loc = t->loc;
  int r = 0;
  switch (t->kind) {
  case CM_E_NAME: r = name_op(c, t->v.name.id.str, CTX_STORE); break;
  case CM_E_ATTRIBUTE: {
    int i = compile_target_base(c, t);
    r = i < 0 ? -1 : emit(c, CM_I_STORE_ATTR, (uint32_t)i);
    break;
  }
  case CM_E_SUBSCRIPT:
    r = compile_target_base(c, t);
    if (r >= 0) r = emit(c, CM_I_STORE_SUBSCR, 0);
    break;
  case CM_E_TUPLE:
  case CM_E_LIST: r = compile_unpack(c, t); break;
  case CM_E_STARRED:
    r = syntax_error(c, t->loc, "starred assignment target must be in a list or tuple%s", "");
    break;
  default: r = syntax_error(c, t->loc, "cannot assign to expression%s", "");
  }
  c->u->loc = saved;
  return r;
}

static int compile_delete(compiler *c, const cm_expr *t) {
  cm_loc saved = c->u->loc;
  c->u->loc = t->loc;
  int r = 0;
  switch (t->kind) {
  case CM_E_NAME: r = name_op(c, t->v.name.id.str, CTX_DEL); break;
  case CM_E_ATTRIBUTE: {
    int i = compile_target_base(c, t);
    r = i < 0 ? -1 : emit(c, CM_I_DELETE_ATTR, (uint32_t)i);
    break;
  }
  case CM_E_SUBSCRIPT:
    r = compile_target_base(c, t);
    if (r >= 0) r = emit(c, CM_I_DELETE_SUBSCR, 0);
    break;
  case CM_E_TUPLE:
  case CM_E_LIST:
    for (int i = 0; i < t->v.seq.elts.count && r >= 0; i++)
      r = compile_delete(c, t->v.seq.elts.items[i]);
    break;
  default: r = syntax_error(c, t->loc, "cannot delete expression%s", "");
  }
  c->u->loc = saved;
  return r;
}

/* ---- functions, lambdas, comprehensions, classes ----------------------------------- */

/* Pushes the closure tuple for a child code object; returns MAKE_FUNCTION's
   closure flag (4) or 0. */
static int load_closure(compiler *c, cm_code *code) {
  if (!code->nfree) return 0;
  unit *u = c->u;
  uint32_t base = code->nlocalsplus - code->nfree;
  for (uint32_t i = 0; i < code->nfree; i++) {
    const char *name = cm_str_cstr(code->localnames[base + i]);
    int slot = -1;
    if (u->is_class && !strcmp(name, "__class__") && u->classcell_slot >= 0) {
      slot = u->classcell_slot;
    } else {
      cm_symbol *y = cm_sym_lookup(u->scope, name);
      if (y) slot = y->slot;
    }
    if (slot < 0) return syntax_error(c, u->loc, "internal error: no closure slot for '%s'", name);
    TRY(emit(c, CM_I_LOAD_CLOSURE, (uint32_t)slot));
  }
  TRY(emit(c, CM_I_BUILD_TUPLE, code->nfree));
  return 4;
}

static int make_function(compiler *c, cm_code *code, int flags) {
  int cl = load_closure(c, code);
  TRY(cl);
  int k = add_const(c, CM_VAL(code));
  TRY(k);
  TRY(emit(c, CM_I_LOAD_CONST, (uint32_t)k));
  return emit(c, CM_I_MAKE_FUNCTION, (uint32_t)(flags | cl));
}

/* Pushes defaults tuple / kwdefaults dict; returns MAKE_FUNCTION flags. */
static int compile_defaults(compiler *c, const cm_arguments *a) {
  int flags = 0;
  if (a->defaults.count) {
    for (int i = 0; i < a->defaults.count; i++) TRY(compile_expr(c, a->defaults.items[i]));
    TRY(emit(c, CM_I_BUILD_TUPLE, (uint32_t)a->defaults.count));
    flags |= 1;
  }
  int nkw = 0;
  for (int i = 0; i < a->kw_defaults.count; i++) {
    if (!a->kw_defaults.items[i]) continue;
    TRY(load_const(c, cm_intern(c->vm, mangle(c, a->kwonlyargs.items[i]->arg.str))));
    TRY(compile_expr(c, a->kw_defaults.items[i]));
    nkw++;
  }
  if (nkw) {
    TRY(emit(c, CM_I_BUILD_MAP, (uint32_t)nkw));
    flags |= 2;
  }
  return flags;
}

static const cm_expr *docstring_of(cm_stmt_seq body) {
  if (body.count == 0 || body.items[0]->kind != CM_S_EXPR) return NULL;
  const cm_expr *e = body.items[0]->v.expr.value;
  if (e->kind == CM_E_CONSTANT && e->v.constant.kind == CM_CONST_STR) return e;
  return NULL;
}

static void mark_simple(cm_code *code) {
  if (!code->kwonlyargcount && !code->ncells && !code->nfree &&
      !(code->flags & (CM_CO_VARARGS | CM_CO_VARKEYWORDS | CM_CO_GENERATOR | CM_CO_COROUTINE |
                       CM_CO_ASYNC_GENERATOR)))
    code->flags |= CM_CO_SIMPLE;
}

static int compile_function_like(compiler *c, const void *node, const cm_arguments *args,
                                 cm_stmt_seq body, const cm_expr *lambda_body, int line,
                                 bool is_async) {
  int flags = compile_defaults(c, args);
  TRY(flags);
  cm_symscope *s = cm_sym_next_child(c->u->scope, node);
  if (!s) return syntax_error(c, c->u->loc, "internal error: missing scope%s", "");
  TRY(enter_unit(c, s, line));
  unit *u = c->u;
  u->flags &= ~(uint32_t)CM_CO_COROUTINE;
  int r = 0;
  if (is_async) {
    u->flags &= ~(uint32_t)CM_CO_GENERATOR;
    r = not_supported(c, "async def");
    if (r >= 0) r = emit(c, CM_I_RETURN_CONST, (uint32_t)add_const(c, CM_NONE));
  } else if (lambda_body) {
    if (add_const(c, CM_NONE) < 0) r = -1; /* lambdas have no docstring */
    if (r >= 0) r = compile_expr(c, lambda_body);
    if (r >= 0) r = emit(c, CM_I_RETURN_VALUE, 0);
  } else {
    const cm_expr *doc = docstring_of(body);
    if (doc) {
      r = add_const(c, constant_value(c, &doc->v.constant));
      u->flags |= CM_CO_HAS_DOC;
      body.items++;
      body.count--;
    }
    if (r >= 0) r = compile_stmts(c, body);
    if (r >= 0 && !u->unreachable) r = load_const(c, CM_NONE);
    if (r >= 0 && !u->unreachable) r = emit(c, CM_I_RETURN_VALUE, 0);
  }
  cm_code *code = NULL;
  if (r >= 0) {
    code = assemble(c);
    if (code) {
      code->argcount = (uint32_t)(args->posonlyargs.count + args->args.count);
      code->posonlyargcount = (uint32_t)args->posonlyargs.count;
      code->kwonlyargcount = (uint32_t)args->kwonlyargs.count;
      if (args->vararg) code->flags |= CM_CO_VARARGS;
      if (args->kwarg) code->flags |= CM_CO_VARKEYWORDS;
      mark_simple(code);
    }
  }
  leave_unit(c);
  if (!code) return -1;
  return make_function(c, code, flags);
}

static int compile_funcdef(compiler *c, const cm_stmt *s) {
  cm_expr_seq decos = s->v.funcdef.decorator_list;
  if (s->v.funcdef.type_params.count) TRY(not_supported(c, "generic function syntax"));
  for (int i = 0; i < decos.count; i++) {
    TRY(compile_expr(c, decos.items[i]));
    TRY(emit(c, CM_I_PUSH_NULL, 0));
  }
  int line = decos.count ? decos.items[0]->loc.lineno : s->loc.lineno;
  TRY(compile_function_like(c, s, s->v.funcdef.args, s->v.funcdef.body, NULL, line,
                            s->kind == CM_S_ASYNCFUNCTIONDEF));
  for (int i = 0; i < decos.count; i++) TRY(emit(c, CM_I_CALL, 1));
  return name_op(c, s->v.funcdef.name.str, CTX_STORE);
}

/* One level of a comprehension: for target in iter: [ifs] <inner>. */
static int comp_generator(compiler *c, const cm_expr *e, int gi, int depth) {
  cm_comprehension_seq gens = e->kind == CM_E_DICTCOMP ? e->v.dictcomp.generators
                                                       : e->v.comp.generators;
  cm_comprehension *g = gens.items[gi];
  int start = new_label(c), anchor = new_label(c);
  TRY(start);
  TRY(anchor);
  if (gi == 0) {
    TRY(emit(c, CM_I_LOAD_FAST, 0));
  } else {
    TRY(compile_expr(c, g->iter));
    TRY(emit_at(c, g->iter->loc, CM_I_GET_ITER, 0));
  }
  place(c, start);
  TRY(emit_jump(c, CM_I_FOR_ITER, anchor));
  TRY(compile_store(c, g->target));
  for (int i = 0; i < g->ifs.count; i++) {
    TRY(compile_expr(c, g->ifs.items[i]));
    TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, start));
  }
  if (gi + 1 < gens.count) {
    TRY(comp_generator(c, e, gi + 1, depth + 1));
  } else if (e->kind == CM_E_GENERATOREXP) {
    TRY(compile_expr(c, e->v.comp.elt));
    TRY(emit(c, CM_I_YIELD_VALUE, 0));
    TRY(emit(c, CM_I_POP_TOP, 0));
  } else if (e->kind == CM_E_DICTCOMP) {
    TRY(compile_expr(c, e->v.dictcomp.key));
    TRY(compile_expr(c, e->v.dictcomp.value));
    TRY(emit(c, CM_I_MAP_ADD, (uint32_t)depth + 2));
  } else {
    TRY(compile_expr(c, e->v.comp.elt));
    TRY(emit(c, e->kind == CM_E_LISTCOMP ? CM_I_LIST_APPEND : CM_I_SET_ADD, (uint32_t)depth + 2));
  }
  TRY(emit_jump(c, CM_I_JUMP, start));
  place(c, anchor);
  return 0;
}

static int compile_comprehension(compiler *c, const cm_expr *e) {
  cm_comprehension_seq gens = e->kind == CM_E_DICTCOMP ? e->v.dictcomp.generators
                                                       : e->v.comp.generators;
  for (int i = 0; i < gens.count; i++)
    if (gens.items[i]->is_async) return not_supported(c, "async comprehension") < 0 ? -1 : load_const(c, CM_NONE);
  cm_symscope *s = cm_sym_next_child(c->u->scope, e);
  if (!s) return syntax_error(c, e->loc, "internal error: missing scope%s", "");
  TRY(enter_unit(c, s, e->loc.lineno));
  int r = 0;
  if (e->kind == CM_E_LISTCOMP) r = emit(c, CM_I_BUILD_LIST, 0);
  else if (e->kind == CM_E_SETCOMP) r = emit(c, CM_I_BUILD_SET, 0);
  else if (e->kind == CM_E_DICTCOMP) r = emit(c, CM_I_BUILD_MAP, 0);
  if (r >= 0) r = comp_generator(c, e, 0, 0);
  if (r >= 0) {
    if (e->kind == CM_E_GENERATOREXP) r = load_const(c, CM_NONE);
    if (r >= 0) r = emit(c, CM_I_RETURN_VALUE, 0);
  }
  cm_code *code = r >= 0 ? assemble(c) : NULL;
  if (code) {
    code->argcount = 1;
    mark_simple(code);
  }
  leave_unit(c);
  if (!code) return -1;
  TRY(make_function(c, code, 0));
  TRY(emit(c, CM_I_PUSH_NULL, 0));
  TRY(compile_expr(c, gens.items[0]->iter));
  TRY(emit_at(c, gens.items[0]->iter->loc, CM_I_GET_ITER, 0));
  return emit(c, CM_I_CALL, 1);
}

static int compile_class(compiler *c, const cm_stmt *s) {
  cm_expr_seq decos = s->v.classdef.decorator_list;
  if (s->v.classdef.type_params.count) TRY(not_supported(c, "generic class syntax"));
  for (int i = 0; i < decos.count; i++) {
    TRY(compile_expr(c, decos.items[i]));
    TRY(emit(c, CM_I_PUSH_NULL, 0));
  }
  TRY(emit(c, CM_I_LOAD_BUILD_CLASS, 0));
  TRY(emit(c, CM_I_PUSH_NULL, 0));
  cm_symscope *sc = cm_sym_next_child(c->u->scope, s);
  if (!sc) return syntax_error(c, s->loc, "internal error: missing scope%s", "");
  int line = decos.count ? decos.items[0]->loc.lineno : s->loc.lineno;
  TRY(enter_unit(c, sc, line));
  unit *u = c->u;
  cm_stmt_seq body = s->v.classdef.body;
  int r = name_op(c, "__name__", CTX_LOAD);
  if (r >= 0) r = name_op(c, "__module__", CTX_STORE);
  if (r >= 0) r = load_const(c, u->qualname);
  if (r >= 0) r = name_op(c, "__qualname__", CTX_STORE);
  if (r >= 0) r = load_const(c, cm_mkint(line));
  if (r >= 0) r = name_op(c, "__firstlineno__", CTX_STORE);
  const cm_expr *doc = docstring_of(body);
  if (r >= 0 && doc) {
    r = load_const(c, constant_value(c, &doc->v.constant));
    if (r >= 0) r = name_op(c, "__doc__", CTX_STORE);
    body.items++;
    body.count--;
  }
  if (r >= 0) r = compile_stmts(c, body);
  if (r >= 0 && u->classcell_slot >= 0) {
    r = emit(c, CM_I_SETUP_CLASSCELL, (uint32_t)u->classcell_slot);
    if (r >= 0) r = emit(c, CM_I_LOAD_CLOSURE, (uint32_t)u->classcell_slot);
    if (r >= 0) r = emit(c, CM_I_RETURN_VALUE, 0);
  } else if (r >= 0) {
    r = load_const(c, CM_NONE);
    if (r >= 0) r = emit(c, CM_I_RETURN_VALUE, 0);
  }
  cm_code *code = r >= 0 ? assemble(c) : NULL;
  leave_unit(c);
  if (!code) return -1;
  TRY(make_function(c, code, 0));
  TRY(load_const(c, cm_intern(c->vm, s->v.classdef.name.str)));
  cm_expr_seq bases = s->v.classdef.bases;
  TRY(compile_call_args(c, bases, s->v.classdef.keywords, 2));
  for (int i = 0; i < decos.count; i++) TRY(emit(c, CM_I_CALL, 1));
  return name_op(c, s->v.classdef.name.str, CTX_STORE);
}

/* ---- control flow ------------------------------------------------------------------- */

static int push_fblock(compiler *c, enum fb_kind kind, int start, int exit, const cm_stmt *stmt,
                       const char *name) {
  unit *u = c->u;
  if (u->nfb == MAX_BLOCKS)
    return syntax_error(c, u->loc, "too many statically nested blocks%s", "");
  u->fb[u->nfb++] = (fblock){kind, start, exit, stmt, name, u->hn};
  return 0;
}

static void pop_fblock(compiler *c) { c->u->nfb--; }

static int call_exit_with_nones(compiler *c) {
  TRY(emit(c, CM_I_PUSH_NULL, 0));
  TRY(load_const(c, CM_NONE));
  TRY(load_const(c, CM_NONE));
  TRY(load_const(c, CM_NONE));
  TRY(emit(c, CM_I_CALL, 3));
  return emit(c, CM_I_POP_TOP, 0);
}

static int clear_handler_name(compiler *c, const char *name) {
  if (!name) return 0;
  TRY(load_const(c, CM_NONE));
  TRY(name_op(c, name, CTX_STORE));
  return name_op(c, name, CTX_DEL);
}

/* Code leaving fblock `b` early (return/break/continue). With preserve_tos
   the value on top of the stack (a return value) is kept. */
static int unwind_fblock(compiler *c, fblock *b, bool preserve_tos) {
  unit *u = c->u;
  switch (b->kind) {
  case FB_WHILE:
  case FB_TRY_EXCEPT:
  case FB_EXCEPTION_HANDLER: return 0;
  case FB_FOR:
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    return emit(c, CM_I_POP_ITER, 0);
  case FB_POP_VALUE:
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    return emit(c, CM_I_POP_TOP, 0);
  case FB_WITH:
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    return call_exit_with_nones(c);
  case FB_HANDLER_CLEANUP:
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    TRY(emit(c, CM_I_POP_EXCEPT, 0));
    return clear_handler_name(c, b->name);
  case FB_FINALLY_END:
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    TRY(emit(c, CM_I_DISCARD_EXC, 0));
    if (preserve_tos) TRY(emit(c, CM_I_SWAP, 2));
    return emit(c, CM_I_POP_EXCEPT, 0);
  case FB_FINALLY_TRY: {
    /* run the finally body inline, outside this block's handlers */
    fblock saved = *b;
    int hn = u->hn;
    u->hn = b->hstack;
    u->nfb--;
    int r = 0;
    if (preserve_tos) r = push_fblock(c, FB_POP_VALUE, -1, -1, NULL, NULL);
    if (r >= 0) r = compile_stmts(c, saved.stmt->v.try_.finalbody);
    if (preserve_tos && r >= 0) pop_fblock(c);
    u->fb[u->nfb++] = saved;
    u->hn = hn;
    return r;
  }
  }
  return 0;
}

/* Unwinds blocks down to the innermost loop (loop != NULL) or all of them;
   *loop receives the loop block (NULL if none). */
static int unwind_to(compiler *c, bool preserve_tos, fblock **loop) {
  unit *u = c->u;
  int saved_nfb = u->nfb;
  fblock saved[MAX_BLOCKS];
  memcpy(saved, u->fb, sizeof saved);
  int saved_hstack[64], saved_hn_count = u->hn;
  memcpy(saved_hstack, u->hstack, sizeof saved_hstack);
  int r = 0;
  if (loop) *loop = NULL;
  while (u->nfb > 0 && r >= 0) {
    fblock *b = &u->fb[u->nfb - 1];
    if (loop && (b->kind == FB_WHILE || b->kind == FB_FOR)) {
      *loop = &saved[u->nfb - 1];
      break;
    }
    fblock copy = *b;
    u->hn = copy.hstack; /* cleanup code runs outside the block's handlers */
    r = unwind_fblock(c, &copy, preserve_tos);
    u->nfb--;
  }
  memcpy(u->fb, saved, sizeof saved);
  u->nfb = saved_nfb;
  memcpy(u->hstack, saved_hstack, sizeof saved_hstack);
  u->hn = saved_hn_count;
  if (loop && *loop) {
    /* the loop block itself stays; report its labels from the restored stack */
    *loop = &u->fb[*loop - saved];
  }
  return r;
}

static cm_value source_line(compiler *c, int lineno);

/* SyntaxWarning on stderr, formatted like CPython's default warning hook. */
static void syntax_warning(compiler *c, cm_loc loc, const char *msg) {
  cm_value line = source_line(c, loc.lineno);
  if (cm_is_error(line)) {
    cm_exc_clear(c->vm);
    line = CM_NONE;
  }
  const char *text = cm_is_obj(line) ? cm_str_cstr(line) : "";
  while (*text == ' ' || *text == '\t') text++;
  size_t n = strlen(text);
  while (n && (text[n - 1] == '\n' || text[n - 1] == '\r')) n--;
  cm_value w = cm_str_printf(c->vm, "%U:%d: SyntaxWarning: %s\n  ", c->filename, loc.lineno, msg);
  if (cm_is_error(w)) {
    cm_exc_clear(c->vm);
    return;
  }
  cm_write(c->vm, 2, cm_str_cstr(w), CM_AS(cm_str, w)->size);
  cm_write(c->vm, 2, text, n);
  cm_write(c->vm, 2, "\n", 1);
}

/* PEP 765: return/break/continue leaving a finally block. */
static void check_finally_exit(compiler *c, const cm_stmt *s, int from, const char *what) {
  unit *u = c->u;
  for (int i = from; i < u->nfb; i++) {
    if (u->fb[i].kind == FB_FINALLY_END) {
      char msg[64];
      snprintf(msg, sizeof msg, "'%s' in a 'finally' block", what);
      syntax_warning(c, s->loc, msg);
      return;
    }
  }
}

static int compile_break_continue(compiler *c, const cm_stmt *s, bool is_break) {
  fblock *loop = NULL;
  TRY(unwind_to(c, false, &loop));
  if (!loop)
    return syntax_error(c, s->loc, is_break ? "'break' outside loop%s" : "'continue' not properly in loop%s", "");
  check_finally_exit(c, s, (int)(loop - c->u->fb) + 1, is_break ? "break" : "continue");
  if (is_break) {
    if (loop->kind == FB_FOR) TRY(emit(c, CM_I_POP_ITER, 0));
    return emit_jump(c, CM_I_JUMP, loop->exit);
  }
  return emit_jump(c, CM_I_JUMP, loop->start);
}

static int compile_return(compiler *c, const cm_stmt *s) {
  unit *u = c->u;
  if (u->is_module || u->is_class) return syntax_error(c, s->loc, "'return' outside function%s", "");
  check_finally_exit(c, s, 0, "return");
  if (s->v.ret.value) TRY(compile_expr(c, s->v.ret.value));
  else if (u->nfb) TRY(load_const(c, CM_NONE));
  if (u->nfb) {
    TRY(unwind_to(c, true, NULL));
    return emit(c, CM_I_RETURN_VALUE, 0);
  }
  if (!s->v.ret.value) return emit(c, CM_I_RETURN_CONST, (uint32_t)add_const(c, CM_NONE));
  return emit(c, CM_I_RETURN_VALUE, 0);
}

static int compile_if(compiler *c, const cm_stmt *s) {
  int orelse = new_label(c), end = new_label(c);
  TRY(orelse);
  TRY(end);
  TRY(compile_expr(c, s->v.if_.test));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, s->v.if_.orelse.count ? orelse : end));
  TRY(compile_stmts(c, s->v.if_.body));
  if (s->v.if_.orelse.count) {
    TRY(emit_jump(c, CM_I_JUMP, end));
    place(c, orelse);
    TRY(compile_stmts(c, s->v.if_.orelse));
  }
  place(c, end);
  return 0;
}

static bool is_true_constant(const cm_expr *e) {
  return e->kind == CM_E_CONSTANT && (e->v.constant.kind == CM_CONST_TRUE ||
                                      (e->v.constant.kind == CM_CONST_INT &&
                                       e->v.constant.i.fits_i64 && e->v.constant.i.i64 != 0));
}

static int compile_while(compiler *c, const cm_stmt *s) {
  int start = new_label(c), orelse = new_label(c), end = new_label(c);
  TRY(start);
  TRY(orelse);
  TRY(end);
  place(c, start);
  if (!is_true_constant(s->v.while_.test)) {
    TRY(compile_expr(c, s->v.while_.test));
    TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, orelse));
  }
  TRY(push_fblock(c, FB_WHILE, start, end, NULL, NULL));
  TRY(compile_stmts(c, s->v.while_.body));
  pop_fblock(c);
  TRY(emit_jump(c, CM_I_JUMP, start));
  place(c, orelse);
  TRY(compile_stmts(c, s->v.while_.orelse));
  place(c, end);
  return 0;
}

static int compile_for(compiler *c, const cm_stmt *s) {
  if (s->kind == CM_S_ASYNCFOR) return not_supported(c, "async for");
  int start = new_label(c), orelse = new_label(c), end = new_label(c);
  TRY(start);
  TRY(orelse);
  TRY(end);
  TRY(compile_expr(c, s->v.for_.iter));
  TRY(emit_at(c, s->v.for_.iter->loc, CM_I_GET_ITER,
              s->v.for_.iter->kind == CM_E_CALL));
  place(c, start);
  c->u->loc = s->v.for_.iter->loc;
  TRY(emit_jump(c, CM_I_FOR_ITER, orelse));
  TRY(compile_store(c, s->v.for_.target));
  TRY(push_fblock(c, FB_FOR, start, end, NULL, NULL));
  TRY(compile_stmts(c, s->v.for_.body));
  pop_fblock(c);
  TRY(emit_jump(c, CM_I_JUMP, start));
  place(c, orelse);
  TRY(compile_stmts(c, s->v.for_.orelse));
  place(c, end);
  return 0;
}

/* try/except[/else]: see the layout notes at the top of vm.c's handlers. */
static int compile_try_except(compiler *c, const cm_stmt *s) {
  unit *u = c->u;
  int handler = new_label(c), cleanup = new_label(c), orelse = new_label(c), end = new_label(c);
  TRY(handler);
  TRY(cleanup);
  TRY(orelse);
  TRY(end);
  int d = u->depth;
  TRY(push_handler(c, handler, d));
  TRY(push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL, NULL));
  TRY(compile_stmts(c, s->v.try_.body));
  pop_fblock(c);
  pop_handler(c);
  TRY(emit_jump(c, CM_I_JUMP, orelse));
  /* exception path: [exc] */
  place(c, handler);
  TRY(emit(c, CM_I_PUSH_EXC_INFO, 0));
  TRY(push_handler(c, cleanup, d + 1));
  TRY(push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL, NULL));
  cm_excepthandler_seq hs = s->v.try_.handlers;
  for (int i = 0; i < hs.count; i++) {
    cm_excepthandler *h = hs.items[i];
    u->loc = h->loc;
    int next = new_label(c);
    TRY(next);
    if (!h->type && i < hs.count - 1)
      return syntax_error(c, h->loc, "default 'except:' must be last%s", "");
    if (h->type) {
      TRY(compile_expr(c, h->type));
      TRY(emit(c, CM_I_CHECK_EXC_MATCH, 0));
    } else {
      TRY(emit(c, CM_I_CHECK_EXC_MATCH, 1));
    }
    TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, next));
    if (h->name.str) TRY(name_op(c, h->name.str, CTX_STORE));
    else TRY(emit(c, CM_I_POP_TOP, 0));
    int name_cleanup = -1;
    if (h->name.str) {
      name_cleanup = new_label(c);
      TRY(name_cleanup);
      TRY(push_handler(c, name_cleanup, d + 1));
    }
    TRY(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL, h->name.str));
    TRY(compile_stmts(c, h->body));
    pop_fblock(c);
    if (h->name.str) pop_handler(c);
    TRY(emit(c, CM_I_POP_EXCEPT, 0));
    TRY(clear_handler_name(c, h->name.str));
    TRY(emit_jump(c, CM_I_JUMP, end));
    if (h->name.str) {
      /* the handler body raised: unbind the name, then re-raise */
      place(c, name_cleanup);
      TRY(clear_handler_name(c, h->name.str));
      TRY(emit(c, CM_I_RERAISE, 0));
    }
    place(c, next);
  }
  pop_fblock(c);
  TRY(emit(c, CM_I_RERAISE, 0));
  pop_handler(c);
  /* cleanup: [prev, exc2] */
  place(c, cleanup);
  TRY(emit(c, CM_I_SWAP, 2));
  TRY(emit(c, CM_I_POP_EXCEPT, 0));
  TRY(emit(c, CM_I_RERAISE, 0));
  place(c, orelse);
  TRY(compile_stmts(c, s->v.try_.orelse));
  place(c, end);
  return 0;
}

static int compile_try_finally(compiler *c, const cm_stmt *s) {
  unit *u = c->u;
  int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
  TRY(handler);
  TRY(cleanup);
  TRY(end);
  int d = u->depth;
  TRY(push_handler(c, handler, d));
  TRY(push_fblock(c, FB_FINALLY_TRY, -1, -1, s, NULL));
  u->fb[u->nfb - 1].hstack = u->hn - 1;
  if (s->v.try_.handlers.count) TRY(compile_try_except(c, s));
  else TRY(compile_stmts(c, s->v.try_.body));
  pop_fblock(c);
  pop_handler(c);
  TRY(compile_stmts(c, s->v.try_.finalbody));
  TRY(emit_jump(c, CM_I_JUMP, end));
  /* exception path: [exc] -> [prev, exc] */
  place(c, handler);
  TRY(emit(c, CM_I_PUSH_EXC_INFO, 0));
  TRY(push_handler(c, cleanup, d + 1));
  TRY(push_fblock(c, FB_FINALLY_END, -1, -1, NULL, NULL));
  TRY(compile_stmts(c, s->v.try_.finalbody));
  pop_fblock(c);
  TRY(emit(c, CM_I_RERAISE, 0));
  pop_handler(c);
  place(c, cleanup);
  TRY(emit(c, CM_I_SWAP, 2));
  TRY(emit(c, CM_I_POP_EXCEPT, 0));
  TRY(emit(c, CM_I_RERAISE, 0));
  place(c, end);
  return 0;
}

static int compile_try(compiler *c, const cm_stmt *s) {
  if (s->kind == CM_S_TRYSTAR) return not_supported(c, "except*");
  if (s->v.try_.finalbody.count) return compile_try_finally(c, s);
  return compile_try_except(c, s);
}

static int compile_with_items(compiler *c, const cm_stmt *s, int item) {
  unit *u = c->u;
  cm_withitem *w = s->v.with.items.items[item];
  int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c), end = new_label(c);
  TRY(handler);
  TRY(cleanup);
  TRY(suppress);
  TRY(end);
  TRY(compile_expr(c, w->context_expr));
  u->loc = w->context_expr->loc;
  TRY(emit(c, CM_I_BEFORE_WITH, 0));
  TRY(emit(c, CM_I_CALL, 0));
  int d = u->depth - 1; /* stack height with [exit], below __enter__'s result */
  TRY(push_handler(c, handler, d));
  TRY(push_fblock(c, FB_WITH, -1, -1, NULL, NULL));
  u->fb[u->nfb - 1].hstack = u->hn - 1;
  if (w->optional_vars) TRY(compile_store(c, w->optional_vars));
  else TRY(emit(c, CM_I_POP_TOP, 0));
  if (item + 1 < s->v.with.items.count) TRY(compile_with_items(c, s, item + 1));
  else TRY(compile_stmts(c, s->v.with.body));
  pop_fblock(c);
  pop_handler(c);
  u->loc = w->context_expr->loc; /* CPython: __exit__ calls point at it */
  TRY(call_exit_with_nones(c));
  TRY(emit_jump(c, CM_I_JUMP, end));
  /* exception path: [exit, exc] -> [exit, prev, exc] */
  place(c, handler);
  TRY(emit(c, CM_I_PUSH_EXC_INFO, 0));
  TRY(push_handler(c, cleanup, d + 1));
  TRY(emit(c, CM_I_WITH_EXCEPT_START, 0));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_TRUE, suppress));
  TRY(emit(c, CM_I_RERAISE, 0));
  place(c, suppress);
  pop_handler(c);
  TRY(emit(c, CM_I_POP_TOP, 0));
  TRY(emit(c, CM_I_POP_EXCEPT, 0));
  TRY(emit(c, CM_I_POP_TOP, 0));
  TRY(emit_jump(c, CM_I_JUMP, end));
  /* cleanup: [exit, prev, exc2] */
  place(c, cleanup);
  TRY(emit(c, CM_I_SWAP, 2));
  TRY(emit(c, CM_I_POP_EXCEPT, 0));
  TRY(emit(c, CM_I_RERAISE, 0));
  place(c, end);
  return 0;
}

static int compile_import(compiler *c, const cm_stmt *s) {
  cm_alias_seq names = s->v.import.names;
  for (int i = 0; i < names.count; i++) {
    cm_alias *a = names.items[i]; /* errors point at the whole statement */
    int k = add_name(c, a->name.str);
    TRY(k);
    TRY(load_const(c, cm_mkint(0)));
    if (a->asname.str) {
      /* import a.b as c binds the submodule itself: fromlist () */
      cm_value fl = cm_tuple_new(c->vm, 0);
      if (cm_is_error(fl)) return oom(c);
      TRY(load_const(c, fl));
      TRY(emit(c, CM_I_IMPORT_NAME, (uint32_t)k));
      TRY(name_op(c, a->asname.str, CTX_STORE));
    } else {
      TRY(load_const(c, CM_NONE));
      TRY(emit(c, CM_I_IMPORT_NAME, (uint32_t)k));
      const char *dot = strchr(a->name.str, '.');
      char top[256];
      size_t n = dot ? (size_t)(dot - a->name.str) : strlen(a->name.str);
      if (n >= sizeof top) n = sizeof top - 1;
      memcpy(top, a->name.str, n);
      top[n] = 0;
      TRY(name_op(c, top, CTX_STORE));
    }
  }
  return 0;
}

static int compile_import_from(compiler *c, const cm_stmt *s) {
  cm_alias_seq names = s->v.importfrom.names;
  cm_value fl = cm_tuple_new(c->vm, (size_t)names.count);
  if (cm_is_error(fl)) return oom(c);
  for (int i = 0; i < names.count; i++) {
    cm_value n = cm_intern(c->vm, names.items[i]->name.str);
    if (cm_is_error(n)) return oom(c);
    CM_AS(cm_tuple, fl)->items[i] = n;
  }
  TRY(load_const(c, cm_mkint(s->v.importfrom.level)));
  TRY(load_const(c, fl));
  int k = add_name(c, s->v.importfrom.module.str ? s->v.importfrom.module.str : "");
  TRY(k);
  TRY(emit(c, CM_I_IMPORT_NAME, (uint32_t)k));
  for (int i = 0; i < names.count; i++) {
    cm_alias *a = names.items[i];
    if (!strcmp(a->name.str, "*")) return emit(c, CM_I_IMPORT_STAR, 0);
    int j = add_name(c, a->name.str);
    TRY(j);
    TRY(emit(c, CM_I_IMPORT_FROM, (uint32_t)j));
    TRY(name_op(c, a->asname.str ? a->asname.str : a->name.str, CTX_STORE));
  }
  return emit(c, CM_I_POP_TOP, 0);
}

static int compile_augassign(compiler *c, const cm_stmt *s) {
  const cm_expr *t = s->v.augassign.target;
  uint32_t op = (uint32_t)binop_arg(s->v.augassign.op) + CM_OP_INPLACE;
  switch (t->kind) {
  case CM_E_NAME:
    TRY(compile_expr(c, t));
    TRY(compile_expr(c, s->v.augassign.value));
    c->u->loc = s->loc;
    TRY(emit(c, CM_I_BINARY_OP, op));
    return name_op(c, t->v.name.id.str, CTX_STORE);
  case CM_E_ATTRIBUTE: {
    int i = add_name(c, mangle(c, t->v.attribute.attr.str));
    TRY(i);
    TRY(compile_expr(c, t->v.attribute.value));
    TRY(emit(c, CM_I_COPY, 1));
    c->u->loc = t->loc;
    TRY(emit(c, CM_I_LOAD_ATTR, (uint32_t)i));
    TRY(compile_expr(c, s->v.augassign.value));
    c->u->loc = s->loc;
    TRY(emit(c, CM_I_BINARY_OP, op));
    TRY(emit(c, CM_I_SWAP, 2));
    return emit(c, CM_I_STORE_ATTR, (uint32_t)i);
  }
  case CM_E_SUBSCRIPT: {
    TRY(compile_expr(c, t->v.subscript.value));
    const cm_expr *sl = t->v.subscript.slice;
    TRY(sl->kind == CM_E_SLICE ? compile_slice_parts(c, sl) : compile_expr(c, sl));
    TRY(emit(c, CM_I_COPY, 2));
    TRY(emit(c, CM_I_COPY, 2));
    c->u->loc = t->loc;
    TRY(emit(c, CM_I_BINARY_SUBSCR, 0));
    TRY(compile_expr(c, s->v.augassign.value));
    c->u->loc = s->loc;
    TRY(emit(c, CM_I_BINARY_OP, op));
    TRY(emit(c, CM_I_SWAP, 3));
    TRY(emit(c, CM_I_SWAP, 2));
    return emit(c, CM_I_STORE_SUBSCR, 0);
  }
  default: return syntax_error(c, t->loc, "illegal expression for augmented assignment%s", "");
  }
}

/* ---- match statements ---------------------------------------------------- */
/* compile_pattern: the subject is on top of the stack; the pattern consumes
   it on success, and on failure jumps to `fail` with it consumed too.
   Cleanup chains pop the values a nested pattern leaves behind. */

static int compile_pattern(compiler *c, const cm_pattern *p, int fail);

/* Labels f[k] (k = 1..n): pop k values, then jump to fail; f[0] = fail. */
static int cleanup_labels(compiler *c, int n, int fail, int *f) {
  f[0] = fail;
  for (int k = 1; k <= n; k++) {
    f[k] = new_label(c);
    TRY(f[k]);
  }
  return 0;
}

static int emit_cleanups(compiler *c, int n, const int *f) {
  if (n == 0) return 0;
  int ok = new_label(c);
  TRY(ok);
  TRY(emit_jump(c, CM_I_JUMP, ok));
  for (int k = n; k >= 1; k--) {
    place(c, f[k]);
    TRY(emit(c, CM_I_POP_TOP, 0));
  }
  TRY(emit_jump(c, CM_I_JUMP, f[0]));
  place(c, ok);
  return 0;
}

#define MAX_SUBPATTERNS 64

static int pattern_store(compiler *c, const cm_ident *name) {
  if (!name->str) return emit(c, CM_I_POP_TOP, 0);
  return name_op(c, name->str, CTX_STORE);
}

/* Sub-patterns applied to n values already on the stack (first on top). */
static int compile_subpatterns(compiler *c, const cm_pattern *const *ps, int n, int *f,
                               int below) {
  for (int i = 0; i < n; i++) TRY(compile_pattern(c, ps[i], f[n - 1 - i + below]));
  return 0;
}

static int compile_pattern_sequence(compiler *c, const cm_pattern *p, int fail) {
  cm_pattern_seq ps = p->v.sequence.patterns;
  int n = ps.count, star = -1;
  if (n > MAX_SUBPATTERNS) return syntax_error(c, p->loc, "too many sub-patterns%s", "");
  for (int i = 0; i < n; i++)
    if (ps.items[i]->kind == CM_P_MATCHSTAR) star = i;
  int f[MAX_SUBPATTERNS + 2];
  TRY(cleanup_labels(c, n > 1 ? n : 1, fail, f));
  TRY(emit(c, CM_I_MATCH_SEQUENCE, 0));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, f[1]));
  TRY(emit(c, CM_I_GET_LEN, 0));
  TRY(load_const(c, cm_mkint(star < 0 ? n : n - 1)));
  TRY(emit(c, CM_I_COMPARE_OP, star < 0 ? CM_CMP_EQ : CM_CMP_GE));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, f[1]));
  if (star < 0) TRY(emit(c, CM_I_UNPACK_SEQUENCE, (uint32_t)n));
  else TRY(emit(c, CM_I_UNPACK_EX, (uint32_t)(star | (n - star - 1) << 8)));
  for (int i = 0; i < n; i++) {
    const cm_pattern *sp = ps.items[i];
    if (sp->kind == CM_P_MATCHSTAR) TRY(pattern_store(c, &sp->v.star.name));
    else TRY(compile_pattern(c, sp, f[n - 1 - i]));
  }
  return emit_cleanups(c, n > 1 ? n : 1, f);
}

static int compile_pattern_mapping(compiler *c, const cm_pattern *p, int fail) {
  int n = p->v.mapping.keys.count;
  if (n > MAX_SUBPATTERNS) return syntax_error(c, p->loc, "too many sub-patterns%s", "");
  int f[MAX_SUBPATTERNS + 4];
  TRY(cleanup_labels(c, n + 3, fail, f));
  TRY(emit(c, CM_I_MATCH_MAPPING, 0));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, f[1]));
  if (n) {
    TRY(emit(c, CM_I_GET_LEN, 0));
    TRY(load_const(c, cm_mkint(n)));
    TRY(emit(c, CM_I_COMPARE_OP, CM_CMP_GE));
    TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, f[1]));
  }
  for (int i = 0; i < n; i++) TRY(compile_expr(c, p->v.mapping.keys.items[i]));
  TRY(emit(c, CM_I_BUILD_TUPLE, (uint32_t)n));
  TRY(emit(c, CM_I_MATCH_KEYS, 0));
  TRY(emit(c, CM_I_COPY, 1));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_NONE, f[3]));
  TRY(emit(c, CM_I_UNPACK_SEQUENCE, (uint32_t)n));
  TRY(compile_subpatterns(c, (const cm_pattern *const *)p->v.mapping.patterns.items, n, f, 2));
  if (p->v.mapping.rest.str) {
    TRY(emit(c, CM_I_DICT_WITHOUT_KEYS, 0));
    TRY(name_op(c, p->v.mapping.rest.str, CTX_STORE));
  } else {
    TRY(emit(c, CM_I_POP_TOP, 0));
    TRY(emit(c, CM_I_POP_TOP, 0));
  }
  return emit_cleanups(c, n + 3, f);
}

static int compile_pattern_class(compiler *c, const cm_pattern *p, int fail) {
  int npos = p->v.cls.patterns.count, nkw = p->v.cls.kwd_attrs.count, n = npos + nkw;
  if (n > MAX_SUBPATTERNS) return syntax_error(c, p->loc, "too many sub-patterns%s", "");
  int f[MAX_SUBPATTERNS + 2];
  TRY(cleanup_labels(c, n > 1 ? n : 1, fail, f));
  TRY(compile_expr(c, p->v.cls.cls));
  cm_value names = cm_tuple_new(c->vm, (size_t)nkw);
  if (cm_is_error(names)) return oom(c);
  for (int i = 0; i < nkw; i++) {
    cm_value s = cm_intern(c->vm, p->v.cls.kwd_attrs.items[i].str);
    if (cm_is_error(s)) return oom(c);
    CM_AS(cm_tuple, names)->items[i] = s;
  }
  TRY(load_const(c, names));
  c->u->loc = p->loc;
  TRY(emit(c, CM_I_MATCH_CLASS, (uint32_t)npos));
  TRY(emit(c, CM_I_COPY, 1));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_NONE, f[1]));
  TRY(emit(c, CM_I_UNPACK_SEQUENCE, (uint32_t)n));
  for (int i = 0; i < n; i++) {
    const cm_pattern *sp = i < npos ? p->v.cls.patterns.items[i] : p->v.cls.kwd_patterns.items[i - npos];
    TRY(compile_pattern(c, sp, f[n - 1 - i]));
  }
  return emit_cleanups(c, n > 1 ? n : 1, f);
}

static int compile_pattern_or(compiler *c, const cm_pattern *p, int fail) {
  cm_pattern_seq alts = p->v.sequence.patterns;
  int ok = new_label(c);
  TRY(ok);
  for (int i = 0; i < alts.count; i++) {
    int next = new_label(c);
    TRY(next);
    TRY(emit(c, CM_I_COPY, 1));
    TRY(compile_pattern(c, alts.items[i], next));
    TRY(emit(c, CM_I_POP_TOP, 0));
    TRY(emit_jump(c, CM_I_JUMP, ok));
    place(c, next);
  }
  TRY(emit(c, CM_I_POP_TOP, 0));
  TRY(emit_jump(c, CM_I_JUMP, fail));
  place(c, ok);
  return 0;
}

static int compile_pattern(compiler *c, const cm_pattern *p, int fail) {
  c->u->loc = p->loc;
  switch (p->kind) {
  case CM_P_MATCHVALUE:
    TRY(compile_expr(c, p->v.value.value));
    TRY(emit(c, CM_I_COMPARE_OP, CM_CMP_EQ));
    return emit_jump(c, CM_I_POP_JUMP_IF_FALSE, fail);
  case CM_P_MATCHSINGLETON: {
    cm_value v = p->v.singleton.value == CM_CONST_NONE ? CM_NONE
                 : p->v.singleton.value == CM_CONST_TRUE ? CM_TRUE : CM_FALSE;
    TRY(load_const(c, v));
    TRY(emit(c, CM_I_IS_OP, 0));
    return emit_jump(c, CM_I_POP_JUMP_IF_FALSE, fail);
  }
  case CM_P_MATCHSEQUENCE: return compile_pattern_sequence(c, p, fail);
  case CM_P_MATCHMAPPING: return compile_pattern_mapping(c, p, fail);
  case CM_P_MATCHCLASS: return compile_pattern_class(c, p, fail);
  case CM_P_MATCHOR: return compile_pattern_or(c, p, fail);
  case CM_P_MATCHSTAR: return pattern_store(c, &p->v.star.name);
  case CM_P_MATCHAS: {
    if (!p->v.as.pattern) return pattern_store(c, &p->v.as.name);
    int f[2];
    TRY(cleanup_labels(c, 1, fail, f));
    TRY(emit(c, CM_I_COPY, 1));
    TRY(compile_pattern(c, p->v.as.pattern, f[1]));
    TRY(pattern_store(c, &p->v.as.name));
    return emit_cleanups(c, 1, f);
  }
  }
  return 0;
}

static bool irrefutable(const cm_pattern *p) {
  if (p->kind == CM_P_MATCHAS) return !p->v.as.pattern || irrefutable(p->v.as.pattern);
  if (p->kind == CM_P_MATCHOR) {
    for (int i = 0; i < p->v.sequence.patterns.count; i++)
      if (irrefutable(p->v.sequence.patterns.items[i])) return true;
  }
  return false;
}

static int compile_match(compiler *c, const cm_stmt *s) {
  cm_match_case_seq cases = s->v.match.cases;
  int end = new_label(c);
  TRY(end);
  TRY(compile_expr(c, s->v.match.subject));
  for (int i = 0; i < cases.count; i++) {
    cm_match_case *mc = cases.items[i];
    const cm_pattern *p = mc->pattern;
    if (i < cases.count - 1 && !mc->guard && irrefutable(p)) {
      while (p->kind == CM_P_MATCHAS && p->v.as.pattern) p = p->v.as.pattern;
      if (p->kind == CM_P_MATCHAS && p->v.as.name.str)
        return syntax_error(c, p->loc, "name capture '%s' makes remaining patterns unreachable",
                            p->v.as.name.str);
      return syntax_error(c, p->loc, "wildcard makes remaining patterns unreachable%s", "");
    }
    int next = new_label(c);
    TRY(next);
    TRY(emit(c, CM_I_COPY, 1));
    TRY(compile_pattern(c, mc->pattern, next));
    if (mc->guard) {
      TRY(compile_expr(c, mc->guard));
      TRY(emit_jump(c, CM_I_POP_JUMP_IF_FALSE, next));
    }
    TRY(emit(c, CM_I_POP_TOP, 0));
    TRY(compile_stmts(c, mc->body));
    TRY(emit_jump(c, CM_I_JUMP, end));
    place(c, next);
  }
  TRY(emit(c, CM_I_POP_TOP, 0));
  place(c, end);
  return 0;
}

static int compile_assert(compiler *c, const cm_stmt *s) {
  int end = new_label(c);
  TRY(end);
  TRY(compile_expr(c, s->v.assert_.test));
  TRY(emit_jump(c, CM_I_POP_JUMP_IF_TRUE, end));
  TRY(emit(c, CM_I_LOAD_ASSERTION_ERROR, 0));
  if (s->v.assert_.msg) {
    TRY(emit(c, CM_I_PUSH_NULL, 0));
    TRY(compile_expr(c, s->v.assert_.msg));
    TRY(emit(c, CM_I_CALL, 1));
  }
  /* CPython reports a failed assert at its test */
  TRY(emit_at(c, s->v.assert_.test->loc, CM_I_RAISE_VARARGS, 1));
  place(c, end);
  return 0;
}

static int compile_stmt_inner(compiler *c, const cm_stmt *s) {
  switch (s->kind) {
  case CM_S_EXPR: {
    const cm_expr *e = s->v.expr.value;
    if (c->interactive && c->u->is_module) {
      TRY(compile_expr(c, e));
      return emit(c, CM_I_PRINT_EXPR, 0);
    }
    if (e->kind == CM_E_CONSTANT) return 0;
    TRY(compile_expr(c, e));
    return emit(c, CM_I_POP_TOP, 0);
  }
  case CM_S_ASSIGN: {
    cm_expr_seq ts = s->v.assign.targets;
    const cm_expr *v = s->v.assign.value, *t0 = ts.items[0];
    /* a, b = x, y: no tuple is built (values are swapped into order) */
    if (ts.count == 1 && (t0->kind == CM_E_TUPLE || t0->kind == CM_E_LIST) &&
        v->kind == CM_E_TUPLE && t0->v.seq.elts.count == v->v.seq.elts.count &&
        (v->v.seq.elts.count == 2 || v->v.seq.elts.count == 3) &&
        !has_starred(t0->v.seq.elts) && !has_starred(v->v.seq.elts)) {
      int n = v->v.seq.elts.count;
      for (int i = 0; i < n; i++) TRY(compile_expr(c, v->v.seq.elts.items[i]));
      TRY(emit(c, CM_I_SWAP, (uint32_t)n));
      for (int i = 0; i < n; i++) TRY(compile_store(c, t0->v.seq.elts.items[i]));
      return 0;
    }
    TRY(compile_expr(c, s->v.assign.value));
    for (int i = 0; i < ts.count; i++) {
      if (i < ts.count - 1) TRY(emit(c, CM_I_COPY, 1));
      TRY(compile_store(c, ts.items[i]));
    }
    return 0;
  }
  case CM_S_AUGASSIGN: return compile_augassign(c, s);
  case CM_S_ANNASSIGN:
    if (!s->v.annassign.value) return 0;
    TRY(compile_expr(c, s->v.annassign.value));
    return compile_store(c, s->v.annassign.target);
  case CM_S_DELETE:
    for (int i = 0; i < s->v.del.targets.count; i++) TRY(compile_delete(c, s->v.del.targets.items[i]));
    return 0;
  case CM_S_IF: return compile_if(c, s);
  case CM_S_WHILE: return compile_while(c, s);
  case CM_S_FOR:
  case CM_S_ASYNCFOR: return compile_for(c, s);
  case CM_S_BREAK: return compile_break_continue(c, s, true);
  case CM_S_CONTINUE: return compile_break_continue(c, s, false);
  case CM_S_RETURN: return compile_return(c, s);
  case CM_S_PASS: return 0;
  case CM_S_GLOBAL:
  case CM_S_NONLOCAL: return 0;
  case CM_S_RAISE: {
    uint32_t n = 0;
    if (s->v.raise.exc) {
      TRY(compile_expr(c, s->v.raise.exc));
      n++;
      if (s->v.raise.cause) {
        TRY(compile_expr(c, s->v.raise.cause));
        n++;
      }
    }
    c->u->loc = s->loc;
    return emit(c, CM_I_RAISE_VARARGS, n);
  }
  case CM_S_ASSERT: return compile_assert(c, s);
  case CM_S_FUNCTIONDEF:
  case CM_S_ASYNCFUNCTIONDEF: return compile_funcdef(c, s);
  case CM_S_CLASSDEF: return compile_class(c, s);
  case CM_S_TRY:
  case CM_S_TRYSTAR: return compile_try(c, s);
  case CM_S_WITH: {
    if (!s->v.with.items.count) return compile_stmts(c, s->v.with.body);
    return compile_with_items(c, s, 0);
  }
  case CM_S_ASYNCWITH: return not_supported(c, "async with");
  case CM_S_IMPORT: return compile_import(c, s);
  case CM_S_IMPORTFROM: return compile_import_from(c, s);
  case CM_S_MATCH: return compile_match(c, s);
  case CM_S_TYPEALIAS: return not_supported(c, "the type statement");
  }
  return 0;
}

static int compile_stmt(compiler *c, const cm_stmt *s) {
  if (++c->depth > CM_COMPILE_MAX_DEPTH) return too_deep(c);
  c->u->loc = s->loc;
  int r = compile_stmt_inner(c, s);
  c->depth--;
  return r;
}

static int compile_stmts(compiler *c, cm_stmt_seq body) {
  for (int i = 0; i < body.count; i++) TRY(compile_stmt(c, body.items[i]));
  return 0;
}

/* ---- entry point ------------------------------------------------------------------ */

static void *arena_alloc(void *ud, void *ptr, size_t old, size_t n) {
  cm_vm *vm = ud;
  if (n == 0) {
    cm_free(vm, ptr, old);
    return NULL;
  }
  void *p = cm_realloc(vm, ptr, old, n);
  if (!p) cm_exc_clear(vm); /* reported as the compiler's MemoryError */
  return p;
}

static int compile_module(compiler *c, const cm_ast_mod *mod, int mode) {
  TRY(enter_unit(c, c->st.top, 1));
  if (mode == CM_PARSE_EVAL) {
    TRY(compile_expr(c, mod->expr));
    return emit(c, CM_I_RETURN_VALUE, 0);
  }
  cm_stmt_seq body = mod->body;
  if (c->last_value && body.count && body.items[body.count - 1]->kind == CM_S_EXPR) {
    /* Host runs: the program's result is its final expression's value. */
    body.count--;
    TRY(compile_stmts(c, body));
    const cm_stmt *last = mod->body.items[body.count];
    c->u->loc = last->loc;
    TRY(compile_expr(c, last->v.expr.value));
    return emit(c, CM_I_RETURN_VALUE, 0);
  }
  const cm_expr *doc = mode == CM_PARSE_FILE && !c->last_value ? docstring_of(body) : NULL;
  if (doc) {
    c->u->loc = doc->loc;
    TRY(load_const(c, constant_value(c, &doc->v.constant)));
    TRY(name_op(c, "__doc__", CTX_STORE));
    body.items++;
    body.count--;
  }
  TRY(compile_stmts(c, body));
  return emit(c, CM_I_RETURN_CONST, (uint32_t)add_const(c, CM_NONE));
}

/* Source line `lineno` (1-based) with its newline, as SyntaxError.text. */
static cm_value source_line(compiler *c, int lineno) {
  const char *p = c->src, *end = c->src + c->len;
  for (int l = 1; l < lineno && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return CM_NONE;
    p = nl + 1;
  }
  if (p >= end && lineno > 1) return CM_NONE;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
  return cm_str_new(c->vm, p, n);
}

/* Column (0-based bytes) -> 1-based character offset in the line. */
static int char_offset(compiler *c, int lineno, int col) {
  cm_value line = source_line(c, lineno);
  if (!cm_is_obj(line)) return col + 1;
  size_t size = CM_AS(cm_str, line)->size;
  if ((size_t)col > size) col = (int)size;
  return (int)cm_utf8_count(cm_str_cstr(line), (size_t)col) + 1;
}

static cm_value raise_syntax(compiler *c, const cm_type *t, const char *msg, int lineno,
                             int offset, int end_lineno, int end_offset) {
  cm_vm *vm = c->vm;
  cm_value text = lineno > 0 ? source_line(c, lineno) : CM_NONE;
  if (cm_is_error(text)) {
    cm_exc_clear(vm);
    text = CM_NONE;
  }
  cm_value m = cm_str_from_cstr(vm, msg);
  if (cm_is_error(m)) return m;
  cm_value vals[6] = {c->filename, cm_mkint(lineno), cm_mkint(offset), text,
                      cm_mkint(end_lineno), cm_mkint(end_offset)};
  cm_value info = cm_tuple_from(vm, vals, 6);
  if (cm_is_error(info)) return info;
  cm_value av[2] = {m, info};
  cm_value args = cm_tuple_from(vm, av, 2);
  if (cm_is_error(args)) return args;
  cm_value exc = cm_exc_new(vm, t, args);
  if (cm_is_error(exc)) return exc;
  cm_value d = cm_dict_new(vm);
  if (cm_is_error(d)) return d;
  static const char *const keys[] = {"msg", "filename", "lineno", "offset", "text",
                                     "end_lineno", "end_offset"};
  cm_value dv[7] = {m, c->filename, vals[1], vals[2], text, vals[4], vals[5]};
  for (int i = 0; i < 7; i++)
    if (cm_dict_set_cstr(vm, d, keys[i], dv[i]) < 0) return CM_ERROR;
  CM_AS(cm_exc, exc)->dict = d;
  return cm_raise_value(vm, exc);
}

static cm_value compile_error(compiler *c) {
  if (c->memory_error || c->st.memory_error) return cm_raise_memory(c->vm);
  if (c->too_deep || c->st.too_deep)
    return cm_raise(c->vm, &cm_exc_RecursionError,
                    "maximum recursion depth exceeded during compilation");
  const char *msg = c->failed ? c->msg : c->st.msg;
  cm_loc l = c->failed ? c->errloc : c->st.loc;
  int off = char_offset(c, l.lineno, l.col_offset);
  int end_off = l.end_lineno > 0 ? char_offset(c, l.end_lineno, l.end_col_offset) : 0;
  return raise_syntax(c, &cm_exc_SyntaxError, msg, l.lineno, off, l.end_lineno, end_off);
}

static cm_value parse_error(compiler *c, const cm_syntax_error *err) {
  if (err->is_memory_error) {
    if (err->msg[0]) return cm_raise(c->vm, &cm_exc_MemoryError, "%s", err->msg);
    return cm_raise_memory(c->vm);
  }
  const cm_type *t = err->is_tab_error ? &cm_exc_TabError
                     : err->is_indentation_error ? &cm_exc_IndentationError
                                                 : &cm_exc_SyntaxError;
  return raise_syntax(c, t, err->msg, err->lineno, err->col_offset, err->end_lineno,
                      err->end_col_offset);
}

static void free_units(compiler *c) {
  while (c->u) leave_unit(c);
}

cm_value cm_compile(cm_vm *vm, const char *src, size_t len, const char *filename, int mode) {
  compiler c;
  memset(&c, 0, sizeof c);
  c.vm = vm;
  c.src = src;
  c.len = len;
  c.names_mode = (mode & CM_COMPILE_NAMES) != 0;
  c.last_value = (mode & CM_COMPILE_LAST_VALUE) != 0;
  mode &= ~(CM_COMPILE_NAMES | CM_COMPILE_LAST_VALUE);
  c.interactive = mode == CM_COMPILE_SINGLE;
  c.filename = cm_str_from_cstr(vm, filename ? filename : "<string>");
  if (cm_is_error(c.filename)) return CM_ERROR;
  c.source = cm_str_new(vm, src, len);
  if (cm_is_error(c.source)) {
    cm_exc_clear(vm);
    c.source = CM_NONE;
  }
  cm_arena_init(&c.arena, arena_alloc, vm);
  cm_syntax_error err;
  memset(&err, 0, sizeof err);
  int pmode = mode == CM_COMPILE_EVAL ? CM_PARSE_EVAL
              : mode == CM_COMPILE_SINGLE ? CM_PARSE_SINGLE : CM_PARSE_FILE;
  cm_ast_mod *mod = cm_parse(&c.arena, src, len, filename, pmode, &err);
  cm_value result;
  if (!mod) {
    result = parse_error(&c, &err);
  } else if (cm_sym_build(&c.st, &c.arena, mod) < 0) {
    result = compile_error(&c);
  } else if (compile_module(&c, mod, pmode) < 0) {
    result = compile_error(&c);
  } else {
    cm_code *code = assemble(&c);
    result = code ? CM_VAL(code) : compile_error(&c);
  }
  free_units(&c);
  cm_arena_free(&c.arena);
  return result;
}
