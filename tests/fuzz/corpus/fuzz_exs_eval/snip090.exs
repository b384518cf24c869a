y = 1
f = fn -> y end
y = 2
{f.(), y}