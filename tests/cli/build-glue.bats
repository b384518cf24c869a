#!/usr/bin/env bats
# The build glue as a user's project meets it, each case a real small project
# built by the test: the Make include leaves the Makefile's default goal
# alone, each Make part works on its own, a missing part or a documented
# function this version lacks fails loudly, and add_phx_digest exposes
# cache_manifest.json for downstream targets.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"

setup() {
	# run as the user would, not as a sub-make of `make check`
	unset MAKEFLAGS MFLAGS MAKELEVEL
	pd_setup
	mkdir -p proj/priv proj/config
	mv static proj/priv/static
	cat >proj/mix.exs <<-'EOF'
	defmodule Proj.MixProject do
	  use Mix.Project
	  def project, do: [app: :proj, version: "0.1.0", deps: []]
	end
	EOF
	printf 'import Config\n' >proj/config/config.exs
	cd proj
}
teardown() { pd_teardown; }

MK=$MIXLESS_SOURCE_DIR/make

# ---- Make ---------------------------------------------------------------------

@test "make: include mixless.mk before the first rule keeps the user's default goal" {
	printf 'include %s/mixless.mk\n\nall:\n\t@echo user default\n' "$MK" >Makefile
	run make
	[ "$status" -eq 0 ]
	[ "$output" = "user default" ]
	# nothing of ours ran: no digest, no stamp
	[ ! -e priv/static/cache_manifest.json ]
	[ ! -e .mixless ]
	# the targets are still there when asked for
	run make -s digest
	[ "$status" -eq 0 ]
	[ -f priv/static/cache_manifest.json ]
	# with the depfile of that run now included, the default is still the user's
	run make
	[ "$output" = "user default" ]
}

@test "make: each part included on its own keeps the user's default goal" {
	for part in mixless-digest.mk mixless-ecto.mk mixless-routes.mk mixless-common.mk; do
		printf 'include %s/%s\n\nall:\n\t@echo user default\n' "$MK" "$part" >Makefile
		run make
		[ "$status" -eq 0 ] || { echo "$part: $output"; false; }
		[ "$output" = "user default" ] || { echo "$part: $output"; false; }
	done
	# an explicit .DEFAULT_GOAL set before the include is kept as well
	printf '.DEFAULT_GOAL := mine\ninclude %s/mixless.mk\nmine:\n\t@echo mine\n' "$MK" >Makefile
	run make
	[ "$output" = "mine" ]
}

@test "make: mixless-ecto.mk on its own runs ecto-migrate (from PATH or MIXLESS_BIN)" {
	printf 'include %s/mixless-ecto.mk\n' "$MK" >Makefile
	# ecto-migrate's own help for the command: the tool really ran, no database needed
	run env -u MIXLESS_BIN make -s ecto.migrate ECTO_FLAGS=--help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: ecto-migrate migrate "* ]]
	run make -s ecto.rollback ECTO_FLAGS=--help MIXLESS_BIN="$MIXLESS_BIN"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "Usage: ecto-migrate rollback "* ]]
	run make -n ecto.migrations MIXLESS_BIN=/opt/mixless/bin ECTO_REPO=Proj.Repo
	[ "$status" -eq 0 ]
	[[ "$output" == "/opt/mixless/bin/ecto-migrate migrations -r Proj.Repo"* ]]
}

@test "make: a missing part of the include is an error naming it" {
	cp -r "$MK" mk
	rm mk/mixless-ecto.mk
	printf 'include mk/mixless.mk\n' >Makefile
	run --separate-stderr make digest
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"mixless-ecto.mk"* ]]
	[ ! -e priv/static/cache_manifest.json ]
}

# A router and endpoint for the routes targets.
routes_project() {
	mkdir -p lib/proj_web
	cat >lib/proj_web/router.ex <<-'EOF'
	defmodule ProjWeb.Router do
	  use Phoenix.Router, helpers: false

	  scope "/", ProjWeb do
	    get "/", PageController, :home
	  end
	end
	EOF
	cat >lib/proj_web/endpoint.ex <<-'EOF'
	defmodule ProjWeb.Endpoint do
	  use Phoenix.Endpoint, otp_app: :proj
	  socket "/live", Phoenix.LiveView.Socket
	end
	EOF
}

