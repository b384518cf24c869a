x = 10
for y <- [1], do: x + y