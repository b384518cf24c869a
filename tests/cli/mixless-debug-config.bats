#!/usr/bin/env bats
# `mixless debug config`: the project model and config resolution from the
# command line (mix.exs, config.exs + imports + runtime.exs per MIX_ENV).

bats_require_minimum_version 1.5.0

setup() {
	FIX="$MIXLESS_SOURCE_DIR/tests/fixtures/project"
	HELLO="$MIXLESS_SOURCE_DIR/examples/hello"
	unset MIX_ENV DATABASE_URL SECRET_KEY_BASE PHX_SERVER POOL_SIZE
}

@test "prints the project facts and every key with its position" {
	run --separate-stderr mixless debug config -C "$FIX/basic"
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "env: dev" ]
	[ "${lines[2]}" = "app: shop" ]
	[ "${lines[3]}" = "version: 1.2.3" ]
	[ "${lines[4]}" = "base: Shop" ]
	[ "${lines[5]}" = "web: ShopWeb" ]
	[[ "$output" == *"file: config/extra/more.exs"* ]]
	[[ "$output" == *'config :shop, :ecto_repos, [Shop.Repo]  # config/config.exs:3:1'* ]]
	[[ "$output" == *'nested: [a: 1, b: [c: 2, d: 30, e: 4]]'* ]]
}

@test "one value, inspected; keys go through keyword lists" {
	run mixless debug config -C "$FIX/basic" shop Shop.Repo nested b
	[ "$status" -eq 0 ]
	[ "$output" = "[c: 2, d: 30, e: 4]" ]
	run mixless debug config -C "$FIX/basic" --env test shop Shop.Repo database
	[ "$output" = '"shop_test"' ]
}

@test "MIX_ENV selects the env and --set feeds System.get_env" {
	MIX_ENV=prod run mixless debug config -C "$FIX/basic" --set DATABASE_URL=ecto://x/y \
		shop Shop.Repo url
	[ "$status" -eq 0 ]
	[ "$output" = '"ecto://x/y"' ]
}

@test "a raise in runtime.exs is an error at its position, exit 1" {
	run --separate-stderr mixless debug config -C "$FIX/basic" --env prod
	[ "$status" -eq 1 ]
	[ "${stderr_lines[0]}" = "$FIX/basic/config/runtime.exs:10:7: ** (RuntimeError) environment variable DATABASE_URL is missing." ]
	[ -z "$output" ]
}

@test "--no-runtime skips runtime.exs" {
	run mixless debug config -C "$FIX/basic" --env prod --no-runtime shop ShopWeb.Endpoint cache_static_manifest
	[ "$status" -eq 0 ]
	[ "$output" = '"priv/static/cache_manifest.json"' ]
}

@test "an unconfigured key exits 1" {
	run --separate-stderr mixless debug config -C "$FIX/basic" shop nope
	[ "$status" -eq 1 ]
	[ "$stderr" = "mixless: not configured" ]
}

@test "no mix.exs: an error naming the directory" {
	run --separate-stderr mixless debug config -C "$FIX"
	[ "$status" -eq 1 ]
	[ "$stderr" = "mixless: could not find a mix.exs in '$FIX'" ]
}

@test "a bad option is a usage error" {
	run -2 mixless debug config --bogus
}

@test "examples/hello resolves for dev, test and prod" {
	[ -f "$HELLO/mix.exs" ] # part of the repository: never skipped
	run mixless debug config -C "$HELLO" hello Hello.Repo database
	[ "$output" = '"hello_dev"' ]
	run mixless debug config -C "$HELLO" --env test hello Hello.Repo database
	[ "$output" = '"hello_test"' ]
	run mixless debug config -C "$HELLO" --env prod --set DATABASE_URL=ecto://u:p@h/db \
		--set SECRET_KEY_BASE=k hello Hello.Repo url
	[ "$status" -eq 0 ]
	[ "$output" = '"ecto://u:p@h/db"' ]
}

