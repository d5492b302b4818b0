/* parse_int.h — internals shared by parser.c, parse_expr.c, parse_str.c.
 * Not part of any public API. */
#ifndef CM_PARSE_INT_H
#define CM_PARSE_INT_H

#include "parser.h"

typedef struct cm_parser {
    cm_arena *arena;
    cm_lexer lx;
    const char *src, *end;      /* whole (normalised) source */
    cm_token *toks;             /* tokens read so far (arena array) */
    int ntoks, cap, pos;        /* pos = index of the current token */
    cm_syntax_error *err;
    int failed;                 /* first error wins; then everything unwinds */
    int depth;                  /* recursion guard, shared with sub-parsers */
    int mode;
    int is_sub;                 /* parsing an f-string replacement field */
    cm_token eof;
    int lex_failed;             /* the error came from the tokenizer */               /* returned when the token array cannot grow */
} cm_parser;

/* Growable pointer vector in the arena (old storage is simply dropped). */
typedef struct pvec { void **items; int n, cap; } pvec;
int cm_parse_vpush(cm_parser *p, pvec *v, void *item);

/* tokens */
cm_token *cm_parse_tok(cm_parser *p);              /* current token */
cm_token *cm_parse_peek(cm_parser *p, int k);      /* k tokens ahead */
cm_token *cm_parse_next(cm_parser *p);             /* consume, return it */
cm_token *cm_parse_prev(cm_parser *p);             /* last consumed */
int cm_parse_is(cm_parser *p, cm_tok_type t);
int cm_parse_is_kw(cm_parser *p, int kw);
int cm_parse_accept(cm_parser *p, cm_tok_type t);
int cm_parse_accept_kw(cm_parser *p, int kw);
int cm_parse_is_name(cm_parser *p, const char *soft);  /* soft keyword */

/* errors (positions: 1-based lines, 0-based byte cols) */
void cm_parse_error(cm_parser *p, int l1, int c1, int l2, int c2,
                    const char *fmt, ...);
void cm_parse_error_tok(cm_parser *p, const cm_token *t, const char *fmt, ...);
void cm_parse_error_loc(cm_parser *p, cm_loc loc, const char *fmt, ...);
void cm_parse_invalid(cm_parser *p);               /* "invalid syntax" here */
void *cm_parse_nomem(cm_parser *p);
int cm_parse_enter(cm_parser *p);                  /* depth guard */
#define ENTER(p) do { if (!cm_parse_enter(p)) return NULL; } while (0)
#define LEAVE(p) ((p)->depth--)

/* locations */
cm_loc cm_parse_tok_loc(const cm_token *t);
cm_loc cm_parse_span(cm_loc a, cm_loc b);
cm_loc cm_parse_to_prev(cm_parser *p, cm_loc start);  /* start .. last token */

void *cm_parse_alloc(cm_parser *p, size_t n);
cm_ident cm_parse_ident(cm_parser *p, const cm_token *t);
cm_expr_seq cm_parse_expr_seq(cm_parser *p, pvec *v);

/* expressions (parse_expr.c) */
cm_expr *cm_parse_expression(cm_parser *p);
cm_expr *cm_parse_named_expression(cm_parser *p);
cm_expr *cm_parse_star_expressions(cm_parser *p);
/* star_named_expression (',' ...)* [','] -> element or Tuple;
 * *bare = 1 when an unparenthesized Tuple was built. */
cm_expr *cm_parse_star_named_expressions_tuple(cm_parser *p, int *bare);
cm_expr *cm_parse_yield_expr(cm_parser *p);
cm_expr *cm_parse_disjunction(cm_parser *p);
cm_expr *cm_parse_bitwise_or(cm_parser *p);
cm_expr *cm_parse_star_targets(cm_parser *p);
cm_expr *cm_parse_star_target(cm_parser *p);     /* one target, Store ctx */
cm_expr *cm_parse_name(cm_parser *p, cm_expr_context ctx);
cm_arguments *cm_parse_params(cm_parser *p, int is_lambda);
int cm_parse_call_args(cm_parser *p, cm_expr_seq *args, cm_keyword_seq *kws,
                       cm_token *open);
cm_type_param_seq cm_parse_type_params(cm_parser *p);
int cm_parse_starts_expr(cm_parser *p);
/* Turns a parsed expression into an assignment (CM_STORE) or del (CM_DEL)
 * target, raising CPython's "cannot assign to ..." errors. */
int cm_parse_set_ctx(cm_parser *p, cm_expr *e, cm_expr_context ctx);
const char *cm_parse_expr_name(const cm_expr *e);
cm_comprehension_seq cm_parse_comp_for(cm_parser *p);
int cm_parse_is_comp_for(cm_parser *p);

/* literals (parse_str.c) */
cm_expr *cm_parse_strings(cm_parser *p);
cm_expr *cm_parse_number(cm_parser *p);

cm_stmt_seq cm_parse_block(cm_parser *p, const char *what, int line);

/* patterns (parse_match.c) */
cm_stmt *cm_parse_match_stmt(cm_parser *p);
int cm_parse_looks_like_match(cm_parser *p);

/* sub-parser for f-string fields */
void cm_parse_init(cm_parser *p, cm_arena *a, const char *src,
                   const char *end, cm_syntax_error *err);

#endif /* CM_PARSE_INT_H */
