/* parser.h — Python 3.14 source -> AST (ast.h).
 *
 *   cm_arena arena;
 *   cm_arena_init(&arena, my_alloc, my_ud);
 *   cm_syntax_error err;
 *   cm_ast_mod *mod = cm_parse(&arena, src, len, "<file>", CM_PARSE_FILE, &err);
 *   if (!mod) { ... err.msg, err.lineno, err.col_offset ... }
 *   ... compile mod ...
 *   cm_arena_free(&arena);      // frees the whole tree
 *
 * Errors (cm_syntax_error, defined in lexer.h):
 *   - is_memory_error: an arena allocation failed, OR the source nests too
 *     deeply to parse (msg "Parser stack overflowed - Python source too
 *     complex to parse", CPython's MemoryError text).  Raise MemoryError.
 *   - is_indentation_error (+ is_tab_error): raise IndentationError/TabError.
 *   - otherwise SyntaxError.
 *   msg, lineno, col_offset, end_lineno, end_col_offset follow CPython
 *   3.14's SyntaxError attributes (msg/lineno/offset/end_lineno/end_offset):
 *   offsets are 1-based character columns; end_col_offset may be 0 or -1
 *   exactly where CPython reports those.
 *
 * Recursion is bounded (CM_PARSE_MAX_DEPTH), so hostile input never
 * overflows the C stack.  No global state; everything lives in the arena.
 *
 * Known gaps (vs CPython 3.14):
 *   - identifiers are not NFKC-normalised; non-ASCII identifier validity is
 *     approximated (a table of punctuation/symbol ranges is rejected);
 *   - \N{NAME} knows ~170 common names; others are "unknown Unicode
 *     character name";
 *   - SyntaxWarnings (invalid escape sequences, `is` with a literal, ...)
 *     are not produced;
 *   - for rare error forms the message may be the generic "invalid syntax"
 *     where CPython has a specialised one;
 *   - semantic errors raised by CPython's compiler/symtable are the
 *     compiler's job (see ast.h).
 */
#ifndef CM_PARSER_H
#define CM_PARSER_H

#include "ast.h"
#include "lexer.h"

enum {
    CM_PARSE_FILE = 0,     /* exec: Module */
    CM_PARSE_SINGLE = 1,   /* single: Interactive (one statement) */
    CM_PARSE_EVAL = 2      /* eval: Expression */
};

#define CM_PARSE_MAX_DEPTH 1000

/* Parses src[0..len) (UTF-8; need not be NUL-terminated).  Returns the
 * module, allocated in `arena`, or NULL with *err filled.  `filename` is
 * only recorded for messages (may be NULL).  The source buffer must stay
 * alive as long as the returned tree is used only if the caller relies on
 * nothing else: the tree copies every string it keeps into the arena. */
cm_ast_mod *cm_parse(cm_arena *arena, const char *src, size_t len,
                     const char *filename, int mode, cm_syntax_error *err);

#endif /* CM_PARSER_H */
