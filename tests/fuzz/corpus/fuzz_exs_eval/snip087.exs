[a: x] = [a: 3]
x