#!/usr/bin/env bats
# The switches every tool and command shares, spelt and worded once
# (-C/--directory DIR, -q/--quiet, -h/--help, --version), the one way into a
# project (-C DIR), and what the build makes from the command entries (the
# hidden --list-commands and --man).

bats_require_minimum_version 1.5.0

TOOLS="ecto-migrate phx-digest phx-gen phx-routes"
DIR_ROW='  -C, --directory DIR       Project root (default: the nearest directory upward with mix.exs)'
QUIET_HELP='Print nothing on success'

setup() {
	TMP=$(mktemp -d "${BATS_TMPDIR:-/tmp}/common.XXXXXX")
	mkdir -p "$TMP/nomix" "$TMP/proj/config"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n  def project, do: [app: :hello]\nend\n' >"$TMP/proj/mix.exs"
	printf 'import Config\nconfig :hello, ecto_repos: [Hello.Repo]\n' >"$TMP/proj/config/config.exs"
	unset DATABASE_URL PGHOST PGPORT PGUSER PGDATABASE
	cd "$TMP"
}

teardown() {
	cd /
	rm -rf "$TMP"
}

# Every command of every tool, as "tool [command]" words: the tools' own
# lists (--list-commands: task, command, shortdoc; an empty command is the
# default one) and mixless's own commands.
all_commands() {
	local t name
	for t in $TOOLS; do
		while read -r name; do
			echo "$t${name:+ $name}"
		done < <("$t" --list-commands | cut -f2)
	done
	printf '%s\n' "mixless help" "mixless ecto" "mixless phx" "mixless phx.gen" "mixless phx.server" "mixless debug parse" "mixless debug config"
}

@test "--list-commands names every task once, with its command and mix's shortdoc" {
	run --separate-stderr ecto-migrate --list-commands
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 9 ]
	[ "${lines[2]}" = $'ecto.migrate\tmigrate\tRuns the repository migrations' ]
	[ "${lines[7]}" = $'ecto.setup\tsetup\tAlias defined in mix.exs' ]
	run phx-digest --list-commands
	[ "$output" = $'phx.digest\t\tDigests and compresses static files\nphx.digest.clean\tclean\tRemoves old versions of static assets.' ]
	run phx-gen --list-commands
	[ "${#lines[@]}" -eq 16 ]
	# mixless's task list is exactly the tools' lists, sorted as mix help sorts
	expected=$(for t in $TOOLS mixless; do "$t" --list-commands; done | cut -f1 | LC_ALL=C sort)
	run mixless help
	[ "$(printf '%s\n' "${lines[@]}" | awk '{print $2}')" = "$expected" ]
}

@test "every command: -h/--help, --version, and -C and -q spelt and worded once" {
	ndir=0 nquiet=0
	while read -r words; do
		run --separate-stderr $words --help
		[ "$status" -eq 0 ] || { echo "$words --help: $status $stderr"; return 1; }
		[[ "$output" == "Usage: $words"* ]] || { echo "$words --help: $output"; return 1; }
		[[ "$output" == *$'\nOptions:\n'* ]] || { echo "$words: no options"; return 1; }
		[[ "$output" == *'  -h, --help                Show this help'* ]] || { echo "$words"; return 1; }
		[[ "$output" == *'      --version             Show the version'* ]] || { echo "$words"; return 1; }
		[ -z "$stderr" ]
		if [[ "$output" == *"-C"* ]]; then
			[[ "$output" == *"$DIR_ROW"* ]] || { echo "$words: $output"; return 1; }
			ndir=$((ndir + 1))
		fi
		if [[ "$output" == *"--quiet"* ]]; then
			grep -E -- '--quiet  ' <<<"$output" | grep -qF "$QUIET_HELP" || { echo "$words: $output"; return 1; }
			nquiet=$((nquiet + 1))
		fi
		run --separate-stderr $words --version
		[ "$status" -eq 0 ] || { echo "$words: $status $stderr"; return 1; }
		[[ "$output" =~ \ [0-9]+\.[0-9]+\.[0-9]+\ \(Phoenix\ 1\.7\.[0-9]+,\ ecto_sql\ 3\.[0-9]+\.[0-9]+\)$ ]] || { echo "$words: $output"; return 1; }
	done < <(all_commands)
	# -C: the ecto commands, digest and clean, routes, debug config, the
	# phx-gen generators that run (schema, context, embedded, html, json,
	# live, ecto.gen.migration, ecto.gen.repo, auth, cert, channel, socket,
	# presence, notifier) and phx-gen task;
	# --quiet: the ecto commands but migrations, digest and clean
	[ "$ndir" -eq 28 ]
	[ "$nquiet" -eq 10 ]
	# -h is --help
	for words in "ecto-migrate migrate" "phx-digest" "phx-gen html" "mixless debug config"; do
		[ "$($words -h)" = "$($words --help)" ]
	done
	# ecto.migrate and ecto.rollback take --quiet but not -q, as Ecto
	run ecto-migrate create --help
	[[ "$output" == *"  -q, --quiet "* ]]
	run ecto-migrate rollback --help
	[[ "$output" == *"      --quiet "* ]]
}

