print("before")
x = 'abc
