from_none = None
print(f"{from_none}", f"{True}", f"{True:d}", f"{False:>6}", f"{None!r:>6}")
print(f"{(1, 2)}", f"{[1, 'a']}", f"{ {1: 'x'} }", f"{ {1, 2} }", f"{b'x'}", f"{1j}", f"{range(3)}")
print(f"{3:<5d}|", f"{3.0:<5}|", f"{'ab':*>6}", f"{'ab':\u00e9^6}")
try:
    f"{'x':d}"
except ValueError as e:
    print(e)
try:
    f"{1.5:d}"
except ValueError as e:
    print(e)
try:
    f"{[1]:>5}"
except TypeError as e:
    print(e)
val = 12.3456
for spec in [".1f", "10.3f", "<10", "^10.2f", "+.0f", "e", ".3g", "08.3f", ",.2f", "%"]:
    print(spec, f"{val:{spec}}")
