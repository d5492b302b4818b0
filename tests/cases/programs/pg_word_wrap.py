def wrap(text, width):
    lines = []
    cur = ""
    for word in text.split():
        while len(word) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:width])
            word = word[width:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= width:
            cur += " " + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines

def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]

text = ("The quick brown fox jumps over the lazy dog. Supercalifragilisticexpialidocious words "
        "must be split when they exceed the width. Short ones are fine.")
for w in [20, 33]:
    print(f"--- width {w} ---")
    lines = wrap(text, w)
    for l in lines[:-1]:
        print("|" + justify(l, w) + "|")
    print("|" + lines[-1].ljust(w) + "|")
