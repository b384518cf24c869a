#!/usr/bin/env bats
# The front door in a project: mix.exs aliases run step by step (mixless's
# tasks itself, the rest through mix when Elixir is installed, else named as
# skipped), phx.server handed to mix or refused plainly, and the project's
# own tasks in tasks/ listed and run with its config in their environment.
# mix and iex are fakes that log their arguments (MIXLESS_MIX, MIXLESS_IEX).

bats_require_minimum_version 1.5.0

setup() {
	proj=$BATS_TEST_TMPDIR/proj
	log=$BATS_TEST_TMPDIR/calls.log
	: >"$log"
	mkdir -p "$proj/config" "$proj/tasks" "$proj/lib/sub" "$BATS_TEST_TMPDIR/fake" "$proj/st"
	echo 'a{}' >"$proj/st/app.css"
	cat >"$proj/mix.exs" <<-'EOF'
	defmodule Hello.MixProject do
	  use Mix.Project

	  def project do
	    [app: :hello, version: "0.1.0", aliases: aliases()]
	  end

	  defp aliases do
	    [
	      setup: ["deps.get", "greet"],
	      greet: ["phx.digest st -o out", "hello.greeting"],
	      bad: ["phx.digest.clean --keep x", "hello.greeting"],
	      test: ["hello.greeting before", "test"],
	      nested: ["greet", "hello.greeting last"]
	    ]
	  end
	end
	EOF
	cat >"$proj/config/config.exs" <<-'EOF'
	import Config
	config :hello, ecto_repos: [Hello.Repo]
	config :hello, Hello.Repo,
	  username: "postgres", password: "s3cr@t", hostname: "db.local", database: "hello_dev"
	config :hello, HelloWeb.Endpoint, url: [host: "example.com"], http: [port: 4001]
	EOF
	cat >"$proj/tasks/hello.greeting" <<-'EOF'
	#!/bin/sh
	# @shortdoc Sends a greeting to us from Hello Phoenix
	#
	# Prints a greeting, its arguments and where it runs.
	echo "Greetings from the Hello Phoenix Application! args: $*"
	echo "cwd=$PWD env=$MIX_ENV app=$MIXLESS_APP root=$MIXLESS_PROJECT_ROOT"
	echo "db=$DATABASE_URL url=$MIXLESS_ENDPOINT_URL"
	EOF
	chmod +x "$proj/tasks/hello.greeting"
	for p in mix iex; do
		printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$p" "$log" >"$BATS_TEST_TMPDIR/fake/$p"
		chmod +x "$BATS_TEST_TMPDIR/fake/$p"
	done
	export MIXLESS_MIX="" MIXLESS_IEX=""
	unset DATABASE_URL MIX_ENV
	cd "$proj/lib/sub"
}

@test "aliases and project tasks are listed beside the built-in tasks" {
	run --separate-stderr mixless help
	[ "$status" -eq 0 ]
	[[ "$output" == *$'\nmixless greet              # Alias for phx.digest st -o out, hello.greeting\n'* ]]
	[[ "$output" == *$'\nmixless hello.greeting     # Sends a greeting to us from Hello Phoenix\n'* ]]
	run mixless help --search hello
	[ "$output" = "mixless hello.greeting # Sends a greeting to us from Hello Phoenix" ]
}

@test "help ALIAS shows its steps as mix help does; help TASK a project task's header" {
	run mixless help greet
	[ "$output" = '
                                 mixless greet

Alias for

    ["phx.digest st -o out",
     "hello.greeting"]

Location: mix.exs' ]
	run mixless help hello.greeting
	[[ "$output" == *"Prints a greeting, its arguments and where it runs."* ]]
	[[ "$output" == *"Location: tasks/hello.greeting" ]]
}

@test "an alias of mixless tasks runs each step, its arguments going to the last" {
	run --separate-stderr mixless greet a b
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[0]}" = 'Check your digested files at "out"' ]
	[ -f "$proj/out/cache_manifest.json" ]
	[ "${lines[1]}" = "Greetings from the Hello Phoenix Application! args: a b" ]
	# nested: an alias step that is an alias
	run mixless nested
	[ "${lines[1]}" = "Greetings from the Hello Phoenix Application! args: " ]
	[ "${lines[2]}" = "cwd=$proj env=dev app=hello root=$proj" ]
	[ "${lines[4]}" = "Greetings from the Hello Phoenix Application! args: last" ]
}

