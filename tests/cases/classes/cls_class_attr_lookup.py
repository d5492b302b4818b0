class Config:
    debug = False
    level = 1
    def describe(self):
        return f"debug={self.debug} level={self.level}"
c = Config()
print(c.describe())
c.debug = True
print(c.describe(), Config.debug)
Config.level = 5
print(c.describe(), Config().describe())
del c.debug
print(c.describe())
print(sorted(k for k in vars(c)))
