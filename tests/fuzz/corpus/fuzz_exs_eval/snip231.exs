f = &Kernel.+/2
f.(1, 2)