#!/usr/bin/env bats
# phx-routes prints what `mix phx.routes` (Phoenix 1.7.24, LiveView 1.0,
# LiveDashboard 0.8) prints. The expected tables in
# tests/fixtures/phx-routes/expected/ were written from Phoenix's rules
# (Scope, Resource, LiveView.Router, ConsoleFormatter) for the routers in
# routers/, each run inside the small app in app/ (helpers off through the
# web module, as 1.7 generates it; a LiveView socket and, in dev, the
# LiveReloader socket that only widens the columns).
#
# Checked against the genuine task (2026-12-05, Phoenix 1.7.24, LiveView
# 1.0, LiveDashboard 0.8, Elixir 1.17.3, a pristine `mix phx.new hello` app
# outside the repository, names Shop -> Hello): scopes, resources, live,
# live_helpers, dynamic (dev, test, prod), dashboard, and dashboard with the
# sockets endpoint (dev, prod) - 10 runs over 7 routers, every table
# byte-identical to `mix phx.routes` (in test, after dropping mix's own
# "==> app" compile banners from its stdout). The error cases are ours:
# there mix stops at the compile error.

bats_require_minimum_version 1.5.0

fx="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-routes"

setup() {
	app="$BATS_TEST_TMPDIR/app"
	cp -r "$fx/app" "$app"
	cd "$app"
}

# use_router NAME [ENDPOINT]: the fixture router (and endpoint) in the app.
use_router() {
	cp "$fx/routers/$1.ex" lib/shop_web/router.ex
	if [ -n "${2:-}" ]; then cp "$fx/endpoints/$2.ex" lib/shop_web/endpoint.ex; fi
}

# expect NAME: stdout equals expected/NAME.txt byte for byte (the final
# blank line included: bats' $output would drop it).
expect() {
	phx-routes "${@:2}" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err"
	diff "$fx/expected/$1.txt" "$BATS_TEST_TMPDIR/out"
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
}

@test "examples/hello: byte-identical to the golden mix phx.routes output" {
	cd "$MIXLESS_SOURCE_DIR/examples/hello"
	phx-routes >"$BATS_TEST_TMPDIR/out"
	cmp "$MIXLESS_SOURCE_DIR/tests/fixtures/golden/hello/phx.routes.dev.txt" "$BATS_TEST_TMPDIR/out"
	MIX_ENV=dev mixless phx.routes >"$BATS_TEST_TMPDIR/out2"
	cmp "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/out2"
}

@test "scopes: paths, aliases, as:, host:, alias: false, every verb, match :*, plug options" {
	use_router scopes
	expect scopes
}

@test "resources: the action order, only/except/as/param/name/alias, nested, singleton, helpers on" {
	use_router resources
	expect resources
}

@test "live routes and live_session, helpers off (the 1.7 web module)" {
	use_router live
	expect live
}

@test "live routes with helpers: inferred, given and :live helper names" {
	use_router live_helpers
	expect live_helpers
}

@test "attributes, for comprehensions, helper functions, if/unless on Mix.env and compile_env" {
	use_router dynamic
	expect dynamic
	MIX_ENV=test expect dynamic.test
	MIX_ENV=prod expect dynamic.prod
}

@test "runtime.exs does not reach the router: compile-time config only" {
	use_router dynamic
	# config/runtime.exs sets dev_routes: false; the router still has them.
	run phx-routes
	[[ "$output" == *"/dev/tools"* ]]
}

@test "live_dashboard expands as LiveDashboard 0.8: assets, home and page routes" {
	use_router dashboard
	expect dashboard
}

@test "endpoint sockets: reverse order, websocket: false, longpoll: false, options, LiveReloader hidden" {
	use_router dashboard sockets
	expect sockets
}

