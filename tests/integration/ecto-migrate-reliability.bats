#!/usr/bin/env bats
# ecto-migrate's reliability promises, on a real PostgreSQL: concurrent
# runners apply each migration exactly once; a failing migration leaves no
# trace; SIGKILL leaves the database before or after a migration, never
# between; a bad file among the pending ones applies none; the lock timeout
# is honoured; the advisory lock uses ecto_sql's key.

bats_require_minimum_version 1.5.0
load ../helpers/pg

setup_file() {
	pg_start
	export MIXLESS_PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	export NO_COLOR=1
	PROJ=$(mktemp -d "${BATS_TMPDIR:-/tmp}/em-rel.XXXXXX")
	mkdir -p "$PROJ/priv/repo/migrations"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0", start_permanent: Mix.env() == :prod]\n  end\nend\n' >"$PROJ/mix.exs"
	mkdir -p "$PROJ/config"
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n' >"$PROJ/config/config.exs"
	cd "$PROJ"
	DB="rel_$BATS_TEST_NUMBER"
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$DB"
	ecto-migrate create --quiet
}

teardown() {
	# no background runner or lock holder may outlive its test
	if [ -n "${BG_PID:-}" ]; then kill -9 "$BG_PID" 2>/dev/null || true; fi
	pg_release
	cd /
	rm -rf "$PROJ"
}

mig() { # mig VERSION NAME BODY
	local mod
	mod=$(printf '%s' "$2" | sed -E 's/(^|_)([a-z])/\U\2/g')
	printf 'defmodule Hello.Repo.Migrations.%s do\n  use Ecto.Migration\n\n  def change do\n%s\n  end\nend\n' \
		"$mod" "$3" >"priv/repo/migrations/$1_$2.exs"
}

fifty() {
	pg_psql "$DB" -c "CREATE TABLE hits (n int)"
	for i in $(seq 1 50); do
		mig $((20240101000000 + i)) "step_$i" "    create table(:t_$i) do
      add :name, :string
    end
    create index(:t_$i, [:name])
    execute \"INSERT INTO hits VALUES ($i)\", \"DELETE FROM hits WHERE n = $i\""
	done
}

count() {
	pg_psql "$DB" -c "$1"
}

# ecto_sql's advisory lock key for Hello.Repo, :erlang.phash2({:ecto, nil,
# Hello.Repo}) (checked below and in tests/unit/ecto-migrate/test_phash2.c)
ECTO_KEY=126456510

# pg_locks' condition for an advisory lock on KEY (a single 32-bit key is
# split into classid and objid)
advisory() { # KEY GRANTED(true|false)
	printf "locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = %s AND granted = %s" "$1" "$2"
}

# Until a lock matching the pg_locks condition is there.
wait_lock() {
	wait_until 60 pg_true "$DB" "SELECT count(*) > 0 FROM pg_locks WHERE $1"
}

# Milliseconds of a monotonic-enough clock, for lower bounds on waits.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The Logger lines ecto_sql prints while it waits for the advisory lock
# (with log_migrator_sql, Ecto.Adapters.Postgres), without time stamps.
retry_lines() {
	sed -nE 's/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} (\[info\] Migration lock occupied .*)$/\1/p'
}

@test "8 concurrent migrate processes apply each of 50 migrations exactly once" {
	fifty
	pids=()
	for p in 1 2 3 4 5 6 7 8; do
		ecto-migrate migrate >"run.$p.out" 2>"run.$p.err" &
		pids+=($!)
	done
	fails=0
	for pid in "${pids[@]}"; do wait "$pid" || fails=$((fails + 1)); done
	cat run.*.err
	[ "$fails" -eq 0 ]
	[ "$(count 'SELECT count(*) FROM hits')" = "50" ]
	[ "$(count 'SELECT count(DISTINCT n) FROM hits')" = "50" ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "50" ]
	# each migration was run by exactly one process
	[ "$(cat run.*.out | grep -c '== Running')" = "50" ]
	[ "$(cat run.*.out | grep -c '== Migrated')" = "50" ]
}

