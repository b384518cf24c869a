#!/usr/bin/env bash
# phx-digest against the machine's two bounds, on issue #15's large tree
# (12,952 files, ~216 MiB: ../shared/bench/gen_tree.py DIR 10000 200, seed
# 42), all measured in this one run, page cache warm, median of RUNS runs:
#
#   CPU bound  cpubound.c: MD5 of every file plus one gzip -6 pass (zlib) over
#              the gzippable bytes, on 1 thread; that time / cores is the
#              bound (the same on `cores` threads is shown too)
#   FS bound   fswrite.c: creates the files a phx-digest run creates (same
#              number, same sizes, from a reference run's output), no
#              compression, plain open/write/close: into a fresh directory
#              (as -o) and into the input (as in place); the faster of 1 and
#              `cores` threads
#   phx-digest cold into a fresh -o (no cache), in place (no cache), in
#              place --jobs 1, and a rerun of the in-place run with nothing
#              changed (cache warm)
#
# and the ratios phx-digest / the larger bound.
#
#   bench/phx-digest/bounds.sh BINDIR      (BINDIR holds phx-digest)
#
# BENCH_DIR (default /tmp/phx-digest-bounds) keeps the tree between runs;
# GEN_TREE points at gen_tree.py (default /work/shared/bench/gen_tree.py).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 BINDIR" >&2; exit 2; }
bin=$(cd "$1" && pwd)/phx-digest
[ -x "$bin" ] || { echo "$0: no phx-digest in '$1'" >&2; exit 2; }
dir=${BENCH_DIR:-/tmp/phx-digest-bounds}
gen=${GEN_TREE:-/work/shared/bench/gen_tree.py}
runs=${RUNS:-3}
cores=$(nproc)

mkdir -p "$dir"
if [ ! -f "$dir/.generated" ]; then
	rm -rf "$dir/tree"
	python3 "$gen" "$dir/tree" 10000 200
	touch "$dir/.generated"
fi
cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -o "$dir/cpubound" "$here/cpubound.c" -lz -lcrypto -lpthread
cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -o "$dir/fswrite" "$here/fswrite.c" -lpthread
cd "$dir"

files=$(find tree -type f | wc -l)
bytes=$(find tree -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "tree: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MiB ($dir/tree)"
echo "machine: $cores cores, $(lscpu | sed -n 's/^Model name: *//p'), $(df -T . | awk 'NR==2 {print $2}')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tool: $bin ($("$bin" --version 2>/dev/null | head -1))"
find tree -type f -print0 | xargs -0 cat >/dev/null

pd() { "$bin" "$@" -q --no-progress; }

# The outputs of a run, "SIZE RELPATH": a reference run into -o, and the
# files an in-place run adds to the input (the manifest left out of both).
rm -rf ref-o ref-ip cache
pd tree -o ref-o --no-cache
find ref-o -type f ! -name cache_manifest.json -printf '%s %P\n' | sort -k2 >list-o
cp -a tree ref-ip
pd ref-ip --no-cache
find tree -type f -printf '%P\n' | sort >list-in
find ref-ip -type f ! -name cache_manifest.json -printf '%s %P\n' | sort -k2 |
	awk 'NR == FNR {in_[$0] = 1; next} !($2 in in_)' list-in - >list-ip
rm -rf ref-o
echo "outputs: $(wc -l <list-o) files, $(awk '{s+=$1} END {printf "%.1f", s / 1048576}' list-o) MiB into -o;" \
	"$(wc -l <list-ip) files, $(awk '{s+=$1} END {printf "%.1f", s / 1048576}' list-ip) MiB in place"
find tree -type f >paths

# in-place runs and writes start from the input as generated
reset_ip() {
	cut -d' ' -f2- list-ip | (cd ref-ip && xargs -d '\n' rm -f)
	rm -f ref-ip/cache_manifest.json
}

# median of the values on stdin
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# seconds, median of $runs: $1 prepares (not timed), $2 is timed
measure() {
	for _ in $(seq "$runs"); do
		eval "$1"
		local s e
		s=$(date +%s.%N)
		eval "$2" >/dev/null
		e=$(date +%s.%N)
		awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'
	done | median
}

# a helper's own time (its first field), median of $runs
measure_self() {
	for _ in $(seq "$runs"); do
		eval "$1"
		eval "$2" | cut -d' ' -f1
	done | median
}

cpu1=$(measure_self : "./cpubound 1 <paths")
cpun=$(measure_self : "./cpubound $cores <paths")
cpu=$(awk -v a="$cpu1" -v c="$cores" 'BEGIN {print a / c}')
fs_o1=$(measure_self "rm -rf fs-o" "./fswrite 1 fs-o <list-o")
fs_on=$(measure_self "rm -rf fs-o" "./fswrite $cores fs-o <list-o")
fs_ip1=$(measure_self reset_ip "./fswrite 1 ref-ip <list-ip")
fs_ipn=$(measure_self reset_ip "./fswrite $cores ref-ip <list-ip")
rm -rf fs-o
min() { awk -v a="$1" -v b="$2" 'BEGIN {print a < b ? a : b}'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN {print a > b ? a : b}'; }
fs_o=$(min "$fs_o1" "$fs_on")
fs_ip=$(min "$fs_ip1" "$fs_ipn")

cold=$(measure "rm -rf out" "pd tree -o out --no-cache")
rm -rf out
inplace=$(measure reset_ip "pd ref-ip --no-cache")
jobs1=$(measure reset_ip "pd ref-ip --no-cache --jobs 1")
reset_ip
pd ref-ip --cache-dir cache
rerun=$(measure : "pd ref-ip --cache-dir cache")

row() { printf '%-44s %8.3f s\n' "$1" "$2"; }
ratio() {
	awk -v n="$1" -v t="$2" -v a="$3" -v b="$4" \
		'BEGIN {m = a > b ? a : b; printf "%-44s %8.3f s   %5.2fx the larger bound (%.3f s)\n", n, t, t / m, m}'
}
echo
echo "bounds (median of $runs):"
row "CPU: MD5 + gzip -6, 1 thread" "$cpu1"
row "CPU: the same on $cores threads" "$cpun"
row "CPU bound: 1 thread / $cores cores" "$cpu"
row "FS: write -o's files, 1 thread" "$fs_o1"
row "FS: write -o's files, $cores threads" "$fs_on"
row "FS: write in-place files, 1 thread" "$fs_ip1"
row "FS: write in-place files, $cores threads" "$fs_ipn"
echo
echo "phx-digest (median of $runs):"
ratio "cold into a fresh -o" "$cold" "$cpu" "$fs_o"
ratio "in place" "$inplace" "$cpu" "$fs_ip"
ratio "in place, --jobs 1 (vs the 1-thread bounds)" "$jobs1" "$cpu1" "$fs_ip1"
printf '%-44s %8.1f ms\n' "rerun, nothing changed (in place)" "$(awk -v t="$rerun" 'BEGIN {print t * 1000}')"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