@test "make: make routes prints the table, computed again only when the router changed" {
	routes_project
	printf 'include %s/mixless.mk\n' "$MK" >Makefile
	run --separate-stderr make -s routes
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "  GET   /                ProjWeb.PageController :home" ]
	[ "${lines[1]}" = "  WS    /live/websocket  Phoenix.LiveView.Socket" ]
	grep -q "lib/proj_web/router.ex" .mixless/routes.d
	# nothing changed: the table is not computed again
	run make -n routes
	[[ "$output" != *phx-routes* ]]
	# the router changed: it is
	sleep 0.01
	sed -i 's|get "/", PageController, :home|get "/", PageController, :home\n    get "/about", PageController, :about|' lib/proj_web/router.ex
	run make -n routes
	[[ "$output" == *phx-routes* ]]
	run --separate-stderr make -s routes
	[ "${lines[1]}" = "  GET   /about           ProjWeb.PageController :about" ]
	# the config is an input too (Application.compile_env)
	sleep 0.01
	touch config/config.exs
	run make -n routes
	[[ "$output" == *phx-routes* ]]
}

@test "make: PHX_ROUTER and PHX_ROUTES_FORMAT" {
	routes_project
	printf 'include %s/mixless-routes.mk\n' "$MK" >Makefile
	run --separate-stderr make -s routes PHX_ROUTER=lib/proj_web/router.ex PHX_ROUTES_FORMAT=json
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = '  {"helper": null, "verb": "GET", "path": "/", "module": "ProjWeb.PageController", "action": ":home"},' ]
	[ -f .mixless/routes.json ]
}

# ---- CMake --------------------------------------------------------------------

cmake_project() {
	{
		printf 'cmake_minimum_required(VERSION 3.20)\nproject(proj NONE)\n'
		printf 'list(APPEND CMAKE_MODULE_PATH "%s")\ninclude(Mixless)\n' "${1:-$MIXLESS_SOURCE_DIR/cmake}"
		cat
	} >CMakeLists.txt
}

@test "cmake: a missing module of Mixless.cmake is an error naming it" {
	cp -r "$MIXLESS_SOURCE_DIR/cmake" cm
	rm cm/MixlessRoutes.cmake
	echo 'add_phx_digest(priv/static)' | cmake_project "$PWD/cm"
	run cmake -S . -B _b
	[ "$status" -ne 0 ]
	[[ "$output" == *"MixlessRoutes.cmake"* ]]
}

mtime() { stat -c %.9Y "$1"; }

# A downstream target built from the manifest alone: it must follow the digest.
check_manifest_output() {
	local gen=$1 b=_b_$2
	cmake_project <<-'EOF'
	add_phx_digest(assets priv/static OUTPUT ${CMAKE_BINARY_DIR}/static OUT_VAR manifest)
	get_target_property(prop assets PHX_DIGEST_MANIFEST)
	message(STATUS "manifest: ${manifest}")
	message(STATUS "property: ${prop}")
	add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/bundle.json
	  COMMAND ${CMAKE_COMMAND} -E copy ${manifest} ${CMAKE_BINARY_DIR}/bundle.json
	  DEPENDS assets ${manifest})
	add_custom_target(bundle DEPENDS ${CMAKE_BINARY_DIR}/bundle.json)
	EOF
	run cmake -S . -B "$b" -G "$gen"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	local want="$PWD/$b/static/cache_manifest.json"
	[[ "$output" == *"-- manifest: $want"* ]]
	[[ "$output" == *"-- property: $want"* ]]
	# the downstream target alone builds the digest first, then itself
	cmake --build "$b" --target bundle >/dev/null
	cmp "$want" "$b/bundle.json"
	[ "$(mf "$b/bundle.json" "m['latest']['js/app.js']")" = "js/app-$(md5 priv/static/js/app.js).js" ]
	# nothing changed: nothing is redone
	local before
	before=$(mtime "$b/bundle.json")
	sleep 0.01
	cmake --build "$b" --target bundle >/dev/null
	[ "$(mtime "$b/bundle.json")" = "$before" ]
	# an input changed: the digest and then the bundle follow
	echo '// edit' >>priv/static/js/app.js
	cmake --build "$b" --target bundle >/dev/null
	cmp "$want" "$b/bundle.json"
	[ "$(mf "$b/bundle.json" "m['latest']['js/app.js']")" = "js/app-$(md5 priv/static/js/app.js).js" ]
}

@test "cmake (Ninja): add_phx_digest exposes cache_manifest.json to downstream targets" {
	command -v ninja >/dev/null || skip "ninja not installed"
	check_manifest_output Ninja ninja
}

