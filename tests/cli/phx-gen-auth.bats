#!/usr/bin/env bats
# phx-gen auth: mix phx.gen.auth. Expected outputs are genuine runs of
# Phoenix 1.7.24's task in a fresh `mix phx.new hello` app
# (tests/fixtures/phx-gen/auth-<case>/: args, epoch, stdout, files/); the
# app is tests/fixtures/phx-gen/authapp (the files the task reads).

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-gen/web.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

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

@test "auth: no anchor anywhere: Phoenix's fallback texts, stdout and stderr, in its order" {
	# the genuine run had the same edits (tests/fixtures/phx-gen/auth-fallbacks)
	sed -i 's/use HelloWeb, :router/use HelloWeb,  :router/; /plug :put_secure_browser_headers/d' lib/hello_web/router.ex
	sed -i 's/^    \[$/    [ /' mix.exs
	sed -i 's/^import Config/import  Config/' config/test.exs
	sed -i 's/<body/<main-body/; s/<\/body>/<\/main-body>/' lib/hello_web/components/layouts/root.html.heex
	rm test/support/conn_case.ex
	cp mix.exs config/test.exs "$BATS_TEST_TMPDIR/"
	web_case auth-fallbacks
	[ "$status" -eq 0 ]
	diff -u "$EXPECTED/auth-fallbacks/stdout" "$BATS_TEST_TMPDIR/stdout"
	diff -u "$EXPECTED/auth-fallbacks/stderr" "$BATS_TEST_TMPDIR/stderr"
	# the files without an anchor are left as they were
	cmp mix.exs "$BATS_TEST_TMPDIR/mix.exs"
	cmp config/test.exs "$BATS_TEST_TMPDIR/test.exs"
	[ ! -e test/support/conn_case.ex ]
	! grep -q 'import HelloWeb.UserAuth' lib/hello_web/router.ex
	grep -q '## Authentication routes' lib/hello_web/router.ex
}

@test "auth: a second run injects nothing twice (each injection is idempotent)" {
	web_case auth-live
	[ "$status" -eq 0 ]
	mkdir "$BATS_TEST_TMPDIR/first"
	cp lib/hello_web/router.ex mix.exs config/test.exs test/support/conn_case.ex \
		lib/hello_web/components/layouts/root.html.heex lib/hello/accounts.ex \
		test/hello/accounts_test.exs test/support/fixtures/accounts_fixtures.ex "$BATS_TEST_TMPDIR/first/"
	auth_run Accounts User users --live --yes
	[ "$status" -eq 0 ]
	! grep -q '^\* injecting' "$BATS_TEST_TMPDIR/stdout"
	for f in lib/hello_web/router.ex mix.exs config/test.exs test/support/conn_case.ex \
		lib/hello_web/components/layouts/root.html.heex lib/hello/accounts.ex \
		test/hello/accounts_test.exs test/support/fixtures/accounts_fixtures.ex; do
		cmp "$f" "$BATS_TEST_TMPDIR/first/$(basename "$f")"
	done
}

@test "auth: the errors, as mix prints them (exit 1, nothing written)" {
	local e="$EXPECTED/auth-errors"
	auth_run Accounts User
	[ "$status" -eq 1 ]
	diff -u "$e/invalid-arguments.stderr" - <<<"$stderr"$'\n'
	auth_run Accounts User users --hashing-lib foo
	[ "$status" -eq 1 ]
	diff -u "$e/hashing-lib-foo.stderr" - <<<"$stderr"$'\n'
	auth_run Accounts Accounts users --live
	[ "$status" -eq 1 ]
	diff -u "$e/same-names.stderr" - <<<"$stderr"$'\n'
	auth_run accounts User users --live
	[ "$status" -eq 1 ]
	diff -u "$e/bad-context.stderr" - <<<"$stderr"$'\n'
	auth_run Hello User users --live
	[ "$status" -eq 1 ]
	diff -u "$e/app-name.stderr" - <<<"$stderr"$'\n'
	[ -z "$(web_written)" ]
}

@test "auth: strict switches: an unknown one, a missing value, a bad boolean are usage errors" {
	auth_run Accounts User users --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"'--bogus'"* ]]
	auth_run Accounts User users --hashing-lib
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--hashing-lib"* ]]
	auth_run Accounts User users --binary-id=3
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--binary-id"* ]]
	[ -z "$(web_written)" ]
}

@test "auth: the LiveView question: asked without --live/--no-live; no terminal and no --yes refuses, nothing written" {
	auth_run Accounts User users </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"An authentication system can be created in two different ways:"$'\n'"- Using Phoenix.LiveView (default)"$'\n'"- Using Phoenix.Controller only"* ]]
	[[ "$stderr" == *'cannot ask "Do you want to create a LiveView based authentication system?"'*"--yes"* ]]
	[ -z "$(web_written)" ]
	# --yes answers yes: LiveView
	auth_run Accounts User users --yes
	[ "$status" -eq 0 ]
	[ -f lib/hello_web/live/user_login_live.ex ]
	[ ! -e lib/hello_web/controllers/user_session_html.ex ]
}

