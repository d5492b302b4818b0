print(int("١٢٣"), float("١.٥"), "٣".isdigit())
