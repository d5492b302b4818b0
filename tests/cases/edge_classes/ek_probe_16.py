class Q:
    pass
q = Q()
q.__dict__["z"] = 1
print(q.z, "z" in vars(q), hasattr(Q, "z"))
