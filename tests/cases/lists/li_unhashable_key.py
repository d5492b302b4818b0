d = {}
try:
    d[[1, 2]] = 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = {[1]}
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)))
hash([1])
