case {:ok, 3} do
 {:error, _} -> :e
 {:ok, n} when n > 2 -> n * 2
end