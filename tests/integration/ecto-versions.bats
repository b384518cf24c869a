#!/usr/bin/env bats
# ecto-migrate behaves as the ecto_sql release the project's mix.lock locks
# (3.14 when none): the features that differ between releases, run per
# release against what the REAL mix tasks of ecto_sql 3.12.1, 3.13.5 and
# 3.14.0 printed and built for the same migrations
# (tests/fixtures/golden/ecto-versions/<release>/, made by regen.sh there
# from tests/fixtures/ecto-migrate/versions/<case>/; README.txt says how).
#
# Each test is one release: a project whose mix.lock locks it, then for
# each case a fresh database, migrate --log-migrations-sql, the schema, and
# rollback --all --log-migrations-sql, all compared with mix's.

bats_require_minimum_version 1.5.0
load ../helpers/pg

G="$MIXLESS_SOURCE_DIR/tests/fixtures/golden/ecto-versions"
F="$MIXLESS_SOURCE_DIR/tests/fixtures/ecto-migrate/versions"
. "$MIXLESS_SOURCE_DIR/tests/fixtures/golden/ecto-differential/normalise.sh"

setup_file() {
	pg_start
}

teardown_file() {
	pg_stop
}

# project VERSION: a project locking ecto_sql VERSION ("" = no mix.lock).
project() {
	local d="$BATS_TEST_TMPDIR/app"
	mkdir -p "$d/config"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0"]\n  end\nend\n' >"$d/mix.exs"
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n\nconfig :hello, Hello.Repo, stacktrace: true\n' >"$d/config/config.exs"
	if [ -n "$1" ]; then
		printf '%%{\n  "ecto_sql": {:hex, :ecto_sql, "%s", "0a", [:mix], [], "hexpm", "1b"},\n}\n' "$1" >"$d/mix.lock"
	fi
	cd "$d"
	export NO_COLOR=1 DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/hello_dev"
}

# same REL NAME ARGS... : `ecto-migrate ARGS...` against REL/NAME.out,
# REL/NAME.err and REL/exit-codes.txt.
same() {
	local rel=$1 name=$2 want_rc rc=0
	shift 2
	ecto-migrate "$@" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	want_rc=$(awk -v n="$name" '$1 == n { print $2 }' "$G/$rel/exit-codes.txt")
	diff -u "$G/$rel/$name.out" <(diff_norm_out <"$BATS_TEST_TMPDIR/out")
	if [ -f "$G/$rel/$name.err" ]; then
		diff -u "$G/$rel/$name.err" <(diff_norm_err <"$BATS_TEST_TMPDIR/err")
	fi
	if [ "$rc" != "$want_rc" ]; then
		echo "$name: exit code $rc, mix exited $want_rc" >&2
		cat "$BATS_TEST_TMPDIR/err" >&2
		return 1
	fi
}

timezone_setting() {
	pg_psql -c "SELECT coalesce(array_to_string(setconfig, ','), '') FROM pg_database d
	  LEFT JOIN pg_db_role_setting s ON s.setdatabase = d.oid WHERE d.datname = 'hello_dev'"
}

# release REL: every case of the corpus as that release's mix ran it.
release() {
	local rel=$1 c
	ecto-migrate drop >/dev/null 2>&1 || true
	same "$rel" create create
	diff -u "$G/$rel/create.timezone.txt" <(timezone_setting)
	for c in modifiers collation directions set_default; do
		ecto-migrate drop >/dev/null && ecto-migrate create >/dev/null
		same "$rel" "$c.migrate" migrate --migrations-path "$F/$c" --log-migrations-sql
		diff -u "$G/$rel/$c.schema.sql" <(pg_dump -h 127.0.0.1 -p "$PGPORT" -U postgres \
			--schema-only hello_dev | diff_norm_dump)
		same "$rel" "$c.rollback" rollback --all --migrations-path "$F/$c" --log-migrations-sql
	done
	ecto-migrate drop >/dev/null
}

@test "no mix.lock: ecto_sql 3.14 (unlogged tables, collations, directions, SET DEFAULT, timezone)" {
	project ""
	release 3.14
}

@test "mix.lock locks 3.13.5: no table modifiers, no timezone, 'forward' after up/0" {
	project 3.13.5
	release 3.13
}

@test "mix.lock locks 3.12.1: none of the 3.13 DSL either" {
	project 3.12.1
	release 3.12
}

@test "ecto.create's timezone: the repo's :timezone, and nil sets none" {
	project ""
	printf 'config :hello, Hello.Repo, timezone: "America/Sao_Paulo"\n' >>config/config.exs
	ecto-migrate drop >/dev/null 2>&1 || true
	ecto-migrate create
	[ "$(timezone_setting)" = "TimeZone=America/Sao_Paulo" ]
	ecto-migrate drop
	printf 'config :hello, Hello.Repo, timezone: nil\n' >>config/config.exs
	ecto-migrate create
	[ "$(timezone_setting)" = "" ]
	ecto-migrate drop
}
