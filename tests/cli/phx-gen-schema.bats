#!/usr/bin/env bats
# phx-gen schema: mix phx.gen.schema's files, byte for byte (fixtures in
# tests/fixtures/phx-gen/schema-*), its attribute grammar and its errors.

bats_require_minimum_version 1.5.0
load "$MIXLESS_SOURCE_DIR/tests/helpers/phx_gen.bash"

setup() {
	phx_gen_setup
}

@test "the guide's credentials schema: unique index first, then the reference" {
	golden schema-credential schema Accounts.Credential credentials email:string:unique \
		user_id:references:users
}

@test "--binary-id and --prefix: primary key, foreign key type, schema prefix" {
	golden schema-binary-id schema Blog.Tag tags name:string:unique post_id:references:posts \
		--binary-id --prefix blog
}

@test "--no-migration writes the schema alone and no reminder" {
	golden schema-no-migration schema Blog.Note notes body:text --no-migration
}

@test "every type, alias, flag and the index order" {
	golden schema-every-type schema Shop.Item items a:integer b:float c:decimal d:boolean e:map \
		f:string g:text h:date i:time j:time_usec k:naive_datetime l:naive_datetime_usec \
		m:utc_datetime n:utc_datetime_usec o:uuid p:binary q:array:string r:enum:x:y \
		s:datetime t:references:users u:string:redact v:integer:unique
}

@test "--table names the table and --repo the migration module and priv folder" {
	golden schema-repo schema Admin.Role roles name --table admin_roles --repo Hello.Repo.Auth
}

@test "--migration-dir wins over the repo's folder" {
	run phx-gen schema Blog.Tag tags name --migration-dir priv/custom/
	[ "$status" -eq 0 ]
	[[ "$output" == *"* creating priv/custom/20251205020000_create_tags.exs"* ]]
	[ -f priv/custom/20251205020000_create_tags.exs ]
}

@test "uniques are listed in reverse order, with :unique and :redact in any order" {
	phx-gen schema Blog.Tag tags a:string:unique b:string:redact:unique c:integer:unique:redact
	grep -q '    field :b, :string, redact: true' lib/hello/blog/tag.ex
	grep -q '    field :c, :integer, redact: true' lib/hello/blog/tag.ex
	[ "$(grep unique_constraint lib/hello/blog/tag.ex | tr -d ' ')" = "$(printf '|>unique_constraint(:c)\n|>unique_constraint(:b)\n|>unique_constraint(:a)')" ]
	[ "$(grep 'create unique_index' priv/repo/migrations/*_create_tags.exs | tr -d ' ')" = "$(printf 'createunique_index(:tags,[:c])\ncreateunique_index(:tags,[:b])\ncreateunique_index(:tags,[:a])')" ]
}

