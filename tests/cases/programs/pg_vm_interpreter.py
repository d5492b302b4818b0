def run(program, trace=False):
    stack = []
    pc = 0
    env = {}
    out = []
    steps = 0
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(args[0])
        elif op == "load":
            stack.append(env[args[0]])
        elif op == "store":
            env[args[0]] = stack.pop()
        elif op in ("add", "sub", "mul", "lt"):
            b, a = stack.pop(), stack.pop()
            stack.append({"add": a + b, "sub": a - b, "mul": a * b, "lt": a < b}[op])
        elif op == "jz":
            if not stack.pop():
                pc = args[0]
        elif op == "jmp":
            pc = args[0]
        elif op == "print":
            out.append(stack.pop())
        else:
            raise ValueError(f"bad op {op}")
        if trace:
            print(pc, op, stack)
    return out, env, steps
# factorial of 10 via loop
prog = [
    ("push", 1), ("store", "acc"), ("push", 1), ("store", "i"),
    ("load", "i"), ("push", 11), ("lt",), ("jz", 17),
    ("load", "acc"), ("load", "i"), ("mul",), ("store", "acc"),
    ("load", "i"), ("push", 1), ("add",), ("store", "i"), ("jmp", 4),
    ("load", "acc"), ("print",),
]
out, env, steps = run(prog)
print(out, sorted(env.items()), steps)
print(run([("push", 2), ("push", 3), ("add",), ("print",)], trace=True)[0])
try:
    run([("push", 1), ("frob",)])
except ValueError as e:
    print(e)
