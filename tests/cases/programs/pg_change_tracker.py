def diff(old, new, path=""):
    changes = []
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            p = f"{path}.{k}" if path else k
            if k not in old:
                changes.append(("added", p, new[k]))
            elif k not in new:
                changes.append(("removed", p, old[k]))
            else:
                changes.extend(diff(old[k], new[k], p))
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            p = f"{path}[{i}]"
            if i >= len(old):
                changes.append(("added", p, new[i]))
            elif i >= len(new):
                changes.append(("removed", p, old[i]))
            else:
                changes.extend(diff(old[i], new[i], p))
    elif old != new:
        changes.append(("changed", path, (old, new)))
    return changes
v1 = {"name": "svc", "replicas": 2, "ports": [80, 443], "env": {"DEBUG": "0", "REGION": "eu"}}
v2 = {"name": "svc", "replicas": 3, "ports": [80, 8443, 9000], "env": {"REGION": "us", "TRACE": "1"}, "owner": "ops"}
for kind, path, val in diff(v1, v2):
    print(f"{kind:<8} {path:<12} {val}")
print(diff(v1, v1), diff(1, 2), diff([1], []))
