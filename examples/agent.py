# agent.py — an agent-style script, run by examples/host_agent.c.
# `fetch` and `lookup_user` are host functions; `user_id` and `urls` are
# inputs; file and environment access are OS calls the host answers from
# its own in-memory file system.
from pathlib import Path
import os

user = lookup_user(user_id)
print(f"hello {user['name']} (role {user['role']})")

with open("/data/config.txt") as f:  # open() is an OS call too
    config = f.read()
print("config:", config.strip())

pages = [fetch(url) for url in urls]
for url, page in zip(urls, pages):
    print(f"fetched {url}: {len(page)} chars")

words = sorted({w for page in pages for w in page.split()}, key=len)
summary = {"user": user["name"], "pages": len(pages), "longest": words[-1],
           "home": os.getenv("HOME")}
with open("/data/summary.txt", "w") as f:
    f.write(repr(summary))

try:
    Path("/etc/passwd").read_text()
except PermissionError as e:
    print("denied:", e)

summary
