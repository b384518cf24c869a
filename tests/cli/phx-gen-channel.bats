#!/usr/bin/env bats
# phx-gen channel: mix phx.gen.channel. Expected outputs are genuine runs of
# Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

CHANNEL_FIXTURES="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/channel"

setup() { web_setup; }

@test "channel: no socket yet: the channel, its test, the case, then the socket from --from-channel, as Phoenix's" {
	web_case channel1
	sed 's/^Do you want to create it? \[Yn\] //' "$EXPECTED/channel1/stdout" >"$BATS_TEST_TMPDIR/want"
	diff -u "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/stdout"
	# the files, byte for byte, and nothing else
	diff -u <(cd "$EXPECTED/channel1/files" && find . -type f | sed 's|^\./||' | sort) <(web_written)
	while read -r f; do
		cmp "$EXPECTED/channel1/files/$f" "$f"
	done < <(cd "$EXPECTED/channel1/files" && find . -type f | sed 's|^\./||')
}

@test "channel: an existing user_socket.ex: the line to add, no question, as Phoenix's" {
	mkdir -p lib/hello_web/channels
	echo 'defmodule HelloWeb.UserSocket do end' >lib/hello_web/channels/user_socket.ex
	touch -d 2000-01-01 lib/hello_web/channels/user_socket.ex
	phx-gen channel Room </dev/null >"$BATS_TEST_TMPDIR/stdout"
	diff -u "$CHANNEL_FIXTURES/with-socket.stdout" "$BATS_TEST_TMPDIR/stdout"
	[ "$(cat lib/hello_web/channels/user_socket.ex)" = 'defmodule HelloWeb.UserSocket do end' ]
	[ "$(web_written | tr '\n' ' ')" = "lib/hello_web/channels/room_channel.ex test/hello_web/channels/room_channel_test.exs test/support/channel_case.ex " ]
}

@test "channel: \"n\" to the socket question on a terminal: how to make it, as Phoenix's" {
	printf 'n\n' >"$BATS_TEST_TMPDIR/answer"
	script -qec "phx-gen channel Room" /dev/null <"$BATS_TEST_TMPDIR/answer" >"$BATS_TEST_TMPDIR/raw"
	# the terminal echoes the answer first, and ends lines with CR LF
	tr -d '\r' <"$BATS_TEST_TMPDIR/raw" | sed '1{/^n$/d}' >"$BATS_TEST_TMPDIR/stdout"
	diff -u "$CHANNEL_FIXTURES/answer-no.stdout" "$BATS_TEST_TMPDIR/stdout"
	[ ! -e lib/hello_web/channels/user_socket.ex ]
	[ -f lib/hello_web/channels/room_channel.ex ]
}

@test "channel: an existing channel_case.ex is kept as it is" {
	mkdir -p test/support lib/hello_web/channels
	echo mine >test/support/channel_case.ex
	touch lib/hello_web/channels/user_socket.ex
	run phx-gen channel Room
	[ "$status" -eq 0 ]
	[[ "$output" != *"channel_case.ex"* ]]
	[ "$(cat test/support/channel_case.ex)" = mine ]
}

@test "channel: without ecto_sql the case has no sandbox" {
	sed -i '/:ecto_sql/d; /:phoenix_ecto/d' mix.exs
	mkdir -p lib/hello_web/channels && touch lib/hello_web/channels/user_socket.ex
	phx-gen channel Room >/dev/null
	grep -q '^  setup _tags do$' test/support/channel_case.ex
	! grep -q 'DataCase' test/support/channel_case.ex
}

@test "channel: a scoped name: paths, modules and the topic" {
	mkdir -p lib/hello_web/channels && touch lib/hello_web/channels/user_socket.ex
	run phx-gen channel Admin.SuperRoom
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello_web/channels/admin/super_room_channel.ex"* ]]
	[[ "$output" == *'channel "super_room:lobby", HelloWeb.Admin.SuperRoomChannel'* ]]
	grep -q '^defmodule HelloWeb.Admin.SuperRoomChannel do$' lib/hello_web/channels/admin/super_room_channel.ex
	grep -q 'def join("super_room:lobby", payload, socket) do' lib/hello_web/channels/admin/super_room_channel.ex
	[ -f test/hello_web/channels/admin/super_room_channel_test.exs ]
}

@test "channel: no socket and no terminal: nothing written, the question named" {
	run --separate-stderr phx-gen channel Room </dev/null
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'cannot ask "Do you want to create it?"'*"--yes"* ]]
	[ -z "$(web_written)" ]
}

@test "channel: the name must be one capitalized module name, as Phoenix says" {
	for args in room "Room Lobby" "" "Room-1"; do
		rc=0
		phx-gen channel $args 2>"$BATS_TEST_TMPDIR/stderr" || rc=$?
		[ "$rc" -eq 1 ] || { echo "$args: $rc"; return 1; }
		diff -u "$CHANNEL_FIXTURES/bad-name.stderr" "$BATS_TEST_TMPDIR/stderr"
	done
	[ -z "$(web_written)" ]
}

@test "channel: a module already defined is refused" {
	mkdir -p lib/hello_web/channels
	printf 'defmodule HelloWeb.RoomChannel do\nend\n' >lib/hello_web/channels/room.ex
	run --separate-stderr phx-gen channel Room --yes
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Module name HelloWeb.RoomChannel is already taken, please choose another name" ]
	[ ! -e lib/hello_web/channels/room_channel.ex ]
}

@test "channel: --dry-run writes nothing" {
	run phx-gen channel Room --dry-run --yes
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello_web/channels/room_channel.ex"* ]]
	[ -z "$(web_written)" ]
}

@test "channel: an unknown switch is a usage error naming it" {
	run --separate-stderr phx-gen channel Room --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--bogus"* ]]
}

@test "channel: a project's priv/templates/phx.gen.channel override is rendered as EEx with Phoenix's binding" {
	mkdir -p priv/templates/phx.gen.channel lib/hello_web/channels
	touch lib/hello_web/channels/user_socket.ex
	cat >priv/templates/phx.gen.channel/channel.ex <<'T'
defmodule <%= module %>Channel do
  # <%= alias %> <%= human %> <%= base %> <%= web_module %> <%= scoped %> <%= singular %> <%= path %>
end
T
	cat >priv/templates/phx.gen.channel/channel_case.ex <<'T'
# sandbox: <%= Code.ensure_loaded?(Ecto.Adapters.SQL) %>, own: <%= Code.ensure_loaded?(HelloWeb.Gettext) %>, missing: <%= Code.ensure_loaded?(Nope) %>
T
	mkdir -p lib/hello_web && printf 'defmodule HelloWeb.Gettext do\nend\n' >lib/hello_web/gettext.ex
	run phx-gen channel Admin.SuperRoom
	[ "$status" -eq 0 ]
	[ "$(cat lib/hello_web/channels/admin/super_room_channel.ex)" = "defmodule HelloWeb.Admin.SuperRoomChannel do
  # SuperRoom Super room Hello HelloWeb Admin.SuperRoom super_room admin/super_room
end" ]
	[ "$(cat test/support/channel_case.ex)" = "# sandbox: true, own: true, missing: false" ]
	# the test template is still ours
	grep -q 'subscribe_and_join(HelloWeb.Admin.SuperRoomChannel, "super_room:lobby")' \
		test/hello_web/channels/admin/super_room_channel_test.exs
}
