TEXT = """Call me Ishmael. Some years ago - never mind how long precisely - having
little or no money in my purse, and nothing particular to interest me on
shore, I thought I would sail about a little and see the watery part of
the world. It is a way I have of driving off the spleen and regulating
the circulation."""

def tokenize(text):
    words = []
    cur = []
    for ch in text:
        if ch.isalpha() or ch == "'":
            cur.append(ch.lower())
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words

def frequencies(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq

def sentences(text):
    out = []
    buf = ""
    for ch in text.replace("\n", " "):
        buf += ch
        if ch in ".!?":
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

words = tokenize(TEXT)
freq = frequencies(words)
print("lines:", len(TEXT.splitlines()))
print("words:", len(words))
print("unique:", len(freq))
print("chars:", len(TEXT), "letters:", sum(c.isalpha() for c in TEXT))
print("avg word length: %.2f" % (sum(map(len, words)) / len(words)))
print("longest:", max(words, key=len))
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for w, c in top:
    print(f"  {w:<10} {c:>3} {'*' * c}")
for i, s in enumerate(sentences(TEXT), 1):
    print(i, len(s.split()), s[:30])
lengths = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print(sorted(lengths.items()))