@test "a failing step stops the alias with its exit code" {
	run --separate-stderr mixless bad
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--keep"* ]]
	[[ "$output" != *"Greetings"* ]]
}

@test "without Elixir a step that needs mix is named as skipped, never silently" {
	run --separate-stderr mixless setup
	[ "$status" -eq 0 ]
	[[ "$stderr" == *'skipped "deps.get" of the alias setup: it needs mix, and Elixir is not installed'* ]]
	[[ "$stderr" == *'setup: ran the steps mixless does; skipped "deps.get". Install Elixir (Debian package: elixir)'* ]]
	[[ "$output" == *"Greetings"* ]]
}

@test "with Elixir a step that needs mix runs through mix" {
	MIXLESS_MIX=$BATS_TEST_TMPDIR/fake/mix run --separate-stderr mixless setup
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "$(cat "$log")" = "mix deps.get" ]
	# a step named as its alias is the task, not the alias again
	MIXLESS_MIX=$BATS_TEST_TMPDIR/fake/mix run mixless test --cover
	[ "$status" -eq 0 ]
	[[ "$output" == *"args: before"* ]]
	[ "$(tail -1 "$log")" = "mix test --cover" ]
}

@test "a project task runs in the root with the resolved config in its environment" {
	run --separate-stderr mixless hello.greeting x
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Greetings from the Hello Phoenix Application! args: x" ]
	[ "${lines[1]}" = "cwd=$proj env=dev app=hello root=$proj" ]
	[ "${lines[2]}" = "db=postgres://postgres:s3cr%40t@db.local/hello_dev url=http://example.com:4001" ]
	MIX_ENV=test run mixless hello.greeting
	[[ "${lines[1]}" == *"env=test"* ]]
	# never printed by mixless itself
	run --separate-stderr mixless help hello.greeting
	[[ "$output$stderr" != *"s3cr"* ]]
}

@test "MIXLESS_TASKS_DIR moves the tasks folder" {
	mkdir -p "$proj/scripts"
	mv "$proj/tasks/hello.greeting" "$proj/scripts/"
	run mixless hello.greeting
	[ "$status" -eq 2 ]
	MIXLESS_TASKS_DIR=scripts run mixless hello.greeting
	[ "$status" -eq 0 ]
}

@test "phx.server without Elixir says that serving needs the BEAM and the package" {
	run --separate-stderr mixless phx.server
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"phx.server needs the BEAM"*"Debian package: elixir"* ]]
}

@test "phx.server hands over to mix phx.server, --iex to iex -S mix phx.server" {
	MIXLESS_MIX=$BATS_TEST_TMPDIR/fake/mix run mixless phx.server --open --no-compile
	[ "$status" -eq 0 ]
	[ "$(cat "$log")" = "mix phx.server --open --no-compile" ]
	MIXLESS_IEX=$BATS_TEST_TMPDIR/fake/iex run mixless phx.server --iex
	[ "$(tail -1 "$log")" = "iex -S mix phx.server" ]
}

@test "a mix.exs that does not parse: help warns with its position and lists the rest" {
	printf 'defmodule X do\n  def project do [app: :x,\nend\n' >"$proj/mix.exs"
	run --separate-stderr mixless help --search ecto.mig
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "mixless ecto.migrate    # Runs the repository migrations" ]
	[[ "$stderr" == "warning: $proj/mix.exs:3:1: unexpected reserved word: end"*"(its aliases and tasks are left out)" ]]
	run --separate-stderr mixless greet
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"mix.exs:3:1: "* ]]
}

@test "a task file that is not executable: the message says so" {
	chmod -x "$proj/tasks/hello.greeting"
	run --separate-stderr mixless hello.greeting
	[ "$status" -eq 1 ]
	[ "$stderr" = "mixless: '$proj/tasks/hello.greeting' is not executable: chmod +x it to run it as a task" ]
	run mixless help --search hello
	[ -z "$output" ]
}
