def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs")
def finally_wins():
    try:
        return 1
    finally:
        pass
print(ret_in_finally(), finally_wins())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed"
print(swallow())
def order():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(order())
