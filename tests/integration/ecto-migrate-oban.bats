#!/usr/bin/env bats
# Oban's migrations (Oban.Migrations.up/down, Oban.Migration.up/down) run by
# ecto-migrate, against what the real ones did.
#
# tests/fixtures/ecto-migrate/oban/<scenario>/ holds the migrations of each
# scenario; expected/<scenario>.<n>.{out,err,rc,sql} what the real
# `mix ecto.migrate` / `mix ecto.rollback` printed for the n-th command of the
# scenario (stdout, the exception, the exit code) and the schema it left
# (pg_dump --schema-only; <scenario>.<n>.same names an earlier identical
# one instead), in the reference Phoenix 1.7.24 app (ecto_sql
# 3.14.0) with Oban 2.23.1 as a dependency. Here ecto-migrate runs the same
# commands on a fresh database per scenario; normalised as the differential
# goldens are (normalise.sh), each must match. A "sql:..." command is SQL run
# between two (numbered all the same).
#
# One difference is masked, not ecto-migrate's business here: ecto_sql 3.14
# logs "== Running ... up/0" without 3.12's " forward" (issue #14's fidelity
# part).

bats_require_minimum_version 1.5.0
load ../helpers/pg

F="$MIXLESS_SOURCE_DIR/tests/fixtures/ecto-migrate/oban"
E="$F/expected"
. "$MIXLESS_SOURCE_DIR/tests/fixtures/golden/ecto-differential/normalise.sh"

setup_file() {
	pg_start
}

teardown_file() {
	pg_stop
}

setup() {
	export NO_COLOR=1
	APP="$BATS_TEST_TMPDIR/app"
	mkdir -p "$APP/config" "$APP/priv/repo/migrations"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0"]\n  end\nend\n' >"$APP/mix.exs"
	# Phoenix's dev.exs sets stacktrace: true, as the reference app's did.
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n\nconfig :hello, Hello.Repo, stacktrace: true\n' >"$APP/config/config.exs"
	cd "$APP"
}

# 3.12's " forward" after up/0 and down/0 (see the header).
no_forward() {
	sed -E 's/\.(up|down)\/0 forward$/.\1\/0/'
}

