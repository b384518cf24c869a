#!/usr/bin/env bats
# What every mixless binary shares: --help, --version, and exit 2 with a
# message naming the problem for an unknown switch or subcommand.

TOOLS="mixless phx-gen phx-digest ecto-migrate phx-routes"

@test "every tool answers --help on stdout with exit 0" {
	for t in $TOOLS; do
		run --separate-stderr "$t" --help
		[ "$status" -eq 0 ] || { echo "$t: $status"; false; }
		[[ "$output" == *"Usage: $t"* ]] || { echo "$t: $output"; false; }
		[ -z "$stderr" ]
	done
}

@test "every tool answers --version with its name and the versions it follows" {
	for t in $TOOLS; do
		run "$t" --version
		[ "$status" -eq 0 ]
		[[ "$output" =~ ^$t\ [0-9]+\.[0-9]+\.[0-9]+\ \(Phoenix\ 1\.7\.[0-9]+,\ ecto_sql\ 3\.[0-9]+\.[0-9]+\)$ ]] || { echo "$output"; false; }
	done
}

@test "an unknown switch is a usage error naming the switch" {
	for t in $TOOLS; do
		run --separate-stderr "$t" --bogus-switch
		[ "$status" -eq 2 ] || { echo "$t: $status"; false; }
		[[ "$stderr" == *"'--bogus-switch'"* ]] || { echo "$t: $stderr"; false; }
		[ -z "$output" ]
	done
}

@test "mixless: an unknown task is a usage error" {
	run --separate-stderr mixless no.such.task
	[ "$status" -eq 2 ]
	[ "$stderr" = 'mixless: The task "no.such.task" could not be found
Try '"'"'mixless --help'"'"' for more information.' ]
}

@test "mixless help --search lists tasks as mix help does" {
	run mixless help --search ecto.mig
	[ "$status" -eq 0 ]
	[ "$output" = "mixless ecto.migrate    # Runs the repository migrations
mixless ecto.migrations # Displays the repository migration status" ]
}

@test "mixless help lists every task it knows, sorted" {
	run mixless help
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 32 ]
	sorted=$(printf '%s\n' "${lines[@]}" | LC_ALL=C sort)
	[ "$sorted" = "$output" ]
	[[ "$output" == *"mixless phx.digest.clean   # Removes old versions of static assets."* ]]
}

@test "mixless runs a task through its tool" {
	run mixless phx.routes --help
	[ "$status" -eq 0 ]
	[[ "$output" == "Usage: phx-routes"* ]]
}

@test "phx-gen: an unknown generator is a usage error" {
	run --separate-stderr phx-gen nonsense
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown generator 'nonsense'"* ]]
}
