f = fn
 {:a, x} -> x
 _ -> :other
end
{f.({:a, 1}), f.(2)}