defmodule M do
 def loop(n), do: loop(n + 1)
end
M.loop(0)