inventory = [
    {"sku": "A-100", "name": "Widget", "qty": 120, "price": 2.5, "cat": "hardware"},
    {"sku": "B-220", "name": "Gadget", "qty": 8, "price": 19.99, "cat": "electronics"},
    {"sku": "C-031", "name": "Doohickey", "qty": 0, "price": 7.25, "cat": "hardware"},
    {"sku": "D-999", "name": "Thingamajig", "qty": 42, "price": 105.0, "cat": "electronics"},
    {"sku": "E-512", "name": "Whatsit", "qty": 15, "price": 0.99, "cat": "misc"},
]
header = f"{'SKU':<7}|{'Name':<12}|{'Qty':>5}|{'Price':>8}|{'Value':>10}|Status"
print(header)
print("-" * len(header))
total = 0
by_cat = {}
for item in sorted(inventory, key=lambda it: it["qty"] * it["price"], reverse=True):
    value = item["qty"] * item["price"]
    total += value
    by_cat[item["cat"]] = by_cat.get(item["cat"], 0) + value
    status = "OUT" if item["qty"] == 0 else "LOW" if item["qty"] < 10 else "ok"
    print(f"{item['sku']:<7}|{item['name']:<12}|{item['qty']:>5}|{item['price']:>8.2f}|{value:>10,.2f}|{status}")
print("-" * len(header))
print(f"{'TOTAL':<34}{total:>10,.2f}")
print()
for cat, v in sorted(by_cat.items(), key=lambda kv: -kv[1]):
    pct = v / total
    print(f"{cat:<12} {v:>10.2f} {pct:>7.1%} {'#' * round(pct * 30)}")
reorder = [it["name"] for it in inventory if it["qty"] < 10]
print("reorder:", ", ".join(reorder) if reorder else "none")
