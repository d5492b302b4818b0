print(chr(1114112))
