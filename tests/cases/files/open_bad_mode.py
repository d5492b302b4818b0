def save(path, text):
    with open(path, 'rw') as f:
        f.write(text)


save('report.txt', 'hello')
