defmodule M do
 defstruct a: 1, b: nil
 def x, do: %M{b: 2}
end
M.x()