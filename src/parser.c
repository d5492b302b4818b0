/* parser.c — parser infrastructure and statements.
 *
 * A hand-written recursive-descent parser over the token stream of
 * lexer.c.  Expressions live in parse_expr.c, literals in parse_str.c and
 * `match` in parse_match.c.  Every parse function returns NULL (or 0) once
 * p->failed is set; the first error recorded wins, like CPython. */
#include "parse_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------- allocation */

void *cm_parse_nomem(cm_parser *p)
{
    if (!p->failed) {
        memset(p->err, 0, sizeof *p->err);
        p->err->is_memory_error = 1;
        snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
    }
    p->failed = 1;
    return NULL;
}

void *cm_parse_alloc(cm_parser *p, size_t n)
{
    void *r = cm_arena_alloc(p->arena, n);
    return r ? r : cm_parse_nomem(p);
}

int cm_parse_vpush(cm_parser *p, pvec *v, void *item)
{
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        void **ni = cm_parse_alloc(p, (size_t)ncap * sizeof(void *));
        if (!ni) return 0;
        if (v->n) memcpy(ni, v->items, (size_t)v->n * sizeof(void *));
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = item;
    return 1;
}

cm_expr_seq cm_parse_expr_seq(cm_parser *p, pvec *v)
{
    (void)p;
    cm_expr_seq s = {(cm_expr **)v->items, v->n};
    return s;
}

cm_ident cm_parse_ident(cm_parser *p, const cm_token *t)
{
    cm_ident id = {NULL, 0};
    size_t n = (size_t)(t->end - t->start);
    id.str = cm_arena_strdup(p->arena, t->start, n);
    if (!id.str) cm_parse_nomem(p);
    id.len = n;
    return id;
}

/* -------------------------------------------------------------- errors */

/* Start of line `lineno` in the source (errors only, so a scan is fine). */
static const char *line_ptr(cm_parser *p, int lineno)
{
    const char *s = p->src;
    for (int l = 1; l < lineno && s < p->end; s++)
        if (*s == '\n') l++;
    return s;
}

static void verror(cm_parser *p, int l1, int c1, int l2, int c2,
                   const char *fmt, va_list ap)
{
    if (p->failed) return;
    p->failed = 1;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    const char *ls = line_ptr(p, l1);
    cm_lex_set_error(p->err, p->src, ls, l1, c1, l2, c2, msg);
}

void cm_parse_error(cm_parser *p, int l1, int c1, int l2, int c2,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, l1, c1, l2, c2, fmt, ap);
    va_end(ap);
}

void cm_parse_error_tok(cm_parser *p, const cm_token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int ec = t->end_col;
    if (t->type == CM_TOK_NEWLINE || t->type == CM_TOK_ENDMARKER ||
        t->type == CM_TOK_DEDENT || t->type == CM_TOK_INDENT)
        ec = t->col + 1;
    verror(p, t->lineno, t->col, t->end_lineno ? t->end_lineno : t->lineno,
           ec, fmt, ap);
    va_end(ap);
}

void cm_parse_error_loc(cm_parser *p, cm_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset,
           fmt, ap);
    va_end(ap);
}

void cm_parse_invalid(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type == CM_TOK_INDENT) {
        cm_parse_error(p, t->lineno, t->col, t->lineno, -1, "unexpected indent");
        p->err->is_indentation_error = 1;
        p->err->col_offset -= 1;
        return;
    }
    cm_parse_error_tok(p, t, "invalid syntax");
}

int cm_parse_enter(cm_parser *p)
{
    if (p->failed) return 0;
    if (++p->depth > CM_PARSE_MAX_DEPTH) {
        p->depth--;
        memset(p->err, 0, sizeof *p->err);
        p->err->is_memory_error = 1;
        snprintf(p->err->msg, sizeof p->err->msg,
                 "Parser stack overflowed - Python source too complex to parse");
        p->failed = 1;
        return 0;
    }
    return 1;
}

/* -------------------------------------------------------------- tokens */


static int fill_one(cm_parser *p)
{
    if (p->ntoks == p->cap) {
        int ncap = p->cap ? p->cap * 2 : 256;
        cm_token *nt = cm_arena_alloc(p->arena, (size_t)ncap * sizeof *nt);
        if (!nt) { cm_parse_nomem(p); return 0; }
        if (p->ntoks) memcpy(nt, p->toks, (size_t)p->ntoks * sizeof *nt);
        p->toks = nt;
        p->cap = ncap;
    }
    cm_token *t = &p->toks[p->ntoks];
    if (cm_lex_next(&p->lx, t) == CM_TOK_ERROR) {
        if (!p->failed) { *p->err = p->lx.err; p->failed = 1; p->lex_failed = 1; }
        /* Keep the stream well-formed so callers unwind normally. */
        t->type = CM_TOK_ENDMARKER;
        p->lx.done = 1;
    }
    p->ntoks++;
    return 1;
}

cm_token *cm_parse_peek(cm_parser *p, int k)
{
    while (p->pos + k >= p->ntoks) {
        if (p->ntoks && p->toks[p->ntoks - 1].type == CM_TOK_ENDMARKER)
            return &p->toks[p->ntoks - 1];
        if (!fill_one(p)) { memset(&p->eof, 0, sizeof p->eof); return &p->eof; }
    }
    return &p->toks[p->pos + k];
}

cm_token *cm_parse_tok(cm_parser *p) { return cm_parse_peek(p, 0); }

cm_token *cm_parse_next(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (p->pos < p->ntoks && t->type != CM_TOK_ENDMARKER) p->pos++;
    return t;
}

cm_token *cm_parse_prev(cm_parser *p)
{
    return p->pos > 0 ? &p->toks[p->pos - 1] : cm_parse_tok(p);
}

int cm_parse_is(cm_parser *p, cm_tok_type t) { return cm_parse_tok(p)->type == t; }

int cm_parse_is_kw(cm_parser *p, int kw)
{
    cm_token *t = cm_parse_tok(p);
    return t->type == CM_TOK_NAME && t->kw == kw;
}

int cm_parse_accept(cm_parser *p, cm_tok_type t)
{
    if (!cm_parse_is(p, t)) return 0;
    cm_parse_next(p);
    return 1;
}

int cm_parse_accept_kw(cm_parser *p, int kw)
{
    if (!cm_parse_is_kw(p, kw)) return 0;
    cm_parse_next(p);
    return 1;
}

int cm_parse_is_name(cm_parser *p, const char *soft)
{
    cm_token *t = cm_parse_tok(p);
    size_t n = strlen(soft);
    return t->type == CM_TOK_NAME && t->kw == 0 &&
           (size_t)(t->end - t->start) == n && memcmp(t->start, soft, n) == 0;
}

