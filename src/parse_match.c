/* parse_match.c — the `match` statement and its patterns (PEP 634).
 * `match`, `case` and `_` are soft keywords: they are only keywords where
 * the statement shape says so. */
#include "parse_int.h"

#include <string.h>

static cm_pattern *parse_pattern(cm_parser *p);
static cm_pattern *parse_closed_pattern(cm_parser *p);

static cm_pattern *new_pat(cm_parser *p, cm_pattern_kind k, cm_loc loc)
{
    cm_pattern *r = cm_ast_pattern(p->arena, k, loc);
    return r ? r : cm_parse_nomem(p);
}

static cm_pattern_seq pat_seq(pvec *v)
{
    cm_pattern_seq s = {(cm_pattern **)v->items, v->n};
    return s;
}

/* `match` starts a statement iff its logical line ends with ':' and the
 * next token could begin a subject expression. */
int cm_parse_looks_like_match(cm_parser *p)
{
    if (!cm_parse_is_name(p, "match")) return 0;
    cm_token *n = cm_parse_peek(p, 1);
    switch (n->type) {
    case CM_TOK_NAME:
        if (n->kw && n->kw != CM_KW_NOT && n->kw != CM_KW_TRUE && n->kw != CM_KW_FALSE &&
            n->kw != CM_KW_NONE && n->kw != CM_KW_LAMBDA && n->kw != CM_KW_AWAIT)
            return 0;
        break;
    case CM_TOK_NUMBER: case CM_TOK_STRING: case CM_TOK_LPAR: case CM_TOK_LSQB:
    case CM_TOK_LBRACE: case CM_TOK_MINUS: case CM_TOK_PLUS: case CM_TOK_TILDE:
    case CM_TOK_STAR: case CM_TOK_ELLIPSIS:
        break;
    default: return 0;
    }
    int depth = 0;
    for (int k = 1;; k++) {
        cm_token *t = cm_parse_peek(p, k);
        if (t->type == CM_TOK_ENDMARKER || p->failed) return 0;
        if (t->type == CM_TOK_LPAR || t->type == CM_TOK_LSQB || t->type == CM_TOK_LBRACE) depth++;
        if (t->type == CM_TOK_RPAR || t->type == CM_TOK_RSQB || t->type == CM_TOK_RBRACE) depth--;
        if (t->type == CM_TOK_NEWLINE)
            return cm_parse_peek(p, k - 1)->type == CM_TOK_COLON;
        if (depth == 0 && t->type == CM_TOK_EQUAL) return 0;
    }
}

/* ---- literal and value patterns */

static cm_expr *parse_signed_number(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    cm_loc s = cm_parse_tok_loc(t);
    if (t->type == CM_TOK_MINUS) {
        cm_parse_next(p);
        if (!cm_parse_is(p, CM_TOK_NUMBER)) { cm_parse_invalid(p); return NULL; }
        cm_expr *e = cm_ast_expr(p->arena, CM_E_UNARYOP, s);
        if (!e) return cm_parse_nomem(p);
        e->v.unaryop.op = CM_USUB;
        if (!(e->v.unaryop.operand = cm_parse_number(p))) return NULL;
        e->loc = cm_parse_to_prev(p, s);
        return e;
    }
    return cm_parse_number(p);
}

/* signed_number ['+'|'-' imaginary] */
static cm_expr *parse_number_pattern_value(cm_parser *p)
{
    cm_loc s = cm_parse_tok_loc(cm_parse_tok(p));
    cm_expr *l = parse_signed_number(p);
    if (!l) return NULL;
    if (!cm_parse_is(p, CM_TOK_PLUS) && !cm_parse_is(p, CM_TOK_MINUS)) return l;
    int minus = cm_parse_next(p)->type == CM_TOK_MINUS;
    if (l->kind == CM_E_CONSTANT && l->v.constant.kind == CM_CONST_IMAG) {
        cm_parse_error_loc(p, l->loc, "real number required in complex literal");
        return NULL;
    }
    if (!cm_parse_is(p, CM_TOK_NUMBER)) { cm_parse_invalid(p); return NULL; }
    cm_expr *r = cm_parse_number(p);
    if (!r) return NULL;
    if (r->v.constant.kind != CM_CONST_IMAG) {
        cm_parse_error_loc(p, r->loc, "imaginary number required in complex literal");
        return NULL;
    }
    cm_expr *e = cm_ast_expr(p->arena, CM_E_BINOP, cm_parse_to_prev(p, s));
    if (!e) return cm_parse_nomem(p);
    e->v.binop.left = l;
    e->v.binop.op = minus ? CM_SUB : CM_ADD;
    e->v.binop.right = r;
    return e;
}

