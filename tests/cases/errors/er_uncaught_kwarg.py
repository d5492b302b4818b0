print(sorted([3, 1], reversed=True))
