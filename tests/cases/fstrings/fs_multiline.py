a = 1
b = 2
msg = f"""sum:
  {a} + {b} = {a + b}
done"""
print(msg)
x = f'''{
    a
    +
    b
}'''
print(x)
print(f"{a}\n{b}\t|")
print(rf"\n{a}", fr"{b}\t")
