# demo.py — a tour of what cmonty runs today.

def fib_memo():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib

def primes():
    """Yields primes forever (a lazy sieve)."""
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1

def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out

def word_stats(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip('.,!?')
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"error: {e}"
    finally:
        pass

def make_counter(start=0, *, step=1):
    count = start
    def tick():
        nonlocal count
        count += step
        return count
    return tick

fib = fib_memo()
print("fib(90) =", fib(90))
print("2 ** 200 =", 2 ** 200)
print("first primes:", take(12, primes()))

squares = {n: n * n for n in range(1, 8)}
evens = [n for n in squares.values() if n % 2 == 0]
print(f"squares={squares}")
print(f"even squares: {evens}, total {sum(evens):,}")
print("vowels:", sorted({c for c in "the quick brown fox" if c in "aeiou"}))

text = "The cat and the hat. The cat sat!"
for word, n in word_stats(text)[:3]:
    print(f"  {word:>5} x{n}")

tick = make_counter(10, step=5)
print("ticks:", [tick() for _ in range(4)])

print("divisions:", safe_div(1, 4), safe_div(1, 0))
pairs = list(zip("abc", range(3)))
print("pairs:", pairs, "->", dict(pairs))
print("max by length:", max(["kiwi", "banana", "fig"], key=len))

try:
    int("forty-two")
except ValueError as e:
    print("caught:", e)

values = [3.5, -1.25, 2.0]
print("floats:", values, "mean", sum(values) / len(values), "round", round(2.675, 2))
print("done" if any(v < 0 for v in values) else "never")
