#!/usr/bin/env bash
# make bench: every benchmark on a RelWithDebInfo build, one after another
# (they each want the whole machine). The full log goes to
# bench/results/<UTC time>.log; bench/RESULTS.md keeps the recorded figures,
# with the command and machine for each.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=$(cd "${BUILD:-build}" && pwd)
mkdir -p bench/results
log=bench/results/$(date -u +%Y%m%dT%H%M%SZ).log

run() {
	printf '\n== %s\n' "$*" | tee -a "$log"
	"$@" 2>&1 | tee -a "$log"
}

{
	echo "mixless benchmarks, $(date -u)"
	echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"
} | tee "$log"
run bench/exs-parse/run.sh "$BUILD"
run bench/exs-eval/run.sh "$BUILD"
run bench/ecto-translate/run.sh "$BUILD"
run bench/ecto-migrate/run.sh "$BUILD/bin"
run bench/phx-digest/run.sh "$BUILD/bin/phx-digest"
run bench/phx-gen/run.sh "$BUILD/bin/phx-gen"
run bench/phx-gen/html.sh "$BUILD/bin"
run bench/phx-routes/run.sh "$BUILD"
run bench/mixless/run.sh "$BUILD/bin"
echo "log: $log"
