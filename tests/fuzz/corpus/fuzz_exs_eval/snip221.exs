for x <- [1, 2, 3], reduce: 0 do
 acc -> acc + x
end