#!/usr/bin/env bash
# phx-digest against the machine's two bounds, on issue #15's large tree
# (12,952 files, ~216 MiB: ../shared/bench/gen_tree.py DIR 10000 200, seed
# 42), all measured in this one run, page cache warm, median of RUNS runs:
#
#   CPU bound  cpubound.c: MD5 of every file plus one gzip -6 pass (zlib) over
#              the gzippable bytes, on 1 thread; that time / cores is the
#              bound (the same on `cores` threads is shown too, and with a
#              new deflate state per file, the issue's way of counting)
#   FS bound   fswrite.c: creates the files a phx-digest run creates (same
#              number, same sizes, from a reference run's output), no
#              compression, plain open/write/close: into a fresh directory
#              (as -o) and into the input (as in place); the faster of 1 and
#              `cores` threads
#   phx-digest cold into a fresh -o (no cache), in place (no cache), in
#              place --jobs 1, and a rerun of the in-place run with nothing
#              changed (cache warm)
#   exact-output floor
#              what any run whose output is byte-identical to Phoenix's
#              cannot avoid, as CPU time spread evenly over the cores: the
#              CPU bound's pass plus a second gzip of every CSS and map file
#              the rewrite changed (1 thread), plus the FS bound's writes
#              (the less of its 1- and N-thread runs), each the process's
#              user + system time; see "twice" below
#
# and the ratios phx-digest / the larger bound and / the floor.
#
#   bench/phx-digest/bounds.sh BINDIR      (BINDIR holds phx-digest)
#
# MIX_DIGEST, when set, names a command run as `$MIX_DIGEST INPUT OUTPUT`
# (the same directory twice: in place) that runs the genuine `mix
# phx.digest` (in a reference app outside this repository, with
# --no-compile); its cold -o and in-place runs are then timed in the same
# rounds, back to back with phx-digest's.
#
# BENCH_DIR (default /tmp/phx-digest-bounds) keeps the tree between runs;
# GEN_TREE points at gen_tree.py (default /work/shared/bench/gen_tree.py).
set -euo pipefail
export LC_NUMERIC=C # EPOCHREALTIME with a decimal point

here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 BINDIR" >&2; exit 2; }
bin=$(cd "$1" && pwd)/phx-digest
[ -x "$bin" ] || { echo "$0: no phx-digest in '$1'" >&2; exit 2; }
dir=${BENCH_DIR:-/tmp/phx-digest-bounds}
gen=${GEN_TREE:-/work/shared/bench/gen_tree.py}
runs=${RUNS:-3}
cores=$(nproc)

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
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
# Gzipped twice: Phoenix.Digester compresses a file's original and digested
# content apart when they differ, and a .gz byte-identical to :zlib.gzip's
# leaves no deflate state to share past the first differing byte. A CSS
# file's url()s start near its top and a map's "file" is its first key, so
# their two streams share nearly nothing; a JS file's copies differ only in
# the sourceMappingURL line at its end, one pass for both (deflateCopy),
# so it is not counted twice. The digested copies go through cpubound after
# the inputs; their MD5 stands in for the SHA-512 a run takes of every
# digested file, which the floor leaves out (a floor, not an estimate).
rm -rf twice
python3 - ref-o tree twice <<'PY'
import json, os, shutil, sys
out, inp, dst = sys.argv[1:]
with open(os.path.join(out, "cache_manifest.json")) as f:
    latest = json.load(f)["latest"]
for logical, digested in sorted(latest.items()):
    if not logical.endswith((".css", ".map")):
        continue
    with open(os.path.join(inp, logical), "rb") as a, open(os.path.join(out, digested), "rb") as b:
        if a.read() == b.read():
            continue
    os.makedirs(os.path.dirname(os.path.join(dst, digested)), exist_ok=True)
    shutil.copyfile(os.path.join(out, digested), os.path.join(dst, digested))
PY
rm -rf ref-o
echo "outputs: $(wc -l <list-o) files, $(awk '{s+=$1} END {printf "%.1f", s / 1048576}' list-o) MiB into -o;" \
	"$(wc -l <list-ip) files, $(awk '{s+=$1} END {printf "%.1f", s / 1048576}' list-ip) MiB in place"
