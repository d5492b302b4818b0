/* parse_expr.c — expressions, targets, arguments, parameters.
 *
 * Node locations follow CPython: a composite node spans from its first
 * token to the last token it consumed (so `(a) + b` starts at the '('),
 * while a parenthesized expression keeps the location of what is inside. */
#include "parse_int.h"

#include <string.h>

static cm_expr *parse_atom(cm_parser *p);
static cm_expr *parse_primary(cm_parser *p);
static cm_expr *parse_factor(cm_parser *p);
static cm_expr *parse_star_named_expression(cm_parser *p);

static cm_expr *new_expr(cm_parser *p, cm_expr_kind k, cm_loc loc)
{
    cm_expr *e = cm_ast_expr(p->arena, k, loc);
    return e ? e : cm_parse_nomem(p);
}

static cm_loc start_loc(cm_parser *p) { return cm_parse_tok_loc(cm_parse_tok(p)); }

int cm_parse_starts_expr(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    switch (t->type) {
    case CM_TOK_NAME:
        switch (t->kw) {
        case 0: case CM_KW_FALSE: case CM_KW_NONE: case CM_KW_TRUE:
        case CM_KW_NOT: case CM_KW_LAMBDA: case CM_KW_AWAIT: case CM_KW_YIELD:
            return 1;
        default: return 0;
        }
    case CM_TOK_NUMBER: case CM_TOK_STRING: case CM_TOK_LPAR: case CM_TOK_LSQB:
    case CM_TOK_LBRACE: case CM_TOK_MINUS: case CM_TOK_PLUS: case CM_TOK_TILDE:
    case CM_TOK_STAR: case CM_TOK_ELLIPSIS:
        return 1;
    default: return 0;
    }
}

const char *cm_parse_expr_name(const cm_expr *e)
{
    switch (e->kind) {
    case CM_E_ATTRIBUTE: return "attribute";
    case CM_E_SUBSCRIPT: return "subscript";
    case CM_E_STARRED: return "starred";
    case CM_E_NAME: return "name";
    case CM_E_LIST: return "list";
    case CM_E_TUPLE: return "tuple";
    case CM_E_LAMBDA: return "lambda";
    case CM_E_CALL: return "function call";
    case CM_E_BOOLOP: case CM_E_BINOP: case CM_E_UNARYOP: return "expression";
    case CM_E_GENERATOREXP: return "generator expression";
    case CM_E_YIELD: case CM_E_YIELDFROM: return "yield expression";
    case CM_E_AWAIT: return "await expression";
    case CM_E_LISTCOMP: return "list comprehension";
    case CM_E_SETCOMP: return "set comprehension";
    case CM_E_DICTCOMP: return "dict comprehension";
    case CM_E_DICT: return "dict literal";
    case CM_E_SET: return "set display";
    case CM_E_JOINEDSTR: case CM_E_FORMATTEDVALUE: return "f-string expression";
    case CM_E_TEMPLATESTR: case CM_E_INTERPOLATION: return "t-string expression";
    case CM_E_CONSTANT:
        switch (e->v.constant.kind) {
        case CM_CONST_NONE: return "None";
        case CM_CONST_TRUE: return "True";
        case CM_CONST_FALSE: return "False";
        case CM_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case CM_E_COMPARE: return "comparison";
    case CM_E_IFEXP: return "conditional expression";
    case CM_E_NAMEDEXPR: return "named expression";
    case CM_E_SLICE: return "slice";
    }
    return "expression";
}

/* ------------------------------------------------------------- targets */

int cm_parse_set_ctx(cm_parser *p, cm_expr *e, cm_expr_context ctx)
{
    const char *verb = ctx == CM_DEL ? "delete" : "assign to";
    switch (e->kind) {
    case CM_E_NAME:
        if (e->v.name.id.len == 9 && strcmp(e->v.name.id.str, "__debug__") == 0) {
            cm_parse_error_loc(p, e->loc, "cannot %s __debug__", verb);
            return 0;
        }
        e->v.name.ctx = ctx;
        return 1;
    case CM_E_ATTRIBUTE: e->v.attribute.ctx = ctx; return 1;
    case CM_E_SUBSCRIPT: e->v.subscript.ctx = ctx; return 1;
    case CM_E_STARRED:
        if (ctx == CM_DEL) break;
        e->v.starred.ctx = ctx;
        return cm_parse_set_ctx(p, e->v.starred.value, ctx);
    case CM_E_LIST: case CM_E_TUPLE:
        e->v.seq.ctx = ctx;
        for (int i = 0; i < e->v.seq.elts.count; i++)
            if (!cm_parse_set_ctx(p, e->v.seq.elts.items[i], ctx)) return 0;
        return 1;
    default: break;
    }
    cm_parse_error_loc(p, e->loc, "cannot %s %s", verb, cm_parse_expr_name(e));
    return 0;
}

cm_expr *cm_parse_name(cm_parser *p, cm_expr_context ctx)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type != CM_TOK_NAME || t->kw) { cm_parse_invalid(p); return NULL; }
    cm_parse_next(p);
    cm_expr *e = new_expr(p, CM_E_NAME, cm_parse_tok_loc(t));
    if (!e) return NULL;
    e->v.name.id = cm_parse_ident(p, t);
    e->v.name.ctx = ctx;
    return p->failed ? NULL : e;
}

static cm_expr *make_tuple(cm_parser *p, pvec *v, cm_loc loc, cm_expr_context ctx)
{
    cm_expr *t = new_expr(p, CM_E_TUPLE, loc);
    if (!t) return NULL;
    t->v.seq.elts = cm_parse_expr_seq(p, v);
    t->v.seq.ctx = ctx;
    return t;
}

static cm_expr *parse_star_target(cm_parser *p)
{
    cm_loc s = start_loc(p);
    if (cm_parse_accept(p, CM_TOK_STAR)) {
        cm_expr *e = new_expr(p, CM_E_STARRED, s);
        if (!e || !(e->v.starred.value = cm_parse_bitwise_or(p))) return NULL;
        e->loc = cm_parse_to_prev(p, s);
        return e;
    }
    return cm_parse_bitwise_or(p);
}

cm_expr *cm_parse_star_target(cm_parser *p)
{
    cm_expr *e = parse_star_target(p);
    return e && cm_parse_set_ctx(p, e, CM_STORE) ? e : NULL;
}

