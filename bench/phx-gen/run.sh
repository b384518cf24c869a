#!/usr/bin/env bash
# phx-gen benchmark: `phx-gen schema` with 12 fields (every kind of type, a
# unique, a reference) into a scratch copy of examples/hello, the whole
# process (start, project and config read, templates, atomic writes),
# measured with hyperfine when installed, else a bash loop (median of the
# runs). The generated files are removed before each run.
#
#   bench/phx-gen/run.sh [path/to/phx-gen]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$(command -v phx-gen)}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
runs=${RUNS:-21}
dir=$(mktemp -d "${TMPDIR:-/tmp}/phx-gen-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cp -r "$root/examples/hello" "$dir/hello"
cd "$dir/hello"

args=(schema Shop.Item items title:string:unique body:text price:decimal count:integer
	ratio:float active:boolean meta:map tags:array:string status:enum:draft:live
	due:date at:utc_datetime user_id:references:users)
clean='rm -rf lib/hello/shop priv/repo/migrations/*_create_items.exs'

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "tool: $bin"
echo "command: phx-gen ${args[*]}"
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 3 --runs "$runs" --prepare "sh -c '$clean'" "$bin ${args[*]}" \
		"$bin ${args[*]} --dry-run"
	exit
fi
measure() {
	local times=()
	for _ in $(seq "$runs"); do
		sh -c "$clean"
		s=$(date +%s%N)
		"$bin" "${args[@]}" "$@" >/dev/null
		e=$(date +%s%N)
		times+=($(((e - s) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n |
		awk '{a[NR]=$1} END {printf "runs: %d, best %.2f ms, median %.2f ms\n", NR, a[1]/1000, a[int((NR+1)/2)]/1000}'
}
echo "writing the files (two fsyncs each, as every atomic write):"
measure
echo "--dry-run (everything but the writes):"
measure --dry-run
