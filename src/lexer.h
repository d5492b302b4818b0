/* lexer.h — Python 3.14 tokenizer (internal to the front end).
 *
 * Produces tokens on demand from a UTF-8 buffer.  Like CPython's tokenizer it
 * emits NEWLINE/INDENT/DEDENT, joins lines inside brackets and after a
 * backslash, and keeps a bracket stack for "'(' was never closed" style
 * errors.  String literals (all prefixes, including f- and t-strings) are
 * returned whole as one STRING token; the parser decodes them
 * (cm_lex_decode_string) and splits f-string replacement fields, parsing
 * each field's expression with a sub-lexer over the same buffer
 * (cm_lex_init_sub) so positions stay exact.
 *
 * Errors are lazy: a bad token comes back as CM_TOK_ERROR with lx->err
 * filled; the parser decides when to report it.  No allocation happens here.
 */
#ifndef CM_LEXER_H
#define CM_LEXER_H

#include <stddef.h>

/* SyntaxError / IndentationError description, also used by parser.h. */
typedef struct cm_syntax_error {
    int is_indentation_error;   /* IndentationError (TabError included) */
    int is_tab_error;           /* TabError (a subclass of IndentationError) */
    int is_memory_error;        /* allocation failed: raise MemoryError */
    char msg[256];              /* CPython's message, UTF-8 */
    int lineno;                 /* 1-based */
    int col_offset;             /* 1-based *character* column (SyntaxError.offset) */
    int end_lineno;
    int end_col_offset;         /* 1-based, exclusive, like end_offset */
} cm_syntax_error;

typedef enum cm_tok_type {
    CM_TOK_ENDMARKER, CM_TOK_NAME, CM_TOK_NUMBER, CM_TOK_STRING,
    CM_TOK_NEWLINE, CM_TOK_INDENT, CM_TOK_DEDENT, CM_TOK_ERROR,
    /* operators */
    CM_TOK_LPAR, CM_TOK_RPAR, CM_TOK_LSQB, CM_TOK_RSQB, CM_TOK_LBRACE,
    CM_TOK_RBRACE, CM_TOK_COLON, CM_TOK_COMMA, CM_TOK_SEMI, CM_TOK_PLUS,
    CM_TOK_MINUS, CM_TOK_STAR, CM_TOK_SLASH, CM_TOK_VBAR, CM_TOK_AMPER,
    CM_TOK_LESS, CM_TOK_GREATER, CM_TOK_EQUAL, CM_TOK_DOT, CM_TOK_PERCENT,
    CM_TOK_EQEQUAL, CM_TOK_NOTEQUAL, CM_TOK_LESSEQUAL, CM_TOK_GREATEREQUAL,
    CM_TOK_TILDE, CM_TOK_CIRCUMFLEX, CM_TOK_LEFTSHIFT, CM_TOK_RIGHTSHIFT,
    CM_TOK_DOUBLESTAR, CM_TOK_PLUSEQUAL, CM_TOK_MINEQUAL, CM_TOK_STAREQUAL,
    CM_TOK_SLASHEQUAL, CM_TOK_PERCENTEQUAL, CM_TOK_AMPEREQUAL,
    CM_TOK_VBAREQUAL, CM_TOK_CIRCUMFLEXEQUAL, CM_TOK_LEFTSHIFTEQUAL,
    CM_TOK_RIGHTSHIFTEQUAL, CM_TOK_DOUBLESTAREQUAL, CM_TOK_DOUBLESLASH,
    CM_TOK_DOUBLESLASHEQUAL, CM_TOK_AT, CM_TOK_ATEQUAL, CM_TOK_RARROW,
    CM_TOK_ELLIPSIS, CM_TOK_COLONEQUAL, CM_TOK_EXCLAMATION
} cm_tok_type;

/* Hard keywords, classified by the lexer (NAME tokens get kw != 0). */
typedef enum cm_keyword_id {
    CM_KW_NONE_ = 0, CM_KW_FALSE, CM_KW_NONE, CM_KW_TRUE, CM_KW_AND,
    CM_KW_AS, CM_KW_ASSERT, CM_KW_ASYNC, CM_KW_AWAIT, CM_KW_BREAK,
    CM_KW_CLASS, CM_KW_CONTINUE, CM_KW_DEF, CM_KW_DEL, CM_KW_ELIF,
    CM_KW_ELSE, CM_KW_EXCEPT, CM_KW_FINALLY, CM_KW_FOR, CM_KW_FROM,
    CM_KW_GLOBAL, CM_KW_IF, CM_KW_IMPORT, CM_KW_IN, CM_KW_IS,
    CM_KW_LAMBDA, CM_KW_NONLOCAL, CM_KW_NOT, CM_KW_OR, CM_KW_PASS,
    CM_KW_RAISE, CM_KW_RETURN, CM_KW_TRY, CM_KW_WHILE, CM_KW_WITH,
    CM_KW_YIELD
} cm_keyword_id;