@test "concurrent runners with --lock advisory apply each migration exactly once" {
	pg_psql "$DB" -c "CREATE TABLE hits (n int)"
	for i in $(seq 1 10); do
		mig $((20240101000000 + i)) "step_$i" "    execute \"INSERT INTO hits VALUES ($i)\", \"DELETE FROM hits WHERE n = $i\""
	done
	pids=()
	for p in 1 2 3 4; do
		ecto-migrate migrate --lock advisory >"run.$p.out" 2>"run.$p.err" &
		pids+=($!)
	done
	fails=0
	for pid in "${pids[@]}"; do wait "$pid" || fails=$((fails + 1)); done
	cat run.*.err
	[ "$fails" -eq 0 ]
	[ "$(count 'SELECT count(*) FROM hits')" = "10" ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "10" ]
	[ "$(cat run.*.out | grep -c '== Running')" = "10" ]
}

@test "the advisory lock is taken on ecto_sql's key, phash2({:ecto, nil, Hello.Repo})" {
	# the migration waits for a lock of ours, so the migrator holds its
	# own for as long as the test looks at it
	pg_hold "$DB" "SELECT pg_advisory_lock(1); SELECT pg_sleep(600)"
	wait_lock "$(advisory 1 true)"
	mig 20240101000000 slow '    execute "SELECT pg_advisory_xact_lock(1)", "SELECT 1"'
	ecto-migrate migrate --lock advisory >out.txt 2>&1 &
	BG_PID=$!
	wait_lock "$(advisory 1 false)"
	key=$(count "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid <> 1")
	pg_release
	wait "$BG_PID"
	BG_PID=
	# :erlang.phash2({:ecto, nil, Hello.Repo}) as em_advisory_key()
	# computes it; the algorithm is checked against erts' own phash2 test
	# vectors in tests/unit/ecto-migrate/test_phash2.c.
	[ "$key" = "$ECTO_KEY" ]
}

@test "a migration failing half-way leaves no trace and prints the SQL and PostgreSQL's error" {
	mig 20240101000000 good '    create table(:good)'
	mig 20240102000000 bad '    create table(:half) do
      add :name, :string
    end
    execute "ALTER TABLE nope ADD COLUMN x int"'
	mig 20240103000000 later '    create table(:later)'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'ERROR 42P01 (undefined_table) relation "nope" does not exist'* ]]
	[[ "$stderr" == *"ALTER TABLE nope ADD COLUMN x int"* ]]
	[[ "$stderr" == *"20240102000000"*"priv/repo/migrations/20240102000000_bad.exs"* ]]
	[[ "$stderr" == *"rolled back"* ]]
	# the earlier migration stays, the failing one left nothing, the later one never ran
	[ "$(count "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations")" = "20240101000000" ]
	[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'half'")" = "0" ]
	[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'later'")" = "0" ]
	# and the lock was released: the next run proceeds at once
	rm priv/repo/migrations/20240102000000_bad.exs
	run timeout 20 ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "2" ]
}

@test "SIGKILL in the middle of a migration leaves the database before it, then after" {
	mig 20240101000000 first '    create table(:first)'
	# the migration stops half-way on a lock of ours: killed there, for sure
	mig 20240102000000 slow '    create table(:killed) do
      add :name, :string
    end
    execute "SELECT pg_advisory_xact_lock(1)", "SELECT 1"
    create index(:killed, [:name])'
	pg_hold "$DB" "SELECT pg_advisory_lock(1); SELECT pg_sleep(600)"
	wait_lock "$(advisory 1 true)"
	ecto-migrate migrate >out.txt 2>&1 &
	BG_PID=$!
	wait_lock "$(advisory 1 false)"
	kill -9 "$BG_PID"
	wait "$BG_PID" || true
	BG_PID=
	# before the migration: its table is invisible, no version row
	[ "$(count "SELECT string_agg(version::text, ',') FROM schema_migrations")" = "20240101000000" ]
	[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'killed'")" = "0" ]
	# the orphaned backend gets our lock, finds its client gone and rolls
	# back; a new run applies the migration whole
	pg_release
	run timeout 60 ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(count "SELECT count(*) FROM pg_indexes WHERE indexname = 'killed_name_index'")" = "1" ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "2" ]
}

@test "a syntax error in the 3rd of 5 pending migrations applies none of them" {
	mig 20240101000000 a '    create table(:a)'
	mig 20240102000000 b '    create table(:b)'
	mig 20240103000000 c '    create table(:c) do
      add :name, :string,
    end'
	mig 20240104000000 d '    create table(:d)'
	mig 20240105000000 e '    create table(:e)'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" =~ priv/repo/migrations/20240103000000_c\.exs:[0-9]+:[0-9]+: ]]
	[[ "$stderr" == *"nothing was applied"* ]]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
	[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename IN ('a','b','c','d','e')")" = "0" ]
	[[ "$output" != *"== Running"* ]]
}

