#!/usr/bin/env bats
# The harness itself: a throwaway cluster starts, libpq reaches it, and it is
# gone afterwards.

load ../helpers/pg

setup_file() {
	pg_start
	export MIXLESS_PG_DIR
}

teardown_file() {
	pg_stop
}

@test "libpq connects to the throwaway cluster and runs a query" {
	run pq_query "postgres://postgres@127.0.0.1:$PGPORT/postgres" "SELECT 40 + 2, current_user"
	[ "$status" -eq 0 ]
	[ "$output" = "42|postgres" ]
}

@test "the server is PostgreSQL 15 or newer, UTF8" {
	run pq_query "host=127.0.0.1 port=$PGPORT user=postgres dbname=postgres" "SHOW server_version_num"
	[ "$status" -eq 0 ]
	[ "$output" -ge 150000 ]
	run pg_psql -c "SHOW server_encoding"
	[ "$output" = "UTF8" ]
}

@test "DATABASE_URL names the cluster and a not-yet-created database" {
	[[ "$DATABASE_URL" == "postgres://postgres@127.0.0.1:$PGPORT/mixless_test" ]]
	run pq_query "$DATABASE_URL" "SELECT 1"
	[ "$status" -eq 1 ]
	[[ "$output" == *'database "mixless_test" does not exist'* ]]
}

@test "a bad query reports PostgreSQL's error" {
	run pq_query "postgres://postgres@127.0.0.1:$PGPORT/postgres" "SELEC 1"
	[ "$status" -eq 1 ]
	[[ "$output" == *'syntax error at or near "SELEC"'* ]]
}

@test "pg_stop stops a cluster and removes its directory" {
	(
		pg_start
		echo "$MIXLESS_PG_DIR" >"$BATS_TEST_TMPDIR/dir"
		echo "$PGPORT" >"$BATS_TEST_TMPDIR/port"
		pq_query "host=127.0.0.1 port=$PGPORT user=postgres dbname=postgres" "SELECT 1" >/dev/null
		pg_stop
	)
	[ ! -e "$(cat "$BATS_TEST_TMPDIR/dir")" ]
	run pq_query "host=127.0.0.1 port=$(cat "$BATS_TEST_TMPDIR/port") user=postgres dbname=postgres connect_timeout=2" "SELECT 1"
	[ "$status" -eq 1 ]
}
