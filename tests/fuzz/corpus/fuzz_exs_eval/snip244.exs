defmodule M do
 defstruct [:a]
 def x, do: %__MODULE__{c: 2}
end
M.x()