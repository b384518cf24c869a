#!/usr/bin/env bats
# phx-gen html: mix phx.gen.html. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "html: the guide's example, files and output as Phoenix's" {
	web_case html1
	web_assert_case html1
}

@test "html: no attributes at all, as Phoenix's" {
	web_case htmlempty
	web_assert_case htmlempty
}

@test "html: every type and flag of the attribute grammar but references, as Phoenix's" {
	web_case htmlall
	web_assert_case htmlall
}

@test "html: --web Admin: namespaced modules, paths and the scope instructions, as Phoenix's" {
	web_case htmlweb
	web_assert_case htmlweb
}

@test "html: --binary-id, as Phoenix's" {
	web_case htmlbin
	web_assert_case htmlbin
}

@test "html: --no-context: the web files alone, as Phoenix's" {
	web_case htmlnoctx
	web_assert_case htmlnoctx
}
