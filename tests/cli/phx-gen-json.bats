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

@test "json: an attribute named twice: the params maps keep the last, the listings and the fixture both, as Phoenix's" {
	web_case jsondup
	web_assert_case jsondup
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

@test "json: into an existing context (after html Blog Post), as Phoenix's" {
	# Phoenix's stdout there has the question "Would you like to proceed? [Yn] "
	# before the file lines; --yes answers it without printing it.
	local first
	read -r -a first <"$EXPECTED/ctx2/first_args"
	SOURCE_DATE_EPOCH=$(cat "$EXPECTED/ctx2/first_epoch") phx-gen "${first[@]}" --yes >/dev/null
	web_case ctx2
	web_assert_case ctx2
	grep -qx 'The Hello.Blog context currently has 6 functions and 1 file in its directory.' \
		"$BATS_TEST_TMPDIR/stdout"
}

@test "json: an existing context and --no-merge-with-existing-context: nothing written, exit 0" {
	local first
	read -r -a first <"$EXPECTED/ctx2/first_args"
	phx-gen "${first[@]}" --yes >/dev/null
	touch .mark2
	run --separate-stderr phx-gen json Blog Comment comments body:text --no-merge-with-existing-context
	[ "$status" -eq 0 ]
	[ -z "$(find . -type f -newer .mark2)" ]
	[ ! -e lib/hello_web/controllers/comment_controller.ex ]
}

@test "json: config :app, :generators api_prefix names the routes and the instructions" {
	sed -i 's|generators: \[timestamp_type: :utc_datetime\]|generators: [timestamp_type: :utc_datetime, api_prefix: "/api/v1"]|' config/config.exs
	grep -q 'api_prefix: "/api/v1"' config/config.exs
	web_case json1
	[ "$status" -eq 0 ]
	grep -qx 'Add the resource to the "/api/v1" scope in lib/hello_web/router.ex:' "$BATS_TEST_TMPDIR/stdout"
	grep -q '|> put_resp_header("location", ~p"/api/v1/posts/#{post}")' lib/hello_web/controllers/post_controller.ex
	grep -q 'conn = get(conn, ~p"/api/v1/posts")' test/hello_web/controllers/post_controller_test.exs
	! grep -q '~p"/api/posts' test/hello_web/controllers/post_controller_test.exs
}
