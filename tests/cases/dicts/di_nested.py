db = {"users": {"alice": {"age": 30, "tags": ["admin"]}, "bob": {"age": 25, "tags": []}}}
db["users"]["bob"]["tags"].append("new")
db["users"]["carol"] = {"age": 41, "tags": ["x", "y"]}
print(db)
for name, info in sorted(db["users"].items()):
    print(name, info["age"], ",".join(info["tags"]) or "-")
print(sum(u["age"] for u in db["users"].values()))
print(db.get("groups", {}).get("admins", "none"))
