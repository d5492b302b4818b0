#!/usr/bin/env python3
"""Benchmark cmonty against CPython on the programs in bench/.

Usage:
  python3 bench/run_bench.py --cmonty PATH [--python python3] [--repeat N]
                             [--filter SUBSTR] [--timeout SECS] [--startup-bin PATH]

Each bench/*.py program (except this file) is run with both interpreters; the
best wall time of N runs (default 3) is kept. The outputs must be identical:
a program whose cmonty run fails is marked ERROR, one whose output differs is
marked MISMATCH; both are left out of the geometric mean of the ratios
(cmonty time / python time). Prints a markdown table.
--startup-bin runs a program that prints "startup_us: X" (best of N) and
reports that number under the table.
"""
import argparse
import math
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(cmd, timeout):
    t0 = time.perf_counter()
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout after %ss" % timeout, None
    except OSError as e:
        return None, "cannot run: %s" % e, None
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        err = r.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit %d: %s" % (r.returncode, err[-1][:120] if err else ""), r.stdout
    return dt, None, r.stdout


def best_of(cmd, repeat, timeout):
    """Returns (best_time or None, error or None, stdout of the first run)."""
    best = None
    first_out = None
    for i in range(repeat):
        dt, err, out = run_once(cmd, timeout)
        if i == 0:
            first_out = out
        if err:
            return None, err, first_out
        if out != first_out:
            return None, "output not deterministic", first_out
        best = dt if best is None else min(best, dt)
    return best, None, first_out


def fmt_time(t):
    return "-" if t is None else "%.3f" % t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmonty", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--filter", default="")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--startup-bin", default=None)
    ap.add_argument("--host-bin", default=None,
                    help="program printing 'name: value' lines (host round trip)")
    a = ap.parse_args()
    cmonty = os.path.abspath(a.cmonty) if os.sep in a.cmonty else a.cmonty
    progs = sorted(f for f in os.listdir(HERE)
                   if f.endswith(".py") and f != os.path.basename(__file__) and a.filter in f)
    rows = []
    ratios = []
    for p in progs:
        path = os.path.join(HERE, p)
        pt, perr, pout = best_of([a.python, path], a.repeat, a.timeout)
        ct, cerr, cout = best_of([cmonty, path], a.repeat, a.timeout)
        status = "ok"
        ratio = None
        if perr:
            status = "PYTHON ERROR (%s)" % perr
        elif cerr:
            status = "ERROR (%s)" % cerr
        elif cout != pout:
            status = "MISMATCH"
        else:
            ratio = ct / pt
            ratios.append(ratio)
        rows.append((p[:-3], ct if not cerr else None, pt, ratio, status))
        print("%-20s cmonty %-8s python %-8s %s" % (p[:-3], fmt_time(ct if not cerr else None), fmt_time(pt), status),
              file=sys.stderr, flush=True)
    print("| program | cmonty s | %s s | ratio (cmonty/python) | status |" % os.path.basename(a.python))
    print("|---|---:|---:|---:|---|")
    for name, ct, pt, ratio, status in rows:
        print("| %s | %s | %s | %s | %s |" % (name, fmt_time(ct), fmt_time(pt),
                                            "-" if ratio is None else "%.2f" % ratio,
                                            status.replace("|", "/")))
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print()
        print("geometric mean ratio over %d/%d matching programs: %.3f" % (len(ratios), len(rows), gm))
    else:
        print()
        print("geometric mean ratio: n/a (no matching programs)")
    if a.startup_bin:
        best = None
        err = None
        for _ in range(max(1, a.repeat)):
            try:
                r = subprocess.run([a.startup_bin], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=a.timeout)
            except (OSError, subprocess.TimeoutExpired) as e:
                err = str(e)
                break
            m = re.search(r"startup_us:\s*([0-9.]+)", r.stdout.decode("utf-8", "replace"))
            if r.returncode != 0 or not m:
                err = "exit %d, no 'startup_us:' line" % r.returncode
                break
            v = float(m.group(1))
            best = v if best is None else min(best, v)
        if best is not None:
            print("startup_us: %g (best of %d)" % (best, max(1, a.repeat)))
        else:
            print("startup_us: ERROR (%s)" % err)
    if a.host_bin:
        try:
            r = subprocess.run([a.host_bin], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=a.timeout)
            lines = [l for l in r.stdout.decode("utf-8", "replace").splitlines()
                     if re.match(r"^\w+:\s*[0-9.]+", l)]
            print("\n".join(lines) if r.returncode == 0 and lines
                  else "host bench: ERROR (exit %d)" % r.returncode)
        except (OSError, subprocess.TimeoutExpired) as e:
            print("host bench: ERROR (%s)" % e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
