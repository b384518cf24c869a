#!/usr/bin/env bash
# phx-gen cert and secret speed: the whole process, N runs each.
#   cert:   an RSA-2048 key (most of the time: finding two 1024-bit primes,
#           which varies a lot from run to run), the certificate, both files
#           written, into a fresh copy of a Phoenix-shaped app each run;
#   secret: 64 random bytes as Base64 (start-up cost, in effect).
# `mix phx.gen.cert` / `mix phx.gen.secret` boot the VM and load the project
# first (seconds).
#
#   bench/phx-gen/cert.sh <bin dir> [N]
#
# Prints the median and best wall time and the median CPU time (user + sys).
set -euo pipefail
BIN=${1:?bin dir}
N=${2:-21}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/mixless-phx-gen-cert.XXXXXX")
trap 'rm -rf "$W"' EXIT

TIMEFORMAT='%3R %3U %3S'
stat() { awk -v c="$2" '{print c ? $c : $2 + $3}' "$1" | sort -n |
	awk '{v[NR] = $1} END {printf "median %.1f ms, best %.1f ms", v[int((NR + 1) / 2)] * 1000, v[1] * 1000}'; }

: >"$W/cert"
: >"$W/secret"
for ((i = 0; i < N; i++)); do
	rm -rf "$W/app"
	cp -r "$SRC/tests/fixtures/phx-gen/webapp" "$W/app"
	{ time "$BIN/phx-gen" cert -C "$W/app" --yes >/dev/null; } 2>>"$W/cert"
	{ time "$BIN/phx-gen" secret >/dev/null; } 2>>"$W/secret"
done
echo "phx-gen cert / secret, $N runs each (load average $(cut -d' ' -f1 /proc/loadavg)):"
echo "  cert wall: $(stat "$W/cert" 1); cpu (user + sys): $(stat "$W/cert" 0)"
echo "  secret wall: $(stat "$W/secret" 1); cpu (user + sys): $(stat "$W/secret" 0)"
