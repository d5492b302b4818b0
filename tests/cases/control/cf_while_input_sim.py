commands = iter(["add 5", "add 7", "sub 2", "noop", "mul 3", "quit", "add 100"])
value = 0
while True:
    cmd = next(commands, None)
    if cmd is None or cmd == "quit":
        break
    op, _, arg = cmd.partition(" ")
    if op == "add":
        value += int(arg)
    elif op == "sub":
        value -= int(arg)
    elif op == "mul":
        value *= int(arg)
    else:
        print("unknown", op)
        continue
    print(cmd, "->", value)
print("final", value)