/* star_targets for `for ... in`, comprehensions and `with ... as`. */
cm_expr *cm_parse_star_targets(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_expr *first = parse_star_target(p);
    if (!first) return NULL;
    cm_expr *r = first;
    if (cm_parse_is(p, CM_TOK_COMMA)) {
        pvec v = {0};
        if (!cm_parse_vpush(p, &v, first)) return NULL;
        while (cm_parse_accept(p, CM_TOK_COMMA)) {
            if (cm_parse_is_kw(p, CM_KW_IN) || cm_parse_is(p, CM_TOK_EQUAL) ||
                !cm_parse_starts_expr(p))
                break;
            cm_expr *e = parse_star_target(p);
            if (!e || !cm_parse_vpush(p, &v, e)) return NULL;
        }
        if (!(r = make_tuple(p, &v, cm_parse_to_prev(p, s), CM_STORE))) return NULL;
    }
    return cm_parse_set_ctx(p, r, CM_STORE) ? r : NULL;
}

/* ------------------------------------------------------- comma hinting */

/* Inside brackets, `a b` gets "Perhaps you forgot a comma?" (CPython's
 * invalid_expression rule).  Called when an element is followed by a token
 * that can start an expression. */
static void forgot_comma(cm_parser *p, cm_expr *elem, cm_token *elem_start)
{
    cm_token *t = cm_parse_tok(p);
    int soft = elem_start->type == CM_TOK_NAME &&
               (elem->kind == CM_E_NAME) &&
               (strcmp(elem->v.name.id.str, "match") == 0 ||
                strcmp(elem->v.name.id.str, "case") == 0 ||
                strcmp(elem->v.name.id.str, "type") == 0 ||
                strcmp(elem->v.name.id.str, "_") == 0);
    int name_str = elem->kind == CM_E_NAME && t->type == CM_TOK_STRING;
    if (p->failed) return;
    if (soft || name_str || elem->kind == CM_E_STARRED || elem->kind == CM_E_LAMBDA ||
        elem->kind == CM_E_IFEXP || elem->kind == CM_E_NAMEDEXPR || t->type == CM_TOK_STAR ||
        (t->type == CM_TOK_NAME && t->kw == CM_KW_NOT)) {
        cm_parse_invalid(p);
        return;
    }
    cm_expr *b = cm_parse_expression(p);
    if (!b) return;
    cm_parse_error_loc(p, cm_parse_span(cm_parse_tok_loc(elem_start), b->loc),
                       "invalid syntax. Perhaps you forgot a comma?");
}

/* After an element inside brackets: ',' or `closer` must follow. */
static int after_elem(cm_parser *p, cm_expr *elem, cm_token *elem_start)
{
    if (cm_parse_is(p, CM_TOK_COMMA)) return 1;
    if (p->failed) return 0;
    if (cm_parse_starts_expr(p)) forgot_comma(p, elem, elem_start);
    else cm_parse_invalid(p);
    return 0;
}

/* --------------------------------------------------------- comprehension */

int cm_parse_is_comp_for(cm_parser *p)
{
    return cm_parse_is_kw(p, CM_KW_FOR) ||
           (cm_parse_is_kw(p, CM_KW_ASYNC) && cm_parse_peek(p, 1)->kw == CM_KW_FOR);
}

cm_comprehension_seq cm_parse_comp_for(cm_parser *p)
{
    cm_comprehension_seq r = {NULL, 0};
    pvec v = {0};
    while (cm_parse_is_comp_for(p)) {
        cm_comprehension *c = cm_parse_alloc(p, sizeof *c);
        if (!c) return r;
        c->is_async = cm_parse_accept_kw(p, CM_KW_ASYNC);
        cm_parse_next(p);   /* for */
        if (!(c->target = cm_parse_star_targets(p))) return r;
        if (!cm_parse_accept_kw(p, CM_KW_IN)) { cm_parse_invalid(p); return r; }
        if (!(c->iter = cm_parse_disjunction(p))) return r;
        pvec ifs = {0};
        while (cm_parse_accept_kw(p, CM_KW_IF)) {
            cm_expr *e = cm_parse_disjunction(p);
            if (!e || !cm_parse_vpush(p, &ifs, e)) return r;
        }
        c->ifs = cm_parse_expr_seq(p, &ifs);
        if (!cm_parse_vpush(p, &v, c)) return r;
    }
    r.items = (cm_comprehension **)v.items;
    r.count = v.n;
    return r;
}

static cm_expr *make_comp(cm_parser *p, cm_expr_kind k, cm_expr *elt, cm_loc s)
{
    cm_expr *e = new_expr(p, k, s);
    if (!e) return NULL;
    e->v.comp.elt = elt;
    e->v.comp.generators = cm_parse_comp_for(p);
    return p->failed ? NULL : e;
}

/* -------------------------------------------------------------- atoms */

static cm_expr *parse_paren(cm_parser *p)
{
    cm_token *open = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(open);
    if (cm_parse_accept(p, CM_TOK_RPAR)) {
        pvec none = {0};
        return make_tuple(p, &none, cm_parse_to_prev(p, s), CM_LOAD);
    }
    if (cm_parse_is_kw(p, CM_KW_YIELD)) {
        cm_expr *y = cm_parse_yield_expr(p);
        if (!y) return NULL;
        if (!cm_parse_accept(p, CM_TOK_RPAR)) { cm_parse_invalid(p); return NULL; }
        return y;
    }
    cm_token *est = cm_parse_tok(p);
    cm_expr *first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (cm_parse_is_comp_for(p)) {
        if (first->kind == CM_E_STARRED) {
            cm_parse_error_loc(p, first->loc, "iterable unpacking cannot be used in comprehension");
            return NULL;
        }
        cm_expr *g = make_comp(p, CM_E_GENERATOREXP, first, s);
        if (!g) return NULL;
        if (!cm_parse_accept(p, CM_TOK_RPAR)) { cm_parse_invalid(p); return NULL; }
        g->loc = cm_parse_to_prev(p, s);
        return g;
    }
    if (cm_parse_accept(p, CM_TOK_RPAR)) {
        if (first->kind == CM_E_STARRED) {
            cm_parse_error_loc(p, first->loc, "cannot use starred expression here");
            return NULL;
        }
        return first;
    }
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    if (!after_elem(p, first, est)) return NULL;
    while (cm_parse_accept(p, CM_TOK_COMMA)) {
        if (cm_parse_is(p, CM_TOK_RPAR)) break;
        est = cm_parse_tok(p);
        cm_expr *e = parse_star_named_expression(p);
        if (!e || !cm_parse_vpush(p, &v, e)) return NULL;
        if (!cm_parse_is(p, CM_TOK_RPAR) && !after_elem(p, e, est)) return NULL;
    }
    if (!cm_parse_accept(p, CM_TOK_RPAR)) { cm_parse_invalid(p); return NULL; }
    return make_tuple(p, &v, cm_parse_to_prev(p, s), CM_LOAD);
}

