def classify(s):
    kinds = []
    if s.isdigit():
        kinds.append("digit")
    if s.isalpha():
        kinds.append("alpha")
    if s.isspace():
        kinds.append("space")
    if s.isupper():
        kinds.append("upper")
    if s.islower():
        kinds.append("lower")
    return kinds or ["other"]
for s in ["42", "abc", "ABC", "   ", "a1", "", "Ab", "ß"]:
    print(repr(s), classify(s))
