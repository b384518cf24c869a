#!/usr/bin/env bats
# phx-gen notifier: mix phx.gen.notifier. Expected outputs are genuine runs
# of Phoenix 1.7.24's task (tests/fixtures/phx-gen/expected/, see web.bash,
# and tests/fixtures/phx-gen/notifier/, see its README).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"

NOTIFIER_FIXTURES="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/notifier"

setup() {
	web_setup
	# a phx.new app has its mailer
	printf 'defmodule Hello.Mailer do\n  use Swoosh.Mailer, otp_app: :hello\nend\n' >lib/hello/mailer.ex
	touch -d 2000-01-01 lib/hello/mailer.ex
}

# fails_as FIXTURE ARGS...: exit 1, stderr byte for byte, nothing written
fails_as() {
	local want=$1 rc=0
	shift
	phx-gen "$@" 2>"$BATS_TEST_TMPDIR/stderr" || rc=$?
	[ "$rc" -eq 1 ] || { echo "exit $rc"; return 1; }
	diff -u "$NOTIFIER_FIXTURES/$want" "$BATS_TEST_TMPDIR/stderr"
	[ -z "$(web_written)" ]
}

@test "notifier: the guide's example, as Phoenix's" {
	web_case notifier1
	web_assert_case notifier1
}

@test "notifier: a nested context, as Phoenix's" {
	web_case notifier2
	web_assert_case notifier2
}

@test "notifier: no <Base>.Mailer: the Swoosh setup help, as Phoenix's" {
	rm lib/hello/mailer.ex
	phx-gen notifier Accounts User welcome >"$BATS_TEST_TMPDIR/stdout"
	diff -u "$NOTIFIER_FIXTURES/no-mailer.stdout" "$BATS_TEST_TMPDIR/stdout"
}

@test "notifier: no messages at all is a notifier without functions" {
	run phx-gen notifier Accounts User
	[ "$status" -eq 0 ]
	[ "$(cat lib/hello/accounts/user_notifier.ex)" = "defmodule Hello.Accounts.UserNotifier do
  import Swoosh.Email
  alias Hello.Mailer
end" ]
	! grep -q 'test "' test/hello/accounts/user_notifier_test.exs
}

@test "notifier: a message name Phoenix refuses, as Phoenix says" {
	fails_as bad-message.stderr notifier Accounts UserNotifier Welcome
	for m in 1st a_ _a a__b a-b aB b2_c; do
		run --separate-stderr phx-gen notifier Accounts User welcome "$m"
		[ "$status" -eq 1 ] || { echo "$m accepted"; return 1; }
		[[ "$stderr" == *"because one of the messages is invalid: \"welcome\", \"$m\""* ]]
	done
	run phx-gen notifier Accounts User a_1 b_c3x_2
	[ "$status" -eq 0 ]
}

@test "notifier: too few arguments, as Phoenix says" {
	fails_as invalid-arguments.stderr notifier Accounts
	fails_as invalid-arguments.stderr notifier
}

@test "notifier: a context named as the app, as Phoenix says" {
	fails_as context-is-app.stderr notifier Hello User welcome
}

@test "notifier: bad module names and a notifier named as the app" {
	run --separate-stderr phx-gen notifier accounts User welcome
	[ "$status" -eq 1 ]
	[[ "$stderr" == '** (Mix) Expected the context, "accounts", to be a valid module name'* ]]
	run --separate-stderr phx-gen notifier Accounts user welcome
	[[ "$stderr" == '** (Mix) Expected the notifier, "user", to be a valid module name'* ]]
	run --separate-stderr phx-gen notifier Accounts Hello welcome
	[[ "$stderr" == '** (Mix) Cannot generate notifier Hello because it has the same name as the application'* ]]
	[ -z "$(web_written)" ]
}

@test "notifier: --no-compile, --no-context, --prefix and unknown switches are accepted" {
	run phx-gen notifier Accounts User welcome --no-compile --no-context --prefix x --bogus
	[ "$status" -eq 0 ]
	[ -f lib/hello/accounts/user_notifier.ex ]
}

@test "notifier: existing files are listed and the overwrite question asked" {
	mkdir -p lib/hello/accounts
	echo mine >lib/hello/accounts/user_notifier.ex
	run --separate-stderr phx-gen notifier Accounts User welcome </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"The following files conflict with new files to be generated:"*"* lib/hello/accounts/user_notifier.ex"* ]]
	[ "$(cat lib/hello/accounts/user_notifier.ex)" = mine ]
	[ ! -e test/hello/accounts/user_notifier_test.exs ]
}

@test "notifier: --dry-run writes nothing" {
	run phx-gen notifier Accounts User welcome --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating lib/hello/accounts/user_notifier.ex"* ]]
	[ -z "$(web_written)" ]
}

@test "notifier: an override sees context, inflections and notifier_messages" {
	mkdir -p priv/templates/phx.gen.notifier
	cat >priv/templates/phx.gen.notifier/notifier.ex <<'T'
<%= inspect context.module %> <%= inspect context.base_module %> <%= inflections[:alias] %><%= for m <- notifier_messages do %> <%= m %><% end %>
T
	phx-gen notifier Accounts User welcome bye >/dev/null
	[ "$(cat lib/hello/accounts/user_notifier.ex)" = "Hello.Accounts.UserNotifier Hello UserNotifier welcome bye" ]
	grep -q 'test "deliver_bye/1" do' test/hello/accounts/user_notifier_test.exs
}

@test "notifier: --context-app that the project does not have is Phoenix's error" {
	run --separate-stderr phx-gen notifier Accounts User welcome --context-app nope
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) no directory for context_app :nope found in hello's deps."* ]]
	[ -z "$(web_written)" ]
}
