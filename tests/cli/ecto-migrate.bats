#!/usr/bin/env bats
# ecto-migrate's command line, without a database: switches (mix's names,
# aliases, strictness), usage errors (exit 2), and the errors that come
# before any connection. Everything needing PostgreSQL is in
# tests/integration/ecto-migrate*.bats.

bats_require_minimum_version 1.5.0

setup() {
	PROJ=$(mktemp -d "${BATS_TMPDIR:-/tmp}/em-cli.XXXXXX")
	mkdir -p "$PROJ/priv/repo/migrations"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0"]\n  end\nend\n' >"$PROJ/mix.exs"
	mkdir -p "$PROJ/config"
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n' >"$PROJ/config/config.exs"
	cd "$PROJ"
	unset DATABASE_URL PGHOST PGPORT PGUSER PGDATABASE
	# a port where nothing listens: connections are refused at once
	DEAD_URL="postgres://bob:s3cr3tpw@127.0.0.1:1/hello_dev"
}

teardown() {
	cd /
	rm -rf "$PROJ"
}

@test "no command: usage on stderr, exit 2" {
	run --separate-stderr ecto-migrate
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"Usage: ecto-migrate COMMAND [options]"* ]]
}

@test "--help lists every command with its mix task" {
	run ecto-migrate --help
	[ "$status" -eq 0 ]
	for c in create drop migrate rollback migrations dump load setup reset; do
		[[ "$output" == *"  $c "* ]]
	done
	[[ "$output" == *"(mix ecto.migrate)"* ]]
	[[ "$output" == *"(mix ecto.migrations)"* ]]
}

@test "--version names the Phoenix and ecto_sql it follows" {
	run ecto-migrate --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^ecto-migrate\ [0-9]+\.[0-9]+\.[0-9]+\ \(Phoenix\ 1\.7\.[0-9]+,\ ecto_sql\ 3\.14\.[0-9]+\)$ ]]
}

@test "an unknown command is a usage error" {
	run --separate-stderr ecto-migrate frobnicate
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown command 'frobnicate'"* ]]
}

@test "commands answer to mix's spelling too (ecto.migrate)" {
	run ecto-migrate ecto.migrate --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"Usage: ecto-migrate migrate [options]"* ]]
}

@test "migrate --help shows ecto.migrate's switches and aliases" {
	run ecto-migrate migrate --help
	[ "$status" -eq 0 ]
	for s in "--all" "-n, --step N" "--to VERSION" "--to-exclusive VERSION" "--quiet" \
		"--prefix PREFIX" "--pool-size N" "--log-level LEVEL" "--log-migrations-sql" \
		"--log-migrator-sql" "--strict-version-order" "-r, --repo REPO" \
		"--migrations-path DIR" "--dry-run" "--lock KIND" "--lock-timeout SECONDS" \
		"--wait[=SECONDS]" "--url URL"; do
		[[ "$output" == *"$s"* ]] || { echo "missing: $s"; return 1; }
	done
}

@test "an unknown switch is a usage error naming it" {
	run --separate-stderr ecto-migrate migrate --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown option '--bogus'"* ]]
	[[ "$stderr" == *"Try 'ecto-migrate --help'"* ]]
}

@test "migrate has no -q alias (ecto.migrate's aliases are only -n and -r)" {
	run --separate-stderr ecto-migrate migrate -q
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown option '-q'"* ]]
}

@test "create, drop, dump and load do take -q" {
	for c in create drop dump load; do
		run ecto-migrate "$c" --help
		[[ "$output" == *"-q, --quiet"* ]] || { echo "$c"; return 1; }
	done
}

@test "rollback rejects --strict-version-order, as ecto.rollback's strict parser does" {
	run --separate-stderr ecto-migrate rollback --strict-version-order
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown option '--strict-version-order'"* ]]
}

@test "--step takes an integer" {
	run --separate-stderr ecto-migrate migrate --step two
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--step"* ]]
	run --separate-stderr ecto-migrate migrate -n
	[ "$status" -eq 2 ]
}

@test "--to_exclusive (underscore) is the same switch, as OptionParser allows" {
	run --separate-stderr ecto-migrate migrate --to_exclusive x
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"expects an integer"* ]]
}

@test "--log-level must be a Logger level" {
	run --separate-stderr ecto-migrate migrate --log-level loud
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--log-level"*"loud"* ]]
}

@test "--lock must be table or advisory" {
	run --separate-stderr ecto-migrate migrate --lock sideways
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"'--lock' expects table or advisory, got 'sideways'"* ]]
}

@test "migrations --format must be text or json" {
	run --separate-stderr ecto-migrate migrations --format xml
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"'--format' expects text or json"* ]]
}

@test "a missing migrations directory is Ecto's error, exit 1" {
	rmdir priv/repo/migrations
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) Could not find migrations directory \"priv/repo/migrations\""$'\n'"for repo Hello.Repo."* ]]
	[[ "$stderr" == *"Creating an"$'\n'"empty directory at the path above will fix this error."* ]]
}

@test "no :ecto_repos configured: Ecto's warning, nothing to do" {
	printf 'import Config\n' >config/config.exs
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[ "$status" -eq 0 ]
	[[ "$stderr" == "warning: could not find Ecto repos in any of the apps: [:hello]."* ]]
	[[ "$stderr" == *"    config :hello, ecto_repos: [...]"* ]]
}