@test "code only Elixir can run (repo().query!) stops the run with file:line:col, nothing applied" {
	mig 20240101000000 a '    create table(:a)'
	mig 20240102000000 b '    repo().query!("SELECT 1")'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" =~ priv/repo/migrations/20240102000000_b\.exs:[0-9]+:[0-9]+: ]]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
}

@test "--lock-timeout is honoured while another migrator holds the table lock" {
	mig 20240101000000 a '    create table(:a)'
	ecto-migrate migrations >/dev/null # creates schema_migrations
	pg_hold "$DB" "BEGIN; LOCK TABLE schema_migrations IN SHARE UPDATE EXCLUSIVE MODE; SELECT pg_sleep(600); COMMIT;"
	wait_lock "relation = 'schema_migrations'::regclass AND granted"
	start=$(now_ms)
	# the holder never lets go: only the timeout can end this run (a hang
	# would end in timeout's 124)
	run --separate-stderr timeout 120 ecto-migrate migrate --lock-timeout 1
	end=$(now_ms)
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not take the migration lock"*"within 1 s"* ]]
	[ $((end - start)) -ge 1000 ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
	# without a timeout it waits, as mix does: queued behind the holder,
	# then it runs once the holder is gone
	ecto-migrate migrate >out.txt 2>&1 &
	BG_PID=$!
	wait_lock "relation = 'schema_migrations'::regclass AND NOT granted"
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
	pg_release
	wait "$BG_PID"
	BG_PID=
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "1" ]
}

@test "--lock-timeout with --lock advisory gives up too, logging each retry as ecto_sql does" {
	printf 'config :hello, Hello.Repo, migration_advisory_lock_retry_interval_ms: 200\n' >>config/config.exs
	mig 20240101000000 a '    create table(:a)'
	pg_hold "$DB" "SELECT pg_advisory_lock($ECTO_KEY); SELECT pg_sleep(600)"
	wait_lock "$(advisory "$ECTO_KEY" true)"
	start=$(now_ms)
	run --separate-stderr timeout 120 ecto-migrate migrate --lock advisory --lock-timeout 2 --log-migrator-sql
	end=$(now_ms)
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not take the migration lock (advisory lock $ECTO_KEY"*"within 2 s"* ]]
	[ $((end - start)) -ge 2000 ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
	# "Retry N/infinity at 200ms intervals.", N counting from 1, once per
	# failed try; the last wait is cut to what is left of the 2 s
	retries=$(printf '%s\n' "$output" | retry_lines)
	printf '%s\n' "$retries"
	[ "$(printf '%s\n' "$retries" | head -n 1)" = "[info] Migration lock occupied for Hello.Repo. Retry 1/infinity at 200ms intervals." ]
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		[[ "$line" =~ ^\[info\]\ Migration\ lock\ occupied\ for\ Hello\.Repo\.\ Retry\ ([0-9]+)/infinity\ at\ ([0-9]+)ms\ intervals\.$ ]]
		[ "${BASH_REMATCH[1]}" -eq "$n" ]
		[ "${BASH_REMATCH[2]}" -le 200 ]
	done <<<"$retries"
	[ "$n" -ge 2 ]
}

@test "--lock-timeout with migration_advisory_lock_max_tries: ecto_sql's retry lines, then its error" {
	printf 'config :hello, Hello.Repo, migration_lock: :pg_advisory_lock, migration_advisory_lock_retry_interval_ms: 100, migration_advisory_lock_max_tries: 3\n' >>config/config.exs
	mig 20240101000000 a '    create table(:a)'
	pg_hold "$DB" "SELECT pg_advisory_lock($ECTO_KEY); SELECT pg_sleep(600)"
	wait_lock "$(advisory "$ECTO_KEY" true)"
	# the tries run out long before the timeout
	run --separate-stderr timeout 120 ecto-migrate migrate --lock-timeout 60 --log-migrator-sql
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"failed to obtain advisory lock. Tried 3 times waiting 100ms between tries"* ]]
	[ "$(printf '%s\n' "$output" | retry_lines)" = "[info] Migration lock occupied for Hello.Repo. Retry 1/3 at 100ms intervals.
[info] Migration lock occupied for Hello.Repo. Retry 2/3 at 100ms intervals.
[info] Migration lock occupied for Hello.Repo. Retry 3/3 at 100ms intervals." ]
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "0" ]
}

