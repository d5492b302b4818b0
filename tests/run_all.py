#!/usr/bin/env python3
"""Runs every cmonty test: the C unit/API test programs, then the Python
case files. Prints one summary line last: `N passed, N failed`.

Usage: python3 tests/run_all.py --build BUILD_DIR
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(r"^(?:\w+:\s*)?(\d+) passed, (\d+) failed")
SANITIZER = ("AddressSanitizer", "LeakSanitizer", "ThreadSanitizer", "runtime error:")


def run_unit(cmd, env, name=None):
    """One test program: its own summary line, or one failure if it crashed."""
    if isinstance(cmd, str):
        cmd = [cmd]
    name = name or os.path.basename(cmd[0])
    try:
        p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True,
                           text=True, errors="replace", timeout=600)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: timed out")
        return 0, 1
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    m = SUMMARY.match(lines[-1].strip()) if lines else None
    sanitizer = any(s in p.stderr for s in SANITIZER)
    if p.returncode != 0 or not m or sanitizer:
        tail = "\n".join((p.stdout + p.stderr).splitlines()[-25:])
        print(f"FAIL {name} (exit {p.returncode})\n{tail}")
        if m:
            passed, failed = int(m.group(1)), int(m.group(2))
            return passed, max(failed, 1)
        return 0, 1
    passed, failed = int(m.group(1)), int(m.group(2))
    print(f"{name}: {passed} passed, {failed} failed")
    return passed, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build-asan")
    ap.add_argument("--jobs", default=str(os.cpu_count() or 2))
    ap.add_argument("--tsan-build", default=None,
                    help="build dir whose test_threads was built with ThreadSanitizer")
    args = ap.parse_args()
    build = os.path.join(ROOT, args.build)
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")

    passed = failed = 0
    units = sorted(f for f in os.listdir(build)
                   if f.startswith("test_") and os.access(os.path.join(build, f), os.X_OK))
    for u in units:
        p, f = run_unit(os.path.join(build, u), env)
        passed += p
        failed += f

    # Two interpreters on two threads share no mutable memory: proven by
    # ThreadSanitizer on the same test program.
    if args.tsan_build:
        tsan_bin = os.path.join(ROOT, args.tsan_build, "test_threads")
        tsan_env = dict(env, TSAN_OPTIONS="halt_on_error=1")
        p, f = run_unit(tsan_bin, tsan_env, name="test_threads (tsan)")
        passed += p
        failed += f

    # The dart_monty ABI driven from Python through ctypes, as a binding
    # would. A sanitizer-built .so needs the ASan runtime preloaded.
    so = os.path.join(build, "libdart_monty_core_native.so")
    if os.path.exists(so):
        abi_env = dict(env)
        deps = subprocess.run(["ldd", so], capture_output=True, text=True).stdout
        asan = subprocess.run(["gcc", "-print-file-name=libasan.so"],
                              capture_output=True, text=True).stdout.strip()
        if os.path.isabs(asan) and "libasan" in deps:
            abi_env["LD_PRELOAD"] = asan
            abi_env["ASAN_OPTIONS"] = "detect_leaks=0"
        p, f = run_unit([sys.executable, os.path.join(ROOT, "tests", "abi", "test_abi_ctypes.py"), so],
                        abi_env, name="test_abi_ctypes")
        passed += p
        failed += f

    cases = subprocess.run(
        [sys.executable, os.path.join(ROOT, "tests", "run_cases.py"),
         "--cmonty", os.path.join(build, "cmonty"), "--jobs", args.jobs],
        cwd=ROOT, env=env, capture_output=True, text=True, errors="replace")
    out = cases.stdout.rstrip().splitlines()
    for line in out[:-1]:
        print(line)
    m = SUMMARY.match(out[-1].strip()) if out else None
    if m:
        print(f"cases: {m.group(1)} passed, {m.group(2)} failed")
        passed += int(m.group(1))
        failed += int(m.group(2))
    else:
        print("FAIL cases runner:", cases.stderr[-2000:])
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