/* ----------------------------------------------------------- locations */

cm_loc cm_parse_tok_loc(const cm_token *t)
{
    cm_loc l = {t->lineno, t->col, t->end_lineno, t->end_col};
    return l;
}

cm_loc cm_parse_span(cm_loc a, cm_loc b)
{
    cm_loc l = {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
    return l;
}

cm_loc cm_parse_to_prev(cm_parser *p, cm_loc start)
{
    return cm_parse_span(start, cm_parse_tok_loc(cm_parse_prev(p)));
}

/* ---------------------------------------------------------- statements */

static cm_stmt *parse_statement(cm_parser *p, pvec *out);
static int parse_statements_into(cm_parser *p, pvec *out);

static int expect(cm_parser *p, cm_tok_type t, const char *what)
{
    if (cm_parse_accept(p, t)) return 1;
    if (p->failed) return 0;
    if (what) cm_parse_error_tok(p, cm_parse_tok(p), "expected '%s'", what);
    else cm_parse_invalid(p);
    return 0;
}

static cm_stmt_seq stmt_seq(pvec *v)
{
    cm_stmt_seq s = {(cm_stmt **)v->items, v->n};
    return s;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.
 * `what` names the owner for "expected an indented block after ...". */
static cm_stmt_seq parse_block(cm_parser *p, const char *what, int line)
{
    cm_stmt_seq empty = {NULL, 0};
    pvec body = {0};
    if (!expect(p, CM_TOK_COLON, ":")) return empty;
    if (!cm_parse_is(p, CM_TOK_NEWLINE)) {
        if (!parse_statement(p, &body)) return empty;
        return stmt_seq(&body);
    }
    cm_parse_next(p);
    if (!cm_parse_is(p, CM_TOK_INDENT)) {
        if (p->failed) return empty;
        cm_token *t = cm_parse_tok(p);
        if (t->type == CM_TOK_ENDMARKER) {
            /* At end of input CPython points at the header's newline. */
            cm_token *nl = cm_parse_prev(p);
            cm_parse_error(p, nl->lineno, nl->col, nl->lineno, -1,
                           "expected an indented block after %s on line %d", what, line);
        } else {
            cm_parse_error_tok(p, t, "expected an indented block after %s on line %d",
                               what, line);
        }
        p->err->is_indentation_error = 1;
        return empty;
    }
    cm_parse_next(p);
    if (!cm_parse_enter(p)) return empty;
    while (!cm_parse_is(p, CM_TOK_DEDENT) && !cm_parse_is(p, CM_TOK_ENDMARKER)) {
        if (!parse_statement(p, &body)) { LEAVE(p); return empty; }
    }
    LEAVE(p);
    if (!cm_parse_accept(p, CM_TOK_DEDENT) && !p->failed) cm_parse_invalid(p);
    return stmt_seq(&body);
}

static cm_stmt *new_stmt(cm_parser *p, cm_stmt_kind k, cm_loc loc)
{
    cm_stmt *s = cm_ast_stmt(p->arena, k, loc);
    return s ? s : cm_parse_nomem(p);
}

/* Sets a compound statement's end to the end of its last child. */
static void end_at_body(cm_stmt *s, cm_stmt_seq body)
{
    if (body.count) {
        cm_loc l = body.items[body.count - 1]->loc;
        s->loc.end_lineno = l.end_lineno;
        s->loc.end_col_offset = l.end_col_offset;
    }
}

/* ---- simple statements */

static cm_ident_seq parse_name_list(cm_parser *p)
{
    cm_ident_seq r = {NULL, 0};
    pvec v = {0};
    do {
        if (!cm_parse_is(p, CM_TOK_NAME) || cm_parse_tok(p)->kw) {
            cm_parse_invalid(p);
            return r;
        }
        cm_ident *id = cm_parse_alloc(p, sizeof *id);
        if (!id) return r;
        *id = cm_parse_ident(p, cm_parse_next(p));
        if (!cm_parse_vpush(p, &v, id)) return r;
    } while (cm_parse_accept(p, CM_TOK_COMMA));
    cm_ident *arr = cm_parse_alloc(p, sizeof *arr * (size_t)v.n);
    if (!arr) return r;
    for (int i = 0; i < v.n; i++) arr[i] = *(cm_ident *)v.items[i];
    r.items = arr;
    r.count = v.n;
    return r;
}

/* dotted_name: NAME ('.' NAME)* — returned as one identifier "a.b.c". */
static cm_ident parse_dotted(cm_parser *p, cm_loc *loc)
{
    cm_ident id = {NULL, 0};
    cm_token *first = cm_parse_tok(p);
    if (first->type != CM_TOK_NAME || first->kw) { cm_parse_invalid(p); return id; }
    cm_parse_next(p);
    while (cm_parse_is(p, CM_TOK_DOT) && cm_parse_peek(p, 1)->type == CM_TOK_NAME &&
           !cm_parse_peek(p, 1)->kw) {
        cm_parse_next(p);
        cm_parse_next(p);
    }
    cm_token *last = cm_parse_prev(p);
    *loc = cm_parse_span(cm_parse_tok_loc(first), cm_parse_tok_loc(last));
    /* Copy without whitespace: `a . b` is the name "a.b". */
    size_t cap = (size_t)(last->end - first->start);
    char *buf = cm_parse_alloc(p, cap + 1);
    if (!buf) return id;
    size_t n = 0;
    for (const char *s = first->start; s < last->end; s++)
        if (*s != ' ' && *s != '\t' && *s != '\\' && *s != '\n' && *s != '\r' && *s != '\f')
            buf[n++] = *s;
    buf[n] = 0;
    id.str = buf;
    id.len = n;
    return id;
}

static cm_alias *new_alias(cm_parser *p, cm_ident name, cm_loc loc)
{
    cm_alias *a = cm_parse_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->name = name;
    a->loc = loc;
    if (cm_parse_accept_kw(p, CM_KW_AS)) {
        cm_token *t = cm_parse_tok(p);
        if (t->type != CM_TOK_NAME || t->kw) { cm_parse_invalid(p); return NULL; }
        a->asname = cm_parse_ident(p, cm_parse_next(p));
        if (cm_parse_is(p, CM_TOK_DOT)) {
            cm_token *d = cm_parse_tok(p);
            while (cm_parse_accept(p, CM_TOK_DOT) && cm_parse_accept(p, CM_TOK_NAME)) {}
            cm_parse_error(p, t->lineno, t->col, cm_parse_prev(p)->end_lineno,
                           cm_parse_prev(p)->end_col,
                           "cannot use attribute as import target");
            (void)d;
            return NULL;
        }
        a->loc = cm_parse_to_prev(p, loc);
    }
    return a;
}

static cm_stmt *parse_import(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_IMPORT, cm_parse_tok_loc(kw));
    pvec v = {0};
    if (!s) return NULL;
    if (cm_parse_is(p, CM_TOK_NEWLINE)) {
        cm_token *t = cm_parse_tok(p);
        cm_parse_error(p, t->lineno, t->col, t->lineno, t->col,
                       "Expected one or more names after 'import'");
        return NULL;
    }
    do {
        cm_loc loc;
        cm_ident name = parse_dotted(p, &loc);
        if (p->failed) return NULL;
        cm_alias *a = new_alias(p, name, loc);
        if (!a || !cm_parse_vpush(p, &v, a)) return NULL;
    } while (cm_parse_accept(p, CM_TOK_COMMA));
    s->v.import.names.items = (cm_alias **)v.items;
    s->v.import.names.count = v.n;
    s->loc = cm_parse_to_prev(p, s->loc);
    return s;
}

static int parse_import_names(cm_parser *p, pvec *v)
{
    int paren = cm_parse_accept(p, CM_TOK_LPAR);
    if (!paren && cm_parse_is(p, CM_TOK_NEWLINE)) {
        cm_token *t = cm_parse_tok(p);
        cm_parse_error(p, t->lineno, t->col, t->lineno, t->col,
                       "Expected one or more names after 'import'");
        return 0;
    }
    do {
        if (paren && cm_parse_is(p, CM_TOK_RPAR) && v->n) break;
        cm_token *t = cm_parse_tok(p);
        if (t->type != CM_TOK_NAME || t->kw) { cm_parse_invalid(p); return 0; }
        cm_parse_next(p);
        cm_alias *a = new_alias(p, cm_parse_ident(p, t), cm_parse_tok_loc(t));
        if (!a || !cm_parse_vpush(p, v, a)) return 0;
    } while (cm_parse_accept(p, CM_TOK_COMMA));
    if (paren && !expect(p, CM_TOK_RPAR, NULL)) return 0;
    if (!paren && cm_parse_is(p, CM_TOK_COMMA)) { cm_parse_invalid(p); return 0; }
    return 1;
}

static cm_stmt *parse_from_import(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_IMPORTFROM, cm_parse_tok_loc(kw));
    if (!s) return NULL;
    int level = 0;
    for (;;) {
        if (cm_parse_accept(p, CM_TOK_DOT)) level++;
        else if (cm_parse_accept(p, CM_TOK_ELLIPSIS)) level += 3;
        else break;
    }
    if (!cm_parse_is_kw(p, CM_KW_IMPORT) || level == 0) {
        cm_loc loc;
        s->v.importfrom.module = parse_dotted(p, &loc);
        if (p->failed) return NULL;
    }
    s->v.importfrom.level = level;
    if (!cm_parse_accept_kw(p, CM_KW_IMPORT)) { cm_parse_invalid(p); return NULL; }
    pvec v = {0};
    if (cm_parse_is(p, CM_TOK_STAR)) {
        cm_token *st = cm_parse_next(p);
        cm_alias *a = cm_parse_alloc(p, sizeof *a);
        if (!a) return NULL;
        a->name = cm_parse_ident(p, st);
        a->loc = cm_parse_tok_loc(st);
        if (!cm_parse_vpush(p, &v, a)) return NULL;
    } else if (!parse_import_names(p, &v)) {
        return NULL;
    }
    s->v.importfrom.names.items = (cm_alias **)v.items;
    s->v.importfrom.names.count = v.n;
    s->loc = cm_parse_to_prev(p, s->loc);
    return s;
}

