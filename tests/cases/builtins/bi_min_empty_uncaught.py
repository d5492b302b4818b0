scores = []
print("computing")
print(min(scores))