@test "a mix.exs value that cannot be evaluated: a warning, the rest is read" {
	run --separate-stderr mixless debug config -C "$FIX/partial"
	[ "$status" -eq 0 ]
	[ "${lines[2]}" = "app: partial" ]
	[ "${lines[3]}" = "version: 2.0.0" ]
	[ "$stderr" = "warning: mix.exs: project/0 read key by key, skipping what failed: $FIX/partial/mix.exs:15:83: unsupported call Helper.x/0" ]
}

@test "an umbrella root: apps_path and its children, no app" {
	run --separate-stderr mixless debug config -C "$FIX/umbrella"
	[ "$status" -eq 0 ]
	[ "${lines[2]}" = "version: 0.1.0" ]
	[ "${lines[3]}" = "umbrella: apps" ]
	[ "${lines[4]}" = "child: apps/core" ]
	[ "${lines[5]}" = "child: apps/core_web" ]
	run grep -c '^app: ' <<<"$output"
	[ "$output" = "0" ]
}

# lockproj DIR [LOCK-LINE...]: a project whose mix.lock holds those entries
# (no LOCK-LINE: no mix.lock at all).
lockproj() {
	local d=$1
	shift
	mkdir -p "$d"
	printf 'defmodule L.MixProject do\n  use Mix.Project\n  def project, do: [app: :l, version: "0.1.0"]\nend\n' >"$d/mix.exs"
	[ $# -gt 0 ] || return 0
	{
		printf '%%{\n'
		for l in "$@"; do printf '  %s,\n' "$l"; done
		printf '}\n'
	} >"$d/mix.lock"
}

@test "ecto_sql behaviour: the locked release, else 3.14 and why" {
	local t="$BATS_TEST_TMPDIR" hex='"0a1b", [:mix], [], "hexpm", "2c3d"}'
	lockproj "$t/none"
	run mixless debug config -C "$t/none"
	[[ "$output" == *$'\n''ecto_sql behaviour: 3.14 (default: no mix.lock)'* ]]
	lockproj "$t/v312" "\"ecto_sql\": {:hex, :ecto_sql, \"3.12.1\", $hex"
	run mixless debug config -C "$t/v312"
	[[ "$output" == *'ecto_sql behaviour: 3.12 (mix.lock locks ecto_sql 3.12.1)'* ]]
	lockproj "$t/v313" "\"ecto_sql\": {:hex, :ecto_sql, \"3.13.5\", $hex"
	run mixless debug config -C "$t/v313"
	[[ "$output" == *'ecto_sql behaviour: 3.13 (mix.lock locks ecto_sql 3.13.5)'* ]]
	lockproj "$t/other" "\"jason\": {:hex, :jason, \"1.4.4\", $hex"
	run mixless debug config -C "$t/other"
	[[ "$output" == *'ecto_sql behaviour: 3.14 (default: mix.lock has no ecto_sql)'* ]]
	lockproj "$t/git" '"ecto_sql": {:git, "https://github.com/elixir-ecto/ecto_sql.git", "0123abcd", []}'
	run mixless debug config -C "$t/git"
	[[ "$output" == *'ecto_sql behaviour: 3.14 (default: ecto_sql is not a Hex dependency in mix.lock)'* ]]
	lockproj "$t/newer" "\"ecto_sql\": {:hex, :ecto_sql, \"3.15.2\", $hex"
	run mixless debug config -C "$t/newer"
	[[ "$output" == *'ecto_sql behaviour: 3.14 (mix.lock locks ecto_sql 3.15.2; behaving as 3.14, the newest release modelled)'* ]]
	lockproj "$t/older" "\"ecto_sql\": {:hex, :ecto_sql, \"3.9.6\", $hex"
	run mixless debug config -C "$t/older"
	[[ "$output" == *'ecto_sql behaviour: 3.10 (mix.lock locks ecto_sql 3.9.6; behaving as 3.10, the oldest release modelled)'* ]]
}
