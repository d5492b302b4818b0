names = ["abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "dict", "divmod", "enumerate",
         "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "hex", "int", "isinstance",
         "issubclass", "iter", "len", "list", "map", "max", "min", "next", "oct", "ord", "pow", "print", "range",
         "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "str", "sum", "tuple", "type", "zip"]
import_free = [n for n in names if n in dir(__builtins__)] if False else names
print(len(import_free))
