#!/usr/bin/env bats
# mixless help as mix help: every task with its shortdoc, padded as mix pads,
# spelt as the command that runs it here; --search; help TASK is the task's
# page, the same text as its man page section; --help at every level;
# mixless phx as Phoenix's `mix phx`.

bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "help: one line a task, 'mixless <name padded to the longest> # <shortdoc>'" {
	run --separate-stderr mixless help
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = "mixless ecto               # Prints Ecto help information" ]
	[ "${lines[1]}" = "mixless ecto.create        # Creates the repository storage" ]
	[[ "$output" == *$'\nmixless phx                # Prints Phoenix help information\n'* ]]
	[[ "$output" == *$'\nmixless phx.server         # Starts applications and their servers'* ]]
	# every "#" in the same column
	[ "$(printf '%s\n' "${lines[@]}" | awk '{print index($0, " # ")}' | sort -u | wc -l)" -eq 1 ]
}

@test "help --search pads to the longest name shown, as mix does" {
	run mixless help --search phx.gen.s
	[ "$output" = "mixless phx.gen.schema # Generates an Ecto schema and migration file
mixless phx.gen.secret # Generates a secret
mixless phx.gen.socket # Generates a Phoenix socket handler" ]
	run mixless help --search nothing.matches
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "help TASK is the task's section of its tool's man page, word for word" {
	run --separate-stderr mixless help ecto.migrate
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: ecto-migrate migrate"* ]]
	[[ "$output" == *"Mix task: mix ecto.migrate (Runs the repository migrations)"* ]]
	[[ "$output" == *"--step N"* ]]
	# the man page's section, roff escapes undone
	man=$(awk '/^\.SH "ecto-migrate migrate"$/ {on = 1; next} on && /^\.nf$/ {next}
		on && /^\.fi$/ {exit} on {print}' "$MIXLESS_BUILD_DIR/man/ecto-migrate.1" |
		sed -e 's/^\\&//' -e 's/\\e/\\/g')
	[ "$man" = "$output" ]
	# a default command (phx-digest's) and mixless's own commands too
	run mixless help phx.digest
	[[ "${lines[0]}" == "Usage: phx-digest [INPUT]"* ]]
	run mixless help phx.server
	[[ "$output" == *"iex -S mix phx.server"* ]]
}

@test "help TASK for an unknown task fails as mix does" {
	run --separate-stderr mixless help no.such
	[ "$status" -eq 1 ]
	[ "$stderr" = 'mixless: The task "no.such" could not be found' ]
}

@test "--help at every level" {
	for words in "mixless" "mixless help" "mixless debug" "mixless debug parse" "mixless phx" \
		"mixless phx.server" "mixless ecto.migrate" "mixless phx.gen.html"; do
		run --separate-stderr $words --help
		[ "$status" -eq 0 ] || { echo "$words: $status $stderr"; return 1; }
		[[ "$output" == "Usage: "* ]] || { echo "$words: $output"; return 1; }
	done
	run mixless debug --help
	[[ "$output" == *"Commands:"*"parse"*"config"* ]]
}

@test "mixless phx -v prints Phoenix's version line" {
	run --separate-stderr mixless phx -v
	[ "$status" -eq 0 ]
	[ "$output" = "Phoenix v1.7.24" ]
}

@test "mixless phx: the version, the options, then help --search phx." {
	run mixless phx
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Phoenix v1.7.24" ]
	[ "${lines[1]}" = "Peace of mind from prototype to production" ]
	[[ "$output" == *$'\n\n## Options\n\n-v, --version        # Prints Phoenix version\n\nmixless phx.digest '* ]]
	[[ "$output" != *"mixless phx "* ]]
	run --separate-stderr mixless phx extra
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Invalid arguments, expected: mixless phx"* ]]
}

# The genuine outputs (tests/fixtures/mixless/README.txt), "mix " spelt "mixless ".
@test "help matches mix help's genuine output, spelt mixless" {
	fx=$MIXLESS_SOURCE_DIR/tests/fixtures/mixless
	run mixless help --search phx.digest
	[ "$output" = "$(sed 's/^mix /mixless /' "$fx/mix-help-search-phx.digest.txt")" ]
	cd "$MIXLESS_SOURCE_DIR/examples/hello"
	run mixless help --search setup
	[ "$output" = "$(sed 's/^mix /mixless /' "$fx/mix-help-search-setup.txt")" ]
	# the heading is centred on 80 columns: 2 spaces fewer for "mixless "
	run --separate-stderr mixless help ecto.setup
	[ "$output" = "$(sed 's/^  \( *\)mix ecto.setup$/\1mixless ecto.setup/' "$fx/mix-help-ecto.setup.txt")" ]
	run mixless phx -v
	[ "$output" = "$(cat "$fx/mix-phx-v.txt")" ]
	run mixless ecto
	[ "$output" = "$(sed 's/^mix /mixless /' "$fx/mix-ecto.txt")" ]
}

@test "mixless phx.gen lists the generators, as mix phx.gen does" {
	run mixless phx.gen
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mixless phx.gen.auth     # Generates authentication logic for a resource" ]
	[ "$output" = "$(mixless help --search phx.gen.)" ]
}

@test "help --names: one task name a line, the names help lists" {
	run --separate-stderr mixless help --names
	[ "$status" -eq 0 ]
	[ "$output" = "$(mixless help | awk '{print $2}')" ]
	[ "${lines[0]}" = "ecto" ]
}
