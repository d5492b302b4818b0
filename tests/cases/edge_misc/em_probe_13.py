print(round(0.1+0.2, 15), round(1e20, -19), round(123, -5), round(-123.456, -1))