find tree -type f >paths
find twice -type f -printf '%s %p\n' >list-twice
{ cat paths; cut -d' ' -f2- list-twice; } >paths-exact
echo "gzipped twice: $(wc -l <list-twice) rewritten CSS and map files," \
	"$(awk '{s+=$1} END {printf "%.1f", s / 1048576}' list-twice) MiB"

# Why no timed run follows a deletion: ext4 skips inodes freed in the last
# 30 s (5.5 min while their inode table is unwritten) when it allocates new
# ones (recently_deleted() in find_inode_bit), reading each one's table
# block; right after an `rm -rf` of a 46k-file output, creating files costs
# 3-14 s of system time more than otherwise (perf: ext4_create ->
# find_inode_bit -> recently_deleted), in fswrite as much as in phx-digest.
# So every timed run writes into a directory of its own made beforehand
# (a fresh name for -o, a copy of the input for in place), all deletions
# happen before the wait below or after the last run, and each timed run
# starts with nothing dirty (sync, untimed).

runs_dir=runs
rm -rf "$runs_dir" fs-o out cache
mkdir -p "$runs_dir"
# copies of the input for the in-place runs: fswrite 1 and N threads,
# phx-digest, phx-digest --jobs 1, the rerun
for k in $(seq "$runs"); do
	for c in fs1 fsn pd pd1 ${MIX_DIGEST:+mix}; do cp -a tree "$runs_dir/$c-$k"; done
done
cp -a tree "$runs_dir/rerun"
sync
echo "waiting 35 s for ext4 to forget the deleted inodes (see the comment above)"
sleep 35

# median of the values on stdin
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# median of the last field (a helper's CPU seconds)
cpu_median() { awk '{print $NF}' | median; }

# seconds of a command (stdout dropped), after an untimed sync; bash's
# own clock, as a `date` on each side would add two processes (~5 ms, a
# twentieth of a rerun) to the time
timed() {
	sync
	local s e
	s=$EPOCHREALTIME
	"$@" >/dev/null
	e=$EPOCHREALTIME
	awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'
}

# a helper's own line (its wall-clock time first, its CPU time last),
# after an untimed sync
self_timed() {
	sync
	"$@"
}

# The rounds: every case once per round, interleaved, so that a drift in
# the machine's state touches all of them alike.
: >t-cpu1; : >t-cpu1f; : >t-cpun; : >t-exact1; : >t-fso1; : >t-fson; : >t-fsip1; : >t-fsipn
: >t-cold; : >t-inplace; : >t-jobs1; : >t-mixo; : >t-mixip
for k in $(seq "$runs"); do
	self_timed ./cpubound 1 <paths >>t-cpu1
	self_timed ./cpubound 1 fresh <paths >>t-cpu1f
	self_timed ./cpubound "$cores" <paths >>t-cpun
	self_timed ./cpubound 1 <paths-exact >>t-exact1
	self_timed ./fswrite 1 "$runs_dir/fso1-$k" <list-o >>t-fso1
	self_timed ./fswrite "$cores" "$runs_dir/fson-$k" <list-o >>t-fson
	self_timed ./fswrite 1 "$runs_dir/fs1-$k" <list-ip >>t-fsip1
	self_timed ./fswrite "$cores" "$runs_dir/fsn-$k" <list-ip >>t-fsipn
	timed pd tree -o "$runs_dir/cold-$k" --no-cache >>t-cold
	timed pd "$runs_dir/pd-$k" --no-cache >>t-inplace
	timed pd "$runs_dir/pd1-$k" --no-cache --jobs 1 >>t-jobs1
	if [ -n "${MIX_DIGEST:-}" ]; then
		timed $MIX_DIGEST "$dir/tree" "$dir/$runs_dir/mixo-$k" >>t-mixo
		timed $MIX_DIGEST "$dir/$runs_dir/mix-$k" "$dir/$runs_dir/mix-$k" >>t-mixip
	fi
