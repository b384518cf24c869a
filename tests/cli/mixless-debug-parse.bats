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

# Differential tests against Elixir's own parser. mixless never needs Elixir;
# where one is installed, these check every snippet of the corpora gives
# the tree Code.string_to_quoted/2 gives (printed by quoted_sexp.exs in
# mx_ast_print's form), and every broken one Elixir's first error line.
differential() { # corpus, mode (tree|error)
	command -v elixir >/dev/null || skip "elixir is not installed"
	mkdir -p "$T/d"
	elixir "$MIXLESS_SOURCE_DIR/tests/fixtures/exs/quoted_sexp.exs" \
		"$MIXLESS_SOURCE_DIR/tests/fixtures/exs/$1" "$T/d" >"$T/elixir.out"
	local n=0 bad=0 f want got
	while IFS=$'\t' read -r f want; do
		n=$((n + 1))
		got=$(mixless debug parse --ast "$f" | sed -n 2p)
		if [ "$2" = tree ] && [[ "$want" == ERROR* ]]; then
			# Elixir rejects it: mixless must too (the message is
			# the other corpus's business)
			mixless debug parse "$f" >/dev/null && got=accepted || got=$want
		elif [ "$2" = error ]; then
			got=$(mixless debug parse "$f" | head -n 1)
			got="nofile:${got#"$f:"}"
			want=${want#ERROR }
		fi
		if [ "$got" != "$want" ]; then
			bad=$((bad + 1))
			printf '%s\n  mixless: %s\n  elixir:  %s\n' "$(cat "$f")" "$got" "$want" >&3
		fi
	done <"$T/elixir.out"
	echo "# $n snippets compared" >&3
	[ "$n" -gt 300 ]
	[ "$bad" -eq 0 ]
}

@test "trees agree with Elixir's parser (differential.txt; needs elixir)" {
	differential differential.txt tree
}

@test "syntax errors agree with Elixir's parser (differential-errors.txt; needs elixir)" {
	differential differential-errors.txt error
}
