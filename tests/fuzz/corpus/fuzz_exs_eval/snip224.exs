x = 1000
for y <- [1], do: x + y