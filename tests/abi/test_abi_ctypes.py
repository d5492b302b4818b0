#!/usr/bin/env python3
"""Drives libdart_monty_core_native.so through ctypes the way dart_monty_core
does (docs/dart_monty_abi.md §6-§7). Prints `N passed, N failed`.

Usage: python3 tests/abi/test_abi_ctypes.py BUILD_DIR/libdart_monty_core_native.so
"""
import ctypes as C
import json
import sys

lib = C.CDLL(sys.argv[1] if len(sys.argv) > 1 else "build/libdart_monty_core_native.so")
P, S, E = C.c_void_p, C.c_char_p, C.POINTER(C.c_void_p)
for name, res, args in [
    ("monty_create", P, [S, S, S, E]), ("monty_free", None, [P]),
    ("monty_run", C.c_uint, [P, E, E]), ("monty_start", C.c_uint, [P, E]),
    ("monty_resume", C.c_uint, [P, S, E]),
    ("monty_resume_with_error", C.c_uint, [P, S, E]),
    ("monty_resume_with_exception", C.c_uint, [P, S, S, E]),
    ("monty_resume_not_found", C.c_uint, [P, S, E]),
    ("monty_resume_name_lookup_value", C.c_uint, [P, S, E]),
    ("monty_name_lookup_name", P, [P]),
    ("monty_os_call_fn_name", P, [P]), ("monty_os_call_args_json", P, [P]),
    ("monty_pending_method_call", C.c_int, [P]),
    ("monty_pending_fn_name", P, [P]), ("monty_pending_fn_args_json", P, [P]),
    ("monty_pending_fn_kwargs_json", P, [P]),
    ("monty_pending_call_id", C.c_uint32, [P]),
    ("monty_complete_result_json", P, [P]), ("monty_complete_is_error", C.c_int, [P]),
    ("monty_set_stack_limit", None, [P, C.c_size_t]),
    ("monty_string_free", None, [P]),
]:
    f = getattr(lib, name)
    f.restype, f.argtypes = res, args

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def take(ptr):
    """Reads then frees a returned string, as Dart does."""
    if not ptr:
        return None
    s = C.string_at(ptr).decode()
    lib.monty_string_free(ptr)
    return s


def slot():
    return C.c_void_p(None)


# NULL arguments and exact messages
err = slot()
check(lib.monty_create(None, None, None, C.byref(err)) is None, "create NULL")
check(take(err.value) == "code is NULL", "code is NULL")
err = slot()
check(lib.monty_resume(None, None, C.byref(err)) == 2, "resume NULL")
check(take(err.value) == "value_json is NULL", "value_json is NULL")
err = slot()
lib.monty_resume(None, b"1", C.byref(err))
check(take(err.value) == "handle is NULL", "handle is NULL")
h = lib.monty_create(b"1", None, None, None)
lib.monty_free(h)
lib.monty_free(h)  # double free is harmless
check(True, "double free")


def run(code, limits=None):
    h = lib.monty_create(code.encode(), None, None, None)
    if limits:
        lib.monty_set_stack_limit(h, limits)
    res, err = slot(), slot()
    tag = lib.monty_run(h, C.byref(res), C.byref(err))
    lib.monty_free(h)
    return tag, take(res.value), take(err.value)


tag, res, _ = run("2 + 2")
if tag == 0 and json.loads(res).get("value") == 4:
    check(set(json.loads(res)["usage"]) == {"memory_bytes_used", "time_elapsed_ms",
                                            "stack_depth_used"}, "usage keys")
    tag, res, err = run("1/0")
    r = json.loads(res)
    check(tag == 1 and err == "ZeroDivisionError: division by zero", "1/0 summary")
    check(r["error"]["exc_type"] == "ZeroDivisionError", "exc_type")
    check(r["error"]["traceback"][0]["filename"] == "<input>", "filename")
    tag, res, _ = run("[1.0, (1, 2), {1: 'a'}, 2**70]")
    check(json.loads(res)["value"] == [1.0, {"__type": "tuple", "value": [1, 2]},
                                       [[1, "a"]], "1180591620717411303424"], "values")
    tag, res, err = run("def f(n):\n    return f(n + 1)\nf(0)", limits=50)
    check(tag == 1 and err.startswith("RecursionError"), "stack limit")
else:
    check(False, "run of 2 + 2 returns value 4")

h = lib.monty_create(b"r = fetch('u', k=1)\nr + 1", b"fetch", None, None)
err = slot()
if lib.monty_start(h, C.byref(err)) == 1:
    check(take(lib.monty_pending_fn_name(h)) == "fetch", "fn name")
    check(json.loads(take(lib.monty_pending_fn_args_json(h))) == ["u"], "args")
    check(json.loads(take(lib.monty_pending_fn_kwargs_json(h))) == {"k": 1}, "kwargs")
    check(lib.monty_pending_call_id(h) == 0, "call id")
    err = slot()
    check(lib.monty_resume(h, b"{bad", C.byref(err)) == 2, "bad json")
    check(take(err.value).startswith("invalid JSON: "), "invalid JSON prefix")
    check(lib.monty_resume(h, b"41", None) == 0, "complete")
    check(json.loads(take(lib.monty_complete_result_json(h)))["value"] == 42, "value 42")
    check(lib.monty_complete_is_error(h) == 0, "not error")
