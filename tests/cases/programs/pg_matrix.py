def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    assert len(a[0]) == m, "shape mismatch"
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]

def transpose(m):
    return [list(r) for r in zip(*m)]

def mat_pow(m, e):
    r = identity(len(m))
    while e:
        if e & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        e >>= 1
    return r

def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total

def show(m):
    w = max(len(str(x)) for r in m for x in r)
    for r in m:
        print(" ".join(str(x).rjust(w) for x in r))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
fibm = mat_pow([[1, 1], [1, 0]], 90)
print("fib(90) =", fibm[0][1])
m = [[2, -1, 0, 3], [1, 3, 2, -2], [0, 1, 4, 1], [5, 0, -3, 2]]
print("det =", det(m))
show(mat_pow(m, 3))
try:
    matmul(a, a)
except AssertionError as e:
    print("AssertionError:", e)
