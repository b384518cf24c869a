defmodule M do
 defp p, do: 1
end
M.p()