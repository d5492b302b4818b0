width = 5
print(f"{'x':^{width}}|{42:>{width}d}|{3.5:<{width}.1f}|{-7:^+{width}}|")
