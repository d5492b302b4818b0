def pair():
    val = 0
    def get():
        return val
    def put(v):
        nonlocal val
        val = v
    return get, put
get, put = pair()
print(get()); put(42); print(get())
get2, put2 = pair()
put2(7)
print(get(), get2())
