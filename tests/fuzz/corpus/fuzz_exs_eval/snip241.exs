defmodule A.B do
 defmodule C do
  def x, do: :c
 end
 def y, do: C.x()
