# a comment
x = 1  # trailing
# another
if x:  # comment after colon
    # comment in block
    y = 2
    # comment
print(x, y)  # done
s = "# not a comment"
print(s)
z = [1,  # one
     2,  # two
     ]
print(z)
