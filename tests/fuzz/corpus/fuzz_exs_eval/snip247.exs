receive do
 x -> x
end