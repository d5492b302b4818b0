x = 0
while True:
    try:
        x += 1
        if x == 3:
            break
    finally:
        print("loop finally", x)
print(x)
