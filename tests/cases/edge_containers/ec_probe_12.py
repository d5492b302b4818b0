nested = {"a": {"b": {"c": [1, {"d": 2}]}}}
print(nested["a"]["b"]["c"][1]["d"], nested.get("x", {}).get("y"), str(nested))
