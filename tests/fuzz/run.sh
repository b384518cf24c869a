#!/usr/bin/env bash
# Runs every built libFuzzer harness for FUZZ_SECONDS over a scratch copy of
# its seed corpus (tests/fuzz/corpus/<name>/ or corpus/fuzz_<name>/), so the checked-in corpus is only
# read. Exits non-zero if any harness finds a crash, leak or timeout.
set -uo pipefail
cd "$(dirname "$0")/../.."
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
rc=0
for f in "$FUZZ_BUILD"/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	work=$(mktemp -d "${TMPDIR:-/tmp}/mixless-$name.XXXXXX")
	for seeds in "tests/fuzz/corpus/${name#fuzz_}" "tests/fuzz/corpus/$name"; do
		[ -d "$seeds" ] && cp -r "$seeds/." "$work/" 2>/dev/null
	done
	# The Elixir readers also start from every real source file we have,
	# rather than from copies of them kept in the corpus.
	case $name in *exs*)
		i=0
		find examples tests/fixtures -type f \( -name '*.ex' -o -name '*.exs' \
			-o -path 'tests/fixtures/exs/*.txt' \) -print0 |
			while IFS= read -r -d '' src; do
				i=$((i + 1)); cp "$src" "$work/src-$i-$(basename "$src")"
			done ;;
	*routes*)	# the router reader starts from the test routers too
		for src in tests/fixtures/phx-routes/routers/*.ex examples/hello/lib/hello_web/router.ex; do
			# the harness reads byte 0 as its selector
			{ printf '\001'; cat "$src"; } >"$work/src-$(basename "$src")"
		done ;;
	*eex*)	# EEx starts from the differential cases
		cp tests/fixtures/eex/cases/*.eex "$work/" ;;
	esac
	if "$f" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$work/" "$work" >"$work.log" 2>&1; then
		printf '%s: ok, %s runs in %ss\n' "$name" \
			"$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')" "$FUZZ_SECONDS"
		rm -rf "$work" "$work.log"
	else
		echo "$name: FAILED (log $work.log, artifacts in $work)"
		tail -40 "$work.log"
		rc=1
	fi
done
exit $rc