@test "the version row commits with its migration: a version INSERT that fails rolls the DDL back" {
	mig 20240101000000 first '    create table(:first)'
	mig 20240102000000 second '    create table(:second)'
	ecto-migrate migrations >/dev/null # creates schema_migrations
	# the second migration's row cannot be written
	count "ALTER TABLE schema_migrations ADD CONSTRAINT no_second CHECK (version <> 20240102000000)"
	# both ways the row is written: with the COMMIT in one round trip, and
	# statement by statement when the migrator's SQL is logged
	for flags in "" --log-migrator-sql; do
		echo "ecto-migrate migrate $flags"
		run --separate-stderr ecto-migrate migrate $flags
		[ "$status" -eq 1 ]
		[[ "$stderr" == *'violates check constraint "no_second"'* ]]
		[ "$(count "SELECT string_agg(version::text, ',') FROM schema_migrations")" = "20240101000000" ]
		[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'first'")" = "1" ]
		# the migration's DDL went with its row
		[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'second'")" = "0" ]
	done
	# and rolling back: a DELETE that fails keeps the table
	count "ALTER TABLE schema_migrations DROP CONSTRAINT no_second"
	ecto-migrate migrate >/dev/null
	count "CREATE FUNCTION keep_rows() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RAISE EXCEPTION 'rows are kept'; END \$\$"
	count "CREATE TRIGGER keep BEFORE DELETE ON schema_migrations FOR EACH ROW EXECUTE FUNCTION keep_rows()"
	for flags in "" --log-migrator-sql; do
		echo "ecto-migrate rollback $flags"
		run --separate-stderr ecto-migrate rollback $flags
		[ "$status" -eq 1 ]
		[[ "$stderr" == *"rows are kept"* ]]
		[ "$(count "SELECT count(*) FROM schema_migrations")" = "2" ]
		[ "$(count "SELECT count(*) FROM pg_tables WHERE tablename = 'second'")" = "1" ]
	done
}

@test "@disable_ddl_transaction migrations run outside a transaction (CREATE INDEX CONCURRENTLY)" {
	mig 20240101000000 users '    create table(:users) do
      add :email, :string
    end'
	cat >priv/repo/migrations/20240102000000_idx.exs <<'EOF'
defmodule Hello.Repo.Migrations.Idx do
  use Ecto.Migration
  @disable_ddl_transaction true
  @disable_migration_lock true

  def change do
    create index(:users, [:email], concurrently: true)
  end
end
EOF
	run ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(count "SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email_index'")" = "1" ]
}

@test "--wait does not wait for what will not change (an unknown database)" {
	start=$(date +%s)
	run --separate-stderr timeout 600 ecto-migrate migrations --wait=300 --url "postgres://postgres@127.0.0.1:$PGPORT/no_such_db"
	end=$(date +%s)
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'database "no_such_db" does not exist'* ]]
	# a run that waited would take its 300 s; one that did not takes well
	# under a second, and 60 leaves room for any loaded machine
	[ $((end - start)) -lt 60 ]
}

@test "--wait rides out a server restart: the migration runs once it is back" {
	mig 20240101000000 a '    create table(:a)'
	pg_ctl=$(_pg_bin pg_ctl)
	_pg_as_owner "$pg_ctl" -D "$MIXLESS_PG_DIR/data" -m fast -w stop >/dev/null
	ecto-migrate migrate --wait=300 >out.txt 2>err.txt &
	BG_PID=$!
	# the server comes back only once the migrator has found it gone
	wait_until 60 grep -q "waiting for the database of Hello.Repo" err.txt
	_pg_as_owner "$pg_ctl" -D "$MIXLESS_PG_DIR/data" -l "$MIXLESS_PG_DIR/server.log" -w -t 60 \
		-o "-p $PGPORT -k $MIXLESS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
		start >/dev/null 2>&1
	rc=0
	wait "$BG_PID" || rc=$?
	BG_PID=
	cat err.txt
	[ "$rc" -eq 0 ]
	grep -q "== Migrated 20240101000000" out.txt
	[ "$(count 'SELECT count(*) FROM schema_migrations')" = "1" ]
}