/* Statements whose keyword decides everything: return, raise, pass, ... */
static cm_stmt *parse_keyword_simple(cm_parser *p, int kw)
{
    cm_token *t = cm_parse_next(p);
    cm_loc loc = cm_parse_tok_loc(t);
    cm_stmt *s;
    switch (kw) {
    case CM_KW_PASS: return new_stmt(p, CM_S_PASS, loc);
    case CM_KW_BREAK: return new_stmt(p, CM_S_BREAK, loc);
    case CM_KW_CONTINUE: return new_stmt(p, CM_S_CONTINUE, loc);
    case CM_KW_RETURN:
        if (!(s = new_stmt(p, CM_S_RETURN, loc))) return NULL;
        if (cm_parse_starts_expr(p) && !(s->v.ret.value = cm_parse_star_expressions(p)))
            return NULL;
        break;
    case CM_KW_RAISE:
        if (!(s = new_stmt(p, CM_S_RAISE, loc))) return NULL;
        if (cm_parse_starts_expr(p)) {
            if (!(s->v.raise.exc = cm_parse_expression(p))) return NULL;
            if (cm_parse_accept_kw(p, CM_KW_FROM) &&
                !(s->v.raise.cause = cm_parse_expression(p))) return NULL;
        }
        break;
    case CM_KW_GLOBAL: case CM_KW_NONLOCAL:
        if (!(s = new_stmt(p, kw == CM_KW_GLOBAL ? CM_S_GLOBAL : CM_S_NONLOCAL, loc)))
            return NULL;
        s->v.global.names = parse_name_list(p);
        break;
    case CM_KW_ASSERT:
        if (!(s = new_stmt(p, CM_S_ASSERT, loc))) return NULL;
        if (!(s->v.assert_.test = cm_parse_expression(p))) return NULL;
        if (cm_parse_accept(p, CM_TOK_COMMA) && !(s->v.assert_.msg = cm_parse_expression(p)))
            return NULL;
        break;
    default: /* del */
        if (!(s = new_stmt(p, CM_S_DELETE, loc))) return NULL;
        {
            /* del_targets: an unparenthesized tuple gives one target per
             * element, `del (a, b)` one Tuple target. */
            int bare = 0;
            pvec v = {0};
            cm_expr *e = cm_parse_star_named_expressions_tuple(p, &bare);
            if (!e || !cm_parse_set_ctx(p, e, CM_DEL)) return NULL;
            if (bare) {
                for (int i = 0; i < e->v.seq.elts.count; i++)
                    if (!cm_parse_vpush(p, &v, e->v.seq.elts.items[i])) return NULL;
            } else if (!cm_parse_vpush(p, &v, e)) {
                return NULL;
            }
            s->v.del.targets = cm_parse_expr_seq(p, &v);
        }
        break;
    }
    if (p->failed) return NULL;
    s->loc = cm_parse_to_prev(p, loc);
    return s;
}

/* ---- expression statements and assignments */

