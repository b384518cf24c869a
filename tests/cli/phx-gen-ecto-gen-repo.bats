#!/usr/bin/env bats
# phx-gen ecto.gen.repo: mix ecto.gen.repo's files, config edit and text.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"

setup() {
	phx_gen_setup
}

@test "the guide's repo: module, config after import Config, instructions" {
	golden repo-other ecto.gen.repo -r Hello.OtherRepo
}

@test "no config file: one is created" {
	rm config/config.exs
	run phx-gen ecto.gen.repo -r Hello.OtherRepo
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating config/config.exs"* ]]
	[ "$(head -n 3 config/config.exs)" = "$(printf 'import Config\n\nconfig :hello, Hello.OtherRepo,')" ]
}

@test "errors: no -r, two -r, a strict switch" {
	run --separate-stderr phx-gen ecto.gen.repo
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) ecto.gen.repo expects the repository to be given as -r MyApp.Repo" ]
	run --separate-stderr phx-gen ecto.gen.repo -r A.Repo -r B.Repo
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) ecto.gen.repo expects a single repository to be given" ]
	run --separate-stderr phx-gen ecto.gen.repo -r A.Repo --bogus
	[ "$status" -eq 2 ]
	[ -z "$(changed)" ]
}
