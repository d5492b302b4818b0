print(3 .__add__(4), 1.5.__round__() if hasattr(1.5, "__round__") else 0, (2).__pow__(10))
