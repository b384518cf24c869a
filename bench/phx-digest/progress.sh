#!/usr/bin/env bash
# What the progress line costs: cold runs of phx-digest on a terminal
# (script(1) gives it a pty), with the line and with --no-progress,
# alternated in ABBA order, so that load drifting over time (the machine is
# shared) hits both alike. Each run writes into a fresh output directory and
# has no cache (--no-cache); the outputs are removed only at the end, since
# creating files right after deleting tens of thousands costs ext4 seconds
# (see RESULTS.md).
#
#   bench/phx-digest/progress.sh TREE [path/to/phx-digest]
#
# TREE is the input directory, for instance the issue's large tree:
#   python3 ../shared/bench/gen_tree.py /tmp/big 10000 200
#   bench/phx-digest/progress.sh /tmp/big build/bin/phx-digest
# RUNS (default 5) runs of each; WORK (default TREE.runs) holds the outputs.
# Prints each run's wall and CPU time, the medians, the ticker thread's own
# CPU time, and the load average before and after.
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

# "wall cpu" seconds of one run on a pty (cpu = user + system, from
# /usr/bin/time: less at the mercy of the other load than the wall time);
# $1 = output directory, the rest = switches.
one() {
	local out=$1 t0 t1
	shift
	t0=$(date +%s.%N)
	script -qec "/usr/bin/time -o '$out.time' -f '%U %S' '$bin' '$tree' -o '$out' --no-cache $* >/dev/null" \
		/dev/null >"$out.tty"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" '{printf "%.3f %.2f\n", b - a, $1 + $2}' "$out.time"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

on=() off=() con=() coff=()
for i in $(seq "$runs"); do
	# ABBA: each variant goes first every other time, so that neither always
	# follows the other's writeback
	if ((i % 2)); then
		read -r a ca < <(one "$work/on.$i")
		read -r b cb < <(one "$work/off.$i" --no-progress)
	else
		read -r b cb < <(one "$work/off.$i" --no-progress)
		read -r a ca < <(one "$work/on.$i")
	fi
	on+=("$a") off+=("$b") con+=("$ca") coff+=("$cb")
	# the line was drawn (and ended) in the first, never in the second
	grep -q 'MiB in' "$work/on.$i.tty" || { echo "progress.sh: run $i drew no line" >&2; exit 1; }
	if grep -q 'files, ' "$work/off.$i.tty"; then
		echo "progress.sh: --no-progress drew a line" >&2
		exit 1
	fi
	echo "run $i: progress $a s (cpu $ca s), --no-progress $b s (cpu $cb s);" \
		"$(tr '\r' '\n' <"$work/on.$i.tty" | grep -c 'files, ') lines drawn"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f%%", (a / b - 1) * 100}'; }
mon=$(printf '%s\n' "${on[@]}" | median)
moff=$(printf '%s\n' "${off[@]}" | median)
mcon=$(printf '%s\n' "${con[@]}" | median)
mcoff=$(printf '%s\n' "${coff[@]}" | median)
echo "median wall: progress $mon s, --no-progress $moff s ($(ratio "$mon" "$moff"))"
echo "median cpu:  progress $mcon s, --no-progress $mcoff s ($(ratio "$mcon" "$mcoff"))"

# The ticker's own cost, which the load hides in the figures above: one more
# run with the line, its threads' on-CPU time sampled from
# /proc/PID/task/TID/schedstat until it exits (the last value seen of each).
# The ticker is the thread started first after the main one (start_progress
# runs before the pool's workers are made).
script -qec "'$bin' '$tree' -o '$work/ticker' --no-cache >/dev/null" /dev/null >/dev/null &
spid=$!
pid=
while [ -z "$pid" ] && kill -0 "$spid" 2>/dev/null; do
	pid=$(pgrep -n -x phx-digest || true)
done
declare -A cpu slices
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
	for t in /proc/"$pid"/task/*; do
		read -r ns _ n <"$t/schedstat" 2>/dev/null || continue
		cpu[${t##*/}]=$ns slices[${t##*/}]=$n
	done
	sleep 0.05
done
wait "$spid"
tids=$(printf '%s\n' "${!cpu[@]}" | sort -n)
main=$(sed -n 1p <<<"$tids") ticker=$(sed -n 2p <<<"$tids")
total=0
for t in $tids; do total=$((total + cpu[$t])); done
if [ -n "$ticker" ] && [ "$ticker" != "$main" ]; then
	echo "ticker thread: $(awk -v n="${cpu[$ticker]}" 'BEGIN {printf "%.1f", n / 1e6}') ms on CPU in" \
		"${slices[$ticker]} timeslices, of $(awk -v n="$total" 'BEGIN {printf "%.2f", n / 1e9}') s for" \
		"the run's threads ($(awk -v a="${cpu[$ticker]}" -v b="$total" 'BEGIN {printf "%.2f%%", a / b * 100}'))"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
