s = "Ünïcödé Täxt — naïve café"
print(s.lower(), s.upper(), s.swapcase(), len(s), s.encode()[:12], s.find("—"))
print(s.split(" — "), s[::-1], sorted(set(s.lower()) - set(" ")))
print("ǆ".title(), "ß".title(), "ﬂour".title(), "ΐ".upper(), len("ΐ".upper()))
print("İstanbul".lower(), len("İstanbul".lower()), "ΣΙΣΥΦΟΣ".lower(), "straße" == "STRASSE".lower())
print(" ".isspace(), "\u3000".isspace(), "٣".isdecimal(), "Ⅷ".isnumeric(), "ⅷ".isalpha(), "Ω".isupper())
print("𝔘𝔫𝔦".upper(), "😀".isprintable(), repr("\u200b"), "a\u0301" == "á", len("a\u0301"))
print(f"{'日本':>6}|{'日本':<6}|{'日本':^6}|", "日本語テキスト"[2:5], "x日y".index("y"))
