import_free = True
print("about to fail")
raise Exception("generic failure with detail")
