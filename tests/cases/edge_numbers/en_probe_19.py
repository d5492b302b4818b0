print(True + 1.5, False * 2.0, True / True, True ** 2, -False, bool(-0.0) is False, 5 % True)