/* NAME ('.' NAME)+ as a Load expression */
static cm_expr *parse_name_or_attr(cm_parser *p)
{
    cm_loc s = cm_parse_tok_loc(cm_parse_tok(p));
    cm_expr *e = cm_parse_name(p, CM_LOAD);
    while (e && cm_parse_accept(p, CM_TOK_DOT)) {
        cm_token *n = cm_parse_tok(p);
        if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
        cm_parse_next(p);
        cm_expr *a = cm_ast_expr(p->arena, CM_E_ATTRIBUTE, cm_parse_to_prev(p, s));
        if (!a) return cm_parse_nomem(p);
        a->v.attribute.value = e;
        a->v.attribute.attr = cm_parse_ident(p, n);
        e = a;
    }
    return e;
}

static int is_wildcard(cm_token *t)
{
    return t->type == CM_TOK_NAME && t->end - t->start == 1 && t->start[0] == '_';
}

/* ---- sequence / mapping / class patterns */

static cm_pattern *parse_star_pattern(cm_parser *p)
{
    cm_loc s = cm_parse_tok_loc(cm_parse_next(p));
    cm_token *n = cm_parse_tok(p);
    if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
    cm_parse_next(p);
    cm_pattern *r = new_pat(p, CM_P_MATCHSTAR, cm_parse_to_prev(p, s));
    if (r && !is_wildcard(n)) r->v.star.name = cm_parse_ident(p, n);
    return r;
}

static cm_pattern *parse_maybe_star(cm_parser *p)
{
    if (cm_parse_is(p, CM_TOK_STAR)) return parse_star_pattern(p);
    return parse_pattern(p);
}

/* Items up to `close`; *tuple_like set if a comma was seen. */
static int parse_pattern_items(cm_parser *p, cm_tok_type close, pvec *v, int *comma)
{
    *comma = 0;
    while (!cm_parse_is(p, close)) {
        cm_pattern *x = parse_maybe_star(p);
        if (!x || !cm_parse_vpush(p, v, x)) return 0;
        if (!cm_parse_accept(p, CM_TOK_COMMA)) break;
        *comma = 1;
    }
    if (!cm_parse_accept(p, close)) { if (!p->failed) cm_parse_invalid(p); return 0; }
    return 1;
}

static cm_pattern *parse_group_or_seq(cm_parser *p)
{
    cm_token *open = cm_parse_next(p);
    cm_loc s = cm_parse_tok_loc(open);
    cm_tok_type close = open->type == CM_TOK_LPAR ? CM_TOK_RPAR : CM_TOK_RSQB;
    pvec v = {0};
    int comma;
    if (!parse_pattern_items(p, close, &v, &comma)) return NULL;
    if (close == CM_TOK_RPAR && v.n == 1 && !comma &&
        ((cm_pattern *)v.items[0])->kind != CM_P_MATCHSTAR)
        return v.items[0];   /* group pattern keeps the inner location */
    cm_pattern *r = new_pat(p, CM_P_MATCHSEQUENCE, cm_parse_to_prev(p, s));
    if (r) r->v.sequence.patterns = pat_seq(&v);
    return r;
}