@test "-C DIR without mix.exs: one message wherever the command needs the project" {
	for words in "ecto-migrate migrate" "ecto-migrate migrations" "phx-routes" "mixless debug config"; do
		run --separate-stderr $words -C nomix
		[ "$status" -eq 1 ] || { echo "$words: $status"; return 1; }
		[ "$stderr" = "${words%% *}: could not find a mix.exs in 'nomix'" ] || { echo "$words: $stderr"; return 1; }
		run --separate-stderr $words --directory "$TMP/nomix"
		[ "$stderr" = "${words%% *}: could not find a mix.exs in '$TMP/nomix'" ] || { echo "$words: $stderr"; return 1; }
	done
}

@test "-C DIR without mix.exs: phx-digest digests and cleans the directory as it stands" {
	mkdir -p nomix/priv/static/js
	echo 'x' >nomix/priv/static/js/app.js
	run phx-digest -C nomix
	[ "$status" -eq 0 ]
	[ "$output" = 'Check your digested files at "priv/static"' ]
	[ -f nomix/priv/static/cache_manifest.json ]
	run phx-digest clean --directory nomix --all
	[ "$status" -eq 0 ]
	[ "$output" = 'Clean complete for "priv/static"' ]
	[ ! -e nomix/priv/static/cache_manifest.json ]
}

@test "-C DIR without mix.exs: ecto-migrate goes on with -r and a URL, as without -C" {
	mkdir -p nomix/priv/repo/migrations
	run --separate-stderr ecto-migrate migrations -C nomix -r Hello.Repo --url postgres://u@127.0.0.1:1/x
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not connect to the database of Hello.Repo"* ]]
}

@test "-C DIR that is not a directory: one message on every tool" {
	touch afile
	for words in "ecto-migrate migrate" "phx-digest" "phx-digest clean" "phx-routes" "mixless debug config"; do
		run --separate-stderr $words -C missing
		[ "$status" -eq 1 ] || { echo "$words: $status"; return 1; }
		[ "$stderr" = "${words%% *}: cannot change to 'missing': No such file or directory" ] || { echo "$words: $stderr"; return 1; }
		run --separate-stderr $words -C afile
		[ "$stderr" = "${words%% *}: cannot change to 'afile': Not a directory" ] || { echo "$words: $stderr"; return 1; }
	done
}

@test "-C DIR with mix.exs enters the project on every tool" {
	cd /
	run --separate-stderr ecto-migrate migrations --directory "$TMP/proj" --url postgres://u@127.0.0.1:1/x
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Hello.Repo"* ]]
	run --separate-stderr mixless debug config --directory "$TMP/proj" hello ecto_repos
	[ "$status" -eq 0 ]
	[ "$output" = "[Hello.Repo]" ]
	run --separate-stderr phx-routes -C "$TMP/proj"
	[[ "$stderr" == "phx-routes: no router found at HelloWeb.Router or Hello.Router."* ]]
}

@test "generators parse as Phoenix does: strict for auth and cert, lenient for the others" {
	# --bogus is ignored, so the run goes as far as looking for the project
	run --separate-stderr phx-gen html Accounts User users --bogus x --web Admin
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Could not find a Mix.Project"* ]]
	run --separate-stderr phx-gen auth Accounts User users --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown option '--bogus'"* ]]
	# the known switches parse, so the run goes on to look for the project
	run --separate-stderr phx-gen auth Accounts User users --no-live --hashing-lib argon2
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Could not find a Mix.Project"* ]]
}

@test "--man: a page per tool from its entries, every command with its documentation" {
	run --separate-stderr ecto-migrate --man
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == '.TH "ECTO-MIGRATE" 1 '* ]]
	for c in create drop migrate rollback migrations dump load setup reset; do
		[[ "$output" == *".SH \"ecto-migrate $c\""* ]] || { echo "missing $c"; return 1; }
	done
	# the whole doc, not only --help's first paragraph
	[[ "$output" == *"A database migrated partly by mix and partly by ecto-migrate"* ]]
	# the man page the build installs is that page
	[ "$(cat "$MIXLESS_BUILD_DIR/man/ecto-migrate.1")" = "$output" ]
	run mixless --man
	[[ "$output" == *'.SH "mixless help"'* ]]
	[[ "$output" != *'debug'* ]]
}
