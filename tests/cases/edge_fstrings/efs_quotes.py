d = {"key": "v", 'k2': 2}
print(f"{d["key"]}", f'{d['k2']}', f"{d['key']!r}", f"{'a' "b"}")
print(f"{'}'}", f"{'{'}", f"{{}}", f"{'{}'}", f"{{{1}}}")
print(f"a" f"b{1}" "c", f"{'x' * 3}")
s = "world"
print(f'hello {s}' f" and {s.upper()}", f"{s[::-1]}", f"{s[1:3]}", f"{len(s)}")
print(f"{'\\'}", f"tab\there", rf"raw\n{s}", fr"{s}\t")