@test "in prod the LiveReloader socket is gone and no longer widens the table" {
	use_router dashboard sockets
	run phx-routes
	[[ "$output" == *"/poll-only/longpoll                    ShopWeb.PollSocket"* ]]
	MIX_ENV=prod run phx-routes
	[[ "$output" == *"/poll-only/longpoll     ShopWeb.PollSocket"* ]]
	[[ "$output" != *"live_reload"* ]]
}

@test "an unknown library macro: warned with file:line, the rest printed, exit 1" {
	use_router unknown_macro
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "$output" = "$(cat "$fx/expected/unknown_macro.txt")" ]
	[ "$stderr" = "lib/shop_web/router.ex:11: warning: oban_dashboard/1 is not a macro phx-routes knows; the routes it defines are missing from the table
lib/shop_web/router.ex:12: warning: ash_admin/1 is not a macro phx-routes knows; the routes it defines are missing from the table" ]
}

@test "a syntax error: Elixir's message at file:line:col, exit 1" {
	use_router syntax_error
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$stderr" = 'lib/shop_web/router.ex:7:1: missing terminator: end (for "do" starting at line 1)' ]
}

@test "a module that is not a Phoenix router says so" {
	use_router not_a_router
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "$stderr" = 'lib/shop_web/router.ex:4:3: ShopWeb.Router is not a Phoenix router: it calls get/2 without `use Phoenix.Router`' ]
}

@test "a scope or resources argument of the wrong kind names the call's file:line" {
	use_router bad_scope
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "$stderr" = 'lib/shop_web/router.ex:8:3: scope expects a path, an alias and/or a keyword list of options, got: "/api", 42' ]
	use_router bad_resources
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "$stderr" = 'lib/shop_web/router.ex:5:5: resources expects a controller module as second argument, got: "PostController"' ]
}

@test "resources with an unknown action: Phoenix's ArgumentError text" {
	use_router bad_action
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "$stderr" = 'lib/shop_web/router.ex:5:5: invalid :only action(s) passed to resources.

supported actions: [:index, :edit, :new, :show, :create, :update, :delete]

got: [:index, :destroy]' ]
}

@test "no router: Phoenix's message naming both defaults" {
	# The app has no router of its own until a test copies one in.
	[ ! -e lib/shop_web/router.ex ]
	run --separate-stderr phx-routes
	[ "$status" -eq 1 ]
	[ "${stderr%%$'\n'*}" = "phx-routes: no router found at ShopWeb.Router or Shop.Router." ]
	[[ "$stderr" == *'    $ mix phx.routes MyAppWeb.Router'* ]]
}

@test "an explicit router that does not exist" {
	use_router scopes
	run --separate-stderr phx-routes Shop.Nope
	[ "$status" -eq 1 ]
	[ "$stderr" = "phx-routes: the provided router, Shop.Nope, does not exist" ]
	run --separate-stderr phx-routes --router Elixir.Shop.Nope
	[ "$stderr" = "phx-routes: the provided router, Shop.Nope, does not exist" ]
}

@test "an umbrella root needs an explicit router" {
	mkdir -p "$BATS_TEST_TMPDIR/umb/apps"
	printf 'defmodule Umb.MixProject do\n  use Mix.Project\n  def project, do: [apps_path: "apps"]\nend\n' >"$BATS_TEST_TMPDIR/umb/mix.exs"
	run --separate-stderr phx-routes -C "$BATS_TEST_TMPDIR/umb"
	[ "$status" -eq 1 ]
	[ "${stderr%%$'\n'*}" = "phx-routes: umbrella applications require an explicit router to be given to phx.routes, for example:" ]
}

@test "a 1.6-style web module (use Phoenix.Router without helpers: false) has the helper column" {
	use_router live
	sed -i 's/use Phoenix.Router, helpers: false/use Phoenix.Router/' lib/shop_web.ex
	run --separate-stderr phx-routes
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "product_index_path  GET   /products                              ShopWeb.ProductLive.Index :index" ]
	[ "${lines[8]}" = "         websocket  WS    /live/websocket                        Phoenix.LiveView.Socket" ]
}
