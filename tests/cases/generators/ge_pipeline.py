def read_lines():
    data = "10\n# comment\n20\n\n30\nbad\n40"
    for line in data.split("\n"):
        yield line
def non_empty(lines):
    for l in lines:
        if l.strip() and not l.startswith("#"):
            yield l
def to_int(lines):
    for l in lines:
        try:
            yield int(l)
        except ValueError:
            print("skip", repr(l))
def running_total(nums):
    t = 0
    for n in nums:
        t += n
        yield t
print(list(running_total(to_int(non_empty(read_lines())))))
