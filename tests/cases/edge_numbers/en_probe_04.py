print(float("0x1p3") if False else 0, float(" -0 "), float("+1E+2"), float("infinity"), float("-nan"))