static const cm_tok_type aug_toks[] = {
    CM_TOK_PLUSEQUAL, CM_TOK_MINEQUAL, CM_TOK_STAREQUAL, CM_TOK_ATEQUAL,
    CM_TOK_SLASHEQUAL, CM_TOK_PERCENTEQUAL, CM_TOK_DOUBLESTAREQUAL,
    CM_TOK_LEFTSHIFTEQUAL, CM_TOK_RIGHTSHIFTEQUAL, CM_TOK_VBAREQUAL,
    CM_TOK_CIRCUMFLEXEQUAL, CM_TOK_AMPEREQUAL, CM_TOK_DOUBLESLASHEQUAL};
static const cm_operator aug_ops[] = {
    CM_ADD, CM_SUB, CM_MULT, CM_MATMULT, CM_DIV, CM_MOD, CM_POW, CM_LSHIFT,
    CM_RSHIFT, CM_BITOR, CM_BITXOR, CM_BITAND, CM_FLOORDIV};

static int aug_index(cm_tok_type t)
{
    for (int i = 0; i < (int)(sizeof aug_toks / sizeof aug_toks[0]); i++)
        if (aug_toks[i] == t) return i;
    return -1;
}

/* Right-hand side of =, augmented =, annotated =: yield or star_expressions. */
static cm_expr *parse_rhs(cm_parser *p)
{
    if (cm_parse_is_kw(p, CM_KW_YIELD)) return cm_parse_yield_expr(p);
    return cm_parse_star_expressions(p);
}

static int is_bitwise_or_level(const cm_expr *e)
{
    switch (e->kind) {
    case CM_E_COMPARE: case CM_E_BOOLOP: case CM_E_IFEXP: case CM_E_LAMBDA:
    case CM_E_NAMEDEXPR: case CM_E_STARRED: case CM_E_LIST: case CM_E_TUPLE:
    case CM_E_GENERATOREXP:
        return 0;
    case CM_E_UNARYOP: return e->v.unaryop.op != CM_NOT;
    case CM_E_CONSTANT:
        return e->v.constant.kind != CM_CONST_TRUE &&
               e->v.constant.kind != CM_CONST_FALSE &&
               e->v.constant.kind != CM_CONST_NONE;
    default: return 1;
    }
}

/* CPython's invalid_named_expression: `1 = x` gets the '==' hint. */
static int check_eq_hint(cm_parser *p, cm_expr *target, cm_expr *value, int ntargets,
                         int parenthesized)
{
    if (ntargets != 1 || parenthesized || !is_bitwise_or_level(target)) return 1;
    cm_expr *v = value->kind == CM_E_TUPLE && value->v.seq.elts.count ?
                 value->v.seq.elts.items[0] : value;
    if (!is_bitwise_or_level(v) || value->kind == CM_E_YIELD) {
        if (!(value->kind == CM_E_YIELD)) return 1;
    }
    switch (target->kind) {
    case CM_E_NAME: case CM_E_ATTRIBUTE: case CM_E_SUBSCRIPT: return 1;
    default: break;
    }
    cm_parse_error_loc(p, target->loc,
        "cannot assign to %s here. Maybe you meant '==' instead of '='?",
        cm_parse_expr_name(target));
    return 0;
}

static cm_stmt *parse_annassign(cm_parser *p, cm_expr *target, int paren_start)
{
    cm_parse_next(p);   /* ':' */
    if (target->kind == CM_E_TUPLE || target->kind == CM_E_LIST) {
        cm_parse_error_loc(p, target->loc, "only single target (not %s) can be annotated",
                           target->kind == CM_E_TUPLE ? "tuple" : "list");
        return NULL;
    }
    if (target->kind != CM_E_NAME && target->kind != CM_E_ATTRIBUTE &&
        target->kind != CM_E_SUBSCRIPT) {
        cm_parse_error_loc(p, target->loc, "illegal target for annotation");
        return NULL;
    }
    if (!cm_parse_set_ctx(p, target, CM_STORE)) return NULL;
    cm_stmt *s = new_stmt(p, CM_S_ANNASSIGN, target->loc);
    if (!s) return NULL;
    s->v.annassign.target = target;
    s->v.annassign.simple = target->kind == CM_E_NAME && !paren_start;
    if (!(s->v.annassign.annotation = cm_parse_expression(p))) return NULL;
    if (cm_parse_accept(p, CM_TOK_EQUAL) && !(s->v.annassign.value = parse_rhs(p)))
        return NULL;
    if (paren_start) s->loc = cm_parse_tok_loc(&p->toks[paren_start - 1]);
    s->loc = cm_parse_to_prev(p, s->loc);
    return s;
}

static cm_stmt *parse_augassign(cm_parser *p, cm_expr *target, cm_loc start)
{
    int op = aug_index(cm_parse_next(p)->type);
    if (target->kind != CM_E_NAME && target->kind != CM_E_ATTRIBUTE &&
        target->kind != CM_E_SUBSCRIPT) {
        const char *n = cm_parse_expr_name(target);
        if (target->kind == CM_E_TUPLE) n = "tuple";
        else if (target->kind == CM_E_LIST) n = "list";
        cm_parse_error_loc(p, target->loc,
                           "'%s' is an illegal expression for augmented assignment", n);
        return NULL;
    }
    if (!cm_parse_set_ctx(p, target, CM_STORE)) return NULL;
    cm_stmt *s = new_stmt(p, CM_S_AUGASSIGN, start);
    if (!s) return NULL;
    s->v.augassign.target = target;
    s->v.augassign.op = aug_ops[op];
    if (!(s->v.augassign.value = parse_rhs(p))) return NULL;
    s->loc = cm_parse_to_prev(p, start);
    return s;
}

static cm_stmt *parse_assign(cm_parser *p, cm_expr *first, cm_loc start, int paren)
{
    pvec targets = {0};
    cm_expr *value = first;
    while (cm_parse_accept(p, CM_TOK_EQUAL)) {
        if (!cm_parse_vpush(p, &targets, value)) return NULL;
        if (!(value = parse_rhs(p))) return NULL;
    }
    if (value->kind == CM_E_STARRED) {
        cm_parse_error_loc(p, value->loc, "can't use starred expression here");
        return NULL;
    }
    for (int i = 0; i < targets.n; i++) {
        cm_expr *t = targets.items[i];
        if (t->kind == CM_E_YIELD || t->kind == CM_E_YIELDFROM) {
            if (i == 0 && targets.n == 1 && !check_eq_hint(p, t, value, 1, 0)) return NULL;
            cm_parse_error_loc(p, t->loc, "assignment to yield expression not possible");
            return NULL;
        }
        if (i == 0 && !check_eq_hint(p, t, value, targets.n, paren)) return NULL;
        if (!cm_parse_set_ctx(p, t, CM_STORE)) return NULL;
    }
    cm_stmt *s = new_stmt(p, CM_S_ASSIGN, start);
    if (!s) return NULL;
    s->v.assign.targets = cm_parse_expr_seq(p, &targets);
    s->v.assign.value = value;
    s->loc = cm_parse_to_prev(p, start);
    return s;
}

