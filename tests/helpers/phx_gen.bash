# phx_gen.bash: golden-output checks for phx-gen's generators.
#
#   load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"
#   setup() { phx_gen_setup; }
#   golden schema-credential schema Accounts.Credential credentials ...
#
# Each case runs phx-gen in a fresh copy of examples/hello (a git work tree,
# so that what changed is `git status`), with SOURCE_DATE_EPOCH fixed so
# migration versions and sample dates are known, and compares with
# tests/fixtures/phx-gen/<case>/: `stdout` (exactly), `status` (git status
# --porcelain after the run, exactly) and files/ (every file, byte for byte).

PHX_GEN_FIXTURES="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen"
# 2025-12-05 02:00:00 UTC
export SOURCE_DATE_EPOCH=1764900000

phx_gen_setup() {
	app="$BATS_TEST_TMPDIR/hello"
	cp -r "$MIXLESS_SOURCE_DIR/examples/hello" "$app"
	rm -rf "$app/_build" "$app/deps" "$app/build"
	git -C "$app" init -q .
	git -C "$app" add -A
	git -C "$app" -c user.name=t -c user.email=t@t commit -qm base
	cd "$app"
}

# What changed in the project, as `git status --porcelain -uall` lists it.
changed() {
	git -C "$app" status --porcelain -uall
}

# golden CASE ARGS...: runs `phx-gen ARGS...` and compares with the case.
golden() {
	local case="$PHX_GEN_FIXTURES/$1"
	shift
	local rc=0
	phx-gen "$@" >"$BATS_TEST_TMPDIR/stdout" 2>"$BATS_TEST_TMPDIR/stderr" || rc=$?
	cat "$BATS_TEST_TMPDIR/stderr"
	[ "$rc" -eq 0 ]
	[ ! -s "$BATS_TEST_TMPDIR/stderr" ]
	diff -u "$case/stdout" "$BATS_TEST_TMPDIR/stdout"
	diff -u "$case/status" <(changed)
	(cd "$case/files" && find . -type f | sort) | while read -r f; do
		diff -u "$case/files/$f" "$app/$f"
	done
}

# record CASE ARGS...: writes the fixture of a case from this build (for
# a new case; review every file against Phoenix before committing it).
record() {
	local case="$PHX_GEN_FIXTURES/$1"
	shift
	rm -rf "$case"
	mkdir -p "$case/files"
	phx-gen "$@" >"$case/stdout"
	changed >"$case/status"
	changed | awk '{print $2}' | while read -r f; do
		mkdir -p "$case/files/$(dirname "$f")"
		cp "$app/$f" "$case/files/$f"
	done
}