static cm_expr *parse_list(cm_parser *p)
{
    cm_token *open = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(open);
    pvec v = {0};
    while (!cm_parse_is(p, CM_TOK_RSQB)) {
        cm_token *est = cm_parse_tok(p);
        cm_expr *e = parse_star_named_expression(p);
        if (!e) return NULL;
        if (v.n == 0 && cm_parse_is_comp_for(p)) {
            if (e->kind == CM_E_STARRED) {
                cm_parse_error_loc(p, e->loc, "iterable unpacking cannot be used in comprehension");
                return NULL;
            }
            cm_expr *c = make_comp(p, CM_E_LISTCOMP, e, s);
            if (!c) return NULL;
            if (!cm_parse_accept(p, CM_TOK_RSQB)) { cm_parse_invalid(p); return NULL; }
            c->loc = cm_parse_to_prev(p, s);
            return c;
        }
        if (!cm_parse_vpush(p, &v, e)) return NULL;
        if (cm_parse_is(p, CM_TOK_RSQB)) break;
        if (v.n >= 2 && cm_parse_is_comp_for(p)) {
            cm_parse_error_loc(p, cm_parse_span(((cm_expr *)v.items[0])->loc, e->loc),
                               "did you forget parentheses around the comprehension target?");
            return NULL;
        }
        if (!after_elem(p, e, est)) return NULL;
        cm_parse_next(p);
    }
    cm_parse_next(p);
    cm_expr *l = new_expr(p, CM_E_LIST, cm_parse_to_prev(p, s));
    if (l) l->v.seq.elts = cm_parse_expr_seq(p, &v);
    return l;
}

/* `{k: }` gets CPython's dedicated message. */
static int dict_value_present(cm_parser *p, cm_expr *k)
{
    if (cm_parse_starts_expr(p) || p->failed) return 1;
    cm_token *colon = cm_parse_prev(p);
    cm_parse_error(p, k->loc.lineno, k->loc.col_offset, colon->end_lineno, colon->end_col,
                   "expression expected after dictionary key and ':'");
    return 0;
}

static cm_expr *finish_dict(cm_parser *p, cm_loc s, pvec *keys, pvec *vals)
{
    for (;;) {
        if (cm_parse_accept(p, CM_TOK_RBRACE)) break;
        if (!cm_parse_accept(p, CM_TOK_COMMA)) { cm_parse_invalid(p); return NULL; }
        if (cm_parse_accept(p, CM_TOK_RBRACE)) break;
        cm_expr *k = NULL, *v;
        if (cm_parse_accept(p, CM_TOK_DOUBLESTAR)) {
            if (!(v = cm_parse_bitwise_or(p))) return NULL;
        } else {
            if (!(k = cm_parse_expression(p))) return NULL;
            if (!cm_parse_accept(p, CM_TOK_COLON)) {
                if (!p->failed)
                    cm_parse_error(p, k->loc.lineno, k->loc.col_offset, k->loc.end_lineno,
                                   k->loc.end_col_offset, "':' expected after dictionary key");
                return NULL;
            }
            if (!dict_value_present(p, k)) return NULL;
            if (!(v = cm_parse_expression(p))) return NULL;
        }
        if (!cm_parse_vpush(p, keys, k) || !cm_parse_vpush(p, vals, v)) return NULL;
    }
    cm_expr *d = new_expr(p, CM_E_DICT, cm_parse_to_prev(p, s));
    if (!d) return NULL;
    d->v.dict.keys = cm_parse_expr_seq(p, keys);
    d->v.dict.values = cm_parse_expr_seq(p, vals);
    return d;
}

static cm_expr *finish_set(cm_parser *p, cm_loc s, cm_expr *first, cm_token *est)
{
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    cm_expr *e = first;
    for (;;) {
        if (cm_parse_accept(p, CM_TOK_RBRACE)) break;
        if (!after_elem(p, e, est)) return NULL;
        cm_parse_next(p);
        if (cm_parse_accept(p, CM_TOK_RBRACE)) break;
        est = cm_parse_tok(p);
        if (!(e = parse_star_named_expression(p)) || !cm_parse_vpush(p, &v, e)) return NULL;
    }
    cm_expr *r = new_expr(p, CM_E_SET, cm_parse_to_prev(p, s));
    if (r) r->v.set.elts = cm_parse_expr_seq(p, &v);
    return r;
}

