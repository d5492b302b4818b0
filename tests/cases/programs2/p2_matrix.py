class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __add__(self, o):
        if self.shape != o.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {o.shape}")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return Matrix([[v * o for v in r] for r in self.rows])
        return NotImplemented
    __rmul__ = __mul__
    def __matmul__(self, o):
        n, m = self.shape
        m2, p = o.shape
        if m != m2:
            raise ValueError("cannot multiply")
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __pow__(self, k):
        r = Matrix.identity(self.shape[0])
        base = self
        while k:
            if k & 1:
                r = r @ base
            base = base @ base
            k >>= 1
        return r
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def __repr__(self):
        w = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(w) for v in r) + "]" for r in self.rows)
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b)
print(a @ b)
print(2 * a)
print(a * 0.5)
print(a.transpose(), a.shape, a[1, 0])
fib = Matrix([[1, 1], [1, 0]]) ** 90
print(fib[0, 1])
print(Matrix.identity(3) == Matrix.identity(3), a == b, a == 5)
for bad in [lambda: Matrix([[1], [1, 2]]), lambda: a + Matrix([[1]]), lambda: a @ Matrix([[1, 2, 3]]), lambda: a * "x"]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
