/* ast.h — the abstract syntax tree produced by the parser (parser.h).
 *
 * Modeled on CPython 3.14's Parser/Python.asdl: same node kinds, same field
 * names, same meaning, so `ast.dump()` output from CPython is the reference
 * (cm_ast_dump() below prints the same text, used by the unit tests).
 *
 * Memory: every node, array, identifier and constant payload lives in one
 * cm_arena (a bump allocator whose blocks come from the caller's allocation
 * callback).  Nothing is freed individually; cm_arena_free() releases it all.
 *
 * Locations: every node has `loc` = lineno/col_offset/end_lineno/
 * end_col_offset exactly as CPython's ast reports them: lines 1-based,
 * columns 0-based UTF-8 *byte* offsets into the line.
 *
 * Arrays are (items, count) pairs; an empty array is {NULL, 0}.
 * Optional children are NULL when absent.
 *
 * Identifiers are cm_ident: UTF-8, NUL-terminated, in the arena; an absent
 * optional identifier has str == NULL.  Identifiers are NFKC-normalised only
 * for ASCII-compatible input (non-ASCII identifiers are kept as written; see
 * "known gaps" in parser.h).
 *
 * Strings (CM_CONST_STR and the constant parts of f/t-strings) are UTF-8 that
 * may contain NUL bytes (always use .len).  Lone surrogates produced by
 * escapes such as "\ud800" are encoded each on its own as the 3-byte
 * generalized-UTF-8 sequence (ED A0 80 .. ED BF BF) — a pair "\ud83d\ude00"
 * stays two surrogates, as in CPython; it is NOT combined.  The payload is
 * always followed by a NUL byte not counted in len.
 *
 * Semantic errors that CPython raises in the compiler/symtable, not the
 * parser, are NOT detected here and are the compiler's job:
 *   'return' outside function, 'yield' outside function, 'await' outside
 *   (async) function, 'break' outside loop, 'continue' not properly in loop,
 *   nonlocal at module level / no binding, name is parameter and global,
 *   'return' with value in async generator, too many statically nested
 *   blocks, duplicate argument names ("duplicate argument 'x' in function
 *   definition" — CPython's symtable), starred assignment target count
 *   ("multiple starred expressions in assignment").
 * Everything CPython's *parser* rejects (invalid targets, misplaced starred
 * expressions, bad argument order, ...) is rejected by cm_parse().
 *
 * Depth: the parser bounds its own recursion, not the tree's depth: a
 * 100000-term `a+a+...` or `x.a.a...` chain is a 100000-deep left spine.
 * Recursive walkers (compiler, symtable) must bound their depth and raise
 * RecursionError-style errors like CPython does for such input.
 *
 * Frozen: fields are only ever ADDED after this version, never renamed.
 */
#ifndef CM_AST_H
#define CM_AST_H

#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- arena */

/* Allocation callback (lua_Alloc style): new_size == 0 frees `ptr` (return
 * value ignored); otherwise (re)allocate to new_size and return the block or
 * NULL on failure.  old_size is the size previously requested for ptr. */
typedef void *(*cm_alloc_fn)(void *ud, void *ptr, size_t old_size,
                             size_t new_size);

typedef struct cm_arena_block cm_arena_block;

/* Bump allocator.  Plain struct so callers can keep it on their stack. */
typedef struct cm_arena {
    cm_alloc_fn alloc;        /* caller's allocator */
    void *ud;                 /* its user data */
    cm_arena_block *blocks;   /* newest block first */
    size_t used_bytes;        /* total bytes obtained from alloc */
    int failed;               /* set once an allocation failed */
} cm_arena;

void cm_arena_init(cm_arena *a, cm_alloc_fn alloc, void *ud);
/* Returns zeroed, max-aligned memory, or NULL (and sets a->failed). */
void *cm_arena_alloc(cm_arena *a, size_t size);
/* Copies len bytes and appends a NUL; NULL on failure. */
char *cm_arena_strdup(cm_arena *a, const char *s, size_t len);
/* Releases every block; the arena can be reused afterwards. */
void cm_arena_free(cm_arena *a);

