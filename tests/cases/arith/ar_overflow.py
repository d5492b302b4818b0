try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399)
print(1e308 + 1e308)
x = float(3 ** 5000)
