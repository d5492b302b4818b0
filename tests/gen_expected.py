#!/usr/bin/env python3
"""Regenerate expected outputs for tests/cases with the reference CPython 3.14.

For every case NAME.py writes beside it:
  NAME.out  exact stdout of the reference interpreter
  NAME.err  only when the exit code is nonzero: the last non-empty stderr line
            (e.g. "ZeroDivisionError: division by zero"), plus a newline.
A stale NAME.err is removed when the case now exits 0.

Usage: python3 tests/gen_expected.py [--oracle PATH] [--filter SUBSTR] [DIR...]
Runs the oracle in batch mode once per directory (basenames are unique per dir).
Prints warnings for suspicious outputs (internal oracle failures, addresses).
"""
import argparse
import concurrent.futures
import shutil
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(ROOT, "cases")
DEFAULT_ORACLE = "/work/shared/tools/py314"

ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+")


def last_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def collect(dirs, flt):
    by_dir = {}
    for base in dirs:
        for dirpath, _, files in os.walk(base):
            for f in sorted(files):
                if not f.endswith(".py"):
                    continue
                p = os.path.join(dirpath, f)
                if flt and flt not in os.path.relpath(p, CASES):
                    continue
                by_dir.setdefault(dirpath, []).append(f)
    return by_dir


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oracle", default=DEFAULT_ORACLE)
    ap.add_argument("--filter", default="")
    ap.add_argument("--jobs", type=int, default=2, help="directories run in parallel")
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    dirs = a.dirs or [CASES]
    by_dir = collect(dirs, a.filter)
    warnings = 0
    total = 0
    seen = {}
    for d in sorted(by_dir):
        for f in by_dir[d]:
            if f in seen:
                print("WARNING: duplicate basename %s in %s and %s" % (f, seen[f], d))
                warnings += 1
            seen[f] = d
    def run_dir(d):
        files = by_dir[d]
        tmp = tempfile.mkdtemp(prefix="gen_expected_")
        r = subprocess.run([a.oracle, "--batch", tmp] + files, cwd=d,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return d, tmp, r

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        runs = list(ex.map(run_dir, sorted(by_dir)))
    for d, out, r in runs:
        files = by_dir[d]
        if r.returncode not in (0, 1):
            print("WARNING: oracle exited %d in %s: %s" % (r.returncode, d, r.stderr[-500:]))
        for f in files:
            name = f[:-3]
            rel = os.path.relpath(os.path.join(d, f), CASES)
            try:
                with open(os.path.join(out, name + ".stdout"), encoding="utf-8", newline="") as fh:
                    so = fh.read()
                with open(os.path.join(out, name + ".stderr"), encoding="utf-8", newline="") as fh:
                    se = fh.read()
                with open(os.path.join(out, name + ".rc")) as fh:
                    rc = int(fh.read().strip() or "0")
            except OSError as e:
                print("WARNING: %s: no oracle output (%s)" % (rel, e))
                warnings += 1
                continue
            total += 1
            with open(os.path.join(d, name + ".out"), "w", encoding="utf-8", newline="") as fh:
                fh.write(so)
            errp = os.path.join(d, name + ".err")
            if rc != 0:
                ll = last_line(se)
                with open(errp, "w", encoding="utf-8", newline="") as fh:
                    fh.write(ll + "\n")
                if rc != 1:
                    print("WARNING: %s: exit code %d" % (rel, rc))
                    warnings += 1
                if not ll:
                    print("WARNING: %s: nonzero exit with empty stderr" % rel)
                    warnings += 1
            elif os.path.exists(errp):
                os.remove(errp)
            if "py314:" in se or "py314:" in so:
                print("WARNING: %s: oracle internal failure: %s" % (rel, last_line(se)))
                warnings += 1
            if ADDR_RE.search(so):
                print("WARNING: %s: stdout looks like it contains an address" % rel)
                warnings += 1
            if rc == 0 and se.strip() and "Warning:" not in se:
                print("WARNING: %s: exit 0 but stderr not empty: %s" % (rel, last_line(se)))
                warnings += 1
        shutil.rmtree(out, ignore_errors=True)
    print("%d cases regenerated, %d warnings" % (total, warnings))
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
