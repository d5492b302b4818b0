/*
** opcodes.h — the bytecode instruction set.
**
** An instruction is a uint32_t: `op | arg << 8` (arg: 24 bits, unsigned).
** Jump arguments are absolute instruction indices. The value stack grows
** upwards; in the stack-effect comments the top of stack is on the right.
** A call site always has the layout [callable, self_or_NULL, args...]:
** LOAD_METHOD fills self_or_NULL with the receiver, PUSH_NULL with NULL.
**
** X(name, pops, pushes) — pops/pushes are for documentation and for the
** compiler's stack-depth tracking of fixed-effect opcodes (-1 = depends on
** arg, computed by cm_op_effect in compile.c).
*/
#ifndef CM_OPCODES_H
#define CM_OPCODES_H

#define CM_OPCODES(X)                                                      \
  X(NOP, 0, 0)             /* -- */                                        \
  X(POP_TOP, 1, 0)         /* v -- */                                      \
  X(PUSH_NULL, 0, 1)       /* -- NULL */                                   \
  X(COPY, -1, -1)          /* a ... -- a ... a   (arg: 1 = top) */         \
  X(SWAP, -1, -1)          /* a ... b -- b ... a (arg: 2 = top two) */     \
  X(LOAD_CONST, 0, 1)      /* -- consts[arg] */                            \
  X(LOAD_SMALL_INT, 0, 1)  /* -- int(arg - 2^23) */                        \
  X(LOAD_FAST, 0, 1)       /* -- slot[arg] (UnboundLocalError if NULL) */  \
  X(STORE_FAST, 1, 0)      /* v -- ; slot[arg] = v */                      \
  X(DELETE_FAST, 0, 0)     /* -- ; slot[arg] = NULL */                     \
  X(LOAD_FAST_LOAD_FAST, 0, 2) /* -- slot[arg&4095] slot[arg>>12] */       \
  X(LOAD_DEREF, 0, 1)      /* -- cell(slot[arg]).value */                  \
  X(STORE_DEREF, 1, 0)     /* v -- */                                      \
  X(DELETE_DEREF, 0, 0)    /* -- */                                        \
  X(LOAD_CLOSURE, 0, 1)    /* -- the cell in slot[arg] itself */           \
  X(LOAD_CLASSDEREF, 0, 1) /* -- ns[name] or the cell's value (class body)*/\
  X(LOAD_GLOBAL, 0, 1)     /* -- globals/builtins[names[arg]] (cached) */  \
  X(STORE_GLOBAL, 1, 0)    /* v -- */                                      \
  X(DELETE_GLOBAL, 0, 0)   /* -- */                                        \
  X(LOAD_NAME, 0, 1)       /* -- locals/globals/builtins[names[arg]] */    \
  X(STORE_NAME, 1, 0)      /* v -- ; locals[names[arg]] = v */             \
  X(DELETE_NAME, 0, 0)     /* -- */                                        \
  X(LOAD_ATTR, 1, 1)       /* o -- o.names[arg] */                         \
  X(LOAD_METHOD, 1, 2)     /* o -- meth self_or_NULL */                    \
  X(STORE_ATTR, 2, 0)      /* v o -- ; o.name = v */                       \
  X(DELETE_ATTR, 1, 0)     /* o -- */                                      \
  X(BINARY_SUBSCR, 2, 1)   /* o k -- o[k] */                               \
  X(STORE_SUBSCR, 3, 0)    /* v o k -- ; o[k] = v */                       \
  X(DELETE_SUBSCR, 2, 0)   /* o k -- */                                    \
  X(BUILD_SLICE, -1, 1)    /* lo hi [step] -- slice  (arg 2 or 3) */       \
  X(BINARY_OP, 2, 1)       /* a b -- a op b   (arg: CM_OP_*) */            \
  X(UNARY_OP, 1, 1)        /* a -- op a       (arg: CM_UN_*) */            \
  X(COMPARE_OP, 2, 1)      /* a b -- a cmp b  (arg: CM_CMP_*) */           \
  X(IS_OP, 2, 1)           /* a b -- a is b (arg 1: is not) */             \
  X(CONTAINS_OP, 2, 1)     /* a b -- a in b (arg 1: not in) */             \
  X(JUMP, 0, 0)            /* -- ; pc = arg */                             \
  X(JUMP_BACKWARD, 0, 0)   /* -- ; pc = arg, checks limits/GC */           \
  X(POP_JUMP_IF_FALSE, 1, 0) /* v -- */                                    \
  X(POP_JUMP_IF_TRUE, 1, 0)  /* v -- */                                    \
  X(POP_JUMP_IF_NONE, 1, 0)  /* v -- */                                    \
  X(POP_JUMP_IF_NOT_NONE, 1, 0) /* v -- */                                 \
  X(JUMP_IF_FALSE_OR_POP, -1, -1) /* v -- v (jump) | v -- (fallthrough) */ \
  X(JUMP_IF_TRUE_OR_POP, -1, -1)  /* v -- v (jump) | v -- (fallthrough) */ \
  X(GET_ITER, 1, 1)        /* o -- iter(o) */                              \
  X(FOR_ITER, -1, -1)      /* it -- it v | exhausted: it -- ; jump arg */  \
  X(RETURN_VALUE, 1, 0)    /* v -- ; return v */                           \
  X(RETURN_CONST, 0, 0)    /* -- ; return consts[arg] */                   \
  X(BUILD_TUPLE, -1, 1)    /* v1..vn -- tuple */                           \
  X(BUILD_LIST, -1, 1)     /* v1..vn -- list */                            \
  X(BUILD_SET, -1, 1)      /* v1..vn -- set */                             \
  X(BUILD_MAP, -1, 1)      /* k1 v1 .. kn vn -- dict */                    \
  X(LIST_APPEND, 1, 0)     /* (list at -arg after pop) v -- */             \
  X(SET_ADD, 1, 0)         /* v -- */                                      \
  X(MAP_ADD, 2, 0)         /* k v -- */                                    \
  X(LIST_EXTEND, 1, 0)     /* iterable -- ; list at -(arg&255) extended */      \
  X(SET_UPDATE, 1, 0)      /* iterable -- */                               \
  X(DICT_UPDATE, 1, 0)     /* mapping -- ; {**m} */                        \
  X(DICT_MERGE, 1, 0)      /* mapping -- ; f(**m): duplicates raise */     \
  X(LIST_TO_TUPLE, 1, 1)   /* list -- tuple */                             \
  X(UNPACK_SEQUENCE, 1, -1) /* seq -- vn .. v1 */                          \
  X(UNPACK_EX, 1, -1)      /* seq -- ... (arg: before | after << 8) */     \
  X(CALL, -1, 1)           /* f self_or_NULL a1..an -- r */                \
  X(CALL_KW, -1, 1)        /* f self_or_NULL a1..an kwnames -- r */        \
  X(CALL_FUNCTION_EX, -1, 1) /* f NULL argtuple [kwdict] -- r (arg&1) */   \
  X(MAKE_FUNCTION, -1, 1)  /* [defaults] [kwdefaults] [closure] code -- f */\
  X(RAISE_VARARGS, -1, 0)  /* [exc [cause]] -- (arg 0..2) */               \
  X(RERAISE, 1, 0)         /* exc -- ; re-raise without a traceback entry */\
  X(DISCARD_EXC, 1, 0)     /* exc -- ; re-raises it if uncatchable */      \
  X(PUSH_EXC_INFO, 1, 2)   /* exc -- prev exc ; handled = exc */           \
  X(POP_EXCEPT, 1, 0)      /* prev -- ; handled = prev */                  \
  X(CHECK_EXC_MATCH, -1, -1) /* exc type -- exc bool (arg 1: bare except)*/\
  X(BEFORE_WITH, 1, 2)     /* mgr -- exit enter_result */                  \
  X(WITH_EXCEPT_START, 3, 4) /* exit prev exc -- exit prev exc res */      \
  X(LOAD_ASSERTION_ERROR, 0, 1) /* -- AssertionError */                    \
  X(LOAD_BUILD_CLASS, 0, 1) /* -- __build_class__ */                       \
  X(IMPORT_NAME, 2, 1)     /* level fromlist -- module */                  \
  X(IMPORT_FROM, 1, 2)     /* module -- module attr */                     \
  X(IMPORT_STAR, 1, 0)     /* module -- */                                 \
  X(FORMAT_VALUE, -1, 1)   /* v [spec] -- str (arg: conv | 4 if spec) */   \
  X(BUILD_STRING, -1, 1)   /* s1..sn -- str */                             \
  X(YIELD_VALUE, 1, 1)     /* v -- sent */                                 \
  X(SEND, -1, -1)          /* sub v -- sub y | returned: sub v -- r; jump*/\
  X(GET_YIELD_FROM_ITER, 1, 1) /* o -- iter */                             \
  X(CLEANUP_THROW, 3, 1)   /* sub last exc -- value (StopIteration) */     \
  X(NOT_IMPLEMENTED, 0, 0) /* -- ; NotImplementedError(consts[arg]) */     \
  X(PRINT_EXPR, 1, 0)      /* v -- ; interactive echo */                   \
  X(SETUP_CLASSCELL, 0, 0) /* -- ; ns['__classcell__'] = slot[arg] */      \
  X(LOAD_LOCALS, 0, 1)     /* -- the class namespace */                    \
  X(CALL_INTRINSIC, 1, 1)  /* v -- f(v) (arg: CM_INTRINSIC_*) */           \
  X(POP_ITER, 1, 0)        /* it -- ; a loop left early (closes owned gens) */ \
  X(MATCH_SEQUENCE, 1, 2)  /* subj -- subj bool (sequence pattern applies) */ \
  X(MATCH_MAPPING, 1, 2)   /* subj -- subj bool */                          \
  X(GET_LEN, 1, 2)         /* subj -- subj len(subj) */                     \
  X(MATCH_KEYS, 2, 3)      /* subj keys -- subj keys values_tuple|None */   \
  X(MATCH_CLASS, 3, 1)     /* subj cls names -- attrs_tuple|None (arg npos)*/\
  X(DICT_WITHOUT_KEYS, 2, 1) /* subj keys -- dict(subj) minus keys */ \
  /* superinstructions (compile.c peephole): a small int constant operand */ \
  X(BINARY_OP_CONST, 1, 1) /* a -- a op k (arg: op | (k + 2^15) << 8) */     \
  X(COMPARE_OP_CONST, 1, 1) /* a -- a cmp k (arg: cmp | (k + 2^15) << 8) */

enum {
#define CM_X_OP(name, pops, pushes) CM_I_##name,
  CM_OPCODES(CM_X_OP)
#undef CM_X_OP
  CM_NOPCODES
};

#define CM_INSN(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define CM_INSN_OP(i) ((i) & 0xFF)
#define CM_INSN_ARG(i) ((i) >> 8)
#define CM_MAX_ARG 0xFFFFFF
#define CM_SMALL_INT_BIAS (1 << 23)
#define CM_CONST_OPERAND_BIAS (1 << 15)

#endif
