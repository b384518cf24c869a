#!/usr/bin/env bats
# phx-digest on examples/hello gives, byte for byte, the tree that the real
# `mix phx.digest` (Phoenix 1.7.24) wrote for it (tests/fixtures/golden/hello),
# and the same manifest except each entry's "mtime", which is the run's time.

golden="$MIXLESS_SOURCE_DIR/tests/fixtures/golden/hello/digest"

setup() {
	out="$BATS_TEST_TMPDIR/out"
	cp -r "$MIXLESS_SOURCE_DIR/examples/hello/priv/static" "$BATS_TEST_TMPDIR/static"
	# the cache outside a project: the test's own
	export XDG_CACHE_HOME="$BATS_TEST_TMPDIR/xdg"
}

# The manifest with every "mtime":N replaced, so two runs can be compared.
without_mtime() {
	sed -E 's/"mtime":[0-9]+/"mtime":_/g' "$1"
}

@test "the digested tree is byte-identical to mix phx.digest's" {
	run phx-digest "$BATS_TEST_TMPDIR/static" -o "$out"
	[ "$status" -eq 0 ]
	[ "$output" = "Check your digested files at \"$out\"" ]
	run diff -r -x cache_manifest.json -x '.phx-digest*' "$golden" "$out"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "the manifest matches mix phx.digest's but for mtime" {
	phx-digest "$BATS_TEST_TMPDIR/static" -o "$out"
	# Phoenix prints the outer maps of more than 32 keys in hash order; this
	# one is small, so the key order is deterministic and must match too.
	diff <(without_mtime "$golden/cache_manifest.json") <(without_mtime "$out/cache_manifest.json")
}

@test "manifest mtimes are the run time in Gregorian seconds" {
	before=$(( $(date +%s) + 62167219200 ))
	phx-digest "$BATS_TEST_TMPDIR/static" -o "$out"
	after=$(( $(date +%s) + 62167219200 ))
	mtimes=$(grep -oE '"mtime":[0-9]+' "$out/cache_manifest.json" | cut -d: -f2)
	[ -n "$mtimes" ]
	for m in $mtimes; do
		[ "$m" -ge "$before" ]
		[ "$m" -le "$after" ]
	done
}

@test "digesting in place (no -o) writes beside the sources, like mix phx.digest" {
	run phx-digest "$BATS_TEST_TMPDIR/static"
	[ "$status" -eq 0 ]
	run diff -r -x cache_manifest.json -x '.phx-digest*' "$golden" "$BATS_TEST_TMPDIR/static"
	echo "$output"
	[ "$status" -eq 0 ]
}
