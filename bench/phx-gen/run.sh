#!/usr/bin/env bash
# phx-gen speed: `phx-gen html` with 12 fields, one of every kind of form
# input, the whole process (start, project load, templates, the plan, every
# file written and fsynced), into a fresh copy of a Phoenix-shaped app each
# run. `mix phx.gen.html` takes about 2 s for the same (most of it starting
# the VM and loading the project).
#
#   bench/phx-gen/run.sh <bin dir> [N]
#
# Prints the median and best of N runs (default 21), wall time.
set -euo pipefail
BIN=${1:?bin dir}
N=${2:-21}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-phx-gen.XXXXXX")
trap 'rm -rf "$W"' EXIT

FIELDS=(title:string body:text views:integer rating:float price:decimal
	published:boolean published_on:date starts_at:time released_at:naive_datetime
	tags:array:string status:enum:draft:published meta:map)

times=()
for ((i = 0; i < N; i++)); do
	rm -rf "$W/app"
	cp -r "$SRC/tests/fixtures/phx-gen/webapp" "$W/app"
	s=$(date +%s%N)
	"$BIN/phx-gen" html Blog Post posts "${FIELDS[@]}" -C "$W/app" --yes >/dev/null
	e=$(date +%s%N)
	times+=($(((e - s) / 1000)))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
med=${sorted[$((N / 2))]}
best=${sorted[0]}
printf 'phx-gen html, 12 fields, %d files: median %d.%03d ms, best %d.%03d ms (%d runs)\n' \
	"$(find "$W/app" -type f -newer "$W/app/mix.exs" | wc -l)" \
	$((med / 1000)) $((med % 1000)) $((best / 1000)) $((best % 1000)) "$N"
