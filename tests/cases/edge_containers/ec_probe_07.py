print(",".join(map(repr, ["a", 'b"', "c'", "d'\""])))
