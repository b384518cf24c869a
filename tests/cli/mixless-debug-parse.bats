#!/usr/bin/env bats
# `mixless debug parse`: the exs parser from the command line, as other
# tools' tests and anyone chasing a parse use it.

bats_require_minimum_version 1.5.0

setup() {
	T=$(mktemp -d "${BATS_TMPDIR:-/tmp}/dbgparse.XXXXXX")
	FIX="$MIXLESS_SOURCE_DIR/tests/fixtures/exs/phoenix"
	cd "$T"
}

teardown() {
	cd /
	rm -rf "$T"
}

@test "a good file: FILE: ok, exit 0" {
	printf 'get "/", PageController, :home\n' >router.ex
	run --separate-stderr mixless debug parse router.ex
	[ "$status" -eq 0 ]
	[ "$output" = "router.ex: ok" ]
	[ -z "$stderr" ]
}

@test "a syntax error: FILE:line:col: message on stdout, exit 1" {
	printf 'defmodule Foo do\n  def x do\nend\n' >bad.ex
	run --separate-stderr mixless debug parse bad.ex
	[ "$status" -eq 1 ]
	[ "$output" = 'bad.ex:4:1: missing terminator: end (for "do" starting at line 1)' ]
}

@test "several files: one line each, exit 1 when any failed" {
	printf 'x = 1\n' >a.exs
	printf 'x = )\n' >b.exs
	printf '[1, 2]\n' >c.exs
	run mixless debug parse a.exs b.exs c.exs
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "a.exs: ok" ]
	[ "${lines[1]}" = "b.exs:1:5: unexpected token: )" ]
	[ "${lines[2]}" = "c.exs: ok" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "--ast prints the tree after ok" {
	printf 'plug :accepts, ["html"]\nadd :name, :string, null: false\n' >t.exs
	run mixless debug parse --ast t.exs
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "t.exs: ok" ]
	[ "${lines[1]}" = '(block (call* plug :accepts ["html"]) (call* add :name :string [null: false]))' ]
}

@test "--ast --positions prefixes nodes with line:col" {
	printf 'a +\n  b\n' >t.exs
	run mixless debug parse --ast --positions t.exs
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = '1:1:(+ 1:1:a 2:3:b)' ]
}

@test "the router fixture gives its golden tree" {
	run mixless debug parse --ast "$FIX/router.ex"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "$(cat "$FIX/router.ex.ast")" ]
}

@test "every Phoenix-shaped fixture parses" {
	run mixless debug parse "$FIX"/*.ex "$FIX"/*.exs
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -ge 11 ]
	[[ "$output" != *"error"* ]]
}

@test "a missing file: error on stderr, exit 1, the others still parsed" {
	printf 'x\n' >ok.exs
	run --separate-stderr mixless debug parse nope.exs ok.exs
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nope.exs"*"No such file or directory"* ]]
	[ "$output" = "ok.exs: ok" ]
}

@test "no file: usage error, exit 2" {
	run --separate-stderr mixless debug parse
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"debug parse expects at least one file"* ]]
}

@test "unknown switch: usage error, exit 2" {
	run --separate-stderr mixless debug parse --bogus x.exs
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--bogus"* ]]
}

@test "debug parse stays out of the help listing" {
	run mixless --help
	[ "$status" -eq 0 ]
	[[ "$output" != *"debug"* ]]
}

@test "binary garbage and deep nesting are errors, not crashes" {
	head -c 4096 /dev/urandom >junk.exs || true
	printf '\x00\xff"#{' >>junk.exs
	run mixless debug parse junk.exs
	[ "$status" -eq 1 ]
	[[ "$output" == junk.exs:*:*:* ]]
	{ printf '%.0s[' {1..20000}; printf '%.0s]' {1..20000}; } >deep.exs
	run mixless debug parse deep.exs
	[ "$status" -eq 1 ]
	[[ "$output" == *"nested too deeply"* ]]
}
