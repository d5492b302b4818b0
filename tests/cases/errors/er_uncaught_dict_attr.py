d = {"key": "value"}
print(d.key)
