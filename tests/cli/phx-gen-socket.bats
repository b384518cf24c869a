#!/usr/bin/env bats
# phx-gen socket: mix phx.gen.socket. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

setup() { web_setup; }

@test "socket: User: the socket, its JS and the instructions, as Phoenix's" {
	web_case socket1
	web_assert_case socket1
}

@test "socket: --from-channel routes the channel's topic, as Phoenix's" {
	web_case socketfc
	web_assert_case socketfc
}

@test "socket: a scoped name and a scoped channel" {
	run phx-gen socket Admin.Live --from-channel Admin.SuperRoom
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello_web/channels/admin/live_socket.ex"* ]]
	[[ "$output" == *"* creating assets/js/admin/live_socket.js"* ]]
	[[ "$output" == *'socket "/socket", HelloWeb.Admin.LiveSocket,'* ]]
	[[ "$output" == *'import "./admin/live_socket.js"'* ]]
	grep -q '^  channel "super_room:\*", HelloWeb.Admin.SuperRoomChannel$' lib/hello_web/channels/admin/live_socket.ex
}

@test "socket: a name Phoenix refuses gets its help, as Phoenix's" {
	for args in user "User Room" "User --from-channel room" ""; do
		rc=0
		phx-gen socket $args 2>"$BATS_TEST_TMPDIR/stderr" || rc=$?
		[ "$rc" -eq 1 ] || { echo "$args: $rc"; return 1; }
		diff -u "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/channel/socket-bad-name.stderr" \
			"$BATS_TEST_TMPDIR/stderr"
	done
	[ -z "$(web_written)" ]
}

@test "socket: a module already defined is refused" {
	mkdir -p lib/hello_web
	printf 'defmodule HelloWeb.UserSocket do\nend\n' >lib/hello_web/sock.ex
	run --separate-stderr phx-gen socket User
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Module name HelloWeb.UserSocket is already taken, please choose another name" ]
}

@test "socket: an existing different JS file is not overwritten without consent" {
	mkdir -p assets/js
	echo mine >assets/js/user_socket.js
	run phx-gen socket User </dev/null
	[ "$status" -eq 1 ]
	[ "$(cat assets/js/user_socket.js)" = mine ]
	[ ! -e lib/hello_web/channels/user_socket.ex ]
}

@test "socket: overrides see Phoenix's binding, existing_channel included" {
	mkdir -p priv/templates/phx.gen.socket
	cat >priv/templates/phx.gen.socket/socket.ex <<'T'
<%= module %>Socket <%= inspect endpoint_module %> <%= web_prefix %><%= if existing_channel do %> <%= existing_channel[:singular] %>:* <%= existing_channel[:module] %>Channel<% end %>
T
	phx-gen socket User --from-channel Room >/dev/null
	[ "$(cat lib/hello_web/channels/user_socket.ex)" = "HelloWeb.UserSocket HelloWeb.Endpoint lib/hello_web room:* HelloWeb.RoomChannel" ]
	grep -q '^export default socket$' assets/js/user_socket.js
	rm lib/hello_web/channels/user_socket.ex assets/js/user_socket.js
	phx-gen socket User >/dev/null
	[ "$(cat lib/hello_web/channels/user_socket.ex)" = "HelloWeb.UserSocket HelloWeb.Endpoint lib/hello_web" ]
}

@test "socket: --from-channel without a value is a usage error naming it" {
	run --separate-stderr phx-gen socket User --from-channel
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--from-channel"* ]]
	[ -z "$(web_written)" ]
}
