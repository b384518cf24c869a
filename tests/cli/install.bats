#!/usr/bin/env bats
# `make install` lays out a usable package: the binaries, find_package(Mixless)
# with imported Mixless::<tool> targets and the functions, and the Make include.

setup() {
	prefix="$BATS_TEST_TMPDIR/prefix"
	cmake --install "$MIXLESS_BUILD_DIR" --prefix "$prefix" >/dev/null
}

@test "install puts the five tools, the CMake package and the Make include in place" {
	for t in mixless phx-gen phx-digest ecto-migrate phx-routes; do
		[ -x "$prefix/bin/$t" ] || { echo "missing $t"; false; }
	done
	[ -f "$prefix/share/mixless/make/mixless.mk" ]
	for t in mixless phx-gen phx-digest ecto-migrate phx-routes; do
		grep -q "^\.SH NAME" "$prefix/share/man/man1/$t.1" || { echo "no man page for $t"; false; }
	done
	grep -q -- "--log-migrations-sql" "$prefix/share/man/man1/ecto-migrate.1"
	ls "$prefix"/lib*/cmake/Mixless/MixlessConfig.cmake
	ls "$prefix"/lib*/cmake/Mixless/MixlessConfigVersion.cmake
	run "$prefix/bin/phx-digest" --version
	[ "$status" -eq 0 ]
}

@test "find_package(Mixless) gives imported tools and the functions" {
	proj="$BATS_TEST_TMPDIR/proj"
	mkdir -p "$proj"
	cat >"$proj/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(consumer NONE)
find_package(Mixless 0.1 REQUIRED CONFIG)
foreach(t phx-digest ecto-migrate phx-routes phx-gen mixless)
  if(NOT TARGET Mixless::${t})
    message(FATAL_ERROR "no Mixless::${t}")
  endif()
endforeach()
foreach(f add_phx_digest add_ecto_repo)
  if(NOT COMMAND ${f})
    message(FATAL_ERROR "no function ${f}")
  endif()
endforeach()
get_target_property(loc Mixless::phx-digest IMPORTED_LOCATION_RELWITHDEBINFO)
if(NOT loc)
  get_target_property(loc Mixless::phx-digest IMPORTED_LOCATION_DEBUG)
endif()
message(STATUS "phx-digest at ${loc}")
CMAKE
	run cmake -S "$proj" -B "$proj/build" -DCMAKE_PREFIX_PATH="$prefix"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"phx-digest at $prefix/bin/phx-digest"* ]]
}
