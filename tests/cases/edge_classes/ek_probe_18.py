class S:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
s = S()
s.a = 5
print(s.a)
