defmodule M do
 alias Foo.Bar
 alias Foo.Baz, as: Q
