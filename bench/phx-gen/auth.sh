#!/usr/bin/env bash
# phx-gen auth speed: `phx-gen auth Accounts User users --live` (30 files
# created or injected: the context, schemas, migration, notifier, UserAuth,
# 7 LiveViews, their tests, and 9 injections), the whole process (start,
# project load, templates, the plan, every file written), into a fresh copy
# of tests/fixtures/phx-gen/authapp each run.
#
#   bench/phx-gen/auth.sh <bin dir> [N] [extra switches, e.g. --no-live]
#
# Prints the median and best of N runs (default 21): wall time, and the CPU
# time (user + system) of the process.
set -euo pipefail
BIN=${1:?bin dir}
N=${2:-21}
shift $(($# < 2 ? $# : 2))
VARIANT=${*:---live}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-phx-gen-auth.XXXXXX")
trap 'rm -rf "$W"' EXIT

TIMEFORMAT='%3R %3U %3S'
: >"$W/times"
for ((i = 0; i < N; i++)); do
	rm -rf "$W/app"
	cp -r "$SRC/tests/fixtures/phx-gen/authapp" "$W/app"
	find "$W/app" -exec touch -d '2000-01-01' {} +
	touch -d '2001-01-01' "$W/app/.mark"
	sync
	# shellcheck disable=SC2086
	{ time "$BIN/phx-gen" auth Accounts User users $VARIANT -C "$W/app" --yes >/dev/null; } 2>>"$W/times"
done
files=$(find "$W/app" -type f -newer "$W/app/.mark" | wc -l) # created or injected
stat() { awk -v c="$1" '{print c ? $c : $2 + $3}' "$W/times" | sort -n |
	awk '{v[NR] = $1} END {printf "median %.1f ms, best %.1f ms", v[int((NR + 1) / 2)] * 1000, v[1] * 1000}'; }
echo "phx-gen auth $VARIANT, $files files, $N runs (load average $(cut -d' ' -f1 /proc/loadavg)):"
echo "  wall: $(stat 1)"
echo "  cpu (user + sys): $(stat 0)"
