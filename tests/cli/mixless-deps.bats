#!/usr/bin/env bats
# The set-up step (`make deps`, .ci/deps): one package list, the missing
# packages found with dpkg-query and installed with apt-get when this user
# may (root, or sudo without a password), else the exact apt-get line and a
# stop. dpkg-query, id, sudo and apt-get are fakes on PATH that log their
# calls, so nothing is installed for real.

bats_require_minimum_version 1.5.0

setup() {
	unset MAKEFLAGS MFLAGS MAKELEVEL
	src=$MIXLESS_SOURCE_DIR
	fake=$BATS_TEST_TMPDIR/fake
	log=$BATS_TEST_TMPDIR/calls.log
	mkdir -p "$fake"
	: >"$log"
	# Reports every package installed except those named in $MISSING.
	cat >"$fake/dpkg-query" <<-'EOF'
	#!/bin/sh
	p=$(eval echo \${$#})
	for m in $MISSING; do
		[ "$m" = "$p" ] && { echo "dpkg-query: no packages found matching $p" >&2; exit 1; }
	done
	printf 'install ok installed'
	EOF
	cat >"$fake/id" <<-'EOF'
	#!/bin/sh
	echo "${FAKE_UID:-0}"
	EOF
	cat >"$fake/apt-get" <<-EOF
	#!/bin/sh
	echo "apt-get \$*" >>"$log"
	EOF
	# Password-less when FAKE_SUDO=ok; runs the command as given.
	cat >"$fake/sudo" <<-EOF
	#!/bin/sh
	[ "\$FAKE_SUDO" = ok ] || exit 1
	[ "\$1" = -n ] && shift
	echo "sudo \$*" >>"$log"
	"\$@"
	EOF
	chmod +x "$fake"/*
	export PATH="$fake:$PATH"
}

@test "deps: nothing missing, nothing said, nothing installed" {
	MISSING="" run --separate-stderr "$src/.ci/deps"
	[ "$status" -eq 0 ]
	[ -z "$output$stderr" ]
	[ ! -s "$log" ]
}

@test "deps: as root, apt-get update then install of exactly the missing packages" {
	MISSING="libzstd-dev bats" run "$src/.ci/deps"
	[ "$status" -eq 0 ]
	[[ "$output" == *"deps: installing libzstd-dev bats"* ]]
	[ "$(cat "$log")" = "apt-get update
apt-get install -y --no-install-recommends libzstd-dev bats" ]
}

@test "deps: with password-less sudo, installs through sudo" {
	FAKE_UID=1000 FAKE_SUDO=ok MISSING="libzstd-dev" run "$src/.ci/deps"
	[ "$status" -eq 0 ]
	grep -qx "sudo apt-get install -y --no-install-recommends libzstd-dev" "$log"
	grep -qx "apt-get update" "$log"
}

@test "deps: without root or sudo, prints the exact apt-get line and stops" {
	FAKE_UID=1000 FAKE_SUDO=no MISSING="libzstd-dev libpq-dev" run --separate-stderr "$src/.ci/deps"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"deps: these Debian packages are missing: libpq-dev libzstd-dev"* ]]
	[[ "$stderr" == *"  sudo apt-get update && sudo apt-get install -y --no-install-recommends libpq-dev libzstd-dev"* ]]
	[ ! -s "$log" ] || ! grep -q apt-get "$log"
}

@test "deps: every package of the list is asked about, comments skipped" {
	list=$BATS_TEST_TMPDIR/packages
	printf '# a comment\n\nfoo-dev  # why foo\nbar\n' >"$list"
	MIXLESS_PACKAGES=$list MISSING="foo-dev bar baz" run "$src/.ci/deps" --print
	[ "$status" -eq 0 ]
	[ "$output" = "deps: missing: foo-dev bar" ]
}

@test "deps: .ci/run and the Makefile use the one list" {
	grep -q '^\.ci/deps$' "$src/.ci/run"
	! grep -q 'apt-get install' "$src/.ci/run"
	run make -C "$src" -n check
	[[ "$output" == *".ci/deps"* ]]
	run make -C "$src" -n demo
	[[ "$output" == *".ci/deps"* ]]
}

@test "make demo stops at deps when packages are missing and cannot be installed" {
	printf '#!/bin/sh\necho "cmake $*" >>"%s"\n' "$log" >"$fake/cmake"
	chmod +x "$fake/cmake"
	FAKE_UID=1000 FAKE_SUDO=no MISSING="libzstd-dev" run make -C "$src" demo BUILD="$BATS_TEST_TMPDIR/b"
	[ "$status" -ne 0 ]
	[[ "$output" == *"apt-get install -y --no-install-recommends libzstd-dev"* ]]
	! grep -q cmake "$log"
}

@test "a failed configure prints CMake's own message" {
	cat >"$fake/cmake" <<-'EOF'
	#!/bin/sh
	echo "-- Checking for module 'libzstd'"
	echo "CMake Error at CMakeLists.txt:9 (pkg_check_modules):" >&2
	echo "  A required package was not found: libzstd" >&2
	exit 1
	EOF
	chmod +x "$fake/cmake"
	run make -C "$src" build BUILD="$BATS_TEST_TMPDIR/b"
	[ "$status" -ne 0 ]
	[[ "$output" == *"A required package was not found: libzstd"* ]]
	[[ "$output" == *"cmake configure of $BATS_TEST_TMPDIR/b failed"* ]]
}
