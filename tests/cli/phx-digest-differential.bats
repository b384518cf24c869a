#!/usr/bin/env bats
# phx-digest against the real `mix phx.digest` / `mix phx.digest.clean` of
# Phoenix 1.7.24 on a hard input tree (tests/fixtures/phx-digest/differential):
# the same scenario script ran there with mix (outputs in
# tests/fixtures/golden/digest-differential, see its README) and runs here with
# phx-digest; trees (names, bytes, gzip bytes), manifests (mtime normalised),
# messages and exit codes must be the same.

bats_require_minimum_version 1.5.0

fix="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/differential"
golden="$MIXLESS_SOURCE_DIR/tests/fixtures/golden/digest-differential"
goldseq="$MIXLESS_SOURCE_DIR/tests/fixtures/golden/digest-sequences"

setup_file() {
	export DIFF_TMP
	DIFF_TMP=$(mktemp -d "${BATS_TMPDIR:-/tmp}/phx-digest-diff.XXXXXX")
	# the cache outside a project: the test's own
	export XDG_CACHE_HOME="$DIFF_TMP/xdg"
	# the cwd must be called "app", as the mix run's was (Path.expand quirk)
	mkdir -p "$DIFF_TMP/app" "$DIFF_TMP/run1/app"
	(cd "$DIFF_TMP/app" && bash "$fix/scenarios.sh" mixless "$DIFF_TMP/res") >"$DIFF_TMP/log" 2>&1
	# the same with no cache and one thread: the other code paths
	(cd "$DIFF_TMP/run1/app" && PHX_DIGEST_FLAGS="--no-cache -j 1" bash "$fix/scenarios.sh" mixless "$DIFF_TMP/res1") \
		>"$DIFF_TMP/log1" 2>&1
	# digest/edit/clean sequences with the cache in every state
	(cd "$DIFF_TMP/app" && bash "$fix/sequences.sh" mixless "$DIFF_TMP/seq") >"$DIFF_TMP/logseq" 2>&1
	(cd "$DIFF_TMP/run1/app" && PHX_DIGEST_FLAGS="-j 1" bash "$fix/sequences.sh" mixless "$DIFF_TMP/seq1") \
		>"$DIFF_TMP/logseq1" 2>&1
}

teardown_file() {
	[ -n "${DIFF_TMP:-}" ] && rm -rf "$DIFF_TMP"
}

# same NAME...: every golden file of those scenarios equals ours
same() {
	local n f ok=0
	for n in "$@"; do
		for f in "$golden/$n".*; do
			[ -e "$f" ] || { echo "no golden file for $n"; ok=1; continue; }
			diff -u "$f" "$DIFF_TMP/res/${f##*/}" || ok=1
		done
	done
	return $ok
}

@test "the scenario script ran" {
	cat "$DIFF_TMP/log"
	[ -s "$DIFF_TMP/res/digest-o.tree" ]
	[ "$(grep -c . "$DIFF_TMP/res/digest-o.tree")" -gt 150 ]
}

@test "differential: digest -o to a new directory (url() forms, source maps, names, gzip)" {
	same digest-o
}

@test "differential: --no-vsn" {
	same digest-novsn
}

@test "differential: in place, rerun after changes keeps old digests, drops deleted ones" {
	same digest-inplace digest-inplace2 digest-inplace3
}

@test "differential: in place, only a referenced image changed: the CSS's digested copy is rewritten" {
	same digest-inplace4
}

@test "differential: an output inside the input, run twice" {
	same digest-nested2
}

@test "differential: INPUT/ and OUTPUT/ with a trailing slash" {
	same digest-slash
}

@test "differential: INPUT spelled ./dir puts Phoenix's outputs under OUTPUT/dir/" {
	same digest-dotslash
	grep -q '^dd/in/css/app-d42c75850423e3a15b1833e01262565d.css ' "$DIFF_TMP/res/digest-dotslash.tree"
}

@test "differential: the project's :gzippable_exts decides what is gzipped" {
	same digest-config
	grep -q '^images/IMAGE.PNG.gz ' "$DIFF_TMP/res/digest-config.tree"
	run grep -q '^css/.*\.css\.gz ' "$DIFF_TMP/res/digest-config.tree"
	[ "$status" -ne 0 ]
}

