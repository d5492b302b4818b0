class MyErr(LookupError): pass
def f(): raise MyErr('deep lookup')
try:
    f()
except KeyError:
    print('not here')
