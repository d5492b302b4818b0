s = "héllo wörld ☃ 😀"
print(len(s), s[1], s[-1], s.upper(), s[::-1])
print([ord(c) for c in "aé☃😀"], chr(233), chr(9731), chr(128512))
print("日本語".encode("utf-8"), b"\xe6\x97\xa5".decode("utf-8"))
print(len("😀".encode("utf-8")), "é".encode(), "ab".encode("ascii"))
print("Ω".lower(), "ω".upper(), "İ".lower().__len__())
print(sorted("bäa"), "ä" in "bäa", "bäa".find("a"))