/* ---------------------------------------------------------- basic types */

typedef struct cm_loc {
    int lineno, col_offset, end_lineno, end_col_offset;
} cm_loc;

typedef struct cm_ident {
    const char *str;   /* NULL when an optional identifier is absent */
    size_t len;
} cm_ident;

typedef struct cm_expr cm_expr;
typedef struct cm_stmt cm_stmt;
typedef struct cm_pattern cm_pattern;
typedef struct cm_arg cm_arg;
typedef struct cm_keyword cm_keyword;
typedef struct cm_alias cm_alias;
typedef struct cm_withitem cm_withitem;
typedef struct cm_comprehension cm_comprehension;
typedef struct cm_excepthandler cm_excepthandler;
typedef struct cm_match_case cm_match_case;
typedef struct cm_type_param cm_type_param;
typedef struct cm_arguments cm_arguments;

typedef struct { cm_expr **items; int count; } cm_expr_seq;
typedef struct { cm_stmt **items; int count; } cm_stmt_seq;
typedef struct { cm_pattern **items; int count; } cm_pattern_seq;
typedef struct { cm_arg **items; int count; } cm_arg_seq;
typedef struct { cm_keyword **items; int count; } cm_keyword_seq;
typedef struct { cm_alias **items; int count; } cm_alias_seq;
typedef struct { cm_withitem **items; int count; } cm_withitem_seq;
typedef struct { cm_comprehension **items; int count; } cm_comprehension_seq;
typedef struct { cm_excepthandler **items; int count; } cm_excepthandler_seq;
typedef struct { cm_match_case **items; int count; } cm_match_case_seq;
typedef struct { cm_type_param **items; int count; } cm_type_param_seq;
typedef struct { cm_ident *items; int count; } cm_ident_seq;
/* For Compare.ops */
typedef struct { int *items; int count; } cm_int_seq;

typedef enum cm_expr_context { CM_LOAD, CM_STORE, CM_DEL } cm_expr_context;

typedef enum cm_boolop { CM_AND, CM_OR } cm_boolop;

typedef enum cm_operator {
    CM_ADD, CM_SUB, CM_MULT, CM_MATMULT, CM_DIV, CM_MOD, CM_POW,
    CM_LSHIFT, CM_RSHIFT, CM_BITOR, CM_BITXOR, CM_BITAND, CM_FLOORDIV
} cm_operator;

typedef enum cm_unaryop { CM_INVERT, CM_NOT, CM_UADD, CM_USUB } cm_unaryop;

typedef enum cm_cmpop {
    CM_EQ, CM_NOTEQ, CM_LT, CM_LTE, CM_GT, CM_GTE,
    CM_IS, CM_ISNOT, CM_IN, CM_NOTIN
} cm_cmpop;

/* ------------------------------------------------------------ constants */

typedef enum cm_const_kind {
    CM_CONST_NONE, CM_CONST_TRUE, CM_CONST_FALSE, CM_CONST_ELLIPSIS,
    CM_CONST_INT, CM_CONST_FLOAT, CM_CONST_IMAG, CM_CONST_STR,
    CM_CONST_BYTES
} cm_const_kind;

typedef struct cm_constant {
    cm_const_kind kind;
    /* CM_CONST_INT: digits in `base` (2, 8, 10 or 16), no prefix, no
     * underscores, lowercase, NUL-terminated, never empty ("0" for zero;
     * leading zeros of 0x/0o/0b literals are kept).  If the value fits in
     * int64_t, fits_i64 = 1 and i64 holds it (saves the compiler a bigint). */
    struct { const char *digits; size_t len; int base; int fits_i64;
             int64_t i64; } i;
    double f;            /* CM_CONST_FLOAT, and CM_CONST_IMAG's imag part */
    /* CM_CONST_STR (generalized UTF-8, see top) / CM_CONST_BYTES. */
    struct { const char *data; size_t len; } s;
    int is_u;            /* str literal had a 'u' prefix (ast kind='u') */
} cm_constant;

