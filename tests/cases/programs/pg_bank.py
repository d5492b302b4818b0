accounts = {}
log = []

def open_account(name, deposit=0):
    if name in accounts:
        raise ValueError(f"account {name!r} exists")
    accounts[name] = {"balance": deposit, "history": [("open", deposit)]}
    log.append(f"opened {name} with {deposit}")

def deposit(name, amount):
    if amount <= 0:
        raise ValueError("deposit must be positive")
    acct = accounts[name]
    acct["balance"] += amount
    acct["history"].append(("dep", amount))

def withdraw(name, amount):
    acct = accounts[name]
    if amount > acct["balance"]:
        raise ValueError(f"insufficient funds in {name}: {acct['balance']} < {amount}")
    acct["balance"] -= amount
    acct["history"].append(("wd", amount))

def transfer(src, dst, amount):
    withdraw(src, amount)
    try:
        deposit(dst, amount)
    except Exception:
        deposit(src, amount)
        raise
    log.append(f"transfer {amount} {src}->{dst}")

ops = [
    (open_account, ("alice", 100)),
    (open_account, ("bob",)),
    (deposit, ("bob", 50)),
    (transfer, ("alice", "bob", 30)),
    (withdraw, ("bob", 500)),
    (open_account, ("alice",)),
    (deposit, ("carol", 5)),
    (deposit, ("alice", -5)),
    (transfer, ("bob", "alice", 80)),
]
for fn, args in ops:
    try:
        fn(*args)
        print("ok  ", fn.__name__, args)
    except (ValueError, KeyError) as e:
        print("fail", fn.__name__, args, "->", type(e).__name__, e)

for name in sorted(accounts):
    a = accounts[name]
    print(f"{name:>6}: {a['balance']:>6.2f}  {len(a['history'])} entries")
    for kind, amt in a["history"]:
        print(f"        {kind:<4}{amt:>5}")
print("\n".join(log))
print("total", sum(a["balance"] for a in accounts.values()))
