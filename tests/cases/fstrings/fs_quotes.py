who = 'x'
print(f'{who}')
print(f"it's {who}")
print(f'say "{who}"')
print(f"""triple "{who}" 'q'""")
print(f"{'single'} and {"double"}")
print(f"{f'{who}-inner'}-outer")
print(f"{f"{f"{who}"}"}")
