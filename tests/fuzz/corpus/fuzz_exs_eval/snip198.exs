m = %{a: %{b: 1}}
m.a.b