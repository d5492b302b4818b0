x = 7
for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]:
    pass
a = 7; a += 3; print(a)
a = 7; a -= 3; print(a)
a = 7; a *= 3; print(a)
a = 7; a /= 2; print(a)
a = 7; a //= 2; print(a)
a = 7; a %= 4; print(a)
a = 7; a **= 3; print(a)
a = 7; a <<= 3; print(a)
a = 7; a >>= 1; print(a)
a = 7; a &= 5; print(a)
a = 7; a |= 8; print(a)
a = 7; a ^= 2; print(a)
s = "ab"; s *= 3; print(s)
l = [1]; l2 = l; l += [2]; print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t2, t is t2)
