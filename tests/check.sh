#!/usr/bin/env bash
# make check: every test, the way CI runs it.
#
#   1. normal build (RelWithDebInfo): unit, CLI and integration tests (ctest)
#   2. valgrind over every unit test binary
#   3. sanitizer build (ASan + UBSan): the same ctest suite
#   4. fuzz build (clang + libFuzzer), when clang is there: each harness
#      replays its corpus and fuzzes for FUZZ_SMOKE_SECONDS (default 20)
#
# Ends with one line of totals, "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

BUILD=${BUILD:-build}
ASAN_BUILD=${ASAN_BUILD:-build-asan}
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-20}
passed=0
failed=0
skipped=0
failures=()

stage() { printf '\n==> %s\n' "$*"; }

# Counts the individual tests inside a ctest run: unit binaries print
# "ok - name" lines, bats prints TAP "ok N name" lines.
# A skipped bats case ("ok N name # skip ...") is counted as skipped, never
# as passed.
count_log() {
	local log=$1 label=$2 ok notok skip
	ok=$(grep -E '^(ok -|ok [0-9]+ )' "$log" | grep -Evc ' # skip' || true)
	skip=$(grep -E '^ok [0-9]+ ' "$log" | grep -Ec ' # skip' || true)
	notok=$(grep -Ec '^(not ok -|not ok [0-9]+ )' "$log" || true)
	passed=$((passed + ok))
	failed=$((failed + notok))
	skipped=$((skipped + skip))
	printf '%s: %d test cases passed, %d failed, %d skipped\n' "$label" "$ok" "$notok" "$skip"
}

run_suite() {
	local dir=$1 label=$2 rc
	stage "ctest ($label)"
	ctest --test-dir "$dir" -j "$JOBS" --output-on-failure -O "$dir/ctest.log" --timeout 900
	rc=$?
	# LastTest.log holds every test's full output, passing ones too.
	count_log "$dir/Testing/Temporary/LastTest.log" "$label"
	if [ $rc -ne 0 ]; then
		failures+=("ctest ($label)")
		# A crash or a failed binary with no "not ok" line still counts.
		[ "$(grep -Ec '^not ok' "$dir/Testing/Temporary/LastTest.log")" -gt 0 ] || failed=$((failed + 1))
	fi
}

# A configure step is quiet when it works; when it fails, CMake's own output,
# which names what is missing, is printed.
configure() {
	local out
	out=$(cmake "$@" 2>&1) && return 0
	printf '%s\n' "$out" >&2
	return 1
}

stage "build ($BUILD)"
configure -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
	cmake --build "$BUILD" -j "$JOBS" || { echo "build failed"; exit 1; }
run_suite "$BUILD" "normal build"

if command -v valgrind >/dev/null; then
	stage "valgrind (unit tests)"
	vg_fail=0
	for t in "$BUILD"/tests/unit_*; do
		[ -x "$t" ] || continue
		case $t in /*) ;; *) t=$root/$t ;; esac
		if (cd tests/fixtures && MIXLESS_SOURCE_DIR=$root MIXLESS_FIXTURES=$PWD \
			valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
			"$t" >/dev/null 2>"/tmp/mixless-vg.$$.log"); then
			passed=$((passed + 1))
		else
			echo "valgrind: $(basename "$t") failed:"; cat "/tmp/mixless-vg.$$.log"
			failed=$((failed + 1)); vg_fail=1
		fi
	done
	rm -f "/tmp/mixless-vg.$$.log"
	[ $vg_fail -eq 0 ] && echo "valgrind: every unit test binary clean" || failures+=("valgrind")
else
	echo "valgrind not installed: skipped (not counted)"
fi

stage "build ($ASAN_BUILD, ASan + UBSan)"
if configure -S . -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=Debug -DMIXLESS_SANITIZE=ON &&
	cmake --build "$ASAN_BUILD" -j "$JOBS"; then
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		run_suite "$ASAN_BUILD" "sanitizer build"
else
	failures+=("sanitizer build"); failed=$((failed + 1))
fi

if command -v clang >/dev/null && [ -n "$(ls tests/fuzz/fuzz_*.c 2>/dev/null)" ]; then
	stage "fuzz smoke ($FUZZ_BUILD, ${FUZZ_SMOKE_SECONDS}s per harness)"
	if CC=clang configure -S . -B "$FUZZ_BUILD" -DMIXLESS_FUZZ=ON -DMIXLESS_TESTS=OFF &&
		cmake --build "$FUZZ_BUILD" -j "$JOBS" >/dev/null; then
		if FUZZ_BUILD=$FUZZ_BUILD FUZZ_SECONDS=$FUZZ_SMOKE_SECONDS tests/fuzz/run.sh; then
			n=$(ls "$FUZZ_BUILD"/fuzz/fuzz_* 2>/dev/null | wc -l)
			passed=$((passed + n))
		else
			failures+=("fuzz"); failed=$((failed + 1))
		fi
	else
		failures+=("fuzz build"); failed=$((failed + 1))
	fi
fi

stage "summary"
if [ ${#failures[@]} -gt 0 ]; then
	printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ] && [ ${#failures[@]} -eq 0 ]
