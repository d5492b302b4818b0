try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AE", e)
try:
    assert []
except AssertionError as e:
    print("AE empty", repr(e))
assert True, "never"
x = 5
try:
    assert x < 3, f"x={x}"
except AssertionError as e:
    print(e.args)
