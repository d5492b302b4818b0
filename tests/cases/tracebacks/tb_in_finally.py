try:
    print('body')
finally:
    print('cleanup')
    raise ValueError('from finally')
