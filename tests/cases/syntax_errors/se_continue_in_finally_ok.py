for i in range(2):
    try:
        pass
    finally:
        print("finally", i)
print("ok")
x = )
