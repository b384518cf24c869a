#!/usr/bin/env bats
# phx-routes' switches: choosing the router and endpoint as mix phx.routes
# does (and --endpoint with a positional router, which crashes Phoenix
# 1.7.24), --info, and what goes beyond mix: --format, --grep, --method as a
# filter, --output and --depfile.

bats_require_minimum_version 1.5.0

fx="$MIXLESS_SOURCE_DIR/tests/fixtures/phx-routes"

setup() {
	app="$BATS_TEST_TMPDIR/app"
	cp -r "$fx/app" "$app"
	cp "$fx/routers/scopes.ex" "$app/lib/shop_web/router.ex"
	cd "$app"
}

@test "--info: a controller action's module, function and file:line" {
	run --separate-stderr phx-routes --info http://localhost:4000/contact?x=1 --method post
	[ "$status" -eq 0 ]
	[ "$output" = "Module: ShopWeb.PageController
Function: :contact
lib/shop_web/controllers/page_controller.ex:9" ]
	run --separate-stderr phx-routes --info /
	[ "$output" = "Module: ShopWeb.PageController
Function: :home
lib/shop_web/controllers/page_controller.ex:5" ]
}

@test "--info: a LiveView has no function line, only its file" {
	cp "$fx/routers/live.ex" lib/shop_web/router.ex
	run --separate-stderr phx-routes --info /thermostat
	[ "$status" -eq 0 ]
	[ "$output" = "Module: ShopWeb.ThermostatLive
lib/shop_web/live/thermostat_live.ex" ]
}

@test "--info: a forward matches below its path; its plug options are the function" {
	run --separate-stderr phx-routes --info /api/graphql/deep/path --method DELETE
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Module: Absinthe.Plug" ]
	[ "${lines[1]}" = "Function: [schema: ShopWeb.Schema]" ]
}

@test "--info: globs, partial segments, and no route" {
	run --separate-stderr phx-routes --info /files/a/b/c
	[ "${lines[0]}" = "Module: ShopWeb.FileController" ]
	run --separate-stderr phx-routes --info /users/7/avatar-large
	[ "${lines[0]}" = "Module: ShopWeb.AvatarController" ]
	run --separate-stderr phx-routes --info /nope
	[ "$status" -eq 1 ]
	[ "$stderr" = "phx-routes: no route found for GET /nope (ShopWeb.Router)" ]
	# route_info/4 asks with the host "": a host-scoped route never answers
	run --separate-stderr phx-routes --info /admin/v2/stats
	[ "$status" -eq 1 ]
	[ "$stderr" = "phx-routes: no route found for GET /admin/v2/stats (ShopWeb.Router)" ]
}

@test "a positional router prints no socket lines, unless --endpoint is given" {
	run phx-routes ShopWeb.Router
	[ "$status" -eq 0 ]
	[[ "$output" != *"/live/websocket"* ]]
	[[ "$output" == *"  GET      /                             ShopWeb.PageController :home"* ]]
	run phx-routes ShopWeb.Router --endpoint ShopWeb.Endpoint
	[ "$status" -eq 0 ]
	[[ "$output" == *"  WS       /live/websocket                        Phoenix.LiveView.Socket"* ]]
	run phx-routes --router ShopWeb.Router
	[[ "$output" == *"/live/websocket"* ]]
}

@test "a positional router is found by its module anywhere under lib/" {
	mkdir -p lib/shop_web/routers
	sed 's/defmodule ShopWeb.Router do/defmodule ShopWeb.AdminRouter do/' "$fx/routers/live.ex" >lib/shop_web/routers/admin.ex
	run --separate-stderr phx-routes ShopWeb.AdminRouter
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "  GET  /products           ShopWeb.ProductLive.Index :index" ]
}

@test "--endpoint naming a missing module: no socket lines, as Phoenix's loaded/1" {
	run phx-routes --endpoint ShopWeb.Nope
	[ "$status" -eq 0 ]
	[[ "$output" != *"websocket"* ]]
}

@test "--format json" {
	run --separate-stderr phx-routes --format json --grep /api/string
	[ "$status" -eq 0 ]
	[ "$output" = '[
  {"helper": null, "verb": "GET", "path": "/api/string", "module": "ShopWeb.VersionPlug", "action": "\"just a string\""}
]' ]
	cp "$fx/routers/resources.ex" lib/shop_web/router.ex
	run --separate-stderr phx-routes --format json --grep /account
	[ "${lines[1]}" = '  {"helper": "account_path", "verb": "GET", "path": "/account/edit", "module": "ShopWeb.AccountController", "action": ":edit"},' ]
}

@test "--format csv quotes as RFC 4180" {
	run --separate-stderr phx-routes --format csv --grep /api/map
	[ "$status" -eq 0 ]
	[ "$output" = 'helper,verb,path,module,action
,GET,/api/map,ShopWeb.VersionPlug,"%{:atom => :x, ""key"" => ""value""}"' ]
}

@test "--grep keeps the table's widths; --method filters by verb (match :* always kept)" {
	run --separate-stderr phx-routes --grep Settings --method patch
	[ "$status" -eq 0 ]
	[ "$output" = "  PATCH    /settings                              ShopWeb.SettingsController :update" ]
	run --separate-stderr phx-routes --method OPTIONS
	[ "${lines[0]}" = "  OPTIONS  /cors                                  ShopWeb.CorsController :preflight" ]
	[ "${lines[1]}" = "  *        /anything                              ShopWeb.CatchAllController :any" ]
}

@test "--format with an unknown value is a usage error" {
	run --separate-stderr phx-routes --format yaml
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--format"* ]]
}

@test "--output writes the table atomically; --depfile lists every file read" {
	run --separate-stderr phx-routes -o out/routes.txt --depfile out/routes.d
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	phx-routes >expected.txt
	cmp expected.txt out/routes.txt
	[ "$(cat out/routes.d)" = "$app/out/routes.txt: \\
  $app/config/config.exs \\
  $app/config/dev.exs \\
  $app/lib/shop_web.ex \\
  $app/lib/shop_web/endpoint.ex \\
  $app/lib/shop_web/router.ex \\
  $app/mix.exs" ]
}

@test "--depfile with -C: paths stay right from where the tool was started" {
	cd "$BATS_TEST_TMPDIR"
	run --separate-stderr phx-routes -C app --depfile deps/r.d --grep /
	[ "$status" -eq 0 ]
	[ "$(head -1 deps/r.d)" = "$BATS_TEST_TMPDIR/deps/r: \\" ]
	grep -qx "  $app/lib/shop_web/router.ex \\\\" deps/r.d
}

@test "--no-compile is accepted, as mix's" {
	run phx-routes --no-compile
	[ "$status" -eq 0 ]
	[[ "$output" == *"ShopWeb.PageController :home"* ]]
}
