#!/usr/bin/env bash
# What the front door costs: CPU milliseconds per call (perf stat's
# task-clock, the process and the tool it execs, mean of CALLS runs) of
# mixless against the tool it hands over to, outside a project and inside
# examples/hello (where mixless first reads mix.exs for its aliases and
# tasks/ for project tasks). CPU time rather than wall time, so that other
# work on the machine does not blur the figures; without perf, the wall
# time of a loop of CALLS runs, best of 3.
#
#   bench/mixless/run.sh [BIN_DIR] [CALLS]
#
# CALLS defaults to 200. Use a Release or RelWithDebInfo build.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$src/build/bin}
calls=${2:-200}
[ -x "$bin/mixless" ] || { echo "no $bin/mixless: build first" >&2; exit 2; }
bin=$(cd "$bin" && pwd)
export PATH="$bin:$PATH" NO_COLOR=1

per_call() { # ms per call of "$@"
	local best="" t0 t1 ms
	if command -v perf >/dev/null && perf stat -x, -e task-clock true 2>/dev/null; then
		perf stat -r "$calls" -x, -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.2f", $1 }'
		return
	fi
	for _ in 1 2 3; do
		t0=$(date +%s%N)
		for ((i = 0; i < calls; i++)); do "$@" >/dev/null 2>&1 || true; done
		t1=$(date +%s%N)
		ms=$(awk -v d=$((t1 - t0)) -v n="$calls" 'BEGIN { printf "%.2f", d / n / 1e6 }')
		if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$ms
		fi
	done
	echo "$best"
}

row() { printf '%-44s %8s ms\n' "$1" "$(per_call "${@:2}")"; }

echo "calls: $calls"
cd /tmp
echo "-- outside a project (cwd /tmp)"
row "phx-digest --version" phx-digest --version
row "mixless phx.digest --version" mixless phx.digest --version
row "mixless help" mixless help
cd "$src/examples/hello"
echo "-- in examples/hello (7 aliases in mix.exs)"
row "phx-digest --version" phx-digest --version
row "mixless phx.digest --version" mixless phx.digest --version
row "mixless help" mixless help
row "mixless help ecto.migrate (the tool's --doc)" mixless help ecto.migrate
row "mixless help --search ecto" mixless help --search ecto
