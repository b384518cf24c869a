#!/usr/bin/env bats
# phx-gen task NAME: a project task for mixless, listed by help and run.

bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p proj/lib
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n  def project, do: [app: :hello]\nend\n' >proj/mix.exs
	cd proj
}

@test "phx-gen task scaffolds an executable that mixless lists and runs" {
	run --separate-stderr phx-gen task hello.greeting --shortdoc "Sends a greeting"
	[ "$status" -eq 0 ]
	[ "$output" = "* creating tasks/hello.greeting" ]
	[ -x tasks/hello.greeting ]
	[ "$(sed -n 2p tasks/hello.greeting)" = "# @shortdoc Sends a greeting" ]
	run mixless help --search hello
	[ "$output" = "mixless hello.greeting # Sends a greeting" ]
	cd lib
	run --separate-stderr mixless hello.greeting
	[ "$status" -eq 0 ]
	[ "$output" = "Greetings from the hello application!" ]
}

@test "phx-gen task leaves an existing file alone without --force" {
	mkdir tasks
	echo mine >tasks/hello.greeting
	run --separate-stderr phx-gen task hello.greeting
	[ "$status" -eq 1 ]
	[ "$stderr" = "phx-gen: tasks/hello.greeting already exists (--force overwrites it)" ]
	[ "$(cat tasks/hello.greeting)" = mine ]
	run phx-gen task hello.greeting --force
	[ "$status" -eq 0 ]
	grep -q "@shortdoc Describe the task here" tasks/hello.greeting
}

@test "phx-gen task: a name as mix spells task names, a usage error otherwise" {
	for bad in Hello hello. .hello 1abc "a/b" "../x"; do
		run --separate-stderr phx-gen task "$bad"
		[ "$status" -eq 2 ] || { echo "$bad: $status"; return 1; }
	done
	run --separate-stderr phx-gen task
	[ "$status" -eq 2 ]
	[ ! -e tasks ]
}

@test "phx-gen task honours MIXLESS_TASKS_DIR, as mixless does" {
	MIXLESS_TASKS_DIR=scripts run phx-gen task db.ping
	[ "$output" = "* creating scripts/db.ping" ]
	MIXLESS_TASKS_DIR=scripts run mixless db.ping
	[ "$status" -eq 0 ]
}
