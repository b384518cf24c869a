x = "w"
:"at_#{x}"