static cm_expr *parse_brace(cm_parser *p)
{
    cm_token *open = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(open);
    pvec keys = {0}, vals = {0};
    if (cm_parse_is(p, CM_TOK_RBRACE)) return finish_dict(p, s, &keys, &vals);
    if (cm_parse_accept(p, CM_TOK_DOUBLESTAR)) {
        cm_expr *v = cm_parse_bitwise_or(p);
        if (!v || !cm_parse_vpush(p, &keys, NULL) || !cm_parse_vpush(p, &vals, v)) return NULL;
        if (cm_parse_is_comp_for(p)) {
            cm_parse_error_loc(p, v->loc, "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
        if (!cm_parse_is(p, CM_TOK_COMMA) && !cm_parse_is(p, CM_TOK_RBRACE)) {
            cm_parse_invalid(p);
            return NULL;
        }
        return finish_dict(p, s, &keys, &vals);
    }
    cm_token *est = cm_parse_tok(p);
    cm_expr *first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (first->kind != CM_E_STARRED && cm_parse_accept(p, CM_TOK_COLON)) {
        if (!dict_value_present(p, first)) return NULL;
        cm_expr *v = cm_parse_expression(p);
        if (!v) return NULL;
        if (cm_parse_is_comp_for(p)) {
            cm_expr *d = new_expr(p, CM_E_DICTCOMP, s);
            if (!d) return NULL;
            d->v.dictcomp.key = first;
            d->v.dictcomp.value = v;
            d->v.dictcomp.generators = cm_parse_comp_for(p);
            if (p->failed) return NULL;
            if (!cm_parse_accept(p, CM_TOK_RBRACE)) { cm_parse_invalid(p); return NULL; }
            d->loc = cm_parse_to_prev(p, s);
            return d;
        }
        if (!cm_parse_vpush(p, &keys, first) || !cm_parse_vpush(p, &vals, v)) return NULL;
        if (cm_parse_is(p, CM_TOK_RBRACE)) return finish_dict(p, s, &keys, &vals);
        if (!cm_parse_is(p, CM_TOK_COMMA)) {
            if (cm_parse_starts_expr(p)) forgot_comma(p, v, cm_parse_tok(p));
            else cm_parse_invalid(p);
            return NULL;
        }
        return finish_dict(p, s, &keys, &vals);
    }
    if (cm_parse_is_comp_for(p)) {
        cm_expr *c = make_comp(p, CM_E_SETCOMP, first, s);
        if (!c) return NULL;
        if (!cm_parse_accept(p, CM_TOK_RBRACE)) { cm_parse_invalid(p); return NULL; }
        c->loc = cm_parse_to_prev(p, s);
        return c;
    }
    return finish_set(p, s, first, est);
}

static cm_expr *const_expr(cm_parser *p, cm_const_kind k, cm_loc loc)
{
    cm_expr *e = new_expr(p, CM_E_CONSTANT, loc);
    if (e) e->v.constant.kind = k;
    return e;
}

static cm_expr *parse_atom(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    switch (t->type) {
    case CM_TOK_NAME:
        switch (t->kw) {
        case 0: return cm_parse_name(p, CM_LOAD);
        case CM_KW_TRUE: cm_parse_next(p); return const_expr(p, CM_CONST_TRUE, cm_parse_tok_loc(t));
        case CM_KW_FALSE: cm_parse_next(p); return const_expr(p, CM_CONST_FALSE, cm_parse_tok_loc(t));
        case CM_KW_NONE: cm_parse_next(p); return const_expr(p, CM_CONST_NONE, cm_parse_tok_loc(t));
        default: break;
        }
        break;
    case CM_TOK_NUMBER: return cm_parse_number(p);
    case CM_TOK_STRING: return cm_parse_strings(p);
    case CM_TOK_ELLIPSIS: cm_parse_next(p); return const_expr(p, CM_CONST_ELLIPSIS, cm_parse_tok_loc(t));
    case CM_TOK_LPAR: return parse_paren(p);
    case CM_TOK_LSQB: return parse_list(p);
    case CM_TOK_LBRACE: return parse_brace(p);
    default: break;
    }
    if (!p->failed) cm_parse_invalid(p);
    return NULL;
}

/* ------------------------------------------------------------- primary */

/* slice: [expr] ':' [expr] [':' [expr]] | named_expression | starred */
static cm_expr *parse_slice(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_expr *lower = NULL;
    if (!cm_parse_is(p, CM_TOK_COLON)) {
        if (cm_parse_is(p, CM_TOK_STAR)) return parse_star_named_expression(p);
        if (!(lower = cm_parse_named_expression(p))) return NULL;
        if (!cm_parse_is(p, CM_TOK_COLON)) return lower;
    }
    cm_parse_next(p);
    cm_expr *e = new_expr(p, CM_E_SLICE, s);
    if (!e) return NULL;
    e->v.slice.lower = lower;
    if (cm_parse_starts_expr(p) && !(e->v.slice.upper = cm_parse_expression(p))) return NULL;
    if (cm_parse_accept(p, CM_TOK_COLON) && cm_parse_starts_expr(p) &&
        !(e->v.slice.step = cm_parse_expression(p)))
        return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}

static cm_expr *parse_slices(cm_parser *p)
{
    cm_loc s = start_loc(p);
    if (cm_parse_is(p, CM_TOK_RSQB)) { cm_parse_invalid(p); return NULL; }
    cm_token *est = cm_parse_tok(p);
    cm_expr *first = parse_slice(p);
    if (!first) return NULL;
    if (!cm_parse_is(p, CM_TOK_COMMA)) {
        if (!cm_parse_is(p, CM_TOK_RSQB) && !p->failed) {
            if (cm_parse_starts_expr(p)) forgot_comma(p, first, est);
            else cm_parse_invalid(p);
            return NULL;
        }
        if (first->kind == CM_E_STARRED) {   /* a[*b] is a[(*b,)] */
            pvec one = {0};
            if (!cm_parse_vpush(p, &one, first)) return NULL;
            return make_tuple(p, &one, cm_parse_to_prev(p, s), CM_LOAD);
        }
        return first;
    }
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    while (cm_parse_accept(p, CM_TOK_COMMA)) {
        if (cm_parse_is(p, CM_TOK_RSQB)) break;
        cm_expr *e = parse_slice(p);
        if (!e || !cm_parse_vpush(p, &v, e)) return NULL;
    }
    return make_tuple(p, &v, cm_parse_to_prev(p, s), CM_LOAD);
}

static cm_keyword *new_keyword(cm_parser *p, cm_loc loc)
{
    cm_keyword *k = cm_parse_alloc(p, sizeof *k);
    if (k) k->loc = loc;
    return k;
}

/* One call argument; appends to args or kws. state: 1 after keyword,
 * 2 after `**`. */
static int parse_call_arg(cm_parser *p, pvec *args, pvec *kws, int *state, int *ngen)
{
    cm_token *t = cm_parse_tok(p);
    cm_loc s = cm_parse_tok_loc(t);
    if (cm_parse_accept(p, CM_TOK_DOUBLESTAR)) {
        cm_keyword *k = new_keyword(p, s);
        if (!k || !(k->value = cm_parse_expression(p))) return 0;
        k->loc = cm_parse_to_prev(p, s);
        *state = 2;
        return cm_parse_vpush(p, kws, k);
    }
    if (t->type == CM_TOK_NAME && !t->kw && cm_parse_peek(p, 1)->type == CM_TOK_EQUAL) {
        cm_parse_next(p);
        cm_parse_next(p);
        cm_keyword *k = new_keyword(p, s);
        if (!k) return 0;
        k->arg = cm_parse_ident(p, t);
        if (!cm_parse_starts_expr(p)) {
            cm_parse_error(p, s.lineno, s.col_offset, cm_parse_prev(p)->end_lineno,
                           cm_parse_prev(p)->end_col, "expected argument value expression");
            return 0;
        }
        if (!(k->value = cm_parse_expression(p))) return 0;
        k->loc = cm_parse_to_prev(p, s);
        if (*state == 0) *state = 1;
        return cm_parse_vpush(p, kws, k);
    }
    cm_expr *e = parse_star_named_expression(p);
    if (!e) return 0;
    if (cm_parse_is(p, CM_TOK_EQUAL)) {
        cm_token *eq = cm_parse_tok(p);
        if (e->kind == CM_E_CONSTANT && (e->v.constant.kind == CM_CONST_TRUE ||
            e->v.constant.kind == CM_CONST_FALSE || e->v.constant.kind == CM_CONST_NONE)) {
            cm_parse_error(p, s.lineno, s.col_offset, eq->end_lineno, eq->end_col,
                           "cannot assign to %s", cm_parse_expr_name(e));
            return 0;
        }
        cm_parse_error(p, s.lineno, s.col_offset, eq->end_lineno, eq->end_col,
                       "expression cannot contain assignment, perhaps you meant \"==\"?");
        return 0;
    }
    if (cm_parse_is_comp_for(p)) {
        if (!(e = make_comp(p, CM_E_GENERATOREXP, e, s))) return 0;
        e->loc = cm_parse_to_prev(p, s);
        (*ngen)++;
    }
    if (e->kind == CM_E_STARRED) {
        if (*state == 2) {
            cm_parse_error_loc(p, e->loc, "iterable argument unpacking follows keyword argument unpacking");
            return 0;
        }
        if (*state == 1) {
            /* *args after a keyword is allowed; CPython places it in args */
        }
    } else if (*state) {
        cm_parse_error_loc(p, e->loc, *state == 2 ?
                           "positional argument follows keyword argument unpacking" :
                           "positional argument follows keyword argument");
        return 0;
    }
    return cm_parse_vpush(p, args, e);
}

/* arguments after '(' up to and including ')'. */
int cm_parse_call_args(cm_parser *p, cm_expr_seq *args, cm_keyword_seq *kws,
                       cm_token *open)
{
    pvec a = {0}, k = {0};
    int state = 0, ngen = 0;
    (void)open;
    while (!cm_parse_is(p, CM_TOK_RPAR)) {
        cm_token *est = cm_parse_tok(p);
        if (!cm_parse_starts_expr(p) && !cm_parse_is(p, CM_TOK_DOUBLESTAR)) {
            if (!p->failed) cm_parse_invalid(p);
            return 0;
        }
        if (!parse_call_arg(p, &a, &k, &state, &ngen)) return 0;
        if (cm_parse_is(p, CM_TOK_RPAR)) break;
        if (!cm_parse_is(p, CM_TOK_COMMA)) {
            cm_expr *last = a.n ? a.items[a.n - 1] : NULL;
            if (last && cm_parse_starts_expr(p) && last->loc.lineno == est->lineno &&
                last->loc.col_offset == est->col)
                forgot_comma(p, last, est);
            else if (!p->failed)
                cm_parse_invalid(p);
            return 0;
        }
        cm_parse_next(p);
    }
    cm_parse_next(p);
    if (ngen && a.n + k.n > 1) {
        for (int i = 0; i < a.n; i++) {
            cm_expr *e = a.items[i];
            if (e->kind == CM_E_GENERATOREXP) {
                cm_parse_error_loc(p, e->loc, "Generator expression must be parenthesized");
                return 0;
            }
        }
    }
    *args = cm_parse_expr_seq(p, &a);
    kws->items = (cm_keyword **)k.items;
    kws->count = k.n;
    return 1;
}

static cm_expr *parse_trailer(cm_parser *p, cm_expr *e, cm_loc s)
{
    cm_token *t = cm_parse_next(p);
    cm_expr *r;
    if (t->type == CM_TOK_DOT) {
        cm_token *n = cm_parse_tok(p);
        if (n->type != CM_TOK_NAME) { cm_parse_invalid(p); return NULL; }
        cm_parse_next(p);
        if (!(r = new_expr(p, CM_E_ATTRIBUTE, s))) return NULL;
        r->v.attribute.value = e;
        r->v.attribute.attr = cm_parse_ident(p, n);
    } else if (t->type == CM_TOK_LPAR) {
        if (!(r = new_expr(p, CM_E_CALL, s))) return NULL;
        r->v.call.func = e;
        if (!cm_parse_call_args(p, &r->v.call.args, &r->v.call.keywords, t)) return NULL;
    } else {
        if (!(r = new_expr(p, CM_E_SUBSCRIPT, s))) return NULL;
        r->v.subscript.value = e;
        if (!(r->v.subscript.slice = parse_slices(p))) return NULL;
        if (!cm_parse_accept(p, CM_TOK_RSQB)) { cm_parse_invalid(p); return NULL; }
    }
    r->loc = cm_parse_to_prev(p, s);
    return p->failed ? NULL : r;
}

static cm_expr *parse_primary(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_expr *e = parse_atom(p);
    while (e && (cm_parse_is(p, CM_TOK_DOT) || cm_parse_is(p, CM_TOK_LPAR) ||
                 cm_parse_is(p, CM_TOK_LSQB)))
        e = parse_trailer(p, e, s);
    return e;
}

/* -------------------------------------------------------------- operators */

static cm_expr *parse_await_primary(cm_parser *p)
{
    cm_loc s = start_loc(p);
    if (!cm_parse_accept_kw(p, CM_KW_AWAIT)) return parse_primary(p);
    cm_expr *e = new_expr(p, CM_E_AWAIT, s);
    if (!e || !(e->v.await.value = parse_primary(p))) return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}

static cm_expr *new_binop(cm_parser *p, cm_loc s, cm_expr *l, cm_operator op, cm_expr *r)
{
    cm_expr *e = new_expr(p, CM_E_BINOP, cm_parse_to_prev(p, s));
    if (!e) return NULL;
    e->v.binop.left = l;
    e->v.binop.op = op;
    e->v.binop.right = r;
    return e;
}

static cm_expr *parse_power(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_expr *l = parse_await_primary(p);
    if (!l || !cm_parse_accept(p, CM_TOK_DOUBLESTAR)) return l;
    cm_expr *r = parse_factor(p);
    return r ? new_binop(p, s, l, CM_POW, r) : NULL;
}

static cm_expr *parse_factor(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    cm_unaryop op;
    if (t->type == CM_TOK_PLUS) op = CM_UADD;
    else if (t->type == CM_TOK_MINUS) op = CM_USUB;
    else if (t->type == CM_TOK_TILDE) op = CM_INVERT;
    else return parse_power(p);
    ENTER(p);
    cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(t);
    cm_expr *operand = parse_factor(p);
    LEAVE(p);
    if (!operand) return NULL;
    cm_expr *e = new_expr(p, CM_E_UNARYOP, cm_parse_to_prev(p, s));
    if (!e) return NULL;
    e->v.unaryop.op = op;
    e->v.unaryop.operand = operand;
    return e;
}

typedef struct binlevel { cm_tok_type tok; cm_operator op; } binlevel;

static const binlevel term_ops[] = {
    {CM_TOK_STAR, CM_MULT}, {CM_TOK_SLASH, CM_DIV}, {CM_TOK_DOUBLESLASH, CM_FLOORDIV},
    {CM_TOK_PERCENT, CM_MOD}, {CM_TOK_AT, CM_MATMULT}};
static const binlevel sum_ops[] = {{CM_TOK_PLUS, CM_ADD}, {CM_TOK_MINUS, CM_SUB}};
static const binlevel shift_ops[] = {{CM_TOK_LEFTSHIFT, CM_LSHIFT}, {CM_TOK_RIGHTSHIFT, CM_RSHIFT}};
static const binlevel and_ops[] = {{CM_TOK_AMPER, CM_BITAND}};
static const binlevel xor_ops[] = {{CM_TOK_CIRCUMFLEX, CM_BITXOR}};
static const binlevel or_ops[] = {{CM_TOK_VBAR, CM_BITOR}};

typedef struct level_desc { const binlevel *ops; int n; } level_desc;
static const level_desc levels[] = {
    {or_ops, 1}, {xor_ops, 1}, {and_ops, 1}, {shift_ops, 2}, {sum_ops, 2}, {term_ops, 5}};

/* Left-associative binary levels: 0 = '|' ... 5 = '*' etc., then factor. */
static cm_expr *parse_binary(cm_parser *p, int level)
{
    if (level == 6) return parse_factor(p);
    cm_loc s = start_loc(p);
    cm_expr *l = parse_binary(p, level + 1);
    while (l) {
        cm_tok_type t = cm_parse_tok(p)->type;
        int i, n = levels[level].n;
        for (i = 0; i < n && levels[level].ops[i].tok != t; i++) {}
        if (i == n) break;
        cm_parse_next(p);
        cm_expr *r = parse_binary(p, level + 1);
        if (!r) return NULL;
        l = new_binop(p, s, l, levels[level].ops[i].op, r);
    }
    return l;
}

cm_expr *cm_parse_bitwise_or(cm_parser *p) { return parse_binary(p, 0); }

/* Reads a comparison operator, or returns -1. */
static int comp_op(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    switch (t->type) {
    case CM_TOK_EQEQUAL: cm_parse_next(p); return CM_EQ;
    case CM_TOK_NOTEQUAL: cm_parse_next(p); return CM_NOTEQ;
    case CM_TOK_LESS: cm_parse_next(p); return CM_LT;
    case CM_TOK_LESSEQUAL: cm_parse_next(p); return CM_LTE;
    case CM_TOK_GREATER: cm_parse_next(p); return CM_GT;
    case CM_TOK_GREATEREQUAL: cm_parse_next(p); return CM_GTE;
    case CM_TOK_NAME:
        if (t->kw == CM_KW_IN) { cm_parse_next(p); return CM_IN; }
        if (t->kw == CM_KW_IS) {
            cm_parse_next(p);
            return cm_parse_accept_kw(p, CM_KW_NOT) ? CM_ISNOT : CM_IS;
        }
        if (t->kw == CM_KW_NOT && cm_parse_peek(p, 1)->kw == CM_KW_IN &&
            cm_parse_peek(p, 1)->type == CM_TOK_NAME) {
            cm_parse_next(p);
            cm_parse_next(p);
            return CM_NOTIN;
        }
        return -1;
    default: return -1;
    }
}

static cm_expr *parse_comparison(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_expr *l = cm_parse_bitwise_or(p);
    if (!l) return NULL;
    pvec ops = {0}, comps = {0};
    int op;
    while ((op = comp_op(p)) >= 0) {
        cm_expr *r = cm_parse_bitwise_or(p);
        if (!r || !cm_parse_vpush(p, &comps, r)) return NULL;
        if (!cm_parse_vpush(p, &ops, (void *)(size_t)op)) return NULL;
    }
    if (!comps.n) return l;
    cm_expr *e = new_expr(p, CM_E_COMPARE, cm_parse_to_prev(p, s));
    int *arr = cm_parse_alloc(p, sizeof(int) * (size_t)ops.n);
    if (!e || !arr) return NULL;
    for (int i = 0; i < ops.n; i++) arr[i] = (int)(size_t)ops.items[i];
    e->v.compare.left = l;
    e->v.compare.ops.items = arr;
    e->v.compare.ops.count = ops.n;
    e->v.compare.comparators = cm_parse_expr_seq(p, &comps);
    return e;
}

static cm_expr *parse_inversion(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (!(t->type == CM_TOK_NAME && t->kw == CM_KW_NOT)) return parse_comparison(p);
    ENTER(p);
    cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(t);
    cm_expr *operand = parse_inversion(p);
    LEAVE(p);
    if (!operand) return NULL;
    cm_expr *e = new_expr(p, CM_E_UNARYOP, cm_parse_to_prev(p, s));
    if (!e) return NULL;
    e->v.unaryop.op = CM_NOT;
    e->v.unaryop.operand = operand;
    return e;
}

static cm_expr *parse_boolop(cm_parser *p, int kw)
{
    cm_loc s = start_loc(p);
    cm_expr *first = kw == CM_KW_OR ? parse_boolop(p, CM_KW_AND) : parse_inversion(p);
    if (!first || !cm_parse_is_kw(p, kw)) return first;
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    while (cm_parse_accept_kw(p, kw)) {
        cm_expr *e = kw == CM_KW_OR ? parse_boolop(p, CM_KW_AND) : parse_inversion(p);
        if (!e || !cm_parse_vpush(p, &v, e)) return NULL;
    }
    cm_expr *e = new_expr(p, CM_E_BOOLOP, cm_parse_to_prev(p, s));
    if (!e) return NULL;
    e->v.boolop.op = kw == CM_KW_OR ? CM_OR : CM_AND;
    e->v.boolop.values = cm_parse_expr_seq(p, &v);
    return e;
}

cm_expr *cm_parse_disjunction(cm_parser *p) { return parse_boolop(p, CM_KW_OR); }

/* ------------------------------------------------------ lambda / params */

static cm_arg *parse_param(cm_parser *p, int is_lambda, int star_annot)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type != CM_TOK_NAME || t->kw) { cm_parse_invalid(p); return NULL; }
    cm_parse_next(p);
    cm_arg *a = cm_parse_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->loc = cm_parse_tok_loc(t);
    a->arg = cm_parse_ident(p, t);
    if (!is_lambda && cm_parse_accept(p, CM_TOK_COLON)) {
        cm_loc s = start_loc(p);
        if (star_annot && cm_parse_accept(p, CM_TOK_STAR)) {
            cm_expr *e = new_expr(p, CM_E_STARRED, s);
            if (!e || !(e->v.starred.value = cm_parse_expression(p))) return NULL;
            e->loc = cm_parse_to_prev(p, s);
            a->annotation = e;
        } else if (!(a->annotation = cm_parse_expression(p))) {
            return NULL;
        }
        a->loc = cm_parse_to_prev(p, a->loc);
    }
    return a;
}