@test "differential: names that are not UTF-8 are skipped, as the VM skips them" {
	same digest-badnames
	grep -q '^robots.txt ' "$DIFF_TMP/res/digest-badnames.tree"
	run grep -c '^caf' "$DIFF_TMP/res/digest-badnames.tree"
	[ "$output" = 0 ]
}

@test "a name that is not UTF-8 gets a warning naming it" {
	mkdir -p "$BATS_TEST_TMPDIR/in"
	printf 'x' >"$BATS_TEST_TMPDIR/in/ok.txt"
	printf 'x' >"$BATS_TEST_TMPDIR/in/caf"$'\xe9'".css"
	run --separate-stderr phx-digest "$BATS_TEST_TMPDIR/in" -o "$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ]
	[ "$stderr" = "warning: skipping '$BATS_TEST_TMPDIR/in/caf"$'\xe9'".css': the name is not valid UTF-8 (Phoenix skips it too)" ]
	[ -f "$BATS_TEST_TMPDIR/out/ok.txt" ]
	[ ! -e "$BATS_TEST_TMPDIR/out/caf"$'\xe9'".css" ]
}

@test "differential: an old manifest of version 2 is discarded" {
	same digest-v2
}

@test "differential: where mix crashes (manifest not JSON, no \"digests\", OUTPUT a file) exit 1" {
	same digest-badjson digest-nodigests clean-nodigests digest-outfile
}

@test "differential: missing input and missing output exit 0 with Phoenix's message" {
	same digest-missing clean-missing digest-missing-odd clean-missing-odd
}

@test "differential: the three-version tree that clean starts from" {
	same clean-input
}

@test "differential: clean with no switch, --age 0 --keep 1, --keep 0, --age 3600 --keep 1, --keep 5" {
	same clean-default clean-age0-keep1 clean-keep0 clean-age3600-keep1 clean-keep5
}

@test "differential: clean with a negative --age or --keep" {
	same clean-agefuture clean-keepneg
}

@test "differential: clean --all (also with --keep)" {
	same clean-all clean-all-keep5
}

@test "differential: clean of a directory with no manifest or a version 2 one" {
	same clean-nomanifest clean-v2 clean-nomanifest-all
}

@test "differential: every golden file is produced, and nothing else" {
	diff <(cd "$golden" && find . -type f ! -name README.txt | LC_ALL=C sort) \
		<(cd "$DIFF_TMP/res" && find . -type f | LC_ALL=C sort)
}

@test "differential: --no-cache -j 1 gives the same results" {
	cat "$DIFF_TMP/log1"
	diff -r -x README.txt "$golden" "$DIFF_TMP/res1"
}

@test "INPUT spelled ./dir: inputs are still read (and listed in the depfile) where they are" {
	cd "$BATS_TEST_TMPDIR"
	mkdir -p in/css
	printf 'a{b:url(../x.png)}' >in/css/app.css
	printf 'x' >in/x.png
	run phx-digest ./in -o out --depfile dep.d
	[ "$status" -eq 0 ]
	[ -f out/in/css/app.css ]
	[ "$(cat out/in/css/app-$(md5sum <in/css/app.css | cut -c1-32).css)" = \
		"a{b:url(../x-$(md5sum <in/x.png | cut -c1-32).png?vsn=d)}" ]
	grep -q "^  $BATS_TEST_TMPDIR/in/css/app.css " dep.d
	run grep -c "in/in/" dep.d
	[ "$output" = 0 ]
}

@test "differential: digest/edit/clean sequences, the cache absent, kept, stale, corrupt or another input's" {
	cat "$DIFF_TMP/logseq"
	[ "$(ls "$goldseq" | grep -c '^seq-')" -gt 40 ]
	diff -r -x README.txt "$goldseq" "$DIFF_TMP/seq"
}

@test "differential: the same sequences on one thread" {
	cat "$DIFF_TMP/logseq1"
	diff -r -x README.txt "$goldseq" "$DIFF_TMP/seq1"
}
