café = 5
naïve = café * 2
π = 3.14159
print(café, naïve, π)
λ = lambda x: x + 1
print(λ(1))
名前 = "name"
print(名前, len(名前))
_private = 1
__dunder = 2
print(_private + __dunder)