static cm_expr *parse_mapping_key(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    if (t->type == CM_TOK_NUMBER || t->type == CM_TOK_MINUS) return parse_number_pattern_value(p);
    if (t->type == CM_TOK_STRING) return cm_parse_strings(p);
    if (t->type == CM_TOK_NAME && (t->kw == CM_KW_NONE || t->kw == CM_KW_TRUE || t->kw == CM_KW_FALSE)) {
        cm_parse_next(p);
        cm_expr *e = cm_ast_expr(p->arena, CM_E_CONSTANT, cm_parse_tok_loc(t));
        if (!e) return cm_parse_nomem(p);
        e->v.constant.kind = t->kw == CM_KW_NONE ? CM_CONST_NONE :
                             t->kw == CM_KW_TRUE ? CM_CONST_TRUE : CM_CONST_FALSE;
        return e;
    }
    if (t->type == CM_TOK_NAME && !t->kw && cm_parse_peek(p, 1)->type == CM_TOK_DOT)
        return parse_name_or_attr(p);
    cm_parse_invalid(p);
    return NULL;
}

static cm_pattern *parse_mapping(cm_parser *p)
{
    cm_loc s = cm_parse_tok_loc(cm_parse_next(p));
    pvec keys = {0}, pats = {0};
    cm_ident rest = {NULL, 0};
    while (!cm_parse_is(p, CM_TOK_RBRACE)) {
        if (cm_parse_accept(p, CM_TOK_DOUBLESTAR)) {
            cm_token *n = cm_parse_tok(p);
            if (n->type != CM_TOK_NAME || n->kw) { cm_parse_invalid(p); return NULL; }
            rest = cm_parse_ident(p, cm_parse_next(p));
            cm_parse_accept(p, CM_TOK_COMMA);
            break;
        }
        cm_expr *k = parse_mapping_key(p);
        if (!k || !cm_parse_vpush(p, &keys, k)) return NULL;
        if (!cm_parse_accept(p, CM_TOK_COLON)) { cm_parse_invalid(p); return NULL; }
        cm_pattern *v = parse_pattern(p);
        if (!v || !cm_parse_vpush(p, &pats, v)) return NULL;
        if (!cm_parse_accept(p, CM_TOK_COMMA)) break;
    }
    if (!cm_parse_accept(p, CM_TOK_RBRACE)) { if (!p->failed) cm_parse_invalid(p); return NULL; }
    cm_pattern *r = new_pat(p, CM_P_MATCHMAPPING, cm_parse_to_prev(p, s));
    if (!r) return NULL;
    r->v.mapping.keys = cm_parse_expr_seq(p, &keys);
    r->v.mapping.patterns = pat_seq(&pats);
    r->v.mapping.rest = rest;
    return r;
}

static int finish_kwd_attrs(cm_parser *p, cm_pattern *r, pvec *names)
{
    cm_ident *arr = names->n ? cm_parse_alloc(p, sizeof *arr * (size_t)names->n) : NULL;
    if (names->n && !arr) return 0;
    for (int i = 0; i < names->n; i++) arr[i] = *(cm_ident *)names->items[i];
    r->v.cls.kwd_attrs.items = arr;
    r->v.cls.kwd_attrs.count = names->n;
    return 1;
}

static cm_pattern *parse_class_pattern(cm_parser *p, cm_expr *cls, cm_loc s)
{
    cm_parse_next(p);   /* '(' */
    pvec pos = {0}, names = {0}, kpats = {0};
    while (!cm_parse_is(p, CM_TOK_RPAR)) {
        cm_token *t = cm_parse_tok(p);
        if (t->type == CM_TOK_NAME && !t->kw && cm_parse_peek(p, 1)->type == CM_TOK_EQUAL) {
            cm_ident *id = cm_parse_alloc(p, sizeof *id);
            if (!id) return NULL;
            *id = cm_parse_ident(p, cm_parse_next(p));
            cm_parse_next(p);
            cm_pattern *v = parse_pattern(p);
            if (!v || !cm_parse_vpush(p, &names, id) || !cm_parse_vpush(p, &kpats, v)) return NULL;
        } else {
            cm_pattern *v = parse_pattern(p);
            if (!v) return NULL;
            if (names.n) {
                cm_parse_error_loc(p, v->loc, "positional patterns follow keyword patterns");
                return NULL;
            }
            if (!cm_parse_vpush(p, &pos, v)) return NULL;
        }
        if (!cm_parse_accept(p, CM_TOK_COMMA)) break;
    }
    if (!cm_parse_accept(p, CM_TOK_RPAR)) { if (!p->failed) cm_parse_invalid(p); return NULL; }
    cm_pattern *r = new_pat(p, CM_P_MATCHCLASS, cm_parse_to_prev(p, s));
    if (!r) return NULL;
    r->v.cls.cls = cls;
    r->v.cls.patterns = pat_seq(&pos);
    r->v.cls.kwd_patterns = pat_seq(&kpats);
    return finish_kwd_attrs(p, r, &names) ? r : NULL;
}