/* Conversion of FormattedValue/Interpolation: -1 none, else 's','r','a'. */

/* ---------------------------------------------------------- expressions */

typedef enum cm_expr_kind {
    CM_E_BOOLOP, CM_E_NAMEDEXPR, CM_E_BINOP, CM_E_UNARYOP, CM_E_LAMBDA,
    CM_E_IFEXP, CM_E_DICT, CM_E_SET, CM_E_LISTCOMP, CM_E_SETCOMP,
    CM_E_DICTCOMP, CM_E_GENERATOREXP, CM_E_AWAIT, CM_E_YIELD,
    CM_E_YIELDFROM, CM_E_COMPARE, CM_E_CALL, CM_E_FORMATTEDVALUE,
    CM_E_INTERPOLATION, CM_E_JOINEDSTR, CM_E_TEMPLATESTR, CM_E_CONSTANT,
    CM_E_ATTRIBUTE, CM_E_SUBSCRIPT, CM_E_STARRED, CM_E_NAME, CM_E_LIST,
    CM_E_TUPLE, CM_E_SLICE
} cm_expr_kind;

struct cm_expr {
    cm_expr_kind kind;
    cm_loc loc;
    union {
        struct { cm_boolop op; cm_expr_seq values; } boolop;
        struct { cm_expr *target; cm_expr *value; } namedexpr;
        struct { cm_expr *left; cm_operator op; cm_expr *right; } binop;
        struct { cm_unaryop op; cm_expr *operand; } unaryop;
        struct { cm_arguments *args; cm_expr *body; } lambda;
        struct { cm_expr *test; cm_expr *body; cm_expr *orelse; } ifexp;
        /* keys.items[i] == NULL means `**values.items[i]` */
        struct { cm_expr_seq keys; cm_expr_seq values; } dict;
        struct { cm_expr_seq elts; } set;
        /* ListComp, SetComp, GeneratorExp */
        struct { cm_expr *elt; cm_comprehension_seq generators; } comp;
        struct { cm_expr *key; cm_expr *value;
                 cm_comprehension_seq generators; } dictcomp;
        struct { cm_expr *value; } await;       /* also YieldFrom */
        struct { cm_expr *value; } yield;       /* value may be NULL */
        struct { cm_expr *left; cm_int_seq ops /* cm_cmpop */;
                 cm_expr_seq comparators; } compare;
        /* args may contain Starred; keywords with arg.str==NULL are ** */
        struct { cm_expr *func; cm_expr_seq args;
                 cm_keyword_seq keywords; } call;
        /* FormattedValue and Interpolation.  format_spec is a JoinedStr
         * or NULL.  str (Interpolation only) is the expression's source
         * text as CPython stores it (a str Constant's payload). */
        struct { cm_expr *value; int conversion; cm_expr *format_spec;
                 const char *str; size_t str_len; } fvalue;
        struct { cm_expr_seq values; } joinedstr;  /* also TemplateStr */
        cm_constant constant;
        struct { cm_expr *value; cm_ident attr;
                 cm_expr_context ctx; } attribute;
        struct { cm_expr *value; cm_expr *slice;
                 cm_expr_context ctx; } subscript;
        struct { cm_expr *value; cm_expr_context ctx; } starred;
        struct { cm_ident id; cm_expr_context ctx; } name;
        struct { cm_expr_seq elts; cm_expr_context ctx; } seq; /* List/Tuple */
        struct { cm_expr *lower, *upper, *step; } slice;
    } v;
};

/* ----------------------------------------------------------- statements */

