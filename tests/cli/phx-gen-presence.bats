#!/usr/bin/env bats
# phx-gen presence: mix phx.gen.presence. Expected outputs are genuine runs
# of Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "presence: the default name, as Phoenix's" {
	web_case presence1
	web_assert_case presence1
}

@test "presence: a given name, as Phoenix's" {
	web_case presence2
	web_assert_case presence2
}

@test "presence: a scoped name goes under channels/ with its path" {
	run phx-gen presence Chat.Tracker
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello_web/channels/chat/tracker.ex"* ]]
	grep -q '^defmodule HelloWeb.Chat.Tracker do$' lib/hello_web/channels/chat/tracker.ex
	grep -q '^    pubsub_server: Hello.PubSub$' lib/hello_web/channels/chat/tracker.ex
}

@test "presence: two names are refused, nothing written" {
	run --separate-stderr phx-gen presence A B
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) "* ]]
	[ -z "$(web_written)" ]
}

@test "presence: --dry-run writes nothing" {
	run phx-gen presence --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == "* creating lib/hello_web/channels/presence.ex"* ]]
	[ -z "$(web_written)" ]
}

@test "presence: a lower-case name is camelized, as in Phoenix; one that makes no module is refused" {
	run phx-gen presence my_tracker
	[ "$status" -eq 0 ]
	grep -q '^defmodule HelloWeb.MyTracker do$' lib/hello_web/channels/my_tracker.ex
	for n in ../../x /etc/x a-b .x; do
		run --separate-stderr phx-gen presence "$n"
		[ "$status" -eq 1 ] || { echo "$n: $status"; return 1; }
		[[ "$stderr" == "** (Mix) mix phx.gen.presence expects a module name"* ]]
	done
	[ "$(web_written)" = lib/hello_web/channels/my_tracker.ex ]
}

@test "presence: an override sees otp_app and pubsub_server as Phoenix passes them" {
	mkdir -p priv/templates/phx.gen.presence
	echo '<%= module %> <%= inspect otp_app %> <%= inspect pubsub_server %> <%= alias %>' \
		>priv/templates/phx.gen.presence/presence.ex
	phx-gen presence Tracker >/dev/null
	[ "$(cat lib/hello_web/channels/tracker.ex)" = "HelloWeb.Tracker :hello Hello.PubSub Tracker" ]
}
