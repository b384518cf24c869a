#!/usr/bin/env bash
# Parse speed of the exs reader (lexer + parser + tree), in MB/s.
#
#   bench/exs-parse/run.sh [BUILD_DIR] [SIZE_MB]
#
# Workload 1: a generated file of SIZE_MB (default 20) megabytes made of the
# Phoenix-shaped fixtures in tests/fixtures/exs/phoenix/ (router, endpoint,
# LiveView with ~H, context, schema, migration, mix.exs, config, tests),
# repeated with renamed modules, written to /tmp. Workload 2: every .ex/.exs
# file of examples/hello in one `mixless debug parse` call, repeated 50
# times (so process start-up is paid once per 50 passes). Each is timed 5
# times; the best run counts. Use a Release or RelWithDebInfo build.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
size_mb=${2:-20}
mixless=$build/bin/mixless
[ -x "$mixless" ] || { echo "no $mixless: build the mixless target first" >&2; exit 2; }

work=$(mktemp -d /tmp/exs-parse-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

big=$work/big.exs
target=$((size_mb * 1024 * 1024))
i=0
: >"$big"
while [ "$(stat -c %s "$big")" -lt "$target" ]; do
	# 100 copies per round keep the loop short; module names stay unique.
	for f in "$src"/tests/fixtures/exs/phoenix/*.ex "$src"/tests/fixtures/exs/phoenix/*.exs; do
		sed "s/defmodule \([A-Za-z.]*\)/defmodule \1.Copy$i/" "$f"
	done >"$work/round.exs"
	for _ in $(seq 100); do cat "$work/round.exs"; done >>"$big"
	i=$((i + 1))
done
bytes=$(stat -c %s "$big")

best() { # best wall time in seconds of 5 runs of "$@"
	local b=""
	for _ in 1 2 3 4 5; do
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null
		t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 $b" | awk '{d = $2 - $1; if ($3 == "" || d < $3) print d; else print $3}')
	done
	echo "$b"
}

"$mixless" debug parse "$big" | grep -q ': ok$' || { echo "generated file does not parse" >&2; exit 1; }
t=$(best "$mixless" debug parse "$big")
echo "generated, mixless debug parse: $bytes bytes, best of 5: ${t}s, $(echo "$bytes $t" | awk '{printf "%.1f", $1 / 1048576 / $2}') MB/s"

# The lexer and parser alone, in process (no start-up, no file reading).
cc=${CC:-cc}
if "$cc" -O2 -std=gnu11 -I "$src/tools/lib" -I "$build/tools/lib" \
	"$src/bench/exs-parse/parse_bench.c" "$build/tools/lib/libmixless_exs.a" \
	"$build/tools/lib/libmixless_core.a" -lm -o "$work/parse_bench" 2>/dev/null; then
	echo "generated, in process: $("$work/parse_bench" "$big" 5)"
	head -c 4194304 "$big" >"$work/4mb.exs"
	# cut at a module boundary so the sample parses
	awk '/^defmodule /{last=NR} {lines[NR]=$0} END{for(i=1;i<last;i++) print lines[i]}' \
		"$work/4mb.exs" >"$work/4mb-cut.exs"
	echo "4 MB sample, in process: $("$work/parse_bench" "$work/4mb-cut.exs" 10)"
else
	echo "(no C compiler or libraries: in-process figures skipped)"
fi

mapfile -t hello < <(find "$src/examples/hello" \( -name '*.ex' -o -name '*.exs' \) -not -path '*/deps/*' -not -path '*/_build/*' | sort)
hbytes=$(cat "${hello[@]}" | wc -c)
args=()
for _ in $(seq 50); do args+=("${hello[@]}"); done
"$mixless" debug parse "${hello[@]}" >/dev/null
t=$(best "$mixless" debug parse "${args[@]}")
echo "examples/hello: ${#hello[@]} files, $hbytes bytes x 50, best of 5: ${t}s, $(echo "$hbytes $t" | awk '{printf "%.1f", $1 * 50 / 1048576 / $2}') MB/s, $(echo "${#hello[@]} $t" | awk '{printf "%.0f", $1 * 50 / $2}') files/s"
