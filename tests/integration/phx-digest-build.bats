#!/usr/bin/env bats
# add_phx_digest() and make/mixless-digest.mk in real small projects: the
# digest runs when an input changed (edited, added, removed, config) and a
# second build does nothing.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/fixtures/phx-digest/helpers.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/wait.bash"
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

setup() {
	pd_setup
	mkdir -p proj/priv proj/config
	mv static proj/priv/static
	cat >proj/mix.exs <<-'EOF'
	defmodule Proj.MixProject do
	  use Mix.Project
	  def project, do: [app: :proj, version: "0.1.0", deps: []]
	end
	EOF
	printf 'import Config\nconfig :phoenix, :json_library, Jason\n' >proj/config/config.exs
}
teardown() { pd_teardown; }

stamp_time() { stat -c %.9Y.%i "$1" 2>/dev/null || echo none; }

# builds and reports whether the digest ran (the stamp moved)
ran() {
	local before
	before=$(stamp_time "$STAMP")
	# a stamp touched again within the same clock tick would look unmoved
	if [ -e "$STAMP" ]; then wait_clock_past "$STAMP" || return 2; fi
	"$@" >build.log 2>&1 || { cat build.log; return 2; }
	[ "$(stamp_time "$STAMP")" != "$before" ]
}

# builds and checks that the digest did not run (a failed build is a failure)
not_ran() {
	local rc=0
	ran "$@" || rc=$?
	[ "$rc" -eq 1 ]
}

cmake_project() {
	cat >proj/CMakeLists.txt <<-EOF
	cmake_minimum_required(VERSION 3.20)
	project(proj NONE)
	list(APPEND CMAKE_MODULE_PATH "$MIXLESS_SOURCE_DIR/cmake")
	include(Mixless)
	add_phx_digest(priv/static)
	add_phx_digest(static.cdn priv/static OUTPUT build/cdn GZIP_EXTS .js NO_VSN)
	EOF
}

check_cmake() {
	local gen=$1 build=proj/_build_$2
	cmake_project
	cmake -S proj -B "$build" -G "$gen" >/dev/null
	STAMP=$build/.mixless/phx.digest.stamp
	ran cmake --build "$build" --target phx.digest
	[ -f proj/priv/static/cache_manifest.json ]
	[ -f "proj/priv/static/js/app-$(md5 proj/priv/static/js/app.js).js" ]
	# the incremental cache in the scratch directory, nowhere else
	ls "$build"/.mixless/phx-digest-*.cache
	[ ! -e proj/_build ]
	[ ! -e proj/priv/static/.phx-digest-cache ]
	not_ran cmake --build "$build" --target phx.digest
	not_ran cmake --build "$build" --target phx.digest
	echo '// edit' >>proj/priv/static/js/app.js
	ran cmake --build "$build" --target phx.digest
	[ -f "proj/priv/static/js/app-$(md5 proj/priv/static/js/app.js).js" ]
	not_ran cmake --build "$build" --target phx.digest
	echo 'new' >proj/priv/static/css/new.css
	ran cmake --build "$build" --target phx.digest
	[ "$(mf proj/priv/static/cache_manifest.json "m['latest']['css/new.css']")" = "css/new-$(md5 proj/priv/static/css/new.css).css" ]
	rm proj/priv/static/robots.txt
	ran cmake --build "$build" --target phx.digest
	[ "$(mf proj/priv/static/cache_manifest.json "'robots.txt' in m['latest']")" = False ]
	not_ran cmake --build "$build" --target phx.digest
	printf 'import Config\nconfig :phoenix, :gzippable_exts, ~w(.js)\n' >proj/config/config.exs
	ran cmake --build "$build" --target phx.digest
	not_ran cmake --build "$build" --target phx.digest
	# the long form, into another directory with its own options
	STAMP=$build/.mixless/static.cdn.stamp
	ran cmake --build "$build" --target static.cdn
	[ -f proj/build/cdn/js/app.js.gz ]; [ ! -e proj/build/cdn/css/app.css.gz ]
	! grep -q 'vsn=d' proj/build/cdn/css/app-*.css || false
	not_ran cmake --build "$build" --target static.cdn
	# clean targets
	cmake --build "$build" --target phx.digest.clean-all >/dev/null
	[ ! -e proj/priv/static/cache_manifest.json ]
	STAMP=$build/.mixless/phx.digest.stamp
	ran cmake --build "$build" --target phx.digest
	[ -f proj/priv/static/cache_manifest.json ]
	cmake --build "$build" --target phx.digest.clean >/dev/null
}

@test "cmake (Ninja): add_phx_digest reruns exactly when an input changed" {
	need ninja ninja-build
	check_cmake Ninja ninja
}

@test "cmake (Unix Makefiles): add_phx_digest reruns exactly when an input changed" {
	check_cmake "Unix Makefiles" make
}

@test "cmake: add_phx_digest rejects bad arguments" {
	cat >proj/CMakeLists.txt <<-EOF
	cmake_minimum_required(VERSION 3.20)
	project(proj NONE)
	list(APPEND CMAKE_MODULE_PATH "$MIXLESS_SOURCE_DIR/cmake")
	include(Mixless)
	add_phx_digest(a b c)
	EOF
	run cmake -S proj -B proj/_b
	[ "$status" -ne 0 ]
	[[ $output == *"add_phx_digest: expected [<target>] <input>"* ]]
}

@test "make: digest / digest.clean from mixless.mk rerun exactly when an input changed" {
	cat >proj/Makefile <<-EOF
	include $MIXLESS_SOURCE_DIR/make/mixless.mk
	EOF
	cd proj
	STAMP=$PWD/.mixless/phx.digest.stamp
	ran make digest
	[ -f "priv/static/js/app-$(md5 priv/static/js/app.js).js" ]
	# the incremental cache in the scratch directory, nowhere else
	ls .mixless/phx-digest-*.cache
	[ ! -e _build ]
	[ ! -e priv/static/.phx-digest-cache ]
	not_ran make digest
	echo '// edit' >>priv/static/js/app.js
	ran make digest
	not_ran make digest
	echo 'x' >priv/static/extra.txt
	ran make digest
	rm priv/static/extra.txt priv/static/robots.txt
	ran make digest
	not_ran make digest
	touch config/config.exs
	ran make digest
	make -s digest.clean-all
	[ ! -e priv/static/cache_manifest.json ]
	ran make digest
	run make -s digest.clean
	[ "$status" -eq 0 ]
	[[ $output == 'Clean complete for "priv/static"' ]]
}

@test "make: PHX_STATIC_DIR / PHX_DIGEST_OUT / PHX_DIGEST_FLAGS" {
	cat >proj/Makefile <<-EOF
	PHX_DIGEST_OUT = out
	PHX_DIGEST_FLAGS = --no-vsn --gzip-ext .css
	include $MIXLESS_SOURCE_DIR/make/mixless-digest.mk
	EOF
	cd proj
	make -s digest
	[ -f out/css/app.css.gz ]; [ ! -e out/js/app.js.gz ]
	! grep -q 'vsn=d' out/css/app-*.css || false
	[ ! -e priv/static/cache_manifest.json ]
	STAMP=$PWD/.mixless/phx.digest.stamp
	not_ran make digest
}
