#!/usr/bin/env bats
# Differential test: ecto-migrate against the REAL mix ecto.* tasks.
#
# tests/fixtures/golden/ecto-differential/ holds what an app with ecto_sql
# 3.14.0 printed, and the schemas it built, for the migration corpus in
# tests/fixtures/ecto-migrate/differential* (made by regen.sh there;
# README.txt says how). Here ecto-migrate runs the same commands on the same
# files, and its output, normalised the same way (normalise.sh), must equal
# mix's: log lines, SQL, status tables, messages, exit codes, the exception
# mix printed, pg_dump --schema-only and the schema_migrations rows.
#
# With MIXLESS_ECTO_SQL_LOCK=3.12.1 (or 3.13.5) the test project's mix.lock
# locks that release, and the files of ecto-differential-3.12/ (-3.13/),
# what that release printed where it differs from 3.14, replace the 3.14
# ones (ctest runs this file once per release).
#
# The tests of this file run in order and share the databases.

bats_require_minimum_version 1.5.0
load ../helpers/pg

G="$MIXLESS_SOURCE_DIR/tests/fixtures/golden/ecto-differential"
# The older release's own files, where it differs (empty: none).
GO=""
if [ -n "${MIXLESS_ECTO_SQL_LOCK:-}" ]; then
	GO="$G-${MIXLESS_ECTO_SQL_LOCK%.*}"
fi
F="$MIXLESS_SOURCE_DIR/tests/fixtures/ecto-migrate"
. "$G/normalise.sh"

setup_file() {
	pg_start
	local root="$BATS_FILE_TMPDIR"
	mkdir -p "$root/app/config" "$root/cfg/config"
	for d in app cfg; do
		printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0"]\n  end\nend\n' >"$root/$d/mix.exs"
		# Phoenix's dev.exs sets stacktrace: true, as the goldens' app did.
		printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n\nconfig :hello, Hello.Repo, stacktrace: true\n' >"$root/$d/config/config.exs"
		if [ -n "${MIXLESS_ECTO_SQL_LOCK:-}" ]; then
			printf '%%{\n  "ecto_sql": {:hex, :ecto_sql, "%s", "c0d0", [:mix], [], "hexpm", "aff5"},\n}\n' \
				"$MIXLESS_ECTO_SQL_LOCK" >"$root/$d/mix.lock"
		fi
	done
	# The repo options of the goldens' cfg.* runs (README.txt).
	cat >>"$root/cfg/config/config.exs" <<'CFG'

config :hello, Hello.Repo,
  migration_primary_key: [type: :binary_id],
  migration_foreign_key: [type: :binary_id],
  migration_timestamps: [type: :utc_datetime],
  migration_default_prefix: "app"
CFG
	export APPDIR="$root/app" CFGDIR="$root/cfg"
}

teardown_file() {
	pg_stop
}

setup() {
	export NO_COLOR=1
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/hello_dev"
	cd "$APPDIR"
}

# same NAME ARGS... : runs `ecto-migrate ARGS...` and compares its exit code,
# normalised stdout and exception with mix's (NAME.out, NAME.err, exit-codes.txt).
same() {
	local name=$1 want_rc rc=0
	shift
	local g=$G
	if [ -n "$GO" ] && [ -f "$GO/$name.out" ]; then
		g=$GO
	fi
	ecto-migrate "$@" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	want_rc=$(awk -v n="$name" '$1 == n { print $2 }' "$G/exit-codes.txt")
	diff -u "$g/$name.out" <(diff_norm_out <"$BATS_TEST_TMPDIR/out")
	if [ -f "$g/$name.err" ]; then
		diff -u "$g/$name.err" <(diff_norm_err <"$BATS_TEST_TMPDIR/err")
	fi
	if [ "$rc" != "$want_rc" ]; then
		echo "exit code $rc, mix exited $want_rc" >&2
		cat "$BATS_TEST_TMPDIR/err" >&2
		return 1
	fi
}

schema() { # schema DB
	pg_dump -h 127.0.0.1 -p "$PGPORT" -U postgres --schema-only "$1" | diff_norm_dump
}

versions() { # versions DB
	pg_psql "$1" -c 'SELECT version FROM schema_migrations ORDER BY version'
}

M="--migrations-path $F/differential"

@test "create: has been created, has already been created" {
	same create.new create
	same create.exists create
}

@test "migrations before migrating: every row down" {
	same migrations.before migrations $M
}

@test "migrate --log-migrations-sql: the same log lines and SQL as mix" {
	same migrate migrate $M --log-migrations-sql
}

@test "migrate again: Migrations already up" {
	same migrate.noop migrate $M
}

