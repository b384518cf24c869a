{binary_part("abcdef", 4, -2), :binary.part("abc", 0, 1), File.cwd!(), File.cwd(), binary_part("ab", 3, 1)}
