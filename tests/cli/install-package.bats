#!/usr/bin/env bats
# The install as a user meets it: examples/hello built against an installed
# mixless with CMake (find_package) and with Make (the installed include), a
# relocated install that still finds its own tools, and the packages CPack
# makes: a .deb with its Debian dependencies, unpacked with dpkg -x into a
# temp root where every binary runs, and a .tar.gz.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/need.bash"

TOOLS="mixless phx-gen phx-digest ecto-migrate phx-routes"

setup() {
	unset MAKEFLAGS MFLAGS MAKELEVEL SEARCH
	prefix=$BATS_TEST_TMPDIR/prefix
	cmake --install "$MIXLESS_BUILD_DIR" --prefix "$prefix" >/dev/null
	cp -r "$MIXLESS_SOURCE_DIR/examples/hello" "$BATS_TEST_TMPDIR/hello"
	cd "$BATS_TEST_TMPDIR"
	# only the installed tools, never the build tree's
	export PATH=/usr/local/bin:/usr/bin:/bin
}

@test "install: examples/hello builds against the installed package with CMake" {
	run cmake -S hello -B hb -DCMAKE_PREFIX_PATH="$prefix"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	grep -q "^Mixless_DIR:PATH=$prefix/lib.*/cmake/Mixless$" hb/CMakeCache.txt
	run cmake --build hb --target phx.digest
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[ -f hb/static/cache_manifest.json ]
	SEARCH=phx.digest run cmake --build hb --target help-tasks
	[[ "$output" == *"mixless phx.digest       # Digests and compresses static files"* ]]
	# the project's task and an alias, through the installed CMake package
	run cmake --build hb --target hello.greeting
	[[ "$output" == *"Greetings from the hello application!"* ]]
	SEARCH=hello run cmake --build hb --target help-tasks
	[[ "$output" == *"mixless hello.greeting # Sends a greeting to us from Hello Phoenix"* ]]
	MIXLESS_MIX="" run cmake --build hb --target assets.deploy
	[ "$status" -eq 0 ]
	[[ "$output" == *'skipped "tailwind hello --minify" of the alias assets.deploy'* ]]
}

@test "install: examples/hello builds against the installed Make include" {
	run make -C hello MIXLESS_DIR="$prefix/share/mixless" MIXLESS_BIN="$prefix/bin" digest
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[ -f hello/_build/static/cache_manifest.json ]
	run make -C hello --no-print-directory MIXLESS_DIR="$prefix/share/mixless" \
		MIXLESS_BIN="$prefix/bin" help SEARCH=ecto.mig
	[ "$output" = "mixless ecto.migrate    # Runs the repository migrations
mixless ecto.migrations # Displays the repository migration status" ]
	run make -C hello --no-print-directory MIXLESS_DIR="$prefix/share/mixless" \
		MIXLESS_BIN="$prefix/bin" hello.greeting
	[ "$output" = "Greetings from the hello application!" ]
}

@test "install: relocated, mixless still runs its own tools; man pages and completion in place" {
	mv "$prefix" "$BATS_TEST_TMPDIR/moved"
	cd hello
	run "$BATS_TEST_TMPDIR/moved/bin/mixless" phx.digest priv/static -o "$BATS_TEST_TMPDIR/out"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	[ -f "$BATS_TEST_TMPDIR/out/cache_manifest.json" ]
	for t in $TOOLS; do
		[ -f "$BATS_TEST_TMPDIR/moved/share/man/man1/$t.1" ]
		[ -f "$BATS_TEST_TMPDIR/moved/share/bash-completion/completions/$t" ]
	done
}

@test "cpack: a .deb with its Debian dependencies, every binary running from dpkg -x" {
	need dpkg-deb dpkg
	run cpack --config "$MIXLESS_BUILD_DIR/CPackConfig.cmake" -G DEB -B "$BATS_TEST_TMPDIR/pkg"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	deb=$(ls "$BATS_TEST_TMPDIR"/pkg/mixless_*.deb)
	depends=$(dpkg-deb -f "$deb" Depends)
	for lib in libpq5 zlib1g libssl3 libbrotli1 libzstd1; do
		[[ "$depends" == *"$lib"* ]] || { echo "no $lib in $depends"; false; }
	done
	dpkg -x "$deb" root
	for t in $TOOLS; do
		run root/usr/bin/$t --version
		[ "$status" -eq 0 ] || { echo "$t: $output"; false; }
		[[ "$output" == "$t "* ]]
	done
	[ -f root/usr/share/mixless/make/mixless.mk ]
	ls root/usr/lib*/cmake/Mixless/MixlessConfigVersion.cmake
	run root/usr/bin/mixless help --search phx.routes
	[ "$output" = "mixless phx.routes # Prints all routes" ]
}

@test "cpack: a .tar.gz of the same install" {
	run cpack --config "$MIXLESS_BUILD_DIR/CPackConfig.cmake" -G TGZ -B "$BATS_TEST_TMPDIR/pkg"
	[ "$status" -eq 0 ] || { echo "$output"; false; }
	tgz=$(ls "$BATS_TEST_TMPDIR"/pkg/mixless-*.tar.gz)
	run tar tzf "$tgz"
	for t in $TOOLS; do
		[[ "$output" == *"/bin/$t"* ]] || { echo "no $t"; false; }
	done
	[[ "$output" == *"/share/mixless/make/mixless.mk"* ]]
}
