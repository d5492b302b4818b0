print("start")
prnt("typo")
