print(round(2**70 + 0.5), round(7, 2), round(7.0, -1), round(-7.5), round(8.5), round(1.25, 1), round(1.35, 1))
