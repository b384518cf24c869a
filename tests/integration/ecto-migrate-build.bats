#!/usr/bin/env bats
# Build integration for ecto-migrate: a real small project driven by
# make (make/mixless.mk) and one driven by CMake (add_ecto_repo), each
# creating, migrating and rolling back a real PostgreSQL database.

bats_require_minimum_version 1.5.0
load ../helpers/pg

setup_file() {
	pg_start
	export MIXLESS_PG_DIR
}

teardown_file() {
	pg_stop
}

setup() {
	export NO_COLOR=1
	PROJ=$(mktemp -d "${BATS_TMPDIR:-/tmp}/em-build.XXXXXX")
	mkdir -p "$PROJ/priv/repo/migrations" "$PROJ/config"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0"]\n  end\nend\n' >"$PROJ/mix.exs"
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n' >"$PROJ/config/config.exs"
	for i in 1 2 3; do
		printf 'defmodule Hello.Repo.Migrations.T%s do\n  use Ecto.Migration\n\n  def change do\n    create table(:t%s)\n  end\nend\n' \
			"$i" "$i" >"$PROJ/priv/repo/migrations/2024010100000${i}_t$i.exs"
	done
	cd "$PROJ"
	DB="build_$BATS_TEST_NUMBER"
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$DB"
}

teardown() {
	cd /
	rm -rf "$PROJ"
}

versions() {
	pg_psql "$DB" -c 'SELECT count(*) FROM schema_migrations'
}

@test "make: ecto.setup, migrate, rollback STEP=2, ecto.migrations, ecto.reset" {
	printf 'include %s/make/mixless.mk\n' "$MIXLESS_SOURCE_DIR" >Makefile
	run make ecto.create
	[ "$status" -eq 0 ]
	[[ "$output" == *"The database for Hello.Repo has been created"* ]]
	run make migrate
	[ "$status" -eq 0 ]
	[ "$(versions)" = "3" ]
	run make rollback STEP=2
	[ "$status" -eq 0 ]
	[ "$(versions)" = "1" ]
	run make ecto.migrations
	[[ "$output" == *"  down      20240101000003  t3"* ]]
	run make migrate TO=20240101000002
	[ "$(versions)" = "2" ]
	run make ecto.reset
	[ "$status" -eq 0 ]
	[[ "$output" == *"has been dropped"*"has been created"* ]]
	[ "$(versions)" = "3" ]
	# the commands are quiet unless V=1, and never show the URL
	run make ecto.migrations V=1
	[[ "$output" == *"ecto-migrate migrations"* ]]
	[[ "$output" != *"postgres://"* ]]
}

@test "make: a failing migration fails the make target" {
	printf 'include %s/make/mixless.mk\n' "$MIXLESS_SOURCE_DIR" >Makefile
	printf 'defmodule Hello.Repo.Migrations.Bad do\n  use Ecto.Migration\n\n  def change do\n    execute "SELECT nope()", "SELECT 1"\n  end\nend\n' \
		>priv/repo/migrations/20240101000009_bad.exs
	make ecto.create >/dev/null
	run make migrate
	[ "$status" -ne 0 ]
	[[ "$output" == *"function nope() does not exist"* ]]
	[ "$(versions)" = "3" ]
}

@test "cmake: add_ecto_repo gives ecto.* targets and migrate" {
	cat >CMakeLists.txt <<EOF
cmake_minimum_required(VERSION 3.20)
project(hello NONE)
list(APPEND CMAKE_MODULE_PATH "$MIXLESS_SOURCE_DIR/cmake")
include(Mixless)
add_ecto_repo(Hello.Repo)
EOF
	run cmake -S . -B build
	[ "$status" -eq 0 ]
	run cmake --build build --target ecto.create
	[ "$status" -eq 0 ]
	[[ "$output" == *"The database for Hello.Repo has been created"* ]]
	run cmake --build build --target migrate
	[ "$status" -eq 0 ]
	[ "$(versions)" = "3" ]
	run cmake --build build --target ecto.rollback
	[ "$status" -eq 0 ]
	[ "$(versions)" = "2" ]
	run cmake --build build --target ecto.migrations
	[[ "$output" == *"  down      20240101000003  t3"* ]]
	run cmake --build build --target ecto.reset
	[ "$status" -eq 0 ]
	[ "$(versions)" = "3" ]
}

@test "cmake: add_ecto_repo rejects unknown arguments and bad repo names" {
	cat >CMakeLists.txt <<EOF
cmake_minimum_required(VERSION 3.20)
project(hello NONE)
list(APPEND CMAKE_MODULE_PATH "$MIXLESS_SOURCE_DIR/cmake")
include(Mixless)
add_ecto_repo(Hello.Repo MIGRATON priv/repo/migrations)
EOF
	run cmake -S . -B build
	[ "$status" -ne 0 ]
	[[ "$output" == *"add_ecto_repo: unknown arguments: MIGRATON"* ]]
	sed -i 's/add_ecto_repo(.*/add_ecto_repo(hello_repo)/' CMakeLists.txt
	run cmake -S . -B build
	[ "$status" -ne 0 ]
	[[ "$output" == *"is not a module name"* ]]
}
