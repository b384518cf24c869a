defmodule M do
 def f(1), do: 1
end
M.f(2)