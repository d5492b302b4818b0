/*
** prelude_dunders.c — the prelude's helpers for builtins that run a user
** class's dunder (len, repr, iter, format, print, getattr, hasattr,
** setattr, delattr): the native finds the plain Python function and
** tail-calls one of these, so the dunder runs as Python code the VM loop
** can pause in (vm.h, "user dunders run as frames"). _dn_result(kind, r) is cm_dunder_result: the
** same result checks and messages as the nested slot functions. dn_exit is
** for the VM itself: a with statement's __exit__ that is not a Python
** function, called after the body raised (vm.c, WITH_EXCEPT_START).
** dn_mapping_call(f, args, i, kw) calls f(*args, **kw) with args[i], a
** user mapping (keys() and __getitem__), replaced by its list of (key,
** value) pairs: for dict(m) / dict.update(m) (dict.c).
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
    "def dn_exit(f, t, e, tb):\n"
    "    return f(t, e, tb)\n"
    "def dn_mapping_call(f, args, i, kw):\n"
    "    args = list(args)\n"
    "    m = args[i]\n"
    "    args[i] = [(k, m[k]) for k in m.keys()]\n"
    "    if kw is None:\n"
    "        return f(*args)\n"
    "    return f(*args, **kw)\n"
    "def dn_discard(f, args):\n"
    "    f(*args)\n"
    "def dn_hasattr(f, args):\n"
    "    try:\n"
    "        f(*args)\n"
    "    except AttributeError:\n"
    "        return False\n"
    "    return True\n"
    "def dn_getattr_or(getter, self, ga, name):\n"
    "    try:\n"
    "        return getter(self)\n"
    "    except AttributeError:\n"
    "        return ga(name)\n"
    "def dn_getattr(f, args, default):\n"
    "    try:\n"
    "        return f(*args)\n"
    "    except AttributeError:\n"
    "        return default\n";
