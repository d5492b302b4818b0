def nothing():
    pass
print(nothing())
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print("ok")
def doc_only():
    "just a docstring"
print(doc_only(), doc_only.__doc__)