typedef enum cm_stmt_kind {
    CM_S_FUNCTIONDEF, CM_S_ASYNCFUNCTIONDEF, CM_S_CLASSDEF, CM_S_RETURN,
    CM_S_DELETE, CM_S_ASSIGN, CM_S_TYPEALIAS, CM_S_AUGASSIGN,
    CM_S_ANNASSIGN, CM_S_FOR, CM_S_ASYNCFOR, CM_S_WHILE, CM_S_IF,
    CM_S_WITH, CM_S_ASYNCWITH, CM_S_MATCH, CM_S_RAISE, CM_S_TRY,
    CM_S_TRYSTAR, CM_S_ASSERT, CM_S_IMPORT, CM_S_IMPORTFROM, CM_S_GLOBAL,
    CM_S_NONLOCAL, CM_S_EXPR, CM_S_PASS, CM_S_BREAK, CM_S_CONTINUE
} cm_stmt_kind;

struct cm_stmt {
    cm_stmt_kind kind;
    cm_loc loc;
    union {
        /* FunctionDef / AsyncFunctionDef */
        struct { cm_ident name; cm_arguments *args; cm_stmt_seq body;
                 cm_expr_seq decorator_list; cm_expr *returns;
                 cm_type_param_seq type_params; } funcdef;
        struct { cm_ident name; cm_expr_seq bases; cm_keyword_seq keywords;
                 cm_stmt_seq body; cm_expr_seq decorator_list;
                 cm_type_param_seq type_params; } classdef;
        struct { cm_expr *value; } ret;                  /* value nullable */
        struct { cm_expr_seq targets; } del;
        struct { cm_expr_seq targets; cm_expr *value; } assign;
        struct { cm_expr *name; cm_type_param_seq type_params;
                 cm_expr *value; } typealias;
        struct { cm_expr *target; cm_operator op; cm_expr *value; } augassign;
        /* simple = 1 when target is a plain, unparenthesized Name */
        struct { cm_expr *target; cm_expr *annotation; cm_expr *value;
                 int simple; } annassign;
        /* For / AsyncFor */
        struct { cm_expr *target; cm_expr *iter; cm_stmt_seq body;
                 cm_stmt_seq orelse; } for_;
        /* While / If */
        struct { cm_expr *test; cm_stmt_seq body; cm_stmt_seq orelse; } while_;
        struct { cm_expr *test; cm_stmt_seq body; cm_stmt_seq orelse; } if_;
        /* With / AsyncWith */
        struct { cm_withitem_seq items; cm_stmt_seq body; } with;
        struct { cm_expr *subject; cm_match_case_seq cases; } match;
        struct { cm_expr *exc; cm_expr *cause; } raise;  /* both nullable */
        /* Try / TryStar */
        struct { cm_stmt_seq body; cm_excepthandler_seq handlers;
                 cm_stmt_seq orelse; cm_stmt_seq finalbody; } try_;
        struct { cm_expr *test; cm_expr *msg; } assert_;
        struct { cm_alias_seq names; } import;
        /* module.str NULL for `from . import x`; level = number of dots */
        struct { cm_ident module; cm_alias_seq names; int level; } importfrom;
        struct { cm_ident_seq names; } global;     /* also Nonlocal */
        struct { cm_expr *value; } expr;
    } v;
};

/* ------------------------------------------------------- other records */

struct cm_arg {
    cm_loc loc;
    cm_ident arg;
    cm_expr *annotation;   /* nullable; may be Starred for `*args: *Ts` */
};

/* kw_defaults has kwonlyargs.count entries, NULL where no default.
 * defaults belong to the LAST defaults.count of posonlyargs+args. */
struct cm_arguments {
    cm_arg_seq posonlyargs;
    cm_arg_seq args;
    cm_arg *vararg;        /* nullable */
    cm_arg_seq kwonlyargs;
    cm_expr_seq kw_defaults;
    cm_arg *kwarg;         /* nullable */
    cm_expr_seq defaults;
};

struct cm_keyword {
    cm_loc loc;
    cm_ident arg;          /* str NULL for **value */
    cm_expr *value;
};

