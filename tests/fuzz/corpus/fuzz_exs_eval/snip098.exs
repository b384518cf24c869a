x = :dev
case x do
 :prod -> 1
 _ -> 2
end