@test "the repo comes from :ecto_repos, or -r (priv follows the repo's last segment)" {
	rmdir priv/repo/migrations
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo, Hello.OtherRepo]\nconfig :hello, Hello.OtherRepo, priv: "priv/other"\n' >config/config.exs
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"\"priv/repo/migrations\""$'\n'"for repo Hello.Repo."* ]]
	mkdir -p priv/repo/migrations
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[[ "$stderr" == *"could not connect to the database of Hello.Repo"* ]]
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL" -r Hello.OtherRepo
	[[ "$stderr" == *"\"priv/other/migrations\""$'\n'"for repo Hello.OtherRepo."* ]]
	rmdir priv/repo/migrations
	run --separate-stderr ecto-migrate migrate -r Hello.MyThirdRepo --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"\"priv/my_third_repo/migrations\""$'\n'"for repo Hello.MyThirdRepo."* ]]
}

@test "outside a project without -r: a clear error" {
	cd "$BATS_TMPDIR"
	mkdir -p "em-empty-$$" && cd "em-empty-$$"
	run --separate-stderr ecto-migrate migrate
	cd .. && rmdir "em-empty-$$"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"no Ecto repo"*"-r"* ]]
}

@test "-C DIR runs in another project" {
	cd /
	run --separate-stderr ecto-migrate migrations -C "$PROJ" --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"Hello.Repo"* ]]
}

@test "database down: a clear error, exit 1, and the password is never shown" {
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not connect to the database of Hello.Repo"* ]]
	[[ "$stderr" == *"127.0.0.1"* ]]
	[[ "$stderr$output" != *"s3cr3tpw"* ]]
}

@test "DATABASE_URL is used when there is no --url" {
	DATABASE_URL="$DEAD_URL" run --separate-stderr ecto-migrate migrations
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"port 1 failed"* ]]
	[[ "$stderr$output" != *"s3cr3tpw"* ]]
}

@test "ecto:// URLs and Ecto-only query parameters are accepted" {
	run --separate-stderr ecto-migrate migrations --url "ecto://bob:s3cr3tpw@127.0.0.1:1/hello_dev?pool_size=10&ssl=false"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not connect"*"port 1 failed"* ]]
	[[ "$stderr" != *"invalid"* ]]
	[[ "$stderr$output" != *"s3cr3tpw"* ]]
}

@test "create when the server is down: Ecto's first words, the reason, a remedy" {
	run --separate-stderr ecto-migrate create --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) The database for Hello.Repo couldn't be created: "*"Connection refused"* ]]
	[[ "$stderr" == *"--wait"* ]]
	[[ "$stderr$output" != *"s3cr3tpw"* ]]
}

@test "drop when the server is down says couldn't be dropped" {
	run --separate-stderr ecto-migrate drop --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) The database for Hello.Repo couldn't be dropped: "* ]]
}

@test "--wait retries until its deadline, then fails with the same error" {
	start=$(date +%s%N)
	# a run that ignored its deadline would never end: timeout's 124 says so
	run --separate-stderr timeout 120 ecto-migrate migrations --url "$DEAD_URL" --wait=2
	end=$(date +%s%N)
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"waiting for the database of Hello.Repo"* ]]
	[[ "$stderr" == *"could not connect"* ]]
	# it kept trying for its 2 s
	[ $(((end - start) / 1000000)) -ge 2000 ]
}

@test "--wait takes seconds" {
	run --separate-stderr ecto-migrate migrate --wait=soon
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--wait"* ]]
}

@test "a migration ending in .ex is skipped with Ecto's warning" {
	printf 'defmodule M do\nend\n' >priv/repo/migrations/20240101000000_oops.ex
	run --separate-stderr ecto-migrate migrate --url "$DEAD_URL"
	[[ "$stderr" == *"warning: file looks like a migration but ends in .ex. Migration files should end in .exs."* ]]
	[[ "$stderr" == *"└─ priv/repo/migrations/20240101000000_oops.ex: (file)"* ]]
}

@test "--pool-size 1 is refused with ecto_sql's explanation" {
	run --separate-stderr ecto-migrate migrate --pool-size 1 --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) Migrations failed to run because the connection pool size is less than 2."* ]]
}

@test "setup and reset take --seeds FILE.sql" {
	run ecto-migrate setup --help
	[[ "$output" == *"--seeds FILE.sql"* ]]
	run ecto-migrate reset --help
	[[ "$output" == *"--seeds FILE.sql"* ]]
	[[ "$output" == *"-f, --force"* ]]
}

@test "--no-compile and --no-deps-check are accepted, as mix forwards them" {
	run --separate-stderr ecto-migrate migrate --no-compile --no-deps-check --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not connect"* ]]
	run --separate-stderr ecto-migrate create --no-compile --url "$DEAD_URL"
	[ "$status" -eq 1 ]
}

@test "migrations with a missing migrations directory: Ecto's error, relative path" {
	rmdir priv/repo/migrations
	run --separate-stderr ecto-migrate migrations --url "$DEAD_URL"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) Could not find migrations directory \"priv/repo/migrations\""$'\n'"for repo Hello.Repo."* ]]
}
