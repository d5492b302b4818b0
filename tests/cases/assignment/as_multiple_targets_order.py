log = []
class_dict = {}
def key(n):
    log.append(n)
    return n
class_dict[key("a")] = class_dict[key("b")] = key("value")
print(class_dict, log)
x = [0, 0, 0]
i = 0
i = x[i] = 2
print(i, x)