@test "cmake (Unix Makefiles): add_phx_digest exposes cache_manifest.json to downstream targets" {
	check_manifest_output "Unix Makefiles" make
}

# The wrappers run phx-digest inside a build whose output is the build
# tool's: no progress line there, even on a terminal. script(1) gives the
# build a pty; MIXLESS_TEST_PROGRESS_AFTER_MS=0 would show the line at once.
@test "make and cmake: the digest wrappers pass --no-progress (no line even on a terminal)" {
	command -v script >/dev/null || skip "script not installed (Debian package bsdutils)"
	export MIXLESS_TEST_PROGRESS_AFTER_MS=0
	# the Make include is not --quiet: only --no-progress keeps the line out
	printf 'include %s/mixless.mk\n' "$MK" >Makefile
	run script -qec "make digest V=1" /dev/null
	[ "$status" -eq 0 ]
	[[ "$output" == *"phx-digest priv/static -o priv/static"*"--no-progress"* ]]
	[[ "$output" == *'Check your digested files at "priv/static"'* ]]
	[[ "$output" != *"files, "* ]]
	# CMake: the command it generated says so too
	cmake_project <<<'add_phx_digest(assets priv/static OUTPUT ${CMAKE_BINARY_DIR}/static)'
	cmake -S . -B _b -G "Unix Makefiles" >/dev/null
	run script -qec "cmake --build _b --target assets -- VERBOSE=1" /dev/null
	[ "$status" -eq 0 ]
	[[ "$output" == *"phx-digest "*" --quiet --no-progress "* ]]
	[[ "$output" != *"files, "* ]]
	[ -f _b/static/cache_manifest.json ]
}

@test "cmake: add_phx_digest OUT_VAR without a name is an error" {
	echo 'add_phx_digest(priv/static OUT_VAR)' | cmake_project
	run cmake -S . -B _b
	[ "$status" -ne 0 ]
	[[ "$output" == *"add_phx_digest: OUT_VAR needs a variable name"* ]]
}

# add_phx_routes with a generator: the table, then no-op and changed builds.
check_routes_target() {
	local gen=$1 b=_b_$2
	routes_project
	cmake_project <<-'EOF'
	add_phx_routes(routes ROUTER lib/proj_web/router.ex OUTPUT ${CMAKE_BINARY_DIR}/routes.txt OUT_VAR out)
	add_phx_routes(routes_json FORMAT json)
	message(STATUS "routes: ${out}")
	EOF
	run cmake -S . -B "$b" -G "$gen"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[[ "$output" == *"-- routes: $PWD/$b/routes.txt"* ]]
	cmake --build "$b" --target routes >/dev/null
	[ "$(head -1 "$b/routes.txt")" = "  GET   /                ProjWeb.PageController :home" ]
	cmake --build "$b" --target routes_json >/dev/null
	[ "$(sed -n 2p "$b/routes_json.json")" = '  {"helper": null, "verb": "GET", "path": "/", "module": "ProjWeb.PageController", "action": ":home"},' ]
	local before
	before=$(mtime "$b/routes.txt")
	sleep 0.01
	cmake --build "$b" --target routes >/dev/null
	[ "$(mtime "$b/routes.txt")" = "$before" ]
	# the endpoint is an input: a new socket shows up (first: Phoenix lists
	# sockets last defined first)
	sed -i 's|socket "/live", Phoenix.LiveView.Socket|&\n  socket "/socket", ProjWeb.UserSocket, longpoll: false|' lib/proj_web/endpoint.ex
	cmake --build "$b" --target routes >/dev/null
	[ "$(sed -n 2p "$b/routes.txt")" = "  WS    /socket/websocket  ProjWeb.UserSocket" ]
}

@test "cmake (Ninja): add_phx_routes writes the table and reruns only on a changed input" {
	command -v ninja >/dev/null || skip "ninja not installed"
	check_routes_target Ninja ninja
}

@test "cmake (Unix Makefiles): add_phx_routes writes the table and reruns only on a changed input" {
	check_routes_target "Unix Makefiles" make
}

@test "cmake: add_phx_routes with a bad FORMAT is an error" {
	echo 'add_phx_routes(routes FORMAT yaml)' | cmake_project
	run cmake -S . -B _b
	[ "$status" -ne 0 ]
	[[ "$output" == *"add_phx_routes: FORMAT must be text, json or csv, got: yaml"* ]]
}
