/*
** prelude_dunders.c — the prelude's helpers for builtins that run a user
** class's dunder (len, repr, iter, format, print, getattr, setattr, delattr):
** the native finds the plain Python function and tail-calls one of these,
** so the dunder runs as Python code the VM loop can pause in (vm.h, "user
** dunders run as frames"). _dn_result(kind, r) is cm_dunder_result: the
** same result checks and messages as the nested slot functions.
*/
#include "vm.h"

const char cm_prelude_dunders[] =
    "def dn_call(kind, f, x):\n"
    "    return _dn_result(kind, f(x))\n"
    "def dn_format(x, spec):\n"
    "    return f'{x:{spec}}'\n"
    "def dn_str(x):\n"
    "    return f'{x!s}'\n"
    "def dn_print(*args, **kw):\n"
    "    print(*[f'{a!s}' for a in args], **kw)\n"
    "def dn_discard(f, args):\n"
    "    f(*args)\n"
    "def dn_getattr(f, args, default):\n"
    "    try:\n"
    "        return f(*args)\n"
    "    except AttributeError:\n"
    "        return default\n";
