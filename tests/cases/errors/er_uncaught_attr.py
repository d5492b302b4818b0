numbers = [1, 2, 3]
numbers.add(4)
