#!/usr/bin/env bats
# phx-gen live: mix phx.gen.live. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "live: the guide's example, files and output as Phoenix's" {
	web_case live1
	web_assert_case live1
}

@test "live: unique string, integer and date fields, and the fixture note, as Phoenix's" {
	web_case liveunique
	web_assert_case liveunique
}

@test "live: every type: form values and invalid values in the tests, as Phoenix's" {
	web_case liveall
	web_assert_case liveall
}

@test "live: --web Admin: namespaced modules, paths and the live routes in a scope, as Phoenix's" {
	web_case liveweb
	web_assert_case liveweb
}

@test "live: --binary-id and a unique string, as Phoenix's" {
	web_case livebin
	web_assert_case livebin
}

@test "live: --no-schema: the context without a schema, as Phoenix's" {
	web_case livenoschema
	web_assert_case livenoschema
}

@test "live: an attribute named twice: the params maps keep the last, the listings and the fixture both, as Phoenix's" {
	web_case livedup
	web_assert_case livedup
}

@test "live: import <Web>.CoreComponents is injected after use Phoenix.Component when missing" {
	sed -i '/import HelloWeb.CoreComponents/d' lib/hello_web.ex
	cp lib/hello_web.ex "$BATS_TEST_TMPDIR/before.ex"
	web_case live1
	[ "$status" -eq 0 ]
	grep -qx '\* injecting lib/hello_web.ex' "$BATS_TEST_TMPDIR/stdout"
	# String.replace: the line gains the import, nothing else changes
	grep -vx '      import HelloWeb.CoreComponents' lib/hello_web.ex | cmp - "$BATS_TEST_TMPDIR/before.ex"
	grep -A1 '^      use Phoenix.Component$' lib/hello_web.ex | grep -qx '      import HelloWeb.CoreComponents'
	# idempotent: a second run leaves it alone
	cp lib/hello_web.ex "$BATS_TEST_TMPDIR/after.ex"
	web_case live1
	cmp lib/hello_web.ex "$BATS_TEST_TMPDIR/after.ex"
	! grep -q 'injecting lib/hello_web.ex' "$BATS_TEST_TMPDIR/stdout"
}

@test "live: no use Phoenix.Component to inject after: Phoenix's help, nothing changed" {
	cat >lib/hello_web.ex <<'EX'
defmodule HelloWeb do
end
EX
	web_case live1
	[ "$status" -eq 0 ]
	[ "$(cat lib/hello_web.ex)" = $'defmodule HelloWeb do\nend' ]
	grep -qx '\* injecting lib/hello_web.ex' "$BATS_TEST_TMPDIR/stdout"
	grep -qx 'Could not find use Phoenix.Component in lib/hello_web.ex.' "$BATS_TEST_TMPDIR/stdout"
	grep -qx '    mix phx.new my_app --live' "$BATS_TEST_TMPDIR/stdout"
	grep -qx 'and that both functions import HelloWeb.CoreComponents.' "$BATS_TEST_TMPDIR/stdout"
}

@test "live: without components/core_components.ex: an error naming it, nothing written" {
	rm lib/hello_web/components/core_components.ex
	web_case live1
	[ "$status" -eq 1 ]
	[[ "$stderr" == "phx-gen: lib/hello_web/components/core_components.ex is missing: "* ]]
	[ -z "$(web_written)" ]
}
