x = 5
x += 2; x -= 1; x *= 3; x //= 4; x **= 3; x %= 7; x <<= 4; x >>= 1; x |= 5; x &= 0xfe; x ^= 3
print(x)
y = 7.5
y /= 2; y //= 1; y -= 0.25
print(y)
s = "ab"; s += "c"; s *= 2
print(s)
l = [1]; l2 = l; l += [2]; l *= 2
print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,)
print(t, t2, t is t2)
d = {"a": [1]}
d["a"] += [2]
d["b"] = d.get("b", 0) + 1
print(d)
class C:
    n = 0
c = C()
c.n += 1
print(c.n, C.n)
arr = [[0] * 2 for _ in range(2)]
arr[1][0] += 5
print(arr)
