#!/usr/bin/env bats
# ecto-migrate reading migrations that use more than Ecto.Migration: the
# application's config (Application.*_env), Mix.env, and the plain Elixir and
# Erlang that real migrations call. Everything runs with --dry-run --offline
# (no database): the SQL a migration would send, or its error at
# file:line:col. Expected values come from the genuine mix ecto.migrate
# (Phoenix 1.7.24, ecto_sql 3.14.0, Elixir 1.17.3) on the same files.

bats_require_minimum_version 1.5.0

setup() {
	PROJ=$(mktemp -d "${BATS_TMPDIR:-/tmp}/em-stdlib.XXXXXX")
	mkdir -p "$PROJ/priv/repo/migrations" "$PROJ/config"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0", deps: [{:ecto_sql, "~> 3.10"}]]\n  end\nend\n' >"$PROJ/mix.exs"
	cat >"$PROJ/config/config.exs" <<'EOF'
import Config

config :hello, ecto_repos: [Hello.Repo]
config :hello, :both, "compile_value"
config :hello, :nested, prefix: [name: "np"]
import_config "#{config_env()}.exs"
EOF
	printf 'import Config\n\nconfig :hello, :env_file, "dev.exs"\n' >"$PROJ/config/dev.exs"
	printf 'import Config\n\nconfig :hello, :env_file, "test.exs"\n' >"$PROJ/config/test.exs"
	cat >"$PROJ/config/runtime.exs" <<'EOF'
import Config

config :hello, :rt_only, "from_runtime"
config :hello, :both, "runtime_wins"
EOF
	cd "$PROJ"
	unset DATABASE_URL MIX_ENV
	export DATABASE_URL="postgres://postgres@127.0.0.1:1/hello_dev"
}

teardown() {
	cd /
	rm -rf "$PROJ"
}

# mig VERSION NAME ATTRS BODY: a `def change` migration with module
# attributes ATTRS before it.
mig() {
	local mod
	mod=$(printf '%s' "$2" | sed -E 's/(^|_)([a-z])/\U\2/g')
	printf 'defmodule Hello.Repo.Migrations.%s do\n  use Ecto.Migration\n%s\n  def change do\n%s\n  end\nend\n' \
		"$mod" "$3" "$4" >"priv/repo/migrations/$1_$2.exs"
}

dry() {
	run --separate-stderr ecto-migrate migrate --dry-run --offline "$@"
}

@test "--offline without --dry-run is a usage error" {
	run --separate-stderr ecto-migrate migrate --offline
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"option '--offline' needs --dry-run"* ]]
}

@test "compile_env sees runtime.exs too, as in mix ecto.migrate; paths and defaults" {
	mig 20240101000001 cenv '  @a Application.compile_env(:hello, :rt_only, "dflt")
  @b Application.compile_env(:hello, :both)
  @c Application.compile_env(:hello, [:nested, :prefix, :name])
  @d Application.compile_env(:hello, [:nested, :missing], "dd")
  @e Application.compile_env!(:hello, :both)' \
		"    execute \"select '#{@a}', '#{@b}', '#{@c}', '#{@d}', '#{@e}'\""
	dry
	[ "$status" -eq 0 ]
	[[ "$output" == *"select 'from_runtime', 'runtime_wins', 'np', 'dd', 'runtime_wins';"* ]]
}

@test "get_env, fetch_env and fetch_env! answer from the config" {
	mig 20240101000001 genv '' \
		"    execute \"select '#{Application.get_env(:hello, :both)}', '#{Application.get_env(:hello, :nope, 7)}', '#{inspect(Application.get_env(:hello, :nope))}', '#{inspect(Application.fetch_env(:hello, :rt_only))}', '#{inspect(Application.fetch_env(:hello, :nope))}', '#{Application.fetch_env!(:hello, :env_file)}'\""
	dry
	[ "$status" -eq 0 ]
	[[ "$output" == *"select 'runtime_wins', '7', 'nil', '{:ok, \"from_runtime\"}', ':error', 'dev.exs';"* ]]
}

@test "Mix.env and the config follow MIX_ENV" {
	mig 20240101000001 menv '' \
		"    execute \"select '#{Mix.env()}', '#{Application.get_env(:hello, :env_file)}'\""
	MIX_ENV=test dry
	[ "$status" -eq 0 ]
	[[ "$output" == *"select 'test', 'test.exs';"* ]]
}

