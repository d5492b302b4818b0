print("hello world".title(), "HELLO".lower().capitalize(), "a-b_c d".title(), "1st 2nd".title(), "o'neil".title())