@test "auth: --dry-run prints the plan and writes nothing" {
	auth_run Accounts User users --live --dry-run
	[ "$status" -eq 0 ]
	grep -qx '\* creating lib/hello_web/user_auth.ex' "$BATS_TEST_TMPDIR/stdout"
	grep -qx '\* injecting lib/hello_web/router.ex - plug' "$BATS_TEST_TMPDIR/stdout"
	[ -z "$(web_written)" ]
}

@test "auth: a repo that cannot be found, and an app without phoenix_html (--no-compile skips that check)" {
	rm lib/hello/repo.ex
	auth_run Accounts User users --live
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Unable to find Hello.Repo" ]
	[ ! -e lib/hello/accounts.ex ]
	cp "$WEBAPP/lib/hello/repo.ex" lib/hello/repo.ex
	sed -i '/{:phoenix_html,/d' mix.exs
	auth_run Accounts User users --live
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) mix phx.gen.auth requires phoenix_html"$'\n\n'"mix phx.gen.auth must be installed into a Phoenix 1.5 app"* ]]
	[ ! -e lib/hello/accounts.ex ]
	auth_run Accounts User users --live --no-compile --yes
	[ "$status" -eq 0 ]
}

@test "auth: --help says --compile is accepted and ignored" {
	run phx-gen auth --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--compile"*"Accepted and ignored"* ]]
}

@test "auth: --web Admin: namespaced modules, paths, routes scope and auth module, as Phoenix's" {
	web_case auth-live-web
	web_assert_case auth-live-web
}

@test "auth: --no-live --hashing-lib argon2, as Phoenix's" {
	web_case auth-ctrl-argon2
	web_assert_case auth-ctrl-argon2
}

@test "auth: into an existing context: Phoenix's question, then the functions, tests and fixtures injected, as Phoenix's" {
	SOURCE_DATE_EPOCH=$(cat "$EXPECTED/auth-existing/context-epoch") \
		phx-gen context Accounts Thing things name:string --yes >/dev/null
	# no terminal, no --yes: the question cannot be asked, nothing written
	cp lib/hello/accounts.ex "$BATS_TEST_TMPDIR/ctx.ex"
	auth_run Accounts User users --live </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"The Hello.Accounts context currently has 6 functions and 1 file in its directory."* ]]
	[[ "$stderr" == *'cannot ask "Would you like to proceed?"'* ]]
	cmp lib/hello/accounts.ex "$BATS_TEST_TMPDIR/ctx.ex"
	# --no-merge-with-existing-context: stop, exit 0, nothing written
	auth_run Accounts User users --live --no-merge-with-existing-context
	[ "$status" -eq 0 ]
	[ ! -e lib/hello/accounts/user.ex ]
	web_case auth-existing
	web_assert_case auth-existing
}

@test "auth: a project override of an auth template is refused, nothing written" {
	mkdir -p priv/templates/phx.gen.auth
	echo 'custom' >priv/templates/phx.gen.auth/notifier.ex
	auth_run Accounts User users --live --yes
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"priv/templates/phx.gen.auth/notifier.ex"*"nothing was written"* ]]
	[ ! -e lib/hello/accounts.ex ]
	[ ! -e lib/hello_web/user_auth.ex ]
}

@test "auth: --table, --prefix and --binary-id together (--no-live), as Phoenix's" {
	web_case auth-ctrl-table-prefix-binary-id
	web_assert_case auth-ctrl-table-prefix-binary-id
}

@test "auth: at an umbrella's root, Phoenix's own message for auth" {
	mkdir "$BATS_TEST_TMPDIR/umb" && cd "$BATS_TEST_TMPDIR/umb"
	printf 'defmodule Umb.MixProject do\n  use Mix.Project\n\n  def project do\n    [apps_path: "apps", version: "0.1.0", deps: []]\n  end\nend\n' >mix.exs
	auth_run Accounts User users --live
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) mix phx.gen.auth can only be run inside an application directory" ]
}

@test "auth: without the generators' timestamp_type: naive datetimes, as Phoenix's" {
	sed -i '/generators: \[timestamp_type: :utc_datetime\]/d; s/^  ecto_repos: \[Hello.Repo\],$/  ecto_repos: [Hello.Repo]/' config/config.exs
	! grep -q timestamp_type config/config.exs
	touch -d '2000-01-01' config/config.exs
	web_case auth-live-naive
	web_assert_case auth-live-naive
}

