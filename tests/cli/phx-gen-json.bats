#!/usr/bin/env bats
# phx-gen json: mix phx.gen.json. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "json: the guide's example, files and output as Phoenix's" {
	web_case json1
	web_assert_case json1
}

@test "json: every type: JSON values after the round trip in the tests, as Phoenix's" {
	web_case jsonall
	web_assert_case jsonall
}

@test "json: --web Admin: namespaced modules, paths and the :api scope instructions, as Phoenix's" {
	web_case jsonweb
	web_assert_case jsonweb
}

@test "json: --binary-id and a unique integer, as Phoenix's" {
	web_case jsonbin
	web_assert_case jsonbin
}

@test "json: --no-schema: the context without a schema, as Phoenix's" {
	web_case jsonnoschema
	web_assert_case jsonnoschema
}

@test "json: changeset_json.ex and fallback_controller.ex are created only when missing" {
	mkdir -p lib/hello_web/controllers
	echo "# mine" >lib/hello_web/controllers/changeset_json.ex
	echo "# mine too" >lib/hello_web/controllers/fallback_controller.ex
	web_case json1
	[ "$status" -eq 0 ]
	[ "$(cat lib/hello_web/controllers/changeset_json.ex)" = "# mine" ]
	[ "$(cat lib/hello_web/controllers/fallback_controller.ex)" = "# mine too" ]
	! grep -q "changeset_json.ex\|fallback_controller.ex" "$BATS_TEST_TMPDIR/stdout"
	# and they are not conflicts either
	! grep -q "conflict" "$BATS_TEST_TMPDIR/stdout"
}
