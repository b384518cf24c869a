m = %{a: 1}
m.z