struct cm_alias {
    cm_loc loc;
    cm_ident name;         /* dotted name "a.b.c", or "*" */
    cm_ident asname;       /* nullable */
};

struct cm_withitem {
    cm_expr *context_expr;
    cm_expr *optional_vars;    /* nullable; Store context */
};

struct cm_comprehension {
    cm_expr *target;
    cm_expr *iter;
    cm_expr_seq ifs;
    int is_async;
};

struct cm_excepthandler {
    cm_loc loc;
    cm_expr *type;             /* nullable (bare except) */
    cm_ident name;             /* nullable */
    cm_stmt_seq body;
};

struct cm_match_case {
    cm_pattern *pattern;
    cm_expr *guard;            /* nullable */
    cm_stmt_seq body;
};

typedef enum cm_pattern_kind {
    CM_P_MATCHVALUE, CM_P_MATCHSINGLETON, CM_P_MATCHSEQUENCE,
    CM_P_MATCHMAPPING, CM_P_MATCHCLASS, CM_P_MATCHSTAR, CM_P_MATCHAS,
    CM_P_MATCHOR
} cm_pattern_kind;

struct cm_pattern {
    cm_pattern_kind kind;
    cm_loc loc;
    union {
        struct { cm_expr *value; } value;
        /* kind is CM_CONST_NONE, CM_CONST_TRUE or CM_CONST_FALSE */
        struct { cm_const_kind value; } singleton;
        struct { cm_pattern_seq patterns; } sequence;   /* also MatchOr */
        struct { cm_expr_seq keys; cm_pattern_seq patterns;
                 cm_ident rest; } mapping;
        struct { cm_expr *cls; cm_pattern_seq patterns;
                 cm_ident_seq kwd_attrs; cm_pattern_seq kwd_patterns; } cls;
        struct { cm_ident name; } star;                 /* name nullable */
        /* `_` is MatchAs(pattern=NULL, name=NULL) */
        struct { cm_pattern *pattern; cm_ident name; } as;
    } v;
};

typedef enum cm_type_param_kind {
    CM_TP_TYPEVAR, CM_TP_PARAMSPEC, CM_TP_TYPEVARTUPLE
} cm_type_param_kind;

struct cm_type_param {
    cm_type_param_kind kind;
    cm_loc loc;
    cm_ident name;
    cm_expr *bound;            /* TypeVar only; nullable */
    cm_expr *default_value;    /* nullable */
};

/* --------------------------------------------------------------- module */

typedef enum cm_mod_kind {
    CM_MOD_MODULE, CM_MOD_INTERACTIVE, CM_MOD_EXPRESSION
} cm_mod_kind;

typedef struct cm_ast_mod {
    cm_mod_kind kind;
    cm_stmt_seq body;          /* Module, Interactive */
    cm_expr *expr;             /* Expression */
} cm_ast_mod;

/* ------------------------------------------------------------ functions */

/* Node constructors: allocate a zeroed node of the given kind with loc set;
 * NULL on allocation failure.  Fields are filled by the caller. */
cm_expr *cm_ast_expr(cm_arena *a, cm_expr_kind kind, cm_loc loc);
cm_stmt *cm_ast_stmt(cm_arena *a, cm_stmt_kind kind, cm_loc loc);
cm_pattern *cm_ast_pattern(cm_arena *a, cm_pattern_kind kind, cm_loc loc);

/* Writes the tree in CPython's `ast.dump(tree)` format (3.14 defaults:
 * no attributes, empty lists and None fields omitted) into buf (always
 * NUL-terminated when cap > 0).  Returns the full length needed, like
 * snprintf.  For debugging and tests. */
size_t cm_ast_dump(const cm_ast_mod *mod, char *buf, size_t cap);
size_t cm_ast_dump_expr(const cm_expr *e, char *buf, size_t cap);

const char *cm_ast_expr_kind_name(cm_expr_kind k);
const char *cm_ast_stmt_kind_name(cm_stmt_kind k);

#endif /* CM_AST_H */
