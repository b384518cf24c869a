"pre" <> rest = "prefix"
rest