print(int(1e15), int(-1e15 + 0.5), int(123456789.987), float(2**63), float(-2**63), int(2.0**63))
