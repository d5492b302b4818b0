name, n, pi = "Ann", 7, 3.14159
print(f"{name!r:>8}|{n:03}|{pi:.2f}|{n*2=}|{name=}|{pi=:.1f}")
print(f"{'nested ' + f'{n:x}'}", f"{{braces}} {n}", f"{n:{'>'}{5}}|", f"{[1, 2][0]}{ {'a': 1}['a'] }")
w = 10; p = 3
print(f"{pi:{w}.{p}f}|{pi:<{w}}|", f"{n!s:^5}|{n!a}", f"{'é'!a}")
print(f"""multi
{name}
line""", f"{'\n'.join(['a', 'b'])}")
print(f"{n if n > 5 else 0}", f"{(lambda x: x * 2)(n)}", f"{n:+}", f"{-n:+}", f"{n: }")
items = [("a", 1.5), ("bb", 22.25)]
for k, v in items:
    print(f"{k:<4}{v:>8.2f}")
print(f"{1e6:,.0f}", f"{0.000123:.2e}", f"{12345:_b}", f"{3.5:%}", f"{255:#06x}")