@test "the migrated schema is pg_dump-identical to mix's, with the same versions" {
	same migrations.up migrations $M
	diff -u "$G/schema.up.sql" <(schema hello_dev)
	diff -u "$G/versions.up.txt" <(versions hello_dev)
}

@test "dump: the message and the file mix wrote (pg_dump + version INSERTs)" {
	mkdir -p priv/repo
	same dump dump -d priv/repo/diff-structure.sql
	diff -u "$G/structure.sql" <(diff_norm_dump <priv/repo/diff-structure.sql)
}

@test "migrations with files gone: ** FILE NOT FOUND ** rows" {
	local sub="$BATS_TEST_TMPDIR/subset"
	mkdir "$sub"
	cp "$F"/differential/*.exs "$sub/"
	rm "$sub"/20250101000015_* "$sub"/20250101000003_*
	same migrations.missing migrations --migrations-path "$sub"
}

@test "rollback --all --log-migrations-sql: the same reversal as mix" {
	same rollback rollback --all $M --log-migrations-sql
	same rollback.noop rollback $M
	same migrations.down migrations $M
	diff -u "$G/schema.down.sql" <(schema hello_dev)
	[ "$(versions hello_dev)" = "" ]
}

@test "--step, --to with --quiet, --to-exclusive, rollback --to/--to-exclusive/-n" {
	same migrate.step migrate $M --step 3
	same migrate.to migrate $M --to 20250101000006 --quiet
	same rollback.to rollback $M --to 20250101000005
	same migrations.partial migrations $M
	same migrate.toex migrate $M --to-exclusive 20250101000008
	same rollback.toex rollback $M --to-exclusive 20250101000003 --log-migrations-sql
	same rollback.step rollback $M -n 2
	same migrations.end migrations $M
}

@test "--log-migrator-sql: the migrator's own SQL, locks and callers as mix logs them" {
	local X="--migrations-path $F/differential-migrator"
	same migrator.migrate migrate $X --log-migrator-sql
	same migrator.rollback rollback --all $X --log-migrator-sql
}

@test "--prefix: schema_migrations and lock in the schema; a failure's rollback logged" {
	pg_psql hello_dev -c 'CREATE SCHEMA app'
	same prefix.migrate migrate --prefix app --migrations-path "$F/differential-migrator" \
		--log-migrations-sql --log-migrator-sql
	diff -u "$G/prefix.versions.txt" <(pg_psql hello_dev -c 'SELECT version FROM app.schema_migrations ORDER BY version')
}

@test "drop: has been dropped, has already been dropped" {
	same drop drop
	same drop.absent drop
}

@test "load: fresh, again (prompt, no answer), --skip-if-loaded, --force (psql's error)" {
	same load.create create
	same load.new load -d priv/repo/diff-structure.sql </dev/null
	diff -u "$G/load.versions.txt" <(versions hello_dev)
	same load.again load -d priv/repo/diff-structure.sql </dev/null
	same load.skip load -d priv/repo/diff-structure.sql --skip-if-loaded
	same load.force load -d priv/repo/diff-structure.sql --force
}

@test "repo options (binary_id keys, utc timestamps, default prefix): same SQL and schema" {
	cd "$CFGDIR"
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/hello_cfg"
	local C="--migrations-path $F/differential-config"
	same cfg.create create
	pg_psql hello_cfg -c 'CREATE SCHEMA app'
	same cfg.migrate migrate $C --log-migrations-sql
	same cfg.migrations migrations $C
	diff -u "$G/cfg.schema.up.sql" <(schema hello_cfg)
	same cfg.rollback rollback --all $C --log-migrations-sql
	diff -u "$G/cfg.schema.down.sql" <(schema hello_cfg)
}

errcase() { # errcase CASE: fresh database, then migrate as mix did
	local c=$1
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/err_$c"
	ecto-migrate create >/dev/null
	same "err.$c.migrate" migrate --migrations-path "$F/differential-errors/$c" --log-migrations-sql
	diff -u "$G/err.$c.versions.txt" <(versions "err_$c")
}

@test "a PostgreSQL error with a detail: Postgrex.Error's message, earlier migrations kept" {
	errcase pgerror
}

@test "a check violation: Postgrex.Error's table/constraint lines, nothing kept" {
	errcase checkfail
}

@test "an irreversible change/0 rolled back: Ecto.MigrationError, nothing reverted" {
	errcase irreversible
	same err.irreversible.rollback rollback --all --migrations-path "$F/differential-errors/irreversible" --log-migrations-sql
	diff -u "$G/err.irreversible.versions.after.txt" <(versions err_irreversible)
}

@test "duplicate versions: Ecto.MigrationError, nothing run" {
	errcase duplicate
}
