cond do
 false -> 1
end