/* `print x` / `exec x`: CPython's legacy-statement hint. */
static int check_legacy(cm_parser *p, cm_expr *e)
{
    if (e->kind != CM_E_NAME || !cm_parse_starts_expr(p)) return 1;
    const char *n = e->v.name.id.str;
    if (strcmp(n, "print") != 0 && strcmp(n, "exec") != 0) return 1;
    if (cm_parse_is(p, CM_TOK_LPAR) || cm_parse_is(p, CM_TOK_MINUS) ||
        cm_parse_is(p, CM_TOK_PLUS) || cm_parse_is(p, CM_TOK_STAR) ||
        cm_parse_is(p, CM_TOK_LSQB) || cm_parse_is(p, CM_TOK_TILDE))
        return 1;
    cm_expr *rest = cm_parse_star_expressions(p);
    if (!rest) return 0;
    cm_parse_error_loc(p, cm_parse_span(e->loc, rest->loc),
                       "Missing parentheses in call to '%s'. Did you mean %s(...)?", n, n);
    return 0;
}

static cm_stmt *parse_expr_stmt(cm_parser *p)
{
    int start_idx = p->pos;
    cm_token *first = cm_parse_tok(p);
    cm_loc start = cm_parse_tok_loc(first);
    int paren = first->type == CM_TOK_LPAR;
    cm_expr *e = parse_rhs(p);
    if (!e) return NULL;
    if (cm_parse_is(p, CM_TOK_COLON))
        return parse_annassign(p, e, paren ? start_idx + 1 : 0);
    if (aug_index(cm_parse_tok(p)->type) >= 0) return parse_augassign(p, e, start);
    if (cm_parse_is(p, CM_TOK_EQUAL)) return parse_assign(p, e, start, paren);
    if (!check_legacy(p, e)) return NULL;
    if (e->kind == CM_E_STARRED) {
        cm_parse_error_loc(p, e->loc, "can't use starred expression here");
        return NULL;
    }
    cm_stmt *s = new_stmt(p, CM_S_EXPR, e->loc);
    if (s) s->v.expr.value = e;
    (void)start;
    return s;
}

/* type X[T] = value (soft keyword) */
static int looks_like_type_alias(cm_parser *p)
{
    if (!cm_parse_is_name(p, "type")) return 0;
    cm_token *n = cm_parse_peek(p, 1), *a = cm_parse_peek(p, 2);
    return n->type == CM_TOK_NAME && !n->kw &&
           (a->type == CM_TOK_EQUAL || a->type == CM_TOK_LSQB);
}

static cm_stmt *parse_type_alias(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_TYPEALIAS, cm_parse_tok_loc(kw));
    if (!s) return NULL;
    if (!(s->v.typealias.name = cm_parse_name(p, CM_STORE))) return NULL;
    if (cm_parse_is(p, CM_TOK_LSQB)) {
        s->v.typealias.type_params = cm_parse_type_params(p);
        if (p->failed) return NULL;
    }
    if (!expect(p, CM_TOK_EQUAL, NULL)) return NULL;
    if (!(s->v.typealias.value = cm_parse_expression(p))) return NULL;
    s->loc = cm_parse_to_prev(p, s->loc);
    return s;
}

static cm_stmt *parse_simple_stmt(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type == CM_TOK_NAME) {
        switch (t->kw) {
        case CM_KW_PASS: case CM_KW_BREAK: case CM_KW_CONTINUE: case CM_KW_RETURN:
        case CM_KW_RAISE: case CM_KW_GLOBAL: case CM_KW_NONLOCAL: case CM_KW_ASSERT:
        case CM_KW_DEL:
            return parse_keyword_simple(p, t->kw);
        case CM_KW_IMPORT: return parse_import(p);
        case CM_KW_FROM: return parse_from_import(p);
        default: break;
        }
        if (looks_like_type_alias(p)) return parse_type_alias(p);
    }
    if (!cm_parse_starts_expr(p)) {
        if (!p->failed) cm_parse_invalid(p);
        return NULL;
    }
    return parse_expr_stmt(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int parse_simple_stmts(cm_parser *p, pvec *out)
{
    for (;;) {
        cm_stmt *s = parse_simple_stmt(p);
        if (!s || !cm_parse_vpush(p, out, s)) return 0;
        if (cm_parse_accept(p, CM_TOK_NEWLINE)) return 1;
        if (cm_parse_accept(p, CM_TOK_SEMI)) {
            if (cm_parse_accept(p, CM_TOK_NEWLINE)) return 1;
            continue;
        }
        if (cm_parse_is(p, CM_TOK_ENDMARKER) && !p->failed) return 1;
        if (!p->failed) cm_parse_invalid(p);
        return 0;
    }
}

/* ---- compound statements */

static cm_stmt_seq parse_else_block(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    return parse_block(p, "'else' statement", kw->lineno);
}

/* Test of if/elif/while: `if x = 1:` gets CPython's '==' or ':=' hint. */
static cm_expr *parse_test(cm_parser *p)
{
    cm_expr *e = cm_parse_named_expression(p);
    if (!e || !cm_parse_is(p, CM_TOK_EQUAL)) return e;
    cm_parse_next(p);
    cm_expr *b = cm_parse_bitwise_or(p);
    if (!b) return NULL;
    if (cm_parse_is(p, CM_TOK_EQUAL) || cm_parse_is(p, CM_TOK_COLONEQUAL)) {
        cm_parse_invalid(p);
        return NULL;
    }
    if (e->kind == CM_E_NAME)
        cm_parse_error_loc(p, cm_parse_span(e->loc, b->loc),
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        cm_parse_error_loc(p, e->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                           cm_parse_expr_name(e));
    return NULL;
}

static cm_stmt *parse_if(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    int is_elif = kw->kw == CM_KW_ELIF;
    cm_stmt *s = new_stmt(p, CM_S_IF, cm_parse_tok_loc(kw));
    if (!s) return NULL;
    if (!(s->v.if_.test = parse_test(p))) return NULL;
    s->v.if_.body = parse_block(p, is_elif ? "'elif' statement" : "'if' statement",
                                kw->lineno);
    if (p->failed) return NULL;
    end_at_body(s, s->v.if_.body);
    if (cm_parse_is_kw(p, CM_KW_ELIF)) {
        if (!cm_parse_enter(p)) return NULL;
        cm_stmt *e = parse_if(p);
        LEAVE(p);
        if (!e) return NULL;
        cm_stmt **arr = cm_parse_alloc(p, sizeof *arr);
        if (!arr) return NULL;
        arr[0] = e;
        s->v.if_.orelse.items = arr;
        s->v.if_.orelse.count = 1;
    } else if (cm_parse_is_kw(p, CM_KW_ELSE)) {
        s->v.if_.orelse = parse_else_block(p);
    }
    end_at_body(s, s->v.if_.orelse);
    return p->failed ? NULL : s;
}

static cm_stmt *parse_while(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_WHILE, cm_parse_tok_loc(kw));
    if (!s || !(s->v.while_.test = parse_test(p))) return NULL;
    s->v.while_.body = parse_block(p, "'while' statement", kw->lineno);
    end_at_body(s, s->v.while_.body);
    if (!p->failed && cm_parse_is_kw(p, CM_KW_ELSE))
        s->v.while_.orelse = parse_else_block(p);
    end_at_body(s, s->v.while_.orelse);
    return p->failed ? NULL : s;
}

static cm_stmt *parse_for(cm_parser *p, cm_token *async_tok)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, async_tok ? CM_S_ASYNCFOR : CM_S_FOR,
                          cm_parse_tok_loc(async_tok ? async_tok : kw));
    if (!s || !(s->v.for_.target = cm_parse_star_targets(p))) return NULL;
    if (!cm_parse_accept_kw(p, CM_KW_IN)) { cm_parse_invalid(p); return NULL; }
    if (!(s->v.for_.iter = cm_parse_star_expressions(p))) return NULL;
    s->v.for_.body = parse_block(p, "'for' statement", kw->lineno);
    end_at_body(s, s->v.for_.body);
    if (!p->failed && cm_parse_is_kw(p, CM_KW_ELSE))
        s->v.for_.orelse = parse_else_block(p);
    end_at_body(s, s->v.for_.orelse);
    return p->failed ? NULL : s;
}

