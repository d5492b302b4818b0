try:
    {}['x']
except KeyError:
    raise TypeError('during handling')
