# wait.bash: wait for a condition, never for a guessed time.
#
#   load ../helpers/wait          (pg.bash loads it too)
#   wait_until 60 test -e "$dir/ready"
#   wait_until 60 grep -q 'waiting for the database' err.txt
#
# wait_until SECONDS COMMAND... runs COMMAND until it succeeds, polling every
# 20 ms, and fails (status 1, a line on stderr) if it has not succeeded within
# SECONDS. The limit only bounds a hang: pick it generous (tens of seconds),
# since reaching it means the test has failed anyway.

wait_until() {
	local limit=$1 deadline
	shift
	deadline=$(($(date +%s) + limit))
	until "$@"; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			echo "wait_until: gave up after ${limit}s waiting for: $*" >&2
			return 1
		fi
		sleep 0.02
	done
}

# wait_clock_past FILE: until a file written now gets a later modification
# time than FILE's. The kernel stamps files from a coarse clock (a tick of a
# few milliseconds), so two writes close together can share a time stamp;
# tests that compare stamps wait for the tick instead of sleeping.
wait_clock_past() {
	local probe ref
	ref=$(stat -c %.9Y "$1") || return 1
	probe=$(mktemp "${BATS_TEST_TMPDIR:-${TMPDIR:-/tmp}}/clock.XXXXXX")
	wait_until 60 _clock_after "$probe" "$ref"
	local rc=$?
	rm -f "$probe"
	return $rc
}

_clock_after() { # probe, reference time as seconds.nanoseconds
	local now
	touch "$1"
	now=$(stat -c %.9Y "$1")
	[ $((10#${now/./})) -gt $((10#${2/./})) ]
}