typedef struct param_state {
    pvec pos, kwonly, defaults, kwdefaults;
    int seen_star, seen_default, seen_slash, nposonly;
    cm_arguments *args;
} param_state;

static int param_star(cm_parser *p, param_state *st, int is_lambda, cm_tok_type close)
{
    cm_token *star = cm_parse_next(p);
    if (st->seen_star) {
        cm_parse_error_tok(p, star, "* argument may appear only once");
        return 0;
    }
    st->seen_star = 1;
    if (cm_parse_is(p, CM_TOK_COMMA) || cm_parse_is(p, close)) {
        cm_token *after = cm_parse_peek(p, cm_parse_is(p, CM_TOK_COMMA) ? 1 : 0);
        if (after->type == close || after->type == CM_TOK_DOUBLESTAR) {
            cm_parse_error_tok(p, star, "named arguments must follow bare *");
            return 0;
        }
        return 1;
    }
    return (st->args->vararg = parse_param(p, is_lambda, 1)) != NULL;
}

static int param_plain(cm_parser *p, param_state *st, int is_lambda)
{
    cm_arg *a = parse_param(p, is_lambda, 0);
    if (!a) return 0;
    cm_expr *def = NULL;
    if (cm_parse_accept(p, CM_TOK_EQUAL) && !(def = cm_parse_expression(p))) return 0;
    if (st->seen_star) {
        return cm_parse_vpush(p, &st->kwonly, a) && cm_parse_vpush(p, &st->kwdefaults, def);
    }
    if (def) st->seen_default = 1;
    else if (st->seen_default) {
        cm_parse_error_loc(p, a->loc, "parameter without a default follows parameter with a default");
        return 0;
    }
    if (def && !cm_parse_vpush(p, &st->defaults, def)) return 0;
    return cm_parse_vpush(p, &st->pos, a);
}

