print("a\tb".expandtabs(0), "x\ty\tz".expandtabs(2), repr("\t".expandtabs(3)))
