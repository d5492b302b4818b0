print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", "" or [] or 0)
print(not 0, not [1], [] and 1, [0] and "ok")
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 7, None or None)
def t(x):
    print("eval", x)
    return x
r = t(0) and t(1)
print(r)
r = t(1) or t(2)
print(r)
r = t(0) or t("") or t("last")
print(r)
