x = 3.14159265
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:>10.4f}")
print(f"{x:e}|{x:.3E}|{x:g}|{x:%}|{x:.1%}")
n = 1234567
print(f"{n:,}|{n:_}|{n:10d}|{n:<10}|{n:^12}|{n:+}|{-n:+}")
print(f"{255:x}|{255:X}|{255:o}|{255:b}|{255:#x}|{255:#o}|{255:#b}")
print(f"{5:03d}|{5:*^7}|{5:=+6}|{-5:06}")
print(f"{'abc':>6}|{'abc':<6}|{'abc':^7}|{'abc':.2}|{'abc':-^9}")
print(f"{0.5:.0f}|{1.5:.0f}|{2.5:.0f}|{1e20:.2f}")
print(f"{1234.5:,.2f}|{1234567.891:_.1f}")
print(f"{True}|{None}|{True:d}")
print(f"{12:c}" if False else f"{65:c}")
print(f"{-0.0}|{float('inf')}|{float('nan'):f}|{float('inf'):e}")
