t = 1,
u = (1)
print(t, u, type(t).__name__, ((1,),), (), tuple())
