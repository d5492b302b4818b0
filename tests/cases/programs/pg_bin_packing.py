items = [4, 8, 1, 4, 2, 1, 7, 3, 6, 5, 2, 9, 3]
CAP = 10
def first_fit(xs):
    bins = []
    for x in xs:
        for b in bins:
            if sum(b) + x <= CAP:
                b.append(x)
                break
        else:
            bins.append([x])
    return bins
def best_fit(xs):
    bins = []
    for x in xs:
        cands = [b for b in bins if sum(b) + x <= CAP]
        if cands:
            min(cands, key=lambda b: CAP - sum(b) - x).append(x)
        else:
            bins.append([x])
    return bins
for name, fn in [("first", first_fit), ("best", best_fit)]:
    for order in ["given", "desc"]:
        xs = items if order == "given" else sorted(items, reverse=True)
        bins = fn(xs)
        print(f"{name:<5} {order:<5} {len(bins)} bins: {bins}")
print("lower bound:", -(-sum(items) // CAP))
