print(sorted([2**64, 1.5, -2**64, 0, float("inf"), -1e30]))
