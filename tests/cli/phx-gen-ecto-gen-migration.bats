#!/usr/bin/env bats
# phx-gen ecto.gen.migration: mix ecto.gen.migration's file and messages.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"

setup() {
	phx_gen_setup
}

@test "the guide's migration, byte for byte" {
	golden migration-add-comments ecto.gen.migration add_comments_table
}

@test "mixless runs it as the mix task" {
	run mixless ecto.gen.migration add_tags
	[ "$status" -eq 0 ]
	[ "$output" = "* creating priv/repo/migrations/20251205020000_add_tags.exs" ]
}

@test "a CamelCase name, --change, -r and a missing folder made first" {
	run phx-gen ecto.gen.migration AddTags -r Hello.Other --change '    execute "SELECT 1"'
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '* creating priv/other/migrations\n* creating priv/other/migrations/20251205020000_add_tags.exs')" ]
	diff priv/other/migrations/20251205020000_add_tags.exs - <<'EXS'
defmodule Hello.Other.Migrations.AddTags do
  use Ecto.Migration

  def change do
    execute "SELECT 1"
  end
end
EXS
}

@test "--migrations-path, and two migrations of the same second never share a version" {
	phx-gen ecto.gen.migration one --migrations-path db/m
	phx-gen ecto.gen.migration two --migrations-path db/m
	phx-gen ecto.gen.migration three --migrations-path db/m
	[ "$(ls db/m)" = "$(printf '20251205020000_one.exs\n20251205020001_two.exs\n20251205020002_three.exs')" ]
}

@test "errors: a taken name, no name, a strict switch" {
	phx-gen ecto.gen.migration add_tags
	run --separate-stderr phx-gen ecto.gen.migration add_tags
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) migration can't be created, there is already a migration file with name add_tags." ]
	run --separate-stderr phx-gen ecto.gen.migration
	[ "$status" -eq 1 ]
	[ "$stderr" = '** (Mix) expected ecto.gen.migration to receive the migration file name, got: ""' ]
	run --separate-stderr phx-gen ecto.gen.migration a b
	[ "$status" -eq 1 ]
	[ "$stderr" = '** (Mix) expected ecto.gen.migration to receive the migration file name, got: "a b"' ]
	run --separate-stderr phx-gen ecto.gen.migration x --bogus
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"--bogus"* ]]
}

@test "no :ecto_repos and no -r: ecto's warning, nothing written" {
	sed -i 's/ecto_repos: \[Hello.Repo\],//' config/config.exs
	git -c user.name=t -c user.email=t@t commit -qam 'no repos'
	run --separate-stderr phx-gen ecto.gen.migration x
	[ "$status" -eq 0 ]
	[[ "$stderr" == "warning: could not find Ecto repos in any of the apps: [:hello]."* ]]
	[ -z "$(changed)" ]
}