/* String-literal prefix flags (cm_token.str_flags). */
enum {
    CM_STR_RAW = 1, CM_STR_BYTES = 2, CM_STR_F = 4, CM_STR_T = 8,
    CM_STR_U = 16, CM_STR_TRIPLE = 32
};

typedef struct cm_token {
    cm_tok_type type;
    int kw;                     /* cm_keyword_id for NAME tokens */
    const char *start, *end;    /* source text of the token */
    int lineno, col;            /* start: 1-based line, 0-based byte col */
    int end_lineno, end_col;    /* end (exclusive) */
    /* STRING: prefix flags; body = text between the quotes */
    int str_flags;
    const char *body, *body_end;
    int body_lineno;            /* line of body start */
    const char *body_line_start;
} cm_token;

#define CM_LEX_MAXINDENT 100    /* CPython's MAXINDENT */
#define CM_LEX_MAXLEVEL 200     /* CPython's MAXLEVEL (nested brackets) */

typedef struct cm_lexer {
    const char *src, *end;      /* whole buffer (sub-lexers share it) */
    const char *pos;            /* next byte to read */
    const char *line_start;     /* start of the current physical line */
    int lineno;
    int at_bol;                 /* at beginning of a logical line */
    int pending;                /* >0: INDENTs owed, <0: DEDENTs owed */
    int indent_n;
    int indent[CM_LEX_MAXINDENT + 1];
    int altindent[CM_LEX_MAXINDENT + 1];
    int level;                  /* bracket depth */
    char paren[CM_LEX_MAXLEVEL];
    int paren_line[CM_LEX_MAXLEVEL], paren_col[CM_LEX_MAXLEVEL];
    int is_sub;                 /* f-string field sub-lexer: no NEWLINEs */
    int done;                   /* ENDMARKER produced */
    int emitted_any;            /* a non-NEWLINE token was produced */
    int last_was_newline;
    const char *cont_line;      /* line of last backslash continuation */
    cm_syntax_error err;        /* filled when CM_TOK_ERROR is returned */
} cm_lexer;

void cm_lex_init(cm_lexer *lx, const char *src, size_t len);
/* Sub-lexer for the expression of an f-string field [start, end):
 * behaves as if inside brackets, ends with ENDMARKER at `end`. */
void cm_lex_init_sub(cm_lexer *lx, const char *src, const char *start,
                     const char *end, int lineno, const char *line_start);
/* Reads the next token into *t; returns t->type. */
cm_tok_type cm_lex_next(cm_lexer *lx, cm_token *t);

/* Fills *err with msg at the given (0-based byte) position of src.
 * Converts the column to CPython's 1-based character offset. */
void cm_lex_set_error(cm_syntax_error *err, const char *src,
                      const char *line_start, int lineno, int col,
                      int end_lineno, int end_col, const char *msg);
/* Byte offset -> 1-based character offset within a line. */
int cm_lex_char_col(const char *line_start, int byte_col, const char *end);

/* Scans the replacement field starting just after '{' at p (inside an
 * f-/t-string body ending at body_end with the given quote settings).
 * Returns a pointer to the end of the expression part (at '=', '!', ':'
 * or '}'), or NULL if the body ends first. */
const char *cm_lex_scan_fexpr(const char *p, const char *body_end);

/* Decodes a string/bytes literal body (escape processing unless raw).
 * out must have room for (end-p)*1 + 4 bytes: escapes never expand beyond
 * that (\N{..} names are longer than their UTF-8).  Returns the decoded
 * length, or -1 with msg filled (CPython's "(unicode error) ..." text) and
 * *bad_at set to the offending escape. */
long cm_lex_decode_string(const char *p, const char *end, int flags,
                          char *out, char *msg, size_t msgcap,
                          const char **bad_at);

#endif /* CM_LEXER_H */
