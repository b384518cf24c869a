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
