defmodule E do
  def f, do: {__ENV__.file, __ENV__.line, __ENV__.module}
end
{E.f(), Path.join(__DIR__, __ENV__.file |> Path.basename() |> String.replace(".exs", ".sql")), __ENV__.function}
