print(int("z", 10))
