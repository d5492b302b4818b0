def main():
    raise NotImplementedError('todo: implement main')
main()
