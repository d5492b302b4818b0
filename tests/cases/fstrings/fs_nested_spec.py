width = 10
prec = 3
v = 2.718281828
print(f"{v:{width}.{prec}f}|")
print(f"{v:>{width}}|")
fill = "*"
print(f"{'mid':{fill}^{width}}")
for w in range(3, 7):
    print(f"[{w:{w}}]")
spec = ".2f"
print(f"{v:{spec}}")
print(f"{'x':{'>'}{5}}")
