print([1,2,3].__len__(), "ab".__class__, (1).__class__.__name__, [].__class__.__name__)
