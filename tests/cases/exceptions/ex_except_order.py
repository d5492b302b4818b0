def classify(f):
    try:
        f()
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except Exception as e:
        return "Exception " + type(e).__name__
    return "none"
print(classify(lambda: {}[1]), classify(lambda: [][1]), classify(lambda: 1 / 0), classify(lambda: None))