else:
    take(err.value)
    check(False, "start pauses at the external call")
lib.monty_free(h)


# Tags (docs/dart_monty_abi.md §1.1)
COMPLETE, PENDING, ERROR, OS_CALL, NAME_LOOKUP = 0, 1, 2, 4, 5


def value(h):
    return json.loads(take(lib.monty_complete_result_json(h)) or "{}").get("value")


# OS calls answered with a value, a typed exception, not_found, an error
h = lib.monty_create(
    b"from pathlib import Path\nout = [Path('/a').read_text()]\n"
    b"for p in ['/b', '/c', '/d']:\n    try:\n        Path(p).read_text()\n"
    b"    except (OSError, NameError, RuntimeError) as e:\n"
    b"        out.append(type(e).__name__ + ': ' + str(e))\nout", None, None, None)
check(lib.monty_start(h, None) == OS_CALL, "os call")
check(take(lib.monty_os_call_fn_name(h)) == "Path.read_text", "os name")
check(json.loads(take(lib.monty_os_call_args_json(h))) == [{"__type": "path", "value": "/a"}],
      "os args")
check(lib.monty_resume(h, b'"text"', None) == OS_CALL, "resume value")
check(lib.monty_resume_with_exception(h, b"FileNotFoundError", b"missing", None) == OS_CALL,
      "resume exception")
check(lib.monty_resume_not_found(h, b"Path.read_text", None) == OS_CALL, "resume not found")
check(lib.monty_resume_with_error(h, b"nope", None) == COMPLETE, "resume error")
check(value(h) == ["text", "FileNotFoundError: missing",
                   "NameError: name 'Path.read_text' is not defined", "RuntimeError: nope"],
      "os results")
lib.monty_free(h)

# a dataclass from the host, then a method call on it
dc = {"__type": "dataclass", "name": "User", "type_id": 3, "field_names": ["id"],
      "attrs": {"id": 9}, "frozen": True}
h = lib.monty_create(b"u = load()\n[u.greet('hi'), u.id, u]", b"load", None, None)
check(lib.monty_start(h, None) == PENDING, "load pending")
check(lib.monty_pending_method_call(h) == 0, "load is no method call")
check(lib.monty_resume(h, json.dumps(dc).encode(), None) == PENDING, "method pending")
check(take(lib.monty_pending_fn_name(h)) == "greet", "method name")
check(lib.monty_pending_method_call(h) == 1, "method_call 1")
check(json.loads(take(lib.monty_pending_fn_args_json(h))) == [dc, "hi"], "receiver first")
check(lib.monty_resume(h, b'"hi 9"', None) == COMPLETE, "method answered")
check(value(h) == ["hi 9", 9, dc], "dataclass round trip")
lib.monty_free(h)

# a name-lookup value is bound: one lookup for three reads
h = lib.monty_create(b"[n, n + 1, n * 2]", None, None, None)
check(lib.monty_start(h, None) == NAME_LOOKUP, "lookup")
check(take(lib.monty_name_lookup_name(h)) == "n", "lookup name")
check(lib.monty_resume_name_lookup_value(h, b"10", None) == COMPLETE, "bound")
check(value(h) == [10, 11, 20], "bound value")
lib.monty_free(h)

# a SyntaxError at create: "SyntaxError: msg", no "(file, line N)"
err = C.c_void_p()
check(lib.monty_create(b"def f(:\n    pass", None, b"s.py", C.byref(err)) is None, "syntax")
check(take(err.value) == "SyntaxError: invalid syntax", "syntax summary")

# Path.stat answered with a named tuple; a frozen dataclass refuses writes
st = {"__type": "namedtuple", "type_name": "os.stat_result",
      "field_names": ["st_mode", "st_size"], "values": [33188, 5]}
h = lib.monty_create(b"from pathlib import Path\ns = Path('/a').stat()\n"
                     b"u = load()\ntry:\n    u.id = 1\nexcept AttributeError as e:\n"
                     b"    m = type(e).__name__ + ': ' + str(e)\n[s.st_size, s[0], m, s]",
                     b"load", None, None)
check(lib.monty_start(h, None) == OS_CALL, "stat os call")
check(lib.monty_resume(h, json.dumps(st).encode(), None) == PENDING, "stat answered")
check(lib.monty_resume(h, json.dumps(dc).encode(), None) == COMPLETE, "frozen done")
check(value(h) == [5, 33188, "FrozenInstanceError: cannot assign to field 'id'", st],
      "namedtuple and FrozenInstanceError")
lib.monty_free(h)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
