#!/usr/bin/env bats
# phx-gen auth: mix phx.gen.auth. Expected outputs are genuine runs of
# Phoenix 1.7.24's task in a fresh `mix phx.new hello` app
# (tests/fixtures/phx-gen/auth-<case>/: args, epoch, stdout, files/); the
# app is tests/fixtures/phx-gen/authapp (the files the task reads).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() {
	WEBAPP="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/authapp"
	EXPECTED="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen"
	web_setup
}

# auth_run ARGS...: phx-gen auth in the app, stdout and stderr kept apart
auth_run() {
	status=0
	phx-gen auth "$@" >"$BATS_TEST_TMPDIR/stdout" 2>"$BATS_TEST_TMPDIR/stderr" || status=$?
	output=$(cat "$BATS_TEST_TMPDIR/stdout")
	stderr=$(cat "$BATS_TEST_TMPDIR/stderr")
}

@test "auth: LiveView, bcrypt: every file and injection as Phoenix's" {
	web_case auth-live
	web_assert_case auth-live
}

@test "auth: --hashing-lib pbkdf2: the dep, the test rounds and the hashing calls, as Phoenix's" {
	web_case auth-live-pbkdf2
	web_assert_case auth-live-pbkdf2
}

@test "auth: --binary-id: the schemas' keys and the migration, as Phoenix's" {
	web_case auth-live-binary-id
	web_assert_case auth-live-binary-id
}

@test "auth: Staff Member members: every name from the context and schema, as Phoenix's" {
	web_case auth-live-member
	web_assert_case auth-live-member
}

@test "auth: --no-live: the controllers, HTML modules and templates, as Phoenix's" {
	web_case auth-ctrl
	web_assert_case auth-ctrl
}

@test "auth: --no-live, Staff Member members, as Phoenix's" {
	web_case auth-ctrl-member
	web_assert_case auth-ctrl-member
}
