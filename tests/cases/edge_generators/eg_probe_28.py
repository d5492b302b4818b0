def g(n):
    if n:
        yield n
        yield from g(n - 1)
print(list(g(50))[-3:], sum(g(100)))
