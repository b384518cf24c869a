# pg.bash: a throwaway PostgreSQL cluster for integration tests.
#
#   load ../helpers/pg
#   setup_file()    { pg_start; }
#   teardown_file() { pg_stop; }
#
# pg_start runs initdb into a fresh temp dir and starts the server on a free
# port of 127.0.0.1 (and a socket in the same dir), with trust auth, then
# exports DATABASE_URL (database "mixless_test", not created), PGHOST, PGPORT,
# PGUSER and MIXLESS_PG_DIR. PostgreSQL refuses to run as root, so as root
# initdb and pg_ctl run as the `postgres` user. pg_stop stops the server and
# removes everything; it runs from teardown_file even when tests fail.
#
# Holding a lock or a connection while a test runs ecto-migrate against it:
#   pg_hold DB "SELECT pg_advisory_lock(1); SELECT pg_sleep(600)"
#   wait_until 60 pg_true DB "SELECT count(*) > 0 FROM pg_locks WHERE ..."
#   ...
#   pg_release     (the holders' sessions end; call it from teardown too)
# Never sleep and hope: wait for the server to show the lock (pg_locks) or
# the session (pg_stat_activity).

source "${BASH_SOURCE[0]%/*}/wait.bash"

_pg_bin() {
	local name=$1 dir
	for dir in /usr/lib/postgresql/*/bin; do
		if [ -x "$dir/$name" ]; then
			printf '%s\n' "$dir/$name"
			return 0
		fi
	done
	command -v "$name"
}

_pg_as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# A port nobody listens on: connecting through bash's /dev/tcp fails.
_pg_free_port() {
	local port tries=0
	while [ $tries -lt 50 ]; do
		port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			printf '%s\n' "$port"
			return 0
		fi
		tries=$((tries + 1))
	done
	return 1
}

pg_start() {
	local initdb pg_ctl attempt
	initdb=$(_pg_bin initdb) || { echo "pg.bash: initdb not found (install postgresql)" >&2; return 1; }
	pg_ctl=$(_pg_bin pg_ctl) || { echo "pg.bash: pg_ctl not found" >&2; return 1; }
	MIXLESS_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mixless-pg.XXXXXX")
	chmod 755 "$MIXLESS_PG_DIR"
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$MIXLESS_PG_DIR"
	fi
	_pg_as_owner "$initdb" -D "$MIXLESS_PG_DIR/data" -U postgres --auth=trust \
		-E UTF8 --locale=C --no-sync >"$MIXLESS_PG_DIR/initdb.log" 2>&1 || {
		cat "$MIXLESS_PG_DIR/initdb.log" >&2
		return 1
	}
	# A port can be taken between the check and the start: try a few.
	for attempt in 1 2 3 4 5; do
		PGPORT=$(_pg_free_port)
		if _pg_as_owner "$pg_ctl" -D "$MIXLESS_PG_DIR/data" -l "$MIXLESS_PG_DIR/server.log" -w -t 60 \
			-o "-p $PGPORT -k $MIXLESS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
			start >/dev/null 2>&1; then
			break
		fi
		PGPORT=
	done
	if [ -z "$PGPORT" ]; then
		cat "$MIXLESS_PG_DIR/server.log" >&2
		return 1
	fi
	export MIXLESS_PG_DIR PGPORT
	export PGHOST=127.0.0.1 PGUSER=postgres
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/mixless_test"
}

pg_stop() {
	local pg_ctl
	[ -n "${MIXLESS_PG_DIR:-}" ] || return 0
	pg_ctl=$(_pg_bin pg_ctl)
	if [ -d "$MIXLESS_PG_DIR/data" ]; then
		_pg_as_owner "$pg_ctl" -D "$MIXLESS_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$MIXLESS_PG_DIR"
	unset MIXLESS_PG_DIR
}

# psql against the test cluster: pg_psql [DB] -c "SQL" ... (DB defaults to postgres).
pg_psql() {
	local db=postgres
	if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
		db=$1
		shift
	fi
	psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$db" "$@"
}

# pg_true DB SQL: succeeds when the query's single value is true.
pg_true() {
	[ "$(pg_psql "$1" -c "$2")" = t ]
}

# pg_hold DB SQL: runs SQL in a background session named mixless_holder
# (application_name), which keeps whatever it takes until pg_release.
pg_hold() {
	# exec: $! is psql itself, so pg_release can end it
	(PGAPPNAME=mixless_holder exec psql -X -q -A -t -h 127.0.0.1 -p "$PGPORT" -U postgres \
		-d "$1" -c "$2") >/dev/null 2>&1 &
	PG_HOLDER_PIDS="${PG_HOLDER_PIDS:-} $!"
}

# pg_release: ends every holder session (on the server: a backend asleep in
# pg_sleep never notices its client going away) and then the holders' psql,
# one perhaps not connected yet included, and reaps them.
pg_release() {
	local pid
	[ -n "${PG_HOLDER_PIDS:-}" ] || return 0
	pg_psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mixless_holder'" >/dev/null 2>&1 || true
	for pid in $PG_HOLDER_PIDS; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	PG_HOLDER_PIDS=
}
