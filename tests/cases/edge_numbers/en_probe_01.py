print(format(-1.5, "=+10.2f"), format(1234.5, "010,.1f"), format(12, "#010b"), format(0.000012345, ".3n"))