static cm_pattern *value_pat(cm_parser *p, cm_expr *e)
{
    if (!e) return NULL;
    cm_pattern *r = new_pat(p, CM_P_MATCHVALUE, e->loc);
    if (r) r->v.value.value = e;
    return r;
}

static cm_pattern *parse_name_pattern(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    cm_loc s = cm_parse_tok_loc(t);
    cm_token *n = cm_parse_peek(p, 1);
    if (n->type != CM_TOK_DOT && n->type != CM_TOK_LPAR) {
        cm_parse_next(p);
        cm_pattern *r = new_pat(p, CM_P_MATCHAS, s);
        if (r && !is_wildcard(t)) r->v.as.name = cm_parse_ident(p, t);
        return r;
    }
    cm_expr *e = parse_name_or_attr(p);
    if (!e) return NULL;
    if (cm_parse_is(p, CM_TOK_LPAR)) return parse_class_pattern(p, e, s);
    return value_pat(p, e);
}

static cm_pattern *parse_closed_pattern(cm_parser *p)
{
    cm_token *t = cm_parse_tok(p);
    switch (t->type) {
    case CM_TOK_NUMBER: case CM_TOK_MINUS:
        return value_pat(p, parse_number_pattern_value(p));
    case CM_TOK_STRING: {
        cm_expr *e = cm_parse_strings(p);
        if (e && e->kind != CM_E_CONSTANT) {
            cm_parse_error_loc(p, e->loc, "patterns may only match literals and attribute lookups");
            return NULL;
        }
        return value_pat(p, e);
    }
    case CM_TOK_LPAR: case CM_TOK_LSQB: return parse_group_or_seq(p);
    case CM_TOK_LBRACE: return parse_mapping(p);
    case CM_TOK_NAME:
        if (t->kw == CM_KW_NONE || t->kw == CM_KW_TRUE || t->kw == CM_KW_FALSE) {
            cm_parse_next(p);
            cm_pattern *r = new_pat(p, CM_P_MATCHSINGLETON, cm_parse_tok_loc(t));
            if (r) r->v.singleton.value = t->kw == CM_KW_NONE ? CM_CONST_NONE :
                                          t->kw == CM_KW_TRUE ? CM_CONST_TRUE : CM_CONST_FALSE;
            return r;
        }
        if (!t->kw) return parse_name_pattern(p);
        break;
    default: break;
    }
    cm_parse_invalid(p);
    return NULL;
}

/* or_pattern ['as' NAME] */
static cm_pattern *parse_pattern(cm_parser *p)
{
    ENTER(p);
    cm_loc s = cm_parse_tok_loc(cm_parse_tok(p));
    cm_pattern *first = parse_closed_pattern(p);
    if (first && cm_parse_is(p, CM_TOK_VBAR)) {
        pvec v = {0};
        if (!cm_parse_vpush(p, &v, first)) first = NULL;
        while (first && cm_parse_accept(p, CM_TOK_VBAR)) {
            cm_pattern *x = parse_closed_pattern(p);
            if (!x || !cm_parse_vpush(p, &v, x)) first = NULL;
        }
        if (first && (first = new_pat(p, CM_P_MATCHOR, cm_parse_to_prev(p, s))))
            first->v.sequence.patterns = pat_seq(&v);
    }
    if (first && cm_parse_accept_kw(p, CM_KW_AS)) {
        cm_token *n = cm_parse_tok(p);
        if (n->type != CM_TOK_NAME || n->kw) {
            cm_parse_invalid(p);
            LEAVE(p);
            return NULL;
        }
        if (is_wildcard(n)) {
            cm_parse_error_tok(p, n, "cannot use '_' as a target");
            LEAVE(p);
            return NULL;
        }
        cm_parse_next(p);
        cm_pattern *r = new_pat(p, CM_P_MATCHAS, cm_parse_to_prev(p, s));
        if (r) { r->v.as.pattern = first; r->v.as.name = cm_parse_ident(p, n); }
        first = r;
    }
    LEAVE(p);
    return first;
}

