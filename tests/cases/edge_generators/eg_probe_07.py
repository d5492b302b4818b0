def nums():
    yield from range(5)
print(max(nums()), min(nums()), sorted(nums(), reverse=True), list(zip(nums(), nums())), dict(zip(nums(), "abcde")))
