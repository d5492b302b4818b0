def cmd(c):
    match c.split():
        case ["go", direction]:
            return "going " + direction
        case ["take", *items] if items:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case _:
            return "unknown " + repr(c)
for c in ["go north", "take sword shield", "take", "quit", "exit", "", "dance now"]:
    print(cmd(c))
point = (3, 0)
match point:
    case (0, 0):
        print("origin")
    case (x, 0):
        print("on x axis at", x)
    case (0, y):
        print("on y axis at", y)
match {"a": 1, "b": [2, 3]}:
    case {"a": 1, "b": [_, last]}:
        print("last", last)
match 5:
    case None:
        print("none")
    case True:
        print("true")
    case 5.0:
        print("five float matches int")
