/*
** symtable.c — builds the scope tree of a module and resolves every name
** (CPython's symtable rules), reporting CPython's SyntaxErrors for
** misplaced global/nonlocal/yield/await and duplicate parameters.
**
** Pass 1 walks the AST and records raw flags per scope; pass 2 resolves
** scopes top-down, so when a scope is resolved all its ancestors are.
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "symtable.h"

/* ---- small arena containers ------------------------------------------- */

static void *grow(cm_symtable *st, void *old, int n, int *cap, size_t elem) {
  if (n < *cap) return old;
  int ncap = *cap ? *cap * 2 : 8;
  void *p = cm_arena_alloc(st->arena, (size_t)ncap * elem);
  if (!p) {
    st->failed = st->memory_error = 1;
    return NULL;
  }
  if (old) memcpy(p, old, (size_t)n * elem);
  *cap = ncap;
  return p;
}

static uint32_t hash_name(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

cm_symbol *cm_sym_lookup(const cm_symscope *s, const char *name) {
  if (!s->indexcap) return NULL;
  uint32_t m = (uint32_t)s->indexcap - 1;
  for (uint32_t i = hash_name(name) & m;; i = (i + 1) & m) {
    cm_symbol *y = s->index[i];
    if (!y) return NULL;
    if (!strcmp(y->name, name)) return y;
  }
}

static int reindex(cm_symtable *st, cm_symscope *s) {
  int cap = s->indexcap ? s->indexcap * 2 : 16;
  cm_symbol **ix = cm_arena_alloc(st->arena, (size_t)cap * sizeof *ix);
  if (!ix) {
    st->failed = st->memory_error = 1;
    return -1;
  }
  for (int k = 0; k < s->nsyms; k++) {
    uint32_t m = (uint32_t)cap - 1, i = hash_name(s->syms[k]->name) & m;
    while (ix[i]) i = (i + 1) & m;
    ix[i] = s->syms[k];
  }
  s->index = ix;
  s->indexcap = cap;
  return 0;
}

static cm_symbol *add_sym(cm_symtable *st, cm_symscope *s, const char *name, cm_loc loc) {
  cm_symbol *y = cm_sym_lookup(s, name);
  if (y) return y;
  y = cm_arena_alloc(st->arena, sizeof *y);
  cm_symbol **syms = grow(st, s->syms, s->nsyms, &s->symcap, sizeof *syms);
  if (!y || !syms) {
    st->failed = st->memory_error = 1;
    return NULL;
  }
  s->syms = syms;
  y->name = name;
  y->slot = -1;
  y->loc = loc;
  s->syms[s->nsyms++] = y;
  if (s->nsyms * 2 > s->indexcap) {
    if (reindex(st, s) < 0) return NULL;
  } else {
    uint32_t m = (uint32_t)s->indexcap - 1, i = hash_name(name) & m;
    while (s->index[i]) i = (i + 1) & m;
    s->index[i] = y;
  }
  return y;
}

static void error(cm_symtable *st, cm_loc loc, const char *fmt, const char *name) {
  if (st->failed) return;
  st->failed = 1;
  snprintf(st->msg, sizeof st->msg, fmt, name);
  st->loc = loc;
}

const char *cm_sym_mangle(cm_arena *a, const char *private_name, const char *name) {
  if (!private_name || name[0] != '_' || name[1] != '_' || strchr(name, '.')) return name;
  size_t n = strlen(name);
  if (n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') return name;
  while (*private_name == '_') private_name++;
  if (!*private_name) return name;
  size_t pn = strlen(private_name);
  char *m = cm_arena_alloc(a, 1 + pn + n + 1);
  if (!m) return NULL;
  m[0] = '_';
  memcpy(m + 1, private_name, pn);
  memcpy(m + 1 + pn, name, n + 1);
  return m;
}

static const char *mangle(cm_symtable *st, const char *name) {
  const char *m = cm_sym_mangle(st->arena, st->cur->private_name, name);
  if (!m) {
    st->failed = st->memory_error = 1;
    return name;
  }
  return m;
}

static cm_symbol *def(cm_symtable *st, const char *name, uint32_t flag, cm_loc loc) {
  name = mangle(st, name);
  cm_symbol *y = add_sym(st, st->cur, name, loc);
  if (!y) return NULL;
  if (flag == CM_DEF_PARAM && (y->flags & CM_DEF_PARAM)) {
    error(st, loc, "duplicate argument '%s' in function definition", name);
    return NULL;
  }
  y->flags |= flag;
  return y;
}

static cm_symscope *new_scope(cm_symtable *st, cm_scope_kind kind, const void *node,
                              const char *name) {
  cm_symscope *s = cm_arena_alloc(st->arena, sizeof *s);
  if (!s) {
    st->failed = st->memory_error = 1;
    return NULL;
  }
  s->kind = kind;
  s->node = node;
  s->name = name;
  s->parent = st->cur;
  s->private_name = kind == CM_SCOPE_CLASS ? name : st->cur ? st->cur->private_name : NULL;
  if (st->cur) {
    cm_symscope *p = st->cur;
    cm_symscope **c = grow(st, p->children, p->nchildren, &p->childcap, sizeof *c);
    if (!c) return NULL;
    p->children = c;
    p->children[p->nchildren++] = s;
  }
  return s;
}

cm_symscope *cm_sym_next_child(cm_symscope *s, const void *node) {
  for (int i = 0; i < s->nchildren; i++)
    if (s->children[i]->node == node) return s->children[i];
  return NULL;
}

/* ---- pass 1: collect ------------------------------------------------------ */

static void visit_expr(cm_symtable *st, const cm_expr *e);
static void visit_stmts(cm_symtable *st, cm_stmt_seq body);
static void mark_comp_iter(cm_symtable *st, const cm_expr *t);

static void visit_exprs(cm_symtable *st, cm_expr_seq seq) {
  for (int i = 0; i < seq.count && !st->failed; i++)
    if (seq.items[i]) visit_expr(st, seq.items[i]);
}

/* Parameters in slot order: posonly, args, kwonly, *args, **kwargs. */
static void visit_params(cm_symtable *st, const cm_arguments *a) {
  cm_symscope *s = st->cur;
  int n = a->posonlyargs.count + a->args.count + a->kwonlyargs.count + (a->vararg != NULL) +
          (a->kwarg != NULL);
  s->params = cm_arena_alloc(st->arena, (size_t)(n ? n : 1) * sizeof(char *));
  if (!s->params) {
    st->failed = st->memory_error = 1;
    return;
  }
  const cm_arg_seq *seqs[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < seqs[k]->count && !st->failed; i++) {
      cm_symbol *y = def(st, seqs[k]->items[i]->arg.str, CM_DEF_PARAM, seqs[k]->items[i]->loc);
      s->params[s->nparams++] = y ? y->name : seqs[k]->items[i]->arg.str;
    }
  if (a->vararg && !st->failed) {
    cm_symbol *y = def(st, a->vararg->arg.str, CM_DEF_PARAM, a->vararg->loc);
    s->params[s->nparams++] = y ? y->name : a->vararg->arg.str;
  }
  if (a->kwarg && !st->failed) {
    cm_symbol *y = def(st, a->kwarg->arg.str, CM_DEF_PARAM, a->kwarg->loc);
    s->params[s->nparams++] = y ? y->name : a->kwarg->arg.str;
  }
}

static void visit_defaults(cm_symtable *st, const cm_arguments *a) {
  visit_exprs(st, a->defaults);
  visit_exprs(st, a->kw_defaults);
}

static bool is_comp(const cm_symscope *s) {
  return s->kind == CM_SCOPE_COMP || s->kind == CM_SCOPE_GENEXPR;
}

/* `name := value` inside comprehensions binds in the enclosing scope. */
static void walrus_target(cm_symtable *st, const cm_expr *target) {
  const char *name = mangle(st, target->v.name.id.str);
  cm_symscope *s = st->cur;
  for (cm_symscope *c = s; c && is_comp(c); c = c->parent) {
    cm_symbol *y = cm_sym_lookup(c, name);
    if (y && (y->flags & CM_DEF_COMP_ITER)) {
      error(st, target->loc,
            "assignment expression cannot rebind comprehension iteration variable '%s'", name);
      return;
    }
  }
  cm_symscope *owner = s;
  while (owner && is_comp(owner)) owner = owner->parent;
  if (owner->kind == CM_SCOPE_CLASS) {
    error(st, target->loc,
          "assignment expression within a comprehension cannot be used in a class body%s", "");
    return;
  }
  uint32_t flag = owner->kind == CM_SCOPE_MODULE ? CM_DEF_GLOBAL : CM_DEF_NONLOCAL;
  for (cm_symscope *c = s; c != owner; c = c->parent) {
    cm_symbol *y = add_sym(st, c, name, target->loc);
    if (!y) return;
    y->flags |= flag;
  }
  cm_symbol *y = add_sym(st, owner, name, target->loc);
  if (y) y->flags |= CM_DEF_LOCAL;
}

static void visit_comprehension(cm_symtable *st, const cm_expr *e, cm_comprehension_seq gens,
                                const cm_expr *elt, const cm_expr *value) {
  /* the outermost iterable is evaluated in the enclosing scope */
  st->cur->comp_iter_depth++;
  visit_expr(st, gens.items[0]->iter);
  st->cur->comp_iter_depth--;
  if (st->failed) return;
  bool genexp = e->kind == CM_E_GENERATOREXP;
  const char *name = genexp ? "<genexpr>"
                     : e->kind == CM_E_LISTCOMP ? "<listcomp>"
                     : e->kind == CM_E_SETCOMP ? "<setcomp>" : "<dictcomp>";
  cm_symscope *s = new_scope(st, genexp ? CM_SCOPE_GENEXPR : CM_SCOPE_COMP, e, name);
  if (!s) return;
  s->comp_inlined = !genexp;
  if (genexp) s->is_generator = 1;
  st->cur = s;
  s->params = cm_arena_alloc(st->arena, sizeof(char *));
  if (!s->params) {
    st->failed = st->memory_error = 1;
    return;
  }
  def(st, ".0", CM_DEF_PARAM, e->loc);
  s->params[s->nparams++] = ".0";
  for (int i = 0; i < gens.count && !st->failed; i++) {
    cm_comprehension *g = gens.items[i];
    if (i > 0) {
      s->comp_iter_depth++;
      visit_expr(st, g->iter);
      s->comp_iter_depth--;
    }
    visit_expr(st, g->target);
    mark_comp_iter(st, g->target);
    visit_exprs(st, g->ifs);
  }
  if (elt && !st->failed) visit_expr(st, elt);
  if (value && !st->failed) visit_expr(st, value);
  st->cur = s->parent;
}

static void mark_comp_iter(cm_symtable *st, const cm_expr *t) {
  if (t->kind == CM_E_NAME) {
    cm_symbol *y = cm_sym_lookup(st->cur, mangle(st, t->v.name.id.str));
    if (y) y->flags |= CM_DEF_COMP_ITER;
  } else if (t->kind == CM_E_TUPLE || t->kind == CM_E_LIST) {
    for (int i = 0; i < t->v.seq.elts.count; i++) mark_comp_iter(st, t->v.seq.elts.items[i]);
  } else if (t->kind == CM_E_STARRED) {
    mark_comp_iter(st, t->v.starred.value);
  }
}

static void visit_name(cm_symtable *st, const cm_expr *e) {
  const char *name = e->v.name.id.str;
  uint32_t flag = e->v.name.ctx == CM_LOAD ? CM_DEF_USE : CM_DEF_LOCAL;
  def(st, name, flag, e->loc);
  if (flag == CM_DEF_USE && st->cur->kind == CM_SCOPE_FUNCTION && !strcmp(name, "super"))
    def(st, "__class__", CM_DEF_USE, e->loc);
}

static void visit_yield(cm_symtable *st, const cm_expr *e) {
  cm_symscope *s = st->cur;
  if (s->kind == CM_SCOPE_MODULE || s->kind == CM_SCOPE_CLASS) {
    error(st, e->loc, "'yield' outside function%s", "");
    return;
  }
  if (s->kind == CM_SCOPE_COMP) {
    const char *n = s->name;
    char msg[64];
    snprintf(msg, sizeof msg, "'yield' inside %s",
             !strcmp(n, "<listcomp>") ? "list comprehension"
             : !strcmp(n, "<setcomp>") ? "set comprehension" : "dict comprehension");
    error(st, e->loc, "%s", msg);
    return;
  }
  if (s->kind == CM_SCOPE_GENEXPR) {
    error(st, e->loc, "'yield' inside generator expression%s", "");
    return;
  }
  s->is_generator = 1;
}

static void visit_expr_inner(cm_symtable *st, const cm_expr *e);

static bool enter(cm_symtable *st) {
  if (++st->depth <= CM_SYM_MAX_DEPTH) return true;
  st->failed = st->too_deep = 1;
  return false;
}

static void visit_expr(cm_symtable *st, const cm_expr *e) {
  if (st->failed || !e || !enter(st)) return;
  visit_expr_inner(st, e);
  st->depth--;
}

static void visit_expr_inner(cm_symtable *st, const cm_expr *e) {
  switch (e->kind) {
  case CM_E_NAME: visit_name(st, e); break;
  case CM_E_NAMEDEXPR:
    if (st->cur->comp_iter_depth > 0) {
      error(st, e->loc, "assignment expression cannot be used in a comprehension iterable expression%s", "");
      return;
    }
    visit_expr(st, e->v.namedexpr.value);
    if (is_comp(st->cur)) walrus_target(st, e->v.namedexpr.target);
    else visit_expr(st, e->v.namedexpr.target);
    break;
  case CM_E_BOOLOP: visit_exprs(st, e->v.boolop.values); break;
  case CM_E_BINOP:
    visit_expr(st, e->v.binop.left);
    visit_expr(st, e->v.binop.right);
    break;
  case CM_E_UNARYOP: visit_expr(st, e->v.unaryop.operand); break;
  case CM_E_LAMBDA: {
    visit_defaults(st, e->v.lambda.args);
    cm_symscope *s = new_scope(st, CM_SCOPE_LAMBDA, e, "<lambda>");
    if (!s) return;
    st->cur = s;
    visit_params(st, e->v.lambda.args);
    visit_expr(st, e->v.lambda.body);
    st->cur = s->parent;
    break;
  }
  case CM_E_IFEXP:
    visit_expr(st, e->v.ifexp.test);
    visit_expr(st, e->v.ifexp.body);
    visit_expr(st, e->v.ifexp.orelse);
    break;
  case CM_E_DICT:
    visit_exprs(st, e->v.dict.keys);
    visit_exprs(st, e->v.dict.values);
    break;
  case CM_E_SET: visit_exprs(st, e->v.set.elts); break;
  case CM_E_LISTCOMP:
  case CM_E_SETCOMP:
  case CM_E_GENERATOREXP:
    visit_comprehension(st, e, e->v.comp.generators, e->v.comp.elt, NULL);
    break;
  case CM_E_DICTCOMP:
    visit_comprehension(st, e, e->v.dictcomp.generators, e->v.dictcomp.key,
                        e->v.dictcomp.value);
    break;
  case CM_E_AWAIT: {
    cm_symscope *s = st->cur;
    while (s && is_comp(s) && s->kind != CM_SCOPE_GENEXPR) s = s->parent;
    if (!s || s->kind == CM_SCOPE_MODULE || s->kind == CM_SCOPE_CLASS) {
      error(st, e->loc, "'await' outside function%s", "");
      return;
    }
    if (!s->is_async) {
      error(st, e->loc, "'await' outside async function%s", "");
      return;
    }
    visit_expr(st, e->v.await.value);
    break;
  }
  case CM_E_YIELD:
    visit_yield(st, e);
    visit_expr(st, e->v.yield.value);
    break;
  case CM_E_YIELDFROM:
    visit_yield(st, e);
    visit_expr(st, e->v.await.value);
    break;
  case CM_E_COMPARE:
    visit_expr(st, e->v.compare.left);
    visit_exprs(st, e->v.compare.comparators);
    break;
  case CM_E_CALL:
    visit_expr(st, e->v.call.func);
    visit_exprs(st, e->v.call.args);
    for (int i = 0; i < e->v.call.keywords.count; i++)
      visit_expr(st, e->v.call.keywords.items[i]->value);
    break;
  case CM_E_FORMATTEDVALUE:
  case CM_E_INTERPOLATION:
    visit_expr(st, e->v.fvalue.value);
    visit_expr(st, e->v.fvalue.format_spec);
    break;
  case CM_E_JOINEDSTR:
  case CM_E_TEMPLATESTR: visit_exprs(st, e->v.joinedstr.values); break;
  case CM_E_CONSTANT: break;
  case CM_E_ATTRIBUTE: visit_expr(st, e->v.attribute.value); break;
  case CM_E_SUBSCRIPT:
    visit_expr(st, e->v.subscript.value);
    visit_expr(st, e->v.subscript.slice);
    break;
  case CM_E_STARRED: visit_expr(st, e->v.starred.value); break;
  case CM_E_LIST:
  case CM_E_TUPLE: visit_exprs(st, e->v.seq.elts); break;
  case CM_E_SLICE:
    visit_expr(st, e->v.slice.lower);
    visit_expr(st, e->v.slice.upper);
    visit_expr(st, e->v.slice.step);
    break;
  }
}

static void visit_function(cm_symtable *st, const cm_stmt *s) {
  visit_exprs(st, s->v.funcdef.decorator_list);
  visit_defaults(st, s->v.funcdef.args);
  if (st->failed) return;
  def(st, s->v.funcdef.name.str, CM_DEF_LOCAL, s->loc);
  cm_symscope *f = new_scope(st, CM_SCOPE_FUNCTION, s, s->v.funcdef.name.str);
  if (!f) return;
  f->is_async = s->kind == CM_S_ASYNCFUNCTIONDEF;
  st->cur = f;
  visit_params(st, s->v.funcdef.args);
  visit_stmts(st, s->v.funcdef.body);
  st->cur = f->parent;
}

static void visit_class(cm_symtable *st, const cm_stmt *s) {
  visit_exprs(st, s->v.classdef.decorator_list);
  visit_exprs(st, s->v.classdef.bases);
  for (int i = 0; i < s->v.classdef.keywords.count; i++)
    visit_expr(st, s->v.classdef.keywords.items[i]->value);
  if (st->failed) return;
  def(st, s->v.classdef.name.str, CM_DEF_LOCAL, s->loc);
  cm_symscope *c = new_scope(st, CM_SCOPE_CLASS, s, s->v.classdef.name.str);
  if (!c) return;
  st->cur = c;
  visit_stmts(st, s->v.classdef.body);
  st->cur = c->parent;
}

static void visit_global(cm_symtable *st, const cm_stmt *s, bool nonlocal) {
  cm_symscope *sc = st->cur;
  if (nonlocal && sc->kind == CM_SCOPE_MODULE) {
    error(st, s->loc, "nonlocal declaration not allowed at module level%s", "");
    return;
  }
  const char *kw = nonlocal ? "nonlocal" : "global";
  for (int i = 0; i < s->v.global.names.count && !st->failed; i++) {
    const char *name = mangle(st, s->v.global.names.items[i].str);
    cm_symbol *y = cm_sym_lookup(sc, name);
    uint32_t cur = y ? y->flags : 0;
    char fmt[128];
    if (cur & (CM_DEF_PARAM | CM_DEF_LOCAL | CM_DEF_USE | CM_DEF_ANNOT)) {
      if (cur & CM_DEF_PARAM) snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", kw);
      else if (cur & CM_DEF_USE) snprintf(fmt, sizeof fmt, "name '%%s' is used prior to %s declaration", kw);
      else if (cur & CM_DEF_ANNOT) snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s", kw);
      else snprintf(fmt, sizeof fmt, "name '%%s' is assigned to before %s declaration", kw);
      error(st, s->loc, fmt, name);
      return;
    }
    if (nonlocal && (cur & CM_DEF_GLOBAL)) {
      error(st, s->loc, "name '%s' is nonlocal and global", name);
      return;
    }
    if (!nonlocal && (cur & CM_DEF_NONLOCAL)) {
      error(st, s->loc, "name '%s' is nonlocal and global", name);
      return;
    }
    y = add_sym(st, sc, name, s->loc);
    if (y) y->flags |= nonlocal ? CM_DEF_NONLOCAL : CM_DEF_GLOBAL;
  }
}

static void visit_import(cm_symtable *st, const cm_stmt *s) {
  cm_alias_seq names = s->kind == CM_S_IMPORT ? s->v.import.names : s->v.importfrom.names;
  for (int i = 0; i < names.count && !st->failed; i++) {
    cm_alias *a = names.items[i];
    if (!strcmp(a->name.str, "*")) {
      if (st->cur->kind != CM_SCOPE_MODULE) {
        error(st, s->loc, "import * only allowed at module level%s", "");
        return;
      }
      continue;
    }
    const char *bound = a->asname.str;
    if (!bound) {
      const char *dot = s->kind == CM_S_IMPORT ? strchr(a->name.str, '.') : NULL;
      bound = dot ? cm_arena_strdup(st->arena, a->name.str, (size_t)(dot - a->name.str))
                  : a->name.str;
      if (!bound) {
        st->failed = st->memory_error = 1;
        return;
      }
    }
    def(st, bound, CM_DEF_LOCAL, a->loc);
  }
}

static void visit_pattern(cm_symtable *st, const cm_pattern *p) {
  if (!p || st->failed) return;
  switch (p->kind) {
  case CM_P_MATCHVALUE: visit_expr(st, p->v.value.value); break;
  case CM_P_MATCHSINGLETON: break;
  case CM_P_MATCHSEQUENCE:
  case CM_P_MATCHOR:
    for (int i = 0; i < p->v.sequence.patterns.count; i++)
      visit_pattern(st, p->v.sequence.patterns.items[i]);
    break;
  case CM_P_MATCHMAPPING:
    visit_exprs(st, p->v.mapping.keys);
    for (int i = 0; i < p->v.mapping.patterns.count; i++)
      visit_pattern(st, p->v.mapping.patterns.items[i]);
    if (p->v.mapping.rest.str) def(st, p->v.mapping.rest.str, CM_DEF_LOCAL, p->loc);
    break;
  case CM_P_MATCHCLASS:
    visit_expr(st, p->v.cls.cls);
    for (int i = 0; i < p->v.cls.patterns.count; i++)
      visit_pattern(st, p->v.cls.patterns.items[i]);
    for (int i = 0; i < p->v.cls.kwd_patterns.count; i++)
      visit_pattern(st, p->v.cls.kwd_patterns.items[i]);
    break;
  case CM_P_MATCHSTAR:
    if (p->v.star.name.str) def(st, p->v.star.name.str, CM_DEF_LOCAL, p->loc);
    break;
  case CM_P_MATCHAS:
    visit_pattern(st, p->v.as.pattern);
    if (p->v.as.name.str) def(st, p->v.as.name.str, CM_DEF_LOCAL, p->loc);
    break;
  }
}

static void visit_stmt_inner(cm_symtable *st, const cm_stmt *s);

static void visit_stmt(cm_symtable *st, const cm_stmt *s) {
  if (st->failed || !enter(st)) return;
  visit_stmt_inner(st, s);
  st->depth--;
}

static void visit_stmt_inner(cm_symtable *st, const cm_stmt *s) {
  switch (s->kind) {
  case CM_S_FUNCTIONDEF:
  case CM_S_ASYNCFUNCTIONDEF: visit_function(st, s); break;
  case CM_S_CLASSDEF: visit_class(st, s); break;
  case CM_S_RETURN: visit_expr(st, s->v.ret.value); break;
  case CM_S_DELETE: visit_exprs(st, s->v.del.targets); break;
  case CM_S_ASSIGN:
    visit_expr(st, s->v.assign.value);
    visit_exprs(st, s->v.assign.targets);
    break;
  case CM_S_TYPEALIAS: break;
  case CM_S_AUGASSIGN: {
    const cm_expr *t = s->v.augassign.target;
    visit_expr(st, s->v.augassign.value);
    if (t->kind == CM_E_NAME) {
      def(st, t->v.name.id.str, CM_DEF_LOCAL, t->loc);
      def(st, t->v.name.id.str, CM_DEF_USE, t->loc);
    } else {
      visit_expr(st, t);
    }
    break;
  }
  case CM_S_ANNASSIGN: {
    const cm_expr *t = s->v.annassign.target;
    if (t->kind == CM_E_NAME && s->v.annassign.simple) {
      cm_symbol *y = cm_sym_lookup(st->cur, mangle(st, t->v.name.id.str));
      if (y && (y->flags & (CM_DEF_GLOBAL | CM_DEF_NONLOCAL)) && st->cur->kind != CM_SCOPE_MODULE) {
        error(st, s->loc, (y->flags & CM_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                    : "annotated name '%s' can't be nonlocal",
              t->v.name.id.str);
        return;
      }
      if (s->v.annassign.value || st->cur->kind != CM_SCOPE_MODULE)
        def(st, t->v.name.id.str, CM_DEF_LOCAL | CM_DEF_ANNOT, t->loc);
    } else if (t->kind != CM_E_NAME) {
      visit_expr(st, t);
    }
    visit_expr(st, s->v.annassign.value);
    break;
  }
  case CM_S_FOR:
  case CM_S_ASYNCFOR:
    visit_expr(st, s->v.for_.iter);
    visit_expr(st, s->v.for_.target);
    visit_stmts(st, s->v.for_.body);
    visit_stmts(st, s->v.for_.orelse);
    break;
  case CM_S_WHILE:
    visit_expr(st, s->v.while_.test);
    visit_stmts(st, s->v.while_.body);
    visit_stmts(st, s->v.while_.orelse);
    break;
  case CM_S_IF:
    visit_expr(st, s->v.if_.test);
    visit_stmts(st, s->v.if_.body);
    visit_stmts(st, s->v.if_.orelse);
    break;
  case CM_S_WITH:
  case CM_S_ASYNCWITH:
    for (int i = 0; i < s->v.with.items.count; i++) {
      visit_expr(st, s->v.with.items.items[i]->context_expr);
      visit_expr(st, s->v.with.items.items[i]->optional_vars);
    }
    visit_stmts(st, s->v.with.body);
    break;
  case CM_S_MATCH:
    visit_expr(st, s->v.match.subject);
    for (int i = 0; i < s->v.match.cases.count; i++) {
      cm_match_case *c = s->v.match.cases.items[i];
      visit_pattern(st, c->pattern);
      visit_expr(st, c->guard);
      visit_stmts(st, c->body);
    }
    break;
  case CM_S_RAISE:
    visit_expr(st, s->v.raise.exc);
    visit_expr(st, s->v.raise.cause);
    break;
  case CM_S_TRY:
  case CM_S_TRYSTAR:
    visit_stmts(st, s->v.try_.body);
    for (int i = 0; i < s->v.try_.handlers.count; i++) {
      cm_excepthandler *h = s->v.try_.handlers.items[i];
      visit_expr(st, h->type);
      if (h->name.str) def(st, h->name.str, CM_DEF_LOCAL, h->loc);
      visit_stmts(st, h->body);
    }
    visit_stmts(st, s->v.try_.orelse);
    visit_stmts(st, s->v.try_.finalbody);
    break;
  case CM_S_ASSERT:
    visit_expr(st, s->v.assert_.test);
    visit_expr(st, s->v.assert_.msg);
    break;
  case CM_S_IMPORT:
  case CM_S_IMPORTFROM: visit_import(st, s); break;
  case CM_S_GLOBAL: visit_global(st, s, false); break;
  case CM_S_NONLOCAL: visit_global(st, s, true); break;
  case CM_S_EXPR: visit_expr(st, s->v.expr.value); break;
  case CM_S_PASS:
  case CM_S_BREAK:
  case CM_S_CONTINUE: break;
  }
}

static void visit_stmts(cm_symtable *st, cm_stmt_seq body) {
  for (int i = 0; i < body.count && !st->failed; i++) visit_stmt(st, body.items[i]);
}

/* ---- pass 2: resolve -------------------------------------------------------- */

/* The scope that binds `name` for a use in `from`'s children, or NULL
   (global). Class scopes are skipped, except for the implicit __class__. */
static cm_symscope *find_binding(cm_symscope *from, const char *name) {
  for (cm_symscope *s = from; s; s = s->parent) {
    if (s->kind == CM_SCOPE_MODULE) return NULL;
    if (s->kind == CM_SCOPE_CLASS) {
      if (!strcmp(name, "__class__")) return s;
      continue;
    }
    cm_symbol *y = cm_sym_lookup(s, name);
    if (!y) continue;
    if (y->scope == CM_SYM_LOCAL || y->scope == CM_SYM_CELL || y->scope == CM_SYM_FREE) return s;
    if (y->scope == CM_SYM_GLOBAL_EXPLICIT || y->scope == CM_SYM_GLOBAL_IMPLICIT) return NULL;
  }
  return NULL;
}

/* `y` in scope s is free, bound in `owner`: cells and pass-through frees. */
static void make_free(cm_symtable *st, cm_symscope *s, cm_symbol *y, cm_symscope *owner) {
  y->scope = CM_SYM_FREE;
  for (cm_symscope *m = s->parent; m && m != owner; m = m->parent) {
    cm_symbol *my = add_sym(st, m, y->name, y->loc);
    if (!my) return;
    if (m->kind == CM_SCOPE_CLASS) {
      if (my->scope == CM_SYM_UNRESOLVED) my->scope = CM_SYM_FREE;
      else if (my->scope != CM_SYM_FREE) my->pass_free = 1;
    } else {
      my->scope = CM_SYM_FREE;
    }
  }
  if (owner->kind == CM_SCOPE_CLASS) {
    owner->needs_classcell = 1;
    return;
  }
  cm_symbol *oy = cm_sym_lookup(owner, y->name);
  if (oy && oy->scope == CM_SYM_LOCAL) oy->scope = CM_SYM_CELL;
}

static void resolve_sym(cm_symtable *st, cm_symscope *s, cm_symbol *y) {
  uint32_t f = y->flags;
  if (y->scope != CM_SYM_UNRESOLVED && y->scope != CM_SYM_FREE) return;
  if (y->scope == CM_SYM_FREE && !(f & (CM_DEF_LOCAL | CM_DEF_PARAM))) return;
  if (f & CM_DEF_GLOBAL) {
    y->scope = CM_SYM_GLOBAL_EXPLICIT;
  } else if (f & CM_DEF_NONLOCAL) {
    cm_symscope *owner = find_binding(s->parent, y->name);
    if (!owner || owner->kind == CM_SCOPE_CLASS) {
      error(st, y->loc, "no binding for nonlocal '%s' found", y->name);
      return;
    }
    make_free(st, s, y, owner);
  } else if (f & (CM_DEF_LOCAL | CM_DEF_PARAM)) {
    if (s->kind == CM_SCOPE_MODULE) y->scope = CM_SYM_GLOBAL_IMPLICIT;
    else if (y->scope != CM_SYM_FREE) y->scope = CM_SYM_LOCAL;
    else y->pass_free = 1;
  } else if (s->kind == CM_SCOPE_MODULE) {
    y->scope = CM_SYM_GLOBAL_IMPLICIT;
  } else {
    cm_symscope *owner = find_binding(s->parent, y->name);
    if (owner && !(s->kind == CM_SCOPE_CLASS && owner == s)) make_free(st, s, y, owner);
    else y->scope = CM_SYM_GLOBAL_IMPLICIT;
  }
}

static void resolve(cm_symtable *st, cm_symscope *s) {
  if (!enter(st)) return;
  for (int i = 0; i < s->nsyms && !st->failed; i++) resolve_sym(st, s, s->syms[i]);
  for (int i = 0; i < s->nchildren && !st->failed; i++) resolve(st, s->children[i]);
  st->depth--;
}

int cm_sym_build(cm_symtable *st, cm_arena *arena, const cm_ast_mod *mod) {
  memset(st, 0, sizeof *st);
  st->arena = arena;
  st->top = new_scope(st, CM_SCOPE_MODULE, mod, "<module>");
  if (!st->top) return -1;
  st->cur = st->top;
  if (mod->kind == CM_MOD_EXPRESSION) visit_expr(st, mod->expr);
  else visit_stmts(st, mod->body);
  if (!st->failed) resolve(st, st->top);
  return st->failed ? -1 : 0;
}
