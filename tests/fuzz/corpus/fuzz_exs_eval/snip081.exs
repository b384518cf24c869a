x = 1
y = if true do x = 2
x + 10 end
{x, y}