def make():
    count = 0
    def bad():
        count += 1
        return count
    return bad
print("calling")
make()()
