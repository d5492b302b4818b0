/*
** exc.h — exception objects and the built-in exception hierarchy.
*/
#ifndef CM_EXC_H
#define CM_EXC_H

#include "object.h"

/* One exception instance. `args` is always a tuple. */
typedef struct cm_exc {
  cm_obj hdr;
  cm_value args;       /* tuple */
  cm_value traceback;  /* cm_traceback chain (innermost last) or CM_NONE */
  cm_value cause;      /* __cause__ or CM_NONE */
  cm_value context;    /* __context__ or CM_NONE */
  cm_value notes;      /* list or CM_NULL */
  cm_value dict;       /* instance attributes (dict) or CM_NULL */
  cm_value value;      /* StopIteration.value / SystemExit.code, else CM_NULL */
  uint8_t suppress_context;
  uint8_t uncatchable; /* a limit breach: `except` clauses do not match it */
} cm_exc;

/* A traceback entry: one frame the exception passed through. */
typedef struct cm_traceback {
  cm_obj hdr;
  cm_value next;  /* towards the raise point, or CM_NONE */
  cm_value code;  /* cm_code */
  uint32_t pc;    /* index of the instruction that raised */
} cm_traceback;

/* X-macro: (C name, Python name, base C name). Order = id order; a base
   always precedes its subclasses. */
#define CM_EXCEPTIONS(X)                                              \
  X(BaseException, "BaseException", NONE)                             \
  X(BaseExceptionGroup, "BaseExceptionGroup", BaseException)          \
  X(GeneratorExit, "GeneratorExit", BaseException)                    \
  X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)            \
  X(SystemExit, "SystemExit", BaseException)                          \
  X(Exception, "Exception", BaseException)                            \
  X(ArithmeticError, "ArithmeticError", Exception)                    \
  X(FloatingPointError, "FloatingPointError", ArithmeticError)        \
  X(OverflowError, "OverflowError", ArithmeticError)                  \
  X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)          \
  X(AssertionError, "AssertionError", Exception)                      \
  X(AttributeError, "AttributeError", Exception)                      \
  X(BufferError, "BufferError", Exception)                            \
  X(EOFError, "EOFError", Exception)                                  \
  X(ExceptionGroup, "ExceptionGroup", Exception)                      \
  X(ImportError, "ImportError", Exception)                            \
  X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)          \
  X(LookupError, "LookupError", Exception)                            \
  X(IndexError, "IndexError", LookupError)                            \
  X(KeyError, "KeyError", LookupError)                                \
  X(MemoryError, "MemoryError", Exception)                            \
  X(NameError, "NameError", Exception)                                \
  X(UnboundLocalError, "UnboundLocalError", NameError)                \
  X(OSError, "OSError", Exception)                                    \
  X(BlockingIOError, "BlockingIOError", OSError)                      \
  X(ChildProcessError, "ChildProcessError", OSError)                  \
  X(ConnectionError, "ConnectionError", OSError)                      \
  X(BrokenPipeError, "BrokenPipeError", ConnectionError)              \
  X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError) \
  X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError) \
  X(ConnectionResetError, "ConnectionResetError", ConnectionError)    \
  X(FileExistsError, "FileExistsError", OSError)                      \
  X(FileNotFoundError, "FileNotFoundError", OSError)                  \
  X(InterruptedError, "InterruptedError", OSError)                    \
  X(IsADirectoryError, "IsADirectoryError", OSError)                  \
  X(NotADirectoryError, "NotADirectoryError", OSError)                \
  X(PermissionError, "PermissionError", OSError)                      \
  X(ProcessLookupError, "ProcessLookupError", OSError)                \
  X(TimeoutError, "TimeoutError", OSError)                            \
  X(ReferenceError, "ReferenceError", Exception)                      \
  X(RuntimeError, "RuntimeError", Exception)                          \
  X(NotImplementedError, "NotImplementedError", RuntimeError)         \
  X(PythonFinalizationError, "PythonFinalizationError", RuntimeError) \
  X(RecursionError, "RecursionError", RuntimeError)                   \
  X(StopAsyncIteration, "StopAsyncIteration", Exception)              \
  X(StopIteration, "StopIteration", Exception)                        \
  X(SyntaxError, "SyntaxError", Exception)                            \
  X(IndentationError, "IndentationError", SyntaxError)                \
  X(TabError, "TabError", IndentationError)                           \
  X(SystemError, "SystemError", Exception)                            \
  X(TypeError, "TypeError", Exception)                                \
  X(ValueError, "ValueError", Exception)                              \
  X(UnicodeError, "UnicodeError", ValueError)                         \
  X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError)           \
  X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError)           \
  X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError)     \
  X(Warning, "Warning", Exception)                                    \
  X(BytesWarning, "BytesWarning", Warning)                            \
  X(DeprecationWarning, "DeprecationWarning", Warning)                \
  X(EncodingWarning, "EncodingWarning", Warning)                      \
  X(FutureWarning, "FutureWarning", Warning)                          \
  X(ImportWarning, "ImportWarning", Warning)                          \
  X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning)  \
  X(ResourceWarning, "ResourceWarning", Warning)                      \
  X(RuntimeWarning, "RuntimeWarning", Warning)                        \
  X(SyntaxWarning, "SyntaxWarning", Warning)                          \
  X(UnicodeWarning, "UnicodeWarning", Warning)                        \
  X(UserWarning, "UserWarning", Warning)

/* cm_exc_BaseException, cm_exc_TypeError, ...: the const descriptors. */
#define CM_X_DECL(c, py, base) extern const cm_type cm_exc_##c;
CM_EXCEPTIONS(CM_X_DECL)
#undef CM_X_DECL

/* CM_E_TypeError, ...: ids (index into vm->typeobj). */
enum {
  CM_E_FIRST_ = CM_T_BASEEXCEPTION - 1,
#define CM_X_ID(c, py, base) CM_E_##c,
  CM_EXCEPTIONS(CM_X_ID)
#undef CM_X_ID
  CM_T_NBUILTIN /* number of built-in type ids */
};

#endif