@test "auth: every .ex/.exs written is mix format clean, both variants (needs elixir)" {
	need mix elixir
	local fmt="$EXPECTED/auth-formatter.exs" v files
	for v in --live --no-live; do
		rm -rf "$APP" && cp -r "$WEBAPP" "$APP" && cd "$APP"
		find . -exec touch -d '2000-01-01' {} + && touch -d '2001-01-01' .mark
		auth_run Accounts User users $v --yes
		[ "$status" -eq 0 ]
		files=$(find . -newer .mark -type f \( -name '*.ex' -o -name '*.exs' \))
		[ "$(wc -l <<<"$files")" -ge 20 ]
		# shellcheck disable=SC2086
		mix format --dot-formatter "$fmt" --check-formatted $files
	done
}

@test "auth: on a terminal, the LiveView question as Phoenix asks it; n gives controllers, y LiveViews" {
	need script bsdutils
	run script -qec "phx-gen auth Accounts User users" /dev/null <<<"n"
	[ "$status" -eq 0 ]
	[[ "$output" == *"- Using Phoenix.Controller only"$'\r\n'"Do you want to create a LiveView based authentication system? [Yn] "* ]]
	[ -f lib/hello_web/controllers/user_session_html.ex ]
	[ ! -e lib/hello_web/live/user_login_live.ex ]
	rm -rf "$APP" && cp -r "$WEBAPP" "$APP" && cd "$APP"
	run script -qec "phx-gen auth Accounts User users" /dev/null <<<"y"
	[ "$status" -eq 0 ]
	[ -f lib/hello_web/live/user_login_live.ex ]
	[ ! -e lib/hello_web/controllers/user_session_html.ex ]
}

@test "auth: a second run never overwrites a changed file without consent" {
	auth_run Accounts User users --live --yes
	[ "$status" -eq 0 ]
	echo "# mine" >>lib/hello_web/user_auth.ex
	cp lib/hello_web/user_auth.ex "$BATS_TEST_TMPDIR/mine.ex"
	ls priv/repo/migrations >"$BATS_TEST_TMPDIR/migrations"
	auth_run Accounts User users --live --merge-with-existing-context </dev/null
	[ "$status" -eq 1 ]
	[[ "$output" == *"The following files conflict with new files to be generated:"*"  * lib/hello_web/user_auth.ex"* ]]
	[[ "$stderr" == *'cannot ask "Proceed with interactive overwrite?"'* ]]
	cmp lib/hello_web/user_auth.ex "$BATS_TEST_TMPDIR/mine.ex"
	ls priv/repo/migrations | cmp - "$BATS_TEST_TMPDIR/migrations"
}

@test "auth: no layout file: Phoenix's missing-files text with the menu, on stderr" {
	rm lib/hello_web/components/layouts/root.html.heex
	web_case auth-no-layout
	[ "$status" -eq 0 ]
	diff -u "$EXPECTED/auth-no-layout/stdout" "$BATS_TEST_TMPDIR/stdout"
	diff -u "$EXPECTED/auth-no-layout/stderr" "$BATS_TEST_TMPDIR/stderr"
}

@test "auth: no <Base>.Mailer: Phoenix's Swoosh instructions before the final ones" {
	rm lib/hello/mailer.ex
	web_case auth-no-mailer
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	diff -u "$EXPECTED/auth-no-mailer/stdout" "$BATS_TEST_TMPDIR/stdout"
}

@test "auth: in an umbrella's child app the hashing rounds go to the umbrella's config/test.exs, printed by its absolute path" {
	local umb="$BATS_TEST_TMPDIR/umb"
	mkdir -p "$umb/apps" "$umb/config"
	printf 'defmodule Umb.MixProject do\n  use Mix.Project\n\n  def project do\n    [apps_path: "apps", version: "0.1.0", deps: []]\n  end\nend\n' >"$umb/mix.exs"
	printf 'import Config\n' >"$umb/config/test.exs"
	cp -r "$WEBAPP" "$umb/apps/hello"
	cp "$umb/apps/hello/config/test.exs" "$BATS_TEST_TMPDIR/app-test.exs"
	auth_run -C "$umb/apps/hello" Accounts User users --live --yes
	[ "$status" -eq 0 ]
	grep -qx "\* injecting $(cd "$umb" && pwd -P)/config/test.exs" "$BATS_TEST_TMPDIR/stdout"
	[ "$(cat "$umb/config/test.exs")" = $'import Config\n\n# Only in tests, remove the complexity from the password hashing algorithm\nconfig :bcrypt_elixir, :log_rounds, 1' ]
	cmp "$umb/apps/hello/config/test.exs" "$BATS_TEST_TMPDIR/app-test.exs"
}
