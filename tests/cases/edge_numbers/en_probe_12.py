print(1e308 + 1e308 == float("inf"), (2**1024) > 1e308, 2**1024 == float("inf"), -(2**1024) < float("-inf"))
