try:
    try:
        raise ValueError("a")
    finally:
        print("finally with pending exc")
except ValueError as e:
    print("caught", e)