done
cpu1=$(median <t-cpu1)
cpu1f=$(median <t-cpu1f)
cpun=$(median <t-cpun)
cpu=$(awk -v a="$cpu1" -v c="$cores" 'BEGIN {print a / c}')
exact_cpu=$(cpu_median <t-exact1)
fs_o1=$(median <t-fso1)
fs_on=$(median <t-fson)
fs_ip1=$(median <t-fsip1)
fs_ipn=$(median <t-fsipn)
min() { awk -v a="$1" -v b="$2" 'BEGIN {print a < b ? a : b}'; }
fs_o=$(min "$fs_o1" "$fs_on")
fs_ip=$(min "$fs_ip1" "$fs_ipn")
# the floor: the CPU seconds both helpers spent, spread over the cores
# with nothing lost
fs_o_cpu=$(min "$(cpu_median <t-fso1)" "$(cpu_median <t-fson)")
fs_ip_cpu=$(min "$(cpu_median <t-fsip1)" "$(cpu_median <t-fsipn)")
floor() { awk -v a="$exact_cpu" -v b="$1" -v c="$2" 'BEGIN {print (a + b) / c}'; }
floor_o=$(floor "$fs_o_cpu" "$cores")
floor_ip=$(floor "$fs_ip_cpu" "$cores")
floor_1=$(floor "$fs_ip_cpu" 1)
cold=$(median <t-cold)
inplace=$(median <t-inplace)
jobs1=$(median <t-jobs1)

# the rerun: a first run fills the cache, then nothing changes
pd "$runs_dir/rerun" --cache-dir cache
: >t-rerun
for _ in $(seq $((runs * 3))); do timed pd "$runs_dir/rerun" --cache-dir cache >>t-rerun; done
rerun=$(median <t-rerun)

row() { printf '%-44s %8.3f s\n' "$1" "$2"; }
ratio() {
	awk -v n="$1" -v t="$2" -v a="$3" -v b="$4" -v f="$5" \
		'BEGIN {m = a > b ? a : b; printf "%-44s %8.3f s   %5.2fx the larger bound (%.3f s), %4.2fx the floor (%.3f s)\n", n, t, t / m, m, t / f, f}'
}
echo
echo "bounds (median of $runs):"
row "CPU: MD5 + gzip -6, 1 thread" "$cpu1"
row "CPU: the same, a new deflate state per file" "$cpu1f"
row "CPU: the same on $cores threads" "$cpun"
row "CPU bound: 1 thread / $cores cores" "$cpu"
row "FS: write -o's files, 1 thread" "$fs_o1"
row "FS: write -o's files, $cores threads" "$fs_on"
row "FS: write in-place files, 1 thread" "$fs_ip1"
row "FS: write in-place files, $cores threads" "$fs_ipn"
row "CPU: + rewritten CSS/maps again, CPU time" "$exact_cpu"
row "FS: -o's files, CPU time (less of 1, $cores thr.)" "$fs_o_cpu"
row "FS: in-place files, CPU time" "$fs_ip_cpu"
row "exact-output floor, -o: CPU times / $cores" "$floor_o"
row "exact-output floor, in place" "$floor_ip"
echo
echo "phx-digest (median of $runs):"
ratio "cold into a fresh -o" "$cold" "$cpu" "$fs_o" "$floor_o"
ratio "in place" "$inplace" "$cpu" "$fs_ip" "$floor_ip"
ratio "in place, --jobs 1 (vs the 1-thread bounds)" "$jobs1" "$cpu1" "$fs_ip1" "$floor_1"
printf '%-44s %8.1f ms\n' "rerun, nothing changed (median of $((runs * 3)))" "$(awk -v t="$rerun" 'BEGIN {print t * 1000}')"
if [ -n "${MIX_DIGEST:-}" ]; then
	mixo=$(median <t-mixo)
	mixip=$(median <t-mixip)
	echo
	echo "mix phx.digest (median of $runs, same rounds):"
	printf '%-44s %8.3f s   phx-digest is %.2fx faster\n' "cold into a fresh -o" "$mixo" \
		"$(awk -v m="$mixo" -v p="$cold" 'BEGIN {print m / p}')"
	printf '%-44s %8.3f s   phx-digest is %.2fx faster\n' "in place" "$mixip" \
		"$(awk -v m="$mixip" -v p="$inplace" 'BEGIN {print m / p}')"
	printf '%-44s at most %.2fx / %.2fx faster (-o / in place)\n' "any exact tool at the floor here:" \
		"$(awk -v m="$mixo" -v f="$floor_o" 'BEGIN {print m / f}')" \
		"$(awk -v m="$mixip" -v f="$floor_ip" 'BEGIN {print m / f}')"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$runs_dir" cache twice
