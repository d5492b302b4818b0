counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = 99
    return counter
print(shadow(), counter)
def create_global():
    global newname
    newname = "created"
create_global()
print(newname)
