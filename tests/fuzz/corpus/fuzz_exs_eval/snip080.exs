x = 1
if true do x = 2 end
x