/* patterns: open_sequence_pattern | pattern */
static cm_pattern *parse_patterns(cm_parser *p)
{
    cm_loc s = cm_parse_tok_loc(cm_parse_tok(p));
    cm_pattern *first = parse_maybe_star(p);
    if (!first) return NULL;
    if (!cm_parse_is(p, CM_TOK_COMMA) && first->kind != CM_P_MATCHSTAR) return first;
    pvec v = {0};
    if (!cm_parse_vpush(p, &v, first)) return NULL;
    while (cm_parse_accept(p, CM_TOK_COMMA)) {
        if (cm_parse_is(p, CM_TOK_COLON) || cm_parse_is_kw(p, CM_KW_IF)) break;
        cm_pattern *x = parse_maybe_star(p);
        if (!x || !cm_parse_vpush(p, &v, x)) return NULL;
    }
    cm_pattern *r = new_pat(p, CM_P_MATCHSEQUENCE, cm_parse_to_prev(p, s));
    if (r) r->v.sequence.patterns = pat_seq(&v);
    return r;
}

static cm_match_case *parse_case(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_match_case *c = cm_parse_alloc(p, sizeof *c);
    if (!c || !(c->pattern = parse_patterns(p))) return NULL;
    if (cm_parse_accept_kw(p, CM_KW_IF) && !(c->guard = cm_parse_named_expression(p)))
        return NULL;
    c->body = cm_parse_block(p, "'case' statement", kw->lineno);
    return p->failed ? NULL : c;
}

cm_stmt *cm_parse_match_stmt(cm_parser *p)
{
    cm_token *kw = cm_parse_next(p);
    cm_stmt *s = cm_ast_stmt(p->arena, CM_S_MATCH, cm_parse_tok_loc(kw));
    if (!s) return cm_parse_nomem(p);
    int bare = 0;
    if (!(s->v.match.subject = cm_parse_star_named_expressions_tuple(p, &bare))) return NULL;
    if (!cm_parse_accept(p, CM_TOK_COLON) || !cm_parse_accept(p, CM_TOK_NEWLINE)) {
        if (!p->failed) cm_parse_invalid(p);
        return NULL;
    }
    if (!cm_parse_accept(p, CM_TOK_INDENT)) {
        if (!p->failed) {
            cm_parse_error_tok(p, cm_parse_tok(p),
                               "expected an indented block after 'match' statement on line %d",
                               kw->lineno);
            p->err->is_indentation_error = 1;
        }
        return NULL;
    }
    pvec cases = {0};
    while (cm_parse_is_name(p, "case")) {
        cm_match_case *c = parse_case(p);
        if (!c || !cm_parse_vpush(p, &cases, c)) return NULL;
        cm_stmt_seq b = c->body;
        if (b.count) {
            s->loc.end_lineno = b.items[b.count - 1]->loc.end_lineno;
            s->loc.end_col_offset = b.items[b.count - 1]->loc.end_col_offset;
        }
    }
    if (!cases.n || !cm_parse_accept(p, CM_TOK_DEDENT)) {
        if (!p->failed) cm_parse_invalid(p);
        return NULL;
    }
    s->v.match.cases.items = (cm_match_case **)cases.items;
    s->v.match.cases.count = cases.n;
    return s;
}
