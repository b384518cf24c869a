#!/usr/bin/env bash
# phx-gen speed: `phx-gen html` with 12 fields, one of every kind of form
# input, the whole process (start, project load, templates, the plan, every
# file written and fsynced), into a fresh copy of a Phoenix-shaped app each
# run. `mix phx.gen.html` takes about 2 s for the same (most of it starting
# the VM and loading the project).
#
#   bench/phx-gen/html.sh <bin dir> [N]
#
# Prints the median and best of N runs (default 21): wall time, and the CPU
# time (user + system) of the process, which a loaded machine inflates less.
set -euo pipefail
BIN=${1:?bin dir}
N=${2:-21}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-phx-gen.XXXXXX")
trap 'rm -rf "$W"' EXIT

FIELDS=(title:string body:text views:integer rating:float price:decimal
	published:boolean published_on:date starts_at:time released_at:naive_datetime
	tags:array:string status:enum:draft:published meta:map)

TIMEFORMAT='%3R %3U %3S'
: >"$W/times"
for ((i = 0; i < N; i++)); do
	rm -rf "$W/app"
	cp -r "$SRC/tests/fixtures/phx-gen/webapp" "$W/app"
	sync
	{ time "$BIN/phx-gen" html Blog Post posts "${FIELDS[@]}" -C "$W/app" --yes >/dev/null; } 2>>"$W/times"
done
files=$(find "$W/app" -type f -newer "$W/app/mix.exs" | wc -l)
# median and best of a column of seconds, in ms
stat() { awk -v c="$1" '{print c ? $c : $2 + $3}' "$W/times" | sort -n |
	awk '{v[NR] = $1} END {printf "median %.1f ms, best %.1f ms", v[int((NR + 1) / 2)] * 1000, v[1] * 1000}'; }
echo "phx-gen html, 12 fields, $files files, $N runs (load average $(cut -d' ' -f1 /proc/loadavg)):"
echo "  wall: $(stat 1)"
echo "  cpu (user + sys): $(stat 0)"
