print(repr("\x7f\x80\xa0\xad"), repr("\ud800") if False else "", repr("\U0010ffff"), "\u2028".isprintable())
