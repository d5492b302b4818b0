print(format(1.5, "#g"), format(100.0, "#.3g"), format(0.0, "g"), format(1e-10, ".3"), format(123.456, ".0e"), format(1.0, ".0%"))
