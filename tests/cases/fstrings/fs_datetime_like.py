h, m, s = 7, 5, 9
print(f"{h:02d}:{m:02d}:{s:02d}")
y, mo, d = 2024, 3, 1
print(f"{y}-{mo:02}-{d:02}")
secs = 3725
print(f"{secs // 3600}h {secs % 3600 // 60:02}m {secs % 60:02}s")
pct = 0.4567
print(f"progress: {pct:.1%} [{'=' * int(pct * 20):<20}]")
