#!/usr/bin/env python3
"""Run the cmonty test corpus (tests/cases) and compare with expectations.

Usage:
  python3 tests/run_cases.py --cmonty PATH [--jobs N] [--filter SUBSTR] [-v]
                             [--timeout SECS] [--list-failing FILE]

Each case tests/cases/<topic>/<name>.py is run as `cmonty tests/cases/<topic>/<name>.py`
with the repository root as working directory. A case passes when
  * stdout equals <name>.out exactly,
  * the exit code is 0 if there is no <name>.err, and 1 if there is one,
  * if <name>.err exists, the last non-empty stderr line equals its first line,
  * stderr never mentions AddressSanitizer / LeakSanitizer / "runtime error:".
The last line printed is exactly "N passed, N failed"; exit status 1 if any failed.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "cases")
SANITIZER_MARKERS = ("AddressSanitizer", "LeakSanitizer", "runtime error:",
                     "ThreadSanitizer", "MemorySanitizer")


def find_cases(flt):
    out = []
    for dirpath, _, files in os.walk(CASES):
        for f in files:
            if f.endswith(".py"):
                rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
                if not flt or flt in rel:
                    out.append(rel)
    out.sort()
    return out


def read(path):
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def last_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def short(s, n=100):
    s = repr(s)
    return s if len(s) <= n else s[:n] + "..."


def first_diff(expected, actual):
    el = expected.splitlines(keepends=True)
    al = actual.splitlines(keepends=True)
    for i in range(max(len(el), len(al))):
        e = el[i] if i < len(el) else "<EOF>"
        a = al[i] if i < len(al) else "<EOF>"
        if e != a:
            return "stdout line %d: expected %s got %s" % (i + 1, short(e), short(a))
    return "stdout differs"


def run_case(cmonty, rel, timeout):
    base = os.path.join(ROOT, rel[:-3])
    exp_out = read(base + ".out")
    exp_err = read(base + ".err")
    if exp_out is None:
        return rel, False, "missing expectation %s.out (run tests/gen_expected.py)" % rel[:-3], 0.0
    t0 = time.monotonic()
    try:
        r = subprocess.run([cmonty, rel], cwd=ROOT, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return rel, False, "TIMEOUT after %ss" % timeout, time.monotonic() - t0
    except OSError as e:
        return rel, False, "cannot run cmonty: %s" % e, 0.0
    dt = time.monotonic() - t0
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    for m in SANITIZER_MARKERS:
        if m in err:
            line = next((l for l in err.splitlines() if m in l), m)
            return rel, False, "sanitizer: %s" % line.strip()[:200], dt
    if r.returncode < 0:
        return rel, False, "killed by signal %d; stderr: %s" % (-r.returncode, short(last_line(err))), dt
    want_rc = 1 if exp_err is not None else 0
    if out != exp_out:
        msg = first_diff(exp_out, out)
        if r.returncode != want_rc:
            msg += " (exit %d; stderr: %s)" % (r.returncode, short(last_line(err)))
        return rel, False, msg, dt
    if r.returncode != want_rc:
        return rel, False, "exit code %d, expected %d; stderr: %s" % (
            r.returncode, want_rc, short(last_line(err))), dt
    if exp_err is not None:
        want = last_line(exp_err)
        got = last_line(err)
        if got != want:
            return rel, False, "stderr last line: expected %s got %s" % (short(want), short(got)), dt
    return rel, True, "", dt


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmonty", required=True, help="path to the cmonty executable")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--filter", default="", help="only cases whose path contains SUBSTR")
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--list-failing", metavar="FILE", help="write failing case paths to FILE")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print passing cases")
    a = ap.parse_args()
    cmonty = os.path.abspath(a.cmonty) if os.sep in a.cmonty else a.cmonty
    cases = find_cases(a.filter)
    results = []
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(run_case, cmonty, c, a.timeout) for c in cases]
        for f in futs:  # in sorted order, for stable output
            rel, ok, msg, dt = f.result()
            results.append((rel, ok, msg, dt))
            if not ok:
                print("FAIL %s: %s" % (rel, msg), flush=True)
            elif a.verbose:
                print("ok   %s (%.2fs)" % (rel, dt), flush=True)
    failing = [r[0] for r in results if not r[1]]
    if a.list_failing:
        with open(a.list_failing, "w") as fh:
            for name in failing:
                fh.write(name + "\n")
    if a.verbose:
        slow = sorted(results, key=lambda r: -r[3])[:5]
        print("slowest: " + ", ".join("%s %.2fs" % (r[0], r[3]) for r in slow))
        print("wall time %.1fs" % (time.monotonic() - t0))
    print("%d passed, %d failed" % (len(results) - len(failing), len(failing)))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
