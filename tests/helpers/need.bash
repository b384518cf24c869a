# need.bash: tests that use a tool a developer may lack.
#
#   load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"
#   need ninja ninja-build        # first line of the @test
#
# need TOOL PACKAGE skips the test when TOOL is not on PATH, except in CI
# (.ci/run sets MIXLESS_CI=1 and installs every PACKAGE named here), where a
# missing tool fails the test: CI runs every test, a skip there would hide a
# check. Only for genuinely optional tools; what the build itself needs
# (cmake, make, python3, bats) is never skipped.
need() {
	command -v "$1" >/dev/null && return 0
	if [ "${MIXLESS_CI:-0}" = 1 ]; then
		echo "$1 is not installed (Debian package $2); CI must run this test" >&2
		return 1
	fi
	skip "$1 not installed (Debian package $2)"
}
