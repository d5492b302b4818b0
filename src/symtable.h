/*
** symtable.h — scopes and name resolution (symtable.c), used by compile.c.
**
** One cm_symscope per module, function, lambda, class body, comprehension
** and generator expression, found again by the compiler from its AST node.
** Every name used in a scope gets a symbol whose `scope` says where it
** lives (CPython's rules: LEGB, global/nonlocal declarations, class bodies
** invisible to nested scopes, the implicit __class__ cell for super()).
** All memory is in the compiler's arena.
*/
#ifndef CM_SYMTABLE_H
#define CM_SYMTABLE_H

#include "ast.h"

typedef enum cm_scope_kind {
  CM_SCOPE_MODULE, CM_SCOPE_FUNCTION, CM_SCOPE_LAMBDA, CM_SCOPE_CLASS,
  CM_SCOPE_COMP, /* list/set/dict comprehension */
  CM_SCOPE_GENEXPR
} cm_scope_kind;

/* Raw binding flags collected from the tree. */
#define CM_DEF_LOCAL 1     /* assigned, deleted, bound by def/class/for... */
#define CM_DEF_PARAM 2
#define CM_DEF_GLOBAL 4    /* `global` declaration */
#define CM_DEF_NONLOCAL 8  /* `nonlocal` declaration (or walrus in a comp) */
#define CM_DEF_USE 16      /* read */
#define CM_DEF_COMP_ITER 32 /* comprehension iteration variable */
#define CM_DEF_ANNOT 64    /* annotated at this scope */

/* Resolved scopes. */
enum {
  CM_SYM_UNRESOLVED, CM_SYM_LOCAL, CM_SYM_GLOBAL_EXPLICIT,
  CM_SYM_GLOBAL_IMPLICIT, CM_SYM_FREE, CM_SYM_CELL
};

typedef struct cm_symbol {
  const char *name;
  uint32_t flags;
  uint8_t scope;
  uint8_t pass_free; /* class body: also passes a free variable down */
  int slot;          /* compile.c: local slot, -1 if none */
  cm_loc loc;        /* first binding/use, for error messages */
} cm_symbol;

typedef struct cm_symscope cm_symscope;
struct cm_symscope {
  cm_scope_kind kind;
  const void *node;       /* the AST node (stmt or expr) */
  const char *name;       /* function/class name, "<lambda>", ... */
  const char *private_name; /* enclosing class name for __private mangling */
  cm_symscope *parent;
  cm_symscope **children;
  int nchildren, childcap, next_child; /* next_child: compiler's cursor */
  cm_symbol **syms;       /* in order of first appearance */
  int nsyms, symcap;
  cm_symbol **index;      /* open addressing by name */
  int indexcap;
  const char **params;    /* parameter names in slot order */
  int nparams;
  uint8_t is_generator, is_async, needs_classcell, has_super;
  uint8_t comp_inlined;   /* list/set/dict comprehension (CM_CO_HIDDEN) */
  int comp_iter_depth;    /* >0 while visiting a comprehension's iterables */
};

typedef struct cm_symtable {
  cm_arena *arena;
  cm_symscope *top;
  cm_symscope *cur;
  int failed;             /* an error was recorded */
  int memory_error;
  int too_deep;           /* nesting beyond CM_SYM_MAX_DEPTH */
  int depth;
  char msg[256];
  cm_loc loc;
} cm_symtable;

#define CM_SYM_MAX_DEPTH 1000

/* Builds and resolves the scopes of `mod`. 0 ok; -1 with st->msg/loc set
   (a SyntaxError) or st->memory_error. */
int cm_sym_build(cm_symtable *st, cm_arena *arena, const cm_ast_mod *mod);
/* Next child scope of s (the compiler visits in the same order), checked
   against `node`. */
cm_symscope *cm_sym_next_child(cm_symscope *s, const void *node);
cm_symbol *cm_sym_lookup(const cm_symscope *s, const char *name);
/* CPython's private name mangling: "__x" in class C -> "_C__x" (arena
   copy; `name` itself when not mangled; NULL if out of memory). */
const char *cm_sym_mangle(cm_arena *a, const char *private_name, const char *name);

#endif
