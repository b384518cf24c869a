cond do
 1 > 2 -> :a
 true -> :b
end