@test "compile_env! of a key that is not set: Elixir's ArgumentError at file:line:col" {
	mig 20240101000001 bang '  @x Application.compile_env!(:hello, [:nested, :nope])' \
		"    execute \"select '#{@x}'\""
	dry
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"** (ArgumentError) priv/repo/migrations/20240101000001_bang.exs:3:6: could not fetch application environment [:nested, :nope] for application :hello because configuration at [:nested, :nope] was not set"* ]]
	[[ "$stderr" == *"nothing was applied"* ]]
	[ -z "$output" ]
}

@test "fetch_env! of an application that does not exist says so" {
	mig 20240101000001 bang '' "    execute \"select '#{Application.fetch_env!(:nope_app, :k)}'\""
	dry
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"** (ArgumentError) priv/repo/migrations/20240101000001_bang.exs:5:"*": could not fetch application environment :k for application :nope_app because the application was not loaded nor configured"* ]]
}

@test "__ENV__.file, .line and .module; a .sql beside its .exs is the data it reads, not a migration" {
	cat >priv/repo/migrations/20240101000001_from_file.exs <<'MIG'
defmodule Hello.Repo.Migrations.FromFile do
  use Ecto.Migration

  def up do
    execute(File.read!(sql_file()))
    execute("select '#{Path.basename(__ENV__.file)}', #{__ENV__.line}, '#{inspect(__ENV__.module)}'")
  end

  defp sql_file do
    filename = __ENV__.file |> Path.basename() |> String.replace(".exs", ".sql")
    Path.join(__DIR__, filename)
  end

  def down, do: :ok
end
MIG
	printf 'select 42 as from_the_sql_file\n' >priv/repo/migrations/20240101000001_from_file.sql
	dry
	[ "$status" -eq 0 ]
	[[ "$output" == *"select 42 as from_the_sql_file"* ]]
	[[ "$output" == *"select '20240101000001_from_file.exs', 6, 'Hello.Repo.Migrations.FromFile';"* ]]
	# one migration, not a duplicated version
	[ "$(grep -c '== Running' <<<"$output")" -eq 1 ]
}

@test "__ENV__ alone and its other fields stop at file:line:col" {
	mig 20240101000001 env_fun '' '    execute "select #{inspect(__ENV__.function)}"'
	dry
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"20240101000001_env_fun.exs:5:"*": __ENV__.function is not supported (only __ENV__.file, __ENV__.line and __ENV__.module)"* ]]
}

@test "Ecto.Query macros and an inline Ecto.Schema are refused by name at file:line:col, nothing applied" {
	cat >priv/repo/migrations/20240101000001_backfill.exs <<'MIG'
defmodule Hello.Repo.Migrations.Backfill do
  use Ecto.Migration
  import Ecto.Query

  def up do
    "users" |> where([u], is_nil(u.name)) |> repo().update_all(set: [name: ""])
  end

  def down, do: :ok
end
MIG
	dry
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"20240101000001_backfill.exs:6:16: an Ecto query (where/3, Ecto.Query) runs against the repo at migration time, which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead"* ]]
	[[ "$stderr" == *"nothing was applied"* ]]
	rm priv/repo/migrations/20240101000001_backfill.exs
	cat >priv/repo/migrations/20240101000002_with_schema.exs <<'MIG'
defmodule Hello.Repo.Migrations.WithSchema do
  use Ecto.Migration

  defmodule Car do
    use Ecto.Schema

    schema "cars" do
      field :name, :string
    end
  end

  def change, do: :ok
end
MIG
	dry
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"20240101000002_with_schema.exs:7:5: schema/2 defines an Ecto schema (Ecto.Schema), which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead"* ]]
}

@test "URI.parse, binary_part and File.cwd! in a migration" {
	mig 20240101000001 uri '' \
		"    host = URI.parse(System.get_env(\"EM_TEST_URL\", \"https://localhost/\")).host
    execute \"select '#{host}', '#{binary_part(\"abcdef\", 4, -2)}', #{File.cwd!() == Path.expand(\".\")}\""
	EM_TEST_URL=https://vpn.example.com:8443/x dry
	[ "$status" -eq 0 ]
	[[ "$output" == *"select 'vpn.example.com', 'cd', true;"* ]]
}
