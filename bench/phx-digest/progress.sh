#!/usr/bin/env bash
# What the progress line costs: cold runs of phx-digest on a terminal
# (script(1) gives it a pty), with the line and with --no-progress,
# alternated, so that load drifting over time (the machine is shared) hits
# both alike. Each run writes into a fresh output directory and has no cache
# (--no-cache); the outputs are removed only at the end, since creating files
# right after deleting tens of thousands costs ext4 seconds (see RESULTS.md).
#
#   bench/phx-digest/progress.sh TREE [path/to/phx-digest]
#
# TREE is the input directory, for instance the issue's large tree:
#   python3 ../shared/bench/gen_tree.py /tmp/big 10000 200
#   bench/phx-digest/progress.sh /tmp/big build/bin/phx-digest
# RUNS (default 5) runs of each; WORK (default TREE.runs) holds the outputs.
# Prints each run's wall time, the medians, and the load average before and
# after.
set -euo pipefail

tree=$(cd "$1" && pwd)
bin=${2:-$(command -v phx-digest)}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
runs=${RUNS:-5}
work=${WORK:-$tree.runs}
command -v script >/dev/null || { echo "progress.sh: needs script(1) (util-linux)" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
files=$(find "$tree" -type f | wc -l)
mib=$(find "$tree" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s / 1048576}')
echo "tree: $files files, $mib MiB ($tree)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "tool: $bin"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the page cache warm: every run reads the same bytes from memory
find "$tree" -type f -print0 | xargs -0 cat >/dev/null

# Wall seconds of one run on a pty; $1 = output directory, the rest = switches.
one() {
	local out=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	script -qec "'$bin' '$tree' -o '$out' --no-cache $* >/dev/null" /dev/null >"$out.tty"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}'
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

on=() off=()
for i in $(seq "$runs"); do
	a=$(one "$work/on.$i")
	b=$(one "$work/off.$i" --no-progress)
	on+=("$a") off+=("$b")
	# the line was drawn (and ended) in the first, never in the second
	grep -q 'MiB in' "$work/on.$i.tty" || { echo "progress.sh: run $i drew no line" >&2; exit 1; }
	if grep -q 'files, ' "$work/off.$i.tty"; then
		echo "progress.sh: --no-progress drew a line" >&2
		exit 1
	fi
	echo "run $i: progress $a s, --no-progress $b s ($(tr '\r' '\n' <"$work/on.$i.tty" | grep -c 'files, ') lines drawn)"
done
mon=$(printf '%s\n' "${on[@]}" | median)
moff=$(printf '%s\n' "${off[@]}" | median)
echo "median: progress $mon s, --no-progress $moff s ($(awk -v a="$mon" -v b="$moff" 'BEGIN {printf "%+.1f%%", (a / b - 1) * 100}'))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
