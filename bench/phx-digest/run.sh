#!/usr/bin/env bash
# phx-digest benchmark: 10,000 files / ~200 MiB of generated assets (gen.py,
# fixed seed) in $BENCH_DIR (default /tmp/phx-digest-bench), measured with
# hyperfine when installed (else a bash loop, median of the runs).
#
#   bench/phx-digest/run.sh [path/to/phx-digest]
#
# Reports files/s and MB/s for:
#   cold run, --jobs 1 and --jobs 2 (output directory removed before each run)
#   rerun with no change
#   rerun with one file changed (a CSS file that other files do not reference)
#   the bound: `gzip -6` plus `md5sum` over the same bytes (page cache warm),
#   each single-threaded, one process over all the bytes
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$(command -v phx-digest)}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
dir=${BENCH_DIR:-/tmp/phx-digest-bench}
runs=${RUNS:-5}

if [ ! -f "$dir/.generated" ]; then
	rm -rf "$dir"
	python3 "$here/gen.py" "$dir/static"
	touch "$dir/.generated"
fi
cd "$dir"
files=$(find static -type f | wc -l)
bytes=$(find static -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
echo "tree: $files files, $mb MiB ($dir/static)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "tool: $bin"
# warm the page cache: every variant reads the same bytes from memory
find static -type f -print0 | xargs -0 cat >/dev/null

# seconds (median) of a shell command; $1 = prepare command, $2 = command
measure() {
	local prepare=$1 cmd=$2
	if command -v hyperfine >/dev/null; then
		hyperfine --runs "$runs" --prepare "$prepare" --export-json /tmp/pdb-hf.json "$cmd" >/dev/null
		python3 -c 'import json; print(json.load(open("/tmp/pdb-hf.json"))["results"][0]["median"])'
	else
		local t=()
		for _ in $(seq "$runs"); do
			bash -c "$prepare"
			local s e
			s=$(date +%s.%N)
			bash -c "$cmd" >/dev/null
			e=$(date +%s.%N)
			t+=("$(awk -v s="$s" -v e="$e" 'BEGIN {print e - s}')")
		done
		printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
	fi
}

report() {
	awk -v n="$1" -v s="$2" -v f="$files" -v b="$bytes" \
		'BEGIN {printf "%-34s %9.3f s %10.0f files/s %8.1f MB/s\n", n, s, f / s, b / 1048576 / s}'
}

t_gzip=$(measure 'true' "find static -type f -print0 | xargs -0 cat | gzip -6 >/dev/null")
t_md5=$(measure 'true' "find static -type f -print0 | xargs -0 md5sum >/dev/null")
t_bound=$(awk -v a="$t_gzip" -v b="$t_md5" 'BEGIN {print a + b}')
report "bound: gzip -6" "$t_gzip"
report "bound: md5sum" "$t_md5"
report "bound: gzip -6 + md5sum" "$t_bound"

# Cold runs start without an output directory. The previous one is moved
# aside, not deleted: right after 40,000 files are deleted, ext4 spends
# seconds of system time skipping their recently freed inodes when new
# files are created (recently_deleted() in perf), which would measure the
# file system's state, not the tool. The trash is removed at the end.
mkdir -p trash
aside='[ -d out ] && mv out trash/out.$(date +%s%N); true'
t_cold1=$(measure "$aside" "$bin static -o out -q --jobs 1")
report "cold, --jobs 1" "$t_cold1"
t_cold2=$(measure "$aside" "$bin static -o out -q --jobs 2")
report "cold, --jobs 2" "$t_cold2"
"$bin" static -o out -q
t_nochange=$(measure 'true' "$bin static -o out -q")
report "rerun, no change" "$t_nochange"
t_one=$(measure "echo '/* edit */' >>static/css/c0/style0000.css" "$bin static -o out -q")
report "rerun, one file changed" "$t_one"
awk -v c="$t_cold1" -v d="$t_cold2" -v b="$t_bound" \
	'BEGIN {printf "cold/bound: --jobs 1 %.2fx, --jobs 2 %.2fx (target <= 1.3x)\n", c / b, d / b}'
awk -v t="$t_nochange" 'BEGIN {printf "no-change rerun: %.1f ms (target < 100 ms)\n", t * 1000}'
rm -rf trash