@test "a unique reference gets one index, the unique one" {
	phx-gen schema Blog.Like likes post_id:references:posts:unique
	run grep -c 'index(' priv/repo/migrations/20251205020000_create_likes.exs
	[ "$output" = 1 ]
	grep -q 'create unique_index(:likes, \[:post_id\])' priv/repo/migrations/*_create_likes.exs
}

@test "plural equal to singular is fine, a timestamp_type from config is used" {
	phx-gen schema Blog.News news title
	grep -q 'schema "news" do' lib/hello/blog/news.ex
	grep -q 'timestamps(type: :utc_datetime)' lib/hello/blog/news.ex
}

@test "unknown switches are ignored, as OptionParser.parse ignores them" {
	run phx-gen schema Blog.Tag tags name --bogus --other=1
	[ "$status" -eq 0 ]
	[ -f lib/hello/blog/tag.ex ]
}

schema_help='

mix phx.gen.schema expects both a module name and
the plural of the generated resource followed by
any number of attributes:

    mix phx.gen.schema Blog.Post blog_posts title:string'

@test "errors: Phoenix's messages with the help text, exit 1, nothing written" {
	run --separate-stderr phx-gen schema Blog.Post
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Invalid arguments$schema_help" ]
	run --separate-stderr phx-gen schema blog.post posts
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Expected the schema argument, \"blog.post\", to be a valid module name$schema_help" ]
	run --separate-stderr phx-gen schema Blog.Post Posts
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Expected the plural argument, \"Posts\", to be all lowercase using snake_case convention$schema_help" ]
	run --separate-stderr phx-gen schema Blog.Post posts:x
	[ "$status" -eq 1 ]
	[[ "$stderr" == '** (Mix) Expected the plural argument, "posts:x"'* ]]
	[ -z "$(changed)" ]
}

@test "attribute errors: array, enum, references, unknown types" {
	run --separate-stderr phx-gen schema Blog.Post posts tags:array
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Phoenix generators expect the type of the array to be given to tags:array.
For example:

    mix phx.gen.schema Post posts settings:array:string" ]
	run --separate-stderr phx-gen schema Blog.Post posts status:enum
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Enum type requires at least one value
For example:

    mix phx.gen.schema Comment comments body:text status:enum:published:unpublished" ]
	run --separate-stderr phx-gen schema Blog.Post posts post_id:references
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) Phoenix generators expect the table to be given to post_id:references.
For example:

    mix phx.gen.schema Comment comments body:text post_id:references:posts" ]
	run --separate-stderr phx-gen schema Blog.Post posts x:bogus
	[ "$status" -eq 1 ]
	[ "$stderr" = '** (Mix) Unknown type `:bogus` given to generator. The supported types are: array, binary, boolean, date, decimal, enum, float, integer, map, naive_datetime, naive_datetime_usec, references, string, text, time, time_usec, utc_datetime, utc_datetime_usec, uuid' ]
	run --separate-stderr phx-gen schema Blog.Post posts x:array:bogus
	[ "$status" -eq 1 ]
	[ "$stderr" = '** (Mix) Unknown type `bogus` given to generator' ]
	run --separate-stderr phx-gen schema Blog.Post posts x:bogus:string
	[ "$status" -eq 1 ]
	[[ "$stderr" == '** (Mix) Unknown type `{:bogus, :string}` given to generator.'* ]]
	[ -z "$(changed)" ]
}

@test "an umbrella root is Phoenix's error" {
	mkdir -p "$BATS_TEST_TMPDIR/umb/apps"
	cat >"$BATS_TEST_TMPDIR/umb/mix.exs" <<'EXS'
defmodule Umb.MixProject do
  use Mix.Project
  def project, do: [apps_path: "apps", version: "0.1.0"]
end
EXS
	run --separate-stderr phx-gen schema Blog.Post posts -C "$BATS_TEST_TMPDIR/umb"
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Mix) mix phx.gen.schema must be invoked from within your *_web application root directory" ]
}

@test "config :ecto_sql, :migration_module is used, and a non-module is Phoenix's error" {
	printf '\nconfig :ecto_sql, migration_module: Hello.Migration\n' >>config/config.exs
	phx-gen schema Blog.Tag tags name
	grep -q '  use Hello.Migration' priv/repo/migrations/*_create_tags.exs
	git checkout -q config/config.exs && git clean -qfd
	printf '\nconfig :ecto_sql, migration_module: "nope"\n' >>config/config.exs
	run --separate-stderr phx-gen schema Blog.Tag tags name
	[ "$status" -eq 1 ]
	[ "$stderr" = '** (Mix) Expected :migration_module to be a module, got: "nope"' ]
}

@test "config :app, :generators binary_id and sample ids; --no-binary-id wins" {
	sed -i 's/generators: \[timestamp_type: :utc_datetime\]/generators: [timestamp_type: :utc_datetime, binary_id: true]/' config/config.exs
	phx-gen schema Blog.Tag tags name
	grep -q '@primary_key {:id, :binary_id, autogenerate: true}' lib/hello/blog/tag.ex
	git clean -qfd
	phx-gen schema Blog.Tag tags name --no-binary-id
	! grep -q '@primary_key' lib/hello/blog/tag.ex
}

@test "config :app, :generators migration: false; --migration forces it back" {
	sed -i 's/generators: \[timestamp_type: :utc_datetime\]/generators: [timestamp_type: :naive_datetime, migration: false]/' config/config.exs
	run phx-gen schema Blog.Tag tags name
	[ "$status" -eq 0 ]
	[ "$output" = "* creating lib/hello/blog/tag.ex" ]
	grep -q '    timestamps()' lib/hello/blog/tag.ex
	git clean -qfd
	run phx-gen schema Blog.Tag tags name --migration
	[[ "$output" == *"_create_tags.exs"* ]]
}

@test "config :app, namespace: names the modules, the app names the paths" {
	printf '\nconfig :hello, namespace: My.App\n' >>config/config.exs
	run phx-gen context Tagging Tag tags name
	[ "$status" -eq 0 ]
	grep -q "^defmodule My.App.Tagging.Tag do" lib/hello/tagging/tag.ex
	grep -q "^defmodule My.App.Tagging do" lib/hello/tagging.ex
	grep -q "  alias My.App.Repo" lib/hello/tagging.ex
	grep -q '^defmodule My.App.Repo.Migrations.CreateTags do' priv/repo/migrations/*_create_tags.exs
}
