def rle_encode(s):
    if not s:
        return []
    out = []
    cur, n = s[0], 1
    for c in s[1:]:
        if c == cur:
            n += 1
        else:
            out.append((cur, n))
            cur, n = c, 1
    out.append((cur, n))
    return out
def rle_decode(pairs):
    return "".join(c * n for c, n in pairs)
def to_str(pairs):
    return "".join(f"{n}{c}" if n > 1 else c for c, n in pairs)
for s in ["aaabccddddde", "", "abc", "zzzzzzzzzzzz", "aabbaabb"]:
    enc = rle_encode(s)
    print(repr(s), to_str(enc), rle_decode(enc) == s)
def lz_like(s):
    out = []
    i = 0
    while i < len(s):
        best_len, best_off = 0, 0
        for j in range(max(0, i - 32), i):
            k = 0
            while i + k < len(s) and s[j + k] == s[i + k] and k < 15:
                k += 1
            if k > best_len:
                best_len, best_off = k, i - j
        if best_len >= 3:
            out.append((best_off, best_len))
            i += best_len
        else:
            out.append(s[i])
            i += 1
    return out
def lz_decode(tokens):
    s = ""
    for t in tokens:
        if isinstance(t, tuple):
            off, n = t
            for _ in range(n):
                s += s[-off]
        else:
            s += t
    return s
text = "abcabcabcabcxyzxyzabcabc hello hello hello"
enc = lz_like(text)
print(enc)
print(lz_decode(enc) == text, len(enc), len(text))