static int param_slash(cm_parser *p, param_state *st)
{
    cm_token *t = cm_parse_next(p);
    if (st->seen_star) { cm_parse_error_tok(p, t, "/ must be ahead of *"); return 0; }
    if (st->seen_slash) { cm_parse_error_tok(p, t, "/ may appear only once"); return 0; }
    if (!st->pos.n) { cm_parse_error_tok(p, t, "at least one argument must precede /"); return 0; }
    st->seen_slash = 1;
    st->nposonly = st->pos.n;
    return 1;
}

static cm_arg_seq arg_seq(pvec *v, int from, int to)
{
    cm_arg_seq s = {NULL, to - from};
    if (s.count > 0) s.items = (cm_arg **)v->items + from;
    return s;
}

/* Parameters of def (up to ')') or lambda (up to ':'). */
cm_arguments *cm_parse_params(cm_parser *p, int is_lambda)
{
    cm_tok_type close = is_lambda ? CM_TOK_COLON : CM_TOK_RPAR;
    param_state st;
    memset(&st, 0, sizeof st);
    if (!(st.args = cm_parse_alloc(p, sizeof *st.args))) return NULL;
    while (!cm_parse_is(p, close)) {
        cm_token *t = cm_parse_tok(p);
        if (st.args->kwarg) {
            cm_parse_error_tok(p, t, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        int ok;
        if (t->type == CM_TOK_SLASH) ok = param_slash(p, &st);
        else if (t->type == CM_TOK_STAR) ok = param_star(p, &st, is_lambda, close);
        else if (t->type == CM_TOK_DOUBLESTAR) {
            cm_parse_next(p);
            ok = (st.args->kwarg = parse_param(p, is_lambda, 0)) != NULL;
        } else ok = param_plain(p, &st, is_lambda);
        if (!ok) return NULL;
        if (cm_parse_is(p, close)) break;
        if (!cm_parse_accept(p, CM_TOK_COMMA)) {
            if (!p->failed) {
                if (cm_parse_is(p, CM_TOK_EQUAL) && st.args->kwarg)
                    cm_parse_error_tok(p, cm_parse_tok(p), "var-keyword argument cannot have default value");
                else if (cm_parse_is(p, CM_TOK_EQUAL) && st.args->vararg)
                    cm_parse_error_tok(p, cm_parse_tok(p), "var-positional argument cannot have default value");
                else cm_parse_invalid(p);
            }
            return NULL;
        }
    }
    cm_arguments *a = st.args;
    a->posonlyargs = arg_seq(&st.pos, 0, st.nposonly);
    a->args = arg_seq(&st.pos, st.nposonly, st.pos.n);
    a->kwonlyargs = arg_seq(&st.kwonly, 0, st.kwonly.n);
    a->kw_defaults = cm_parse_expr_seq(p, &st.kwdefaults);
    a->defaults = cm_parse_expr_seq(p, &st.defaults);
    return p->failed ? NULL : a;
}

static cm_expr *parse_lambda(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(kw);
    cm_expr *e = new_expr(p, CM_E_LAMBDA, s);
    if (!e || !(e->v.lambda.args = cm_parse_params(p, 1))) return NULL;
    if (!cm_parse_accept(p, CM_TOK_COLON)) { cm_parse_invalid(p); return NULL; }
    if (!(e->v.lambda.body = cm_parse_expression(p))) return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}

/* type_params: '[' ','.type_param+ [','] ']' */
static cm_type_param *parse_type_param(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_type_param *tp = cm_parse_alloc(p, sizeof *tp);
    if (!tp) return NULL;
    if (cm_parse_accept(p, CM_TOK_STAR)) tp->kind = CM_TP_TYPEVARTUPLE;
    else if (cm_parse_accept(p, CM_TOK_DOUBLESTAR)) tp->kind = CM_TP_PARAMSPEC;
    cm_token *n = cm_parse_tok(p);
    if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
    tp->name = cm_parse_ident(p, cm_parse_next(p));
    if (cm_parse_is(p, CM_TOK_COLON)) {
        cm_token *c = cm_parse_next(p);
        if (tp->kind != CM_TP_TYPEVAR) {
            cm_parse_error_tok(p, c, tp->kind == CM_TP_TYPEVARTUPLE ?
                               "cannot use bound with TypeVarTuple" : "cannot use bound with ParamSpec");
            return NULL;
        }
        if (!(tp->bound = cm_parse_expression(p))) return NULL;
    }
    if (cm_parse_accept(p, CM_TOK_EQUAL)) {
        cm_loc ds = start_loc(p);
        if (tp->kind == CM_TP_TYPEVARTUPLE && cm_parse_accept(p, CM_TOK_STAR)) {
            cm_expr *e = new_expr(p, CM_E_STARRED, ds);
            if (!e || !(e->v.starred.value = cm_parse_expression(p))) return NULL;
            e->loc = cm_parse_to_prev(p, ds);
            tp->default_value = e;
        } else if (!(tp->default_value = cm_parse_expression(p))) {
            return NULL;
        }
    }
    tp->loc = cm_parse_to_prev(p, s);
    return tp;
}

cm_type_param_seq cm_parse_type_params(cm_parser *p)
{
    cm_type_param_seq r = {NULL, 0};
    cm_token *open = cm_parse_next(p);
    pvec v = {0};
    if (cm_parse_is(p, CM_TOK_RSQB)) {
        cm_token *c = cm_parse_tok(p);
        cm_parse_error(p, open->lineno, open->col, c->end_lineno, c->end_col,
                       "Type parameter list cannot be empty");
        return r;
    }
    do {
        if (cm_parse_is(p, CM_TOK_RSQB)) break;
        cm_type_param *tp = parse_type_param(p);
        if (!tp || !cm_parse_vpush(p, &v, tp)) return r;
    } while (cm_parse_accept(p, CM_TOK_COMMA));
    if (!cm_parse_accept(p, CM_TOK_RSQB)) { cm_parse_invalid(p); return r; }
    r.items = (cm_type_param **)v.items;
    r.count = v.n;
    return r;
}

/* ---------------------------------------------------------- expression */

cm_expr *cm_parse_expression(cm_parser *p)
{
    if (cm_parse_is_kw(p, CM_KW_LAMBDA)) {
        ENTER(p);
        cm_expr *l = parse_lambda(p);
        LEAVE(p);
        return l;
    }
    ENTER(p);
    cm_loc s = start_loc(p);
    cm_expr *body = cm_parse_disjunction(p);
    if (!body || !cm_parse_is_kw(p, CM_KW_IF)) { LEAVE(p); return body; }
    cm_parse_next(p);
    cm_expr *e = new_expr(p, CM_E_IFEXP, s);
    if (!e || !(e->v.ifexp.test = cm_parse_disjunction(p))) { LEAVE(p); return NULL; }
    e->v.ifexp.body = body;
    if (!cm_parse_accept_kw(p, CM_KW_ELSE)) {
        cm_parse_error(p, s.lineno, s.col_offset, e->v.ifexp.test->loc.end_lineno,
                       e->v.ifexp.test->loc.end_col_offset, "expected 'else' after 'if' expression");
        LEAVE(p);
        return NULL;
    }
    if (!cm_parse_starts_expr(p) || cm_parse_is(p, CM_TOK_STAR)) {
        if (!p->failed)
            cm_parse_error_tok(p, cm_parse_tok(p),
                               "expected expression after 'else', but statement is given");
        LEAVE(p);
        return NULL;
    }
    e->v.ifexp.orelse = cm_parse_expression(p);
    LEAVE(p);
    if (!e->v.ifexp.orelse) return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}

cm_expr *cm_parse_named_expression(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type == CM_TOK_NAME && !t->kw && cm_parse_peek(p, 1)->type == CM_TOK_COLONEQUAL) {
        cm_loc s = cm_parse_tok_loc(t);
        cm_expr *target = cm_parse_name(p, CM_STORE);
        cm_parse_next(p);
        cm_expr *e = new_expr(p, CM_E_NAMEDEXPR, s);
        if (!target || !e || !(e->v.namedexpr.value = cm_parse_expression(p))) return NULL;
        e->v.namedexpr.target = target;
        e->loc = cm_parse_to_prev(p, s);
        return e;
    }
    cm_expr *e = cm_parse_expression(p);
    if (e && cm_parse_is(p, CM_TOK_COLONEQUAL)) {
        cm_parse_error_loc(p, e->loc, "cannot use assignment expressions with %s",
                           cm_parse_expr_name(e));
        return NULL;
    }
    return e;
}

static cm_expr *parse_starred(cm_parser *p)
{
    cm_loc s = start_loc(p);
    cm_parse_next(p);
    cm_expr *e = new_expr(p, CM_E_STARRED, s);
    if (!e || !(e->v.starred.value = cm_parse_bitwise_or(p))) return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}

static cm_expr *parse_star_named_expression(cm_parser *p)
{
    if (cm_parse_is(p, CM_TOK_STAR)) return parse_starred(p);
    return cm_parse_named_expression(p);
}

static cm_expr *parse_star_expression(cm_parser *p)
{
    if (cm_parse_is(p, CM_TOK_STAR)) return parse_starred(p);
    return cm_parse_expression(p);
}

/* Comma-separated list -> single element or unparenthesized Tuple. */
static cm_expr *comma_list(cm_parser *p, cm_expr *(*elem)(cm_parser *), int *bare)
{
    cm_loc s = start_loc(p);
    cm_expr *first = elem(p);
    if (bare) *bare = 0;
    if (!first || !cm_parse_is(p, CM_TOK_COMMA)) return first;
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    while (cm_parse_accept(p, CM_TOK_COMMA)) {
        if (!cm_parse_starts_expr(p)) break;
        cm_expr *e = elem(p);
        if (!e || !cm_parse_vpush(p, &v, e)) return NULL;
    }
    if (bare) *bare = 1;
    return make_tuple(p, &v, cm_parse_to_prev(p, s), CM_LOAD);
}

cm_expr *cm_parse_star_expressions(cm_parser *p)
{
    return comma_list(p, parse_star_expression, NULL);
}

cm_expr *cm_parse_star_named_expressions_tuple(cm_parser *p, int *bare)
{
    return comma_list(p, parse_star_named_expression, bare);
}

cm_expr *cm_parse_yield_expr(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(kw);
    if (cm_parse_accept_kw(p, CM_KW_FROM)) {
        cm_expr *e = new_expr(p, CM_E_YIELDFROM, s);
        if (!e || !(e->v.await.value = cm_parse_expression(p))) return NULL;
        e->loc = cm_parse_to_prev(p, s);
        return e;
    }
    cm_expr *e = new_expr(p, CM_E_YIELD, s);
    if (!e) return NULL;
    if (cm_parse_starts_expr(p) && !(e->v.yield.value = cm_parse_star_expressions(p)))
        return NULL;
    e->loc = cm_parse_to_prev(p, s);
    return e;
}
