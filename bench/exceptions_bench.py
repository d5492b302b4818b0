def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1

def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0
    finally:
        pass

def run(n):
    total = 0
    items = [str(i) if i % 4 else "x" + str(i) for i in range(n)]
    for i, s in enumerate(items):
        total += parse(s)
        total += safe_div(i, i % 5)
    d = {}
    for i in range(n):
        try:
            d[i % 100] += 1
        except KeyError:
            d[i % 100] = 1
    return total, sum(d.values())

print(run(700000))
