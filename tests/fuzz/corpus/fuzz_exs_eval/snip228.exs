f = fn x when is_integer(x) -> :int
 x -> x end
{f.(1), f.(:b)}