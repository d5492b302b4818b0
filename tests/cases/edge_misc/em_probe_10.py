s = {1,2,3}
print(s.pop(), s, {1,2} == {2,1}, {1,2}.issubset([1,2,3]), {1,2,3}.issuperset({1}))