/* with_item: expression ['as' star_target] */
static cm_withitem *parse_with_item(cm_parser *p)
{
    cm_withitem *w = cm_parse_alloc(p, sizeof *w);
    if (!w || !(w->context_expr = cm_parse_expression(p))) return NULL;
    if (cm_parse_accept_kw(p, CM_KW_AS)) {
        if (!(w->optional_vars = cm_parse_star_target(p))) return NULL;
        if (!cm_parse_is(p, CM_TOK_COMMA) && !cm_parse_is(p, CM_TOK_RPAR) &&
            !cm_parse_is(p, CM_TOK_COLON)) {
            cm_parse_invalid(p);
            return NULL;
        }
    }
    return w;
}

/* `with (` starts parenthesized items iff the matching ')' is followed by ':'. */
static int with_is_parenthesized(cm_parser *p)
{
    int depth = 0;
    for (int k = 0;; k++) {
        cm_token *t = cm_parse_peek(p, k);
        if (t->type == CM_TOK_ENDMARKER || t->type == CM_TOK_NEWLINE) return 0;
        if (t->type == CM_TOK_LPAR || t->type == CM_TOK_LSQB || t->type == CM_TOK_LBRACE)
            depth++;
        else if (t->type == CM_TOK_RPAR || t->type == CM_TOK_RSQB || t->type == CM_TOK_RBRACE) {
            if (--depth == 0) return cm_parse_peek(p, k + 1)->type == CM_TOK_COLON;
        }
    }
}

static cm_stmt *parse_with(cm_parser *p, cm_token *async_tok)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, async_tok ? CM_S_ASYNCWITH : CM_S_WITH,
                          cm_parse_tok_loc(async_tok ? async_tok : kw));
    pvec items = {0};
    if (!s) return NULL;
    int paren = cm_parse_is(p, CM_TOK_LPAR) && cm_parse_peek(p, 1)->kw != CM_KW_YIELD &&
                with_is_parenthesized(p);
    if (paren) cm_parse_next(p);
    do {
        if (paren && cm_parse_is(p, CM_TOK_RPAR) && items.n) break;
        cm_withitem *w = parse_with_item(p);
        if (!w || !cm_parse_vpush(p, &items, w)) return NULL;
    } while (cm_parse_accept(p, CM_TOK_COMMA));
    if (paren && !expect(p, CM_TOK_RPAR, NULL)) return NULL;
    s->v.with.items.items = (cm_withitem **)items.items;
    s->v.with.items.count = items.n;
    s->v.with.body = parse_block(p, "'with' statement", kw->lineno);
    end_at_body(s, s->v.with.body);
    return p->failed ? NULL : s;
}

static cm_excepthandler *parse_except(cm_parser *p, int *star)
{
    cm_token *kw = cm_parse_next(p);
    cm_excepthandler *h = cm_parse_alloc(p, sizeof *h);
    if (!h) return NULL;
    h->loc = cm_parse_tok_loc(kw);
    int is_star = cm_parse_accept(p, CM_TOK_STAR);
    if (*star < 0) *star = is_star;
    else if (*star != is_star) {
        cm_parse_error(p, kw->lineno, kw->col, kw->lineno,
                       is_star ? cm_parse_prev(p)->end_col : kw->end_col,
                       "cannot have both 'except' and 'except*' on the same 'try'");
        return NULL;
    }
    if (is_star && cm_parse_is(p, CM_TOK_COLON)) {
        cm_parse_error_tok(p, cm_parse_tok(p), "expected one or more exception types");
        return NULL;
    }
    if (!cm_parse_is(p, CM_TOK_COLON)) {
        int bare = 0;
        cm_expr *t = cm_parse_star_named_expressions_tuple(p, &bare);
        if (!t) return NULL;
        h->type = t;
        if (cm_parse_accept_kw(p, CM_KW_AS)) {
            if (bare) {
                cm_parse_error_loc(p, t->loc, "multiple exception types must be "
                                   "parenthesized when using 'as'");
                return NULL;
            }
            cm_token *n = cm_parse_tok(p);
            if (n->type != CM_TOK_NAME || n->kw) {
                cm_expr *bad = cm_parse_expression(p);
                if (bad) cm_parse_error_loc(p, bad->loc, "cannot use %s as except target",
                                            cm_parse_expr_name(bad));
                return NULL;
            }
            h->name = cm_parse_ident(p, cm_parse_next(p));
        }
    }
    h->body = parse_block(p, is_star ? "'except*' statement" : "'except' statement",
                          kw->lineno);
    if (h->body.count)
        h->loc = cm_parse_span(h->loc, h->body.items[h->body.count - 1]->loc);
    return p->failed ? NULL : h;
}

