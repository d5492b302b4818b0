class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")
        self.balance = balance
        self.amount = amount
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        self.balance += amt
        self.history.append(("+", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(self.balance, amt)
        self.balance -= amt
        self.history.append(("-", amt))
    def apply_interest(self):
        self.deposit(round(self.balance * self.interest, 2))
class Savings(Account):
    interest = 0.05
    def withdraw(self, amt):
        if len([h for h in self.history if h[0] == "-"]) >= 2:
            raise RuntimeError("withdrawal limit reached")
        super().withdraw(amt)
accts = [Account("ann", 100), Savings("bob", 1000)]
for a in accts:
    a.deposit(50)
    for amt in [30, 40, 2000, 10]:
        try:
            a.withdraw(amt)
        except InsufficientFunds as e:
            print(a.owner, "insufficient:", e, e.amount)
        except RuntimeError as e:
            print(a.owner, "error:", e)
    a.apply_interest()
    print(a.owner, type(a).__name__, a.balance, a.history)
