rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.125)]
w = max(len(r[0]) for r in rows)
print(f"{'name':<{w}} | {'qty':>5} | {'price':>7}")
print("-" * (w + 19))
for name, q, p in rows:
    print(f"{name:<{w}} | {q:>5} | {p:>7.3f}")
total = sum(q * p for _, q, p in rows)
print(f"{'total':<{w}} | {'':>5} | {total:>7.3f}")
print(f"{'%':>3}", f"{7:>{2 + 1}}", f"{'abc':.{1}}", f"{3.14159:.{2}f}")
