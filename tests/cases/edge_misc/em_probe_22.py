class Meta:
    pass
print(Meta.__module__, Meta.__qualname__, Meta().__class__.__name__, str(Meta)[:16])
