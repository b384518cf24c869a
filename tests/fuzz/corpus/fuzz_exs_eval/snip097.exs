case 5 do
 1 -> :one
end