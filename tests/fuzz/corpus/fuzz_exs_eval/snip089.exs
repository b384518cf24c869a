f = fn -> y end
y = 1
f.()