# The exception's first lines: mix goes on with the arguments and the stack
# trace (indented), ecto-migrate with the migration's context.
exception() {
	diff_norm_err | grep -v '^    ' | cat -s | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

# scenario NAME CMD...: the fixture migrations NAME on database oban_NAME,
# then each CMD ("migrate --step 1", "sql:COMMENT ...") compared with mix's.
scenario() {
	local name=$1 db="oban_$1" i=0 cmd rc want dump
	shift
	cp "$F/$name"/*.exs priv/repo/migrations/
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$db"
	ecto-migrate create >/dev/null
	for cmd in "$@"; do
		i=$((i + 1))
		if [ "${cmd#sql:}" != "$cmd" ]; then
			pg_psql "$db" -c "${cmd#sql:}"
			continue
		fi
		rc=0
		# shellcheck disable=SC2086 # cmd is words
		ecto-migrate $cmd >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
		want=$(cat "$E/$name.$i.rc")
		if [ "$rc" != "$want" ]; then
			echo "$name #$i ($cmd): exit $rc, mix exited $want"
			cat "$BATS_TEST_TMPDIR/err"
			return 1
		fi
		diff -u <(no_forward <"$E/$name.$i.out") <(diff_norm_out <"$BATS_TEST_TMPDIR/out" | no_forward) ||
			{ echo "$name #$i ($cmd): the log differs from mix's"; return 1; }
		if [ -f "$E/$name.$i.err" ]; then
			diff -u <(exception <"$E/$name.$i.err") <(exception <"$BATS_TEST_TMPDIR/err") ||
				{ echo "$name #$i ($cmd): the exception differs from mix's"; return 1; }
		fi
		dump="$E/$name.$i.sql"
		# a schema seen before is named instead of repeated
		[ -f "$E/$name.$i.same" ] && dump="$E/$(cat "$E/$name.$i.same")"
		diff -u "$dump" \
			<(pg_dump -h 127.0.0.1 -p "$PGPORT" -U postgres --schema-only "$db" | diff_norm_dump) ||
			{ echo "$name #$i ($cmd): the schema differs from mix's"; return 1; }
	done
}

@test "each version up one migration at a time (v1 to v14), then down to each version" {
	local steps=() k
	for k in $(seq 14); do steps+=("migrate --step 1"); done
	for k in $(seq 14); do steps+=("rollback --step 1"); done
	scenario steps "${steps[@]}"
	# the comment Oban reads its version from is gone with the table
	[ "$(pg_psql oban_steps -c "SELECT count(*) FROM pg_class WHERE relname = 'oban_jobs'")" = 0 ]
}

@test "up to the latest in one call and down; a comment Oban cannot walk raises as it does" {
	scenario latest "migrate --log-migrations-sql" "rollback" "migrate" \
		"sql:COMMENT ON TABLE oban_jobs IS '15'" "rollback" \
		"sql:COMMENT ON TABLE oban_jobs IS 'x1'" "rollback" \
		"sql:COMMENT ON TABLE oban_jobs IS '∞'" "rollback" "migrate --to 20240101000001"
}

@test "prefix: creates its schema; create_schema: false and unlogged: false" {
	scenario prefix "migrate --step 1" "migrate --step 1" "rollback --step 1" "rollback --step 1"
}

@test "up in two steps (version: 5, then the latest), down, then both at once" {
	scenario twostep "migrate --step 1" "migrate --step 1" "rollback --step 1" "rollback --step 1" \
		"migrate" "rollback --all"
}

@test "change/0: in call order; rolled back irreversible with work to do, a no-op without" {
	scenario change "migrate" "sql:COMMENT ON TABLE oban_jobs IS '2'" "rollback" \
		"sql:COMMENT ON TABLE oban_jobs IS '3'" "rollback"
}

@test "Oban Pro's migration helper is refused by name at file:line:col, nothing applied" {
	cp "$F/pro"/*.exs priv/repo/migrations/
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/oban_pro"
	ecto-migrate create >/dev/null
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"priv/repo/migrations/20240101000001_add_oban_pro.exs:6:5: unsupported call Oban.Pro.Migration.up/1: ecto-migrate does not run Oban Pro's migrations"* ]]
	[[ "$stderr" == *"nothing was applied"* ]]
	[ "$(pg_psql oban_pro -c "SELECT count(*) FROM pg_class WHERE relname = 'oban_jobs'")" = 0 ]
}

@test "--dry-run names the Oban call whose versions depend on the database" {
	cp "$F/twostep"/*.exs priv/repo/migrations/
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/oban_dry"
	ecto-migrate create >/dev/null
	run ecto-migrate migrate --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == *"-- Oban.Migrations.up([version: 5]): what runs depends on the version in the comment on oban_jobs"* ]]
	[[ "$output" == *"-- Oban.Migrations.up(): what runs"* ]]
}

@test "a mix.lock locking an oban whose migrations differ (2.17) is refused at the call" {
	cp "$F/latest"/*.exs priv/repo/migrations/
	printf '%%{\n  "oban": {:hex, :oban, "2.17.10", "0", [:mix], [], "hexpm", "0"},\n}\n' >mix.lock
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/oban_lock"
	ecto-migrate create >/dev/null
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"20240101000001_add_oban.exs:4:15: Oban.Migrations.up/0: mix.lock locks oban 2.17.10, whose migrations are not the ones ecto-migrate carries"* ]]
	# 2.22 is carried
	sed -i 's/2\.17\.10/2.22.1/' mix.lock
	run ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(pg_psql oban_lock -c "SELECT obj_description('oban_jobs'::regclass, 'pg_class')")" = 14 ]
}
