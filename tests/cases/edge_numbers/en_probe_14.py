try: (10**400) / 3
except OverflowError as e: print(e)
try: 1.5 ** 10000
except OverflowError as e: print("overflow")