static cm_stmt *parse_try(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_TRY, cm_parse_tok_loc(kw));
    if (!s) return NULL;
    s->v.try_.body = parse_block(p, "'try' statement", kw->lineno);
    end_at_body(s, s->v.try_.body);
    pvec hs = {0};
    int star = -1;
    while (!p->failed && cm_parse_is_kw(p, CM_KW_EXCEPT)) {
        cm_excepthandler *h = parse_except(p, &star);
        if (!h || !cm_parse_vpush(p, &hs, h)) return NULL;
        s->loc.end_lineno = h->loc.end_lineno;
        s->loc.end_col_offset = h->loc.end_col_offset;
    }
    if (star == 1) s->kind = CM_S_TRYSTAR;
    s->v.try_.handlers.items = (cm_excepthandler **)hs.items;
    s->v.try_.handlers.count = hs.n;
    if (!p->failed && hs.n && cm_parse_is_kw(p, CM_KW_ELSE)) {
        s->v.try_.orelse = parse_else_block(p);
        end_at_body(s, s->v.try_.orelse);
    }
    if (!p->failed && cm_parse_is_kw(p, CM_KW_FINALLY)) {
        cm_token *f = cm_parse_next(p);
        s->v.try_.finalbody = parse_block(p, "'finally' statement", f->lineno);
        end_at_body(s, s->v.try_.finalbody);
    } else if (!p->failed && !hs.n) {
        if (!cm_parse_is(p, CM_TOK_ENDMARKER)) {
            cm_parse_error_tok(p, cm_parse_tok(p), "expected 'except' or 'finally' block");
            return NULL;
        }
        /* At end of input CPython points at the try body's last newline. */
        int i = p->pos - 1;
        while (i > 0 && p->toks[i].type != CM_TOK_NEWLINE) i--;
        cm_token *nl = &p->toks[i];
        cm_parse_error(p, nl->lineno, nl->col, nl->lineno, -1, "expected 'except' or 'finally' block");
        return NULL;
    }
    return p->failed ? NULL : s;
}

static cm_stmt *parse_funcdef(cm_parser *p, cm_token *async_tok, cm_expr_seq decos)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, async_tok ? CM_S_ASYNCFUNCTIONDEF : CM_S_FUNCTIONDEF,
                          cm_parse_tok_loc(async_tok ? async_tok : kw));
    if (!s) return NULL;
    s->v.funcdef.decorator_list = decos;
    cm_token *n = cm_parse_tok(p);
    if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
    s->v.funcdef.name = cm_parse_ident(p, cm_parse_next(p));
    if (cm_parse_is(p, CM_TOK_LSQB)) {
        s->v.funcdef.type_params = cm_parse_type_params(p);
        if (p->failed) return NULL;
    }
    if (!expect(p, CM_TOK_LPAR, "(")) return NULL;
    if (!(s->v.funcdef.args = cm_parse_params(p, 0))) return NULL;
    if (!expect(p, CM_TOK_RPAR, NULL)) return NULL;
    if (cm_parse_accept(p, CM_TOK_RARROW) && !(s->v.funcdef.returns = cm_parse_expression(p)))
        return NULL;
    s->v.funcdef.body = parse_block(p, "function definition", kw->lineno);
    end_at_body(s, s->v.funcdef.body);
    return p->failed ? NULL : s;
}

static cm_stmt *parse_classdef(cm_parser *p, cm_expr_seq decos)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = new_stmt(p, CM_S_CLASSDEF, cm_parse_tok_loc(kw));
    if (!s) return NULL;
    s->v.classdef.decorator_list = decos;
    cm_token *n = cm_parse_tok(p);
    if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
    s->v.classdef.name = cm_parse_ident(p, cm_parse_next(p));
    if (cm_parse_is(p, CM_TOK_LSQB)) {
        s->v.classdef.type_params = cm_parse_type_params(p);
        if (p->failed) return NULL;
    }
    if (cm_parse_is(p, CM_TOK_LPAR)) {
        cm_token *open = cm_parse_next(p);
        if (!cm_parse_call_args(p, &s->v.classdef.bases, &s->v.classdef.keywords, open))
            return NULL;
    }
    s->v.classdef.body = parse_block(p, "class definition", kw->lineno);
    end_at_body(s, s->v.classdef.body);
    return p->failed ? NULL : s;
}

static cm_stmt *parse_decorated(cm_parser *p)
{
    pvec d = {0};
    while (cm_parse_accept(p, CM_TOK_AT)) {
        cm_expr *e = cm_parse_named_expression(p);
        if (!e || !cm_parse_vpush(p, &d, e)) return NULL;
        if (!expect(p, CM_TOK_NEWLINE, NULL)) return NULL;
    }
    cm_expr_seq decos = cm_parse_expr_seq(p, &d);
    if (cm_parse_is_kw(p, CM_KW_DEF)) return parse_funcdef(p, NULL, decos);
    if (cm_parse_is_kw(p, CM_KW_CLASS)) return parse_classdef(p, decos);
    if (cm_parse_is_kw(p, CM_KW_ASYNC) && cm_parse_peek(p, 1)->kw == CM_KW_DEF)
        return parse_funcdef(p, cm_parse_next(p), decos);
    cm_parse_invalid(p);
    return NULL;
}

static cm_stmt *parse_compound(cm_parser *p, int *handled)
{
    cm_token *t = cm_parse_tok(p);
    cm_expr_seq none = {NULL, 0};
    *handled = 1;
    if (t->type == CM_TOK_AT) return parse_decorated(p);
    if (t->type != CM_TOK_NAME) { *handled = 0; return NULL; }
    switch (t->kw) {
    case CM_KW_IF: return parse_if(p);
    case CM_KW_WHILE: return parse_while(p);
    case CM_KW_FOR: return parse_for(p, NULL);
    case CM_KW_WITH: return parse_with(p, NULL);
    case CM_KW_TRY: return parse_try(p);
    case CM_KW_DEF: return parse_funcdef(p, NULL, none);
    case CM_KW_CLASS: return parse_classdef(p, none);
    case CM_KW_ASYNC: {
        int next = cm_parse_peek(p, 1)->kw;
        if (next == CM_KW_DEF) return parse_funcdef(p, cm_parse_next(p), none);
        if (next == CM_KW_FOR) return parse_for(p, cm_parse_next(p));
        if (next == CM_KW_WITH) return parse_with(p, cm_parse_next(p));
        cm_parse_next(p);
        cm_parse_invalid(p);
        return NULL;
    }
    default: break;
    }
    if (cm_parse_looks_like_match(p)) return cm_parse_match_stmt(p);
    *handled = 0;
    return NULL;
}

