class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amt}")
        self._balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"<{type(self).__name__} #{self.id} {self.owner}: {self._balance}>"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Overdraft(Account):
    def __init__(self, owner, balance=0, limit=100):
        super().__init__(owner, balance)
        self.limit = limit
    def withdraw(self, amt):
        if amt > self._balance + self.limit:
            raise InsufficientFunds(f"limit exceeded for {self.owner}")
        self._balance -= amt
        self.history.append(("wd", amt))
def transfer(src, dst, amt):
    try:
        src.withdraw(amt)
    except InsufficientFunds as e:
        print("transfer failed:", e)
        return False
    else:
        dst.deposit(amt)
        return True
    finally:
        print(f"transfer {src.owner}->{dst.owner} {amt} attempted")
accts = [Account("ann", 100), Savings("bob", 1000), Overdraft("cy", 10, limit=50)]
print(accts)
print(transfer(accts[0], accts[1], 30), transfer(accts[0], accts[2], 500), transfer(accts[2], accts[0], 55))
print(accts[1].add_interest(), accts)
try:
    accts[0].deposit(-5)
except ValueError as e:
    print(e)
for a in accts:
    print(a.owner, a.balance, a.history)
print(sorted(accts, key=lambda a: a.balance)[0].owner, sum(a.balance for a in accts))
print([type(a).__name__ for a in accts if isinstance(a, Account) and not isinstance(a, Savings)])
