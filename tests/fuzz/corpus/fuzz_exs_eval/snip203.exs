kw = [a: [b: 1]]
{kw[:a][:b], kw[:z][:b]}