print(min([]) if False else min([], default="empty"), max(1, 2, key=lambda v: -v))