/* statement: compound_stmt | simple_stmts; appends to out. */
static cm_stmt *parse_statement(cm_parser *p, pvec *out)
{
    int handled;
    if (p->failed) return NULL;
    cm_stmt *s = parse_compound(p, &handled);
    if (handled) return s && cm_parse_vpush(p, out, s) ? s : NULL;
    if (cm_parse_is(p, CM_TOK_INDENT)) { cm_parse_invalid(p); return NULL; }
    if (!parse_simple_stmts(p, out)) return NULL;
    return out->items[out->n - 1];
}

/* The body of a `case` block reuses the statement machinery. */
cm_stmt_seq cm_parse_block(cm_parser *p, const char *what, int line)
{
    return parse_block(p, what, line);
}

static int parse_statements_into(cm_parser *p, pvec *out)
{
    while (!cm_parse_is(p, CM_TOK_ENDMARKER)) {
        if (!parse_statement(p, out)) return 0;
    }
    return !p->failed;
}

/* ---------------------------------------------------------------- entry */

void cm_parse_init(cm_parser *p, cm_arena *a, const char *src,
                   const char *end, cm_syntax_error *err)
{
    memset(p, 0, sizeof *p);
    p->arena = a;
    p->src = src;
    p->end = end;
    p->err = err;
}

/* Validates UTF-8 and NUL bytes up front (CPython's decode step). */
static int check_source(cm_parser *p)
{
    const unsigned char *s = (const unsigned char *)p->src, *e = (const unsigned char *)p->end;
    int line = 1;
    const unsigned char *ls = s;
    while (s < e) {
        unsigned c = *s;
        if (c == 0) {
            cm_parse_error(p, line, 0, line, -1, "source code string cannot contain null bytes");
            p->err->col_offset = 0;
            p->err->lineno = 0;
            p->err->end_lineno = 0;
            p->err->end_col_offset = 0;
            return 0;
        }
        if (c < 0x80) { if (c == '\n') { line++; ls = s + 1; } s++; continue; }
        int n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        unsigned v = n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 7;
        int ok = n && e - s >= n;
        for (int i = 1; ok && i < n; i++) {
            if ((s[i] & 0xC0) != 0x80) ok = 0;
            else v = (v << 6) | (s[i] & 0x3F);
        }
        if (ok && ((n == 2 && v < 0x80) || (n == 3 && v < 0x800) || (n == 4 && v < 0x10000) ||
                   v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)))
            ok = 0;
        if (!ok) {
            cm_parse_error(p, line, (int)(s - ls), line, (int)(s - ls) + 1,
                           "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                           "position %d: invalid %s byte", c, (int)(s - ls),
                           n ? "continuation" : "start");
            return 0;
        }
        s += n;
    }
    return 1;
}

/* Newlines become "\n" (CPython translates \r\n and \r while reading). */
static const char *normalise_newlines(cm_parser *p, const char *src, size_t *len)
{
    if (!memchr(src, '\r', *len)) return src;
    char *out = cm_parse_alloc(p, *len + 1);
    if (!out) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < *len; i++) {
        if (src[i] == '\r') {
            out[n++] = '\n';
            if (i + 1 < *len && src[i + 1] == '\n') i++;
        } else {
            out[n++] = src[i];
        }
    }
    out[n] = 0;
    *len = n;
    return out;
}

static cm_ast_mod *parse_eval(cm_parser *p, cm_ast_mod *m)
{
    m->kind = CM_MOD_EXPRESSION;
    while (cm_parse_accept(p, CM_TOK_NEWLINE)) {}
    if (!cm_parse_starts_expr(p)) { cm_parse_invalid(p); return NULL; }
    if (!(m->expr = cm_parse_star_expressions(p))) return NULL;
    while (cm_parse_accept(p, CM_TOK_NEWLINE)) {}
    if (!cm_parse_is(p, CM_TOK_ENDMARKER)) {
        if (!p->failed) cm_parse_invalid(p);
        return NULL;
    }
    return m;
}

static cm_ast_mod *parse_single(cm_parser *p, cm_ast_mod *m)
{
    pvec body = {0};
    m->kind = CM_MOD_INTERACTIVE;
    if (!cm_parse_is(p, CM_TOK_ENDMARKER) && !parse_statement(p, &body)) return NULL;
    while (cm_parse_accept(p, CM_TOK_NEWLINE)) {}
    if (!cm_parse_is(p, CM_TOK_ENDMARKER)) {
        if (p->failed) return NULL;
        cm_token *t = cm_parse_tok(p);
        cm_parse_error_tok(p, t, "multiple statements found while compiling a single statement");
        return NULL;
    }
    m->body = stmt_seq(&body);
    return m;
}

/* CPython tokenizes the rest of the source after a parser error: a later
 * tokenizer error that raises at once (bad string, invalid character, ...)
 * replaces the parser's; indentation errors and EOF don't; an unclosed
 * bracket does only if it was opened on an earlier line than the error. */
static void prefer_tokenizer_error(cm_parser *p)
{
    cm_token t;
    if (p->lx.done) return;
    /* CPython compares with the last token the parser fetched. */
    int err_line = p->ntoks ? p->toks[p->ntoks - 1].lineno : p->err->lineno;
    for (;;) {
        cm_tok_type ty = cm_lex_next(&p->lx, &t);
        if (ty == CM_TOK_ENDMARKER) return;
        if (ty != CM_TOK_ERROR) continue;
        const cm_syntax_error *le = &p->lx.err;
        if (le->is_indentation_error || strstr(le->msg, "unexpected EOF") ||
            strstr(le->msg, "too many")) return;
        if (strstr(le->msg, "was never closed") && le->lineno >= err_line) return;
        *p->err = *le;
        return;
    }
}

cm_ast_mod *cm_parse(cm_arena *arena, const char *src, size_t len,
                     const char *filename, int mode, cm_syntax_error *err)
{
    cm_parser p;
    (void)filename;
    memset(err, 0, sizeof *err);
    cm_parse_init(&p, arena, src, src + len, err);
    p.mode = mode;
    src = normalise_newlines(&p, src, &len);
    if (!src) return NULL;
    cm_parse_init(&p, arena, src, src + len, err);
    p.mode = mode;
    if (!check_source(&p)) return NULL;
    cm_lex_init(&p.lx, src, len);
    cm_ast_mod *m = cm_parse_alloc(&p, sizeof *m);
    if (!m) return NULL;
    if (mode == CM_PARSE_EVAL) m = parse_eval(&p, m);
    else if (mode == CM_PARSE_SINGLE) m = parse_single(&p, m);
    else {
        pvec body = {0};
        m->kind = CM_MOD_MODULE;
        if (!parse_statements_into(&p, &body)) m = NULL;
        else m->body = stmt_seq(&body);
    }
    if (p.failed) {
        if (!p.lex_failed && !err->is_memory_error) prefer_tokenizer_error(&p);
        return NULL;
    }
    return m;
}
