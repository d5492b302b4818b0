parts = []
for i in range(1, 6):
    parts.append(f"{i}^2={i**2:>3}")
print(", ".join(parts))
report = "\n".join(f"{k:>3}: {'#' * v}" for k, v in [("a", 3), ("bb", 5), ("ccc", 1)])
print(report)
print(f"{'-'*10:^20}")
print(f"{sum(range(10)):#06x}")
