#!/usr/bin/env bats
# ecto-migrate on examples/hello prints what the real mix tasks printed for it
# (tests/fixtures/golden/hello/ecto.session.clean.txt: Phoenix 1.7.24 app,
# ecto_sql 3.12): the same status tables, log lines and SQL, in the same order.
# Only what varies between runs is normalised: Logger's clock, the query
# time and the tenths of "== Migrated VERSION in 0.0s". Runs of blank lines are squeezed, because the golden session also
# held mix's compile output, which was cut out.

load ../helpers/pg

setup_file() {
	pg_start
	app="$BATS_FILE_TMPDIR/hello"
	cp -r "$MIXLESS_SOURCE_DIR/examples/hello" "$app"
	export app
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/hello_dev"
}

teardown_file() {
	pg_stop
}

normalise() {
	sed -E 's/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} /HH:MM:SS.mmm /; s/db=[0-9.]+ms/db=Nms/' |
		sed -E 's/(\[info\] == Migrated [0-9]+ in )[0-9]+\.[0-9]s$/\1N.Ns/' |
		cat -s | sed '/./,$!d'
}

@test "a whole session matches mix's output line for line" {
	cd "$app"
	ecto-migrate create >/dev/null
	{
		ecto-migrate migrations
		ecto-migrate migrate --log-migrations-sql
		ecto-migrate migrations
		ecto-migrate rollback --all --log-migrations-sql
		ecto-migrate migrate --step 2
		ecto-migrate migrations
	} >"$BATS_TEST_TMPDIR/session.txt" 2>&1
	diff <(normalise <"$MIXLESS_SOURCE_DIR/tests/fixtures/golden/hello/ecto.session.clean.txt") \
		<(normalise <"$BATS_TEST_TMPDIR/session.txt")
}

@test "ecto.create prints mix's message" {
	cd "$app"
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/hello_golden_create"
	run ecto-migrate create
	[ "$status" -eq 0 ]
	[ "$output" = "$(grep -v '^==>' "$MIXLESS_SOURCE_DIR/tests/fixtures/golden/hello/ecto.create.txt")" ]
}
