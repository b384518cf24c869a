#!/usr/bin/env bats
# ecto-migrate against a real PostgreSQL: every command's messages and log
# lines as the genuine mix tasks print them (tests/fixtures and
# shared/reference/real-outputs.md), schema_migrations rows, strategies,
# status, dump/load, setup/reset.

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
	PROJ=$(mktemp -d "${BATS_TMPDIR:-/tmp}/em-int.XXXXXX")
	mkdir -p "$PROJ/priv/repo/migrations"
	printf 'defmodule Hello.MixProject do\n  use Mix.Project\n\n  def project do\n    [app: :hello, version: "0.1.0", start_permanent: Mix.env() == :prod]\n  end\nend\n' >"$PROJ/mix.exs"
	mkdir -p "$PROJ/config"
	printf 'import Config\n\nconfig :hello, ecto_repos: [Hello.Repo]\n' >"$PROJ/config/config.exs"
	cd "$PROJ"
	DB="em_$BATS_TEST_NUMBER"
	export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$DB"
}

teardown() {
	pg_release
	cd /
	rm -rf "$PROJ"
}

# Logger lines without their time stamps: "[info] == Running ...", and
# Ecto's "== Migrated VERSION in N.Ns" with its figure (tenths of a second,
# whatever the machine's load) as N.N; a figure in another format stays, and
# fails the comparison.
strip_time() {
	sed -E 's/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} //; s/^(\[info\] == Migrated [0-9]+ in )[0-9]+\.[0-9]s$/\1N.Ns/'
}

mig() { # mig VERSION NAME BODY  (a `def change` migration)
	local mod
	mod=$(printf '%s' "$2" | sed -E 's/(^|_)([a-z])/\U\2/g')
	printf 'defmodule Hello.Repo.Migrations.%s do\n  use Ecto.Migration\n\n  def change do\n%s\n  end\nend\n' \
		"$mod" "$3" >"priv/repo/migrations/$1_$2.exs"
}

three_migrations() {
	mig 20240101000000 create_users '    create table(:users) do
      add :name, :string
      timestamps()
    end'
	mig 20240102000000 create_posts '    create table(:posts) do
      add :title, :string
    end
    create index(:posts, [:title])'
	mig 20240103000000 add_age '    alter table(:users) do
      add :age, :integer
    end'
}

versions() {
	pg_psql "$DB" -c 'SELECT version FROM schema_migrations ORDER BY version' | tr '\n' ' '
}

@test "create: has been created, then has already been created" {
	run ecto-migrate create
	[ "$status" -eq 0 ]
	[ "$output" = "The database for Hello.Repo has been created" ]
	run ecto-migrate create
	[ "$status" -eq 0 ]
	[ "$output" = "The database for Hello.Repo has already been created" ]
	run pg_psql -c "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '$DB'"
	[ "$output" = "UTF8" ]
	# ecto_sql 3.14 sets the new database's timezone
	run pg_psql "$DB" -c "SHOW timezone"
	[ "$output" = "Etc/UTC" ]
	run ecto-migrate create --quiet
	[ "$output" = "" ]
}

@test "drop: has been dropped, then has already been dropped" {
	ecto-migrate create
	run ecto-migrate drop
	[ "$status" -eq 0 ]
	[ "$output" = "The database for Hello.Repo has been dropped" ]
	run ecto-migrate drop
	[ "$status" -eq 0 ]
	[ "$output" = "The database for Hello.Repo has already been dropped" ]
}

@test "drop --force-drop drops with connections open" {
	ecto-migrate create
	pg_hold "$DB" "SELECT pg_sleep(600)"
	wait_until 60 pg_true postgres "SELECT count(*) > 0 FROM pg_stat_activity WHERE datname = '$DB' AND application_name = 'mixless_holder'"
	run ecto-migrate drop --force-drop
	[ "$status" -eq 0 ]
	[ "$output" = "The database for Hello.Repo has been dropped" ]
}

@test "drop in prod asks first; no answer keeps the database" {
	ecto-migrate create
	MIX_ENV=prod run ecto-migrate drop <<<"n"
	[ "$status" -eq 0 ]
	[[ "$output" == "Are you sure you want to drop the database for repo Hello.Repo? [Yn] "* ]]
	run pg_psql -c "SELECT count(*) FROM pg_database WHERE datname = '$DB'"
	[ "$output" = "1" ]
	MIX_ENV=prod run ecto-migrate drop --force
	[ "$output" = "The database for Hello.Repo has been dropped" ]
}

@test "migrations on an empty project prints the empty table exactly" {
	ecto-migrate create
	run ecto-migrate migrations
	[ "$status" -eq 0 ]
	# byte-exact, including the blank lines mix prints after the dashes
	ecto-migrate migrations >out.txt
	printf '\nRepo: Hello.Repo\n\n  Status    Migration ID    Migration Name\n--------------------------------------------------\n\n\n' >want.txt
	cmp out.txt want.txt
}

@test "migrate: Ecto's log lines, in Logger's default format" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate >out.txt
	run strip_time <out.txt
	expected="
[info] == Running 20240101000000 Hello.Repo.Migrations.CreateUsers.change/0 forward

[info] create table users

[info] == Migrated 20240101000000 in N.Ns

[info] == Running 20240102000000 Hello.Repo.Migrations.CreatePosts.change/0 forward

[info] create table posts

[info] create index posts_title_index

[info] == Migrated 20240102000000 in N.Ns

[info] == Running 20240103000000 Hello.Repo.Migrations.AddAge.change/0 forward

[info] alter table users

[info] == Migrated 20240103000000 in N.Ns"
	[ "$output" = "$expected" ]
	grep -Eq '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[info\] == Running 20240101000000' out.txt
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "migrate with nothing pending: Migrations already up; rollback: already down" {
	ecto-migrate create
	run ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | strip_time)" = $'\n[info] Migrations already up' ]
	run ecto-migrate rollback
	[ "$(printf '%s\n' "$output" | strip_time)" = $'\n[info] Migrations already down' ]
	run ecto-migrate migrate --quiet
	[ "$output" = "" ]
}

@test "schema_migrations has Ecto's DDL and rows (version, inserted_at)" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate -n 1 >/dev/null
	run pg_psql "$DB" -c "SELECT column_name || ':' || data_type || ':' || coalesce(datetime_precision::text, '') FROM information_schema.columns WHERE table_name = 'schema_migrations' ORDER BY ordinal_position"
	[ "$output" = $'version:bigint:\ninserted_at:timestamp without time zone:0' ]
	run pg_psql "$DB" -c "SELECT count(*) FROM schema_migrations WHERE version = 20240101000000 AND inserted_at > now() AT TIME ZONE 'utc' - interval '1 hour'"
	[ "$output" = "1" ]
	run pg_psql "$DB" -c "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'schema_migrations'::regclass AND i.indisprimary"
	[ "$output" = "version" ]
}

@test "migrate --step / -n, --to, --to-exclusive" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate --step 1 >/dev/null
	[ "$(versions)" = "20240101000000 " ]
	ecto-migrate migrate --to-exclusive 20240103000000 >/dev/null
	[ "$(versions)" = "20240101000000 20240102000000 " ]
	ecto-migrate rollback --all >/dev/null
	ecto-migrate migrate --to 20240102000000 >/dev/null
	[ "$(versions)" = "20240101000000 20240102000000 " ]
	ecto-migrate migrate -n 5 >/dev/null
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "--step 0 (and -n 0) runs no migration, migrate and rollback alike (Enum.take(pending, 0))" {
	ecto-migrate create
	three_migrations
	for step in "--step 0" "-n 0"; do
		run ecto-migrate migrate $step
		[ "$status" -eq 0 ]
		[ "$(printf '%s\n' "$output" | strip_time)" = $'\n[info] Migrations already up' ]
		[ "$(versions)" = "" ]
	done
	ecto-migrate migrate -n 2 >/dev/null
	for step in "--step 0" "-n 0"; do
		run ecto-migrate rollback $step
		[ "$status" -eq 0 ]
		[ "$(printf '%s\n' "$output" | strip_time)" = $'\n[info] Migrations already down' ]
		[ "$(versions)" = "20240101000000 20240102000000 " ]
	done
}

@test "rollback: one by default, then -n, --to, --to-exclusive, --all" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate >/dev/null
	run ecto-migrate rollback
	[ "$status" -eq 0 ]
	[[ "$(printf '%s\n' "$output" | strip_time)" == $'\n[info] == Running 20240103000000 Hello.Repo.Migrations.AddAge.change/0 backward\n\n[info] alter table users\n\n[info] == Migrated 20240103000000 in N.Ns' ]]
	[ "$(versions)" = "20240101000000 20240102000000 " ]
	ecto-migrate migrate >/dev/null
	ecto-migrate rollback --to 20240102000000 >/dev/null
	[ "$(versions)" = "20240101000000 " ]
	ecto-migrate migrate >/dev/null
	ecto-migrate rollback --to-exclusive 20240101000000 >/dev/null
	[ "$(versions)" = "20240101000000 " ]
	ecto-migrate migrate >/dev/null
	ecto-migrate rollback -n 2 >/dev/null
	[ "$(versions)" = "20240101000000 " ]
	ecto-migrate rollback --all >/dev/null
	[ "$(versions)" = "" ]
	run pg_psql "$DB" -c "SELECT count(*) FROM pg_tables WHERE tablename IN ('users','posts')"
	[ "$output" = "0" ]
}

@test "migrations: up, down and ** FILE NOT FOUND **, sorted by version" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate -n 2 >/dev/null
	rm priv/repo/migrations/20240101000000_create_users.exs
	run ecto-migrate migrations
	[ "$status" -eq 0 ]
	expected='
Repo: Hello.Repo

  Status    Migration ID    Migration Name
--------------------------------------------------
  up        20240101000000  ** FILE NOT FOUND **
  up        20240102000000  create_posts
  down      20240103000000  add_age'
	[ "$output" = "$expected" ]
}

@test "migrations --exit-code: 1 while pending, 0 when up to date" {
	ecto-migrate create
	three_migrations
	run ecto-migrate migrations --exit-code
	[ "$status" -eq 1 ]
	[[ "$output" == *"down      20240103000000  add_age"* ]]
	ecto-migrate migrate >/dev/null
	run ecto-migrate migrations --exit-code
	[ "$status" -eq 0 ]
}

@test "migrations --format json" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate -n 1 >/dev/null
	run ecto-migrate migrations --format json
	[ "$status" -eq 0 ]
	[ "$output" = '{"repo":"Hello.Repo","pending":2,"migrations":[{"status":"up","version":20240101000000,"name":"create_users","file":"priv/repo/migrations/20240101000000_create_users.exs"},{"status":"down","version":20240102000000,"name":"create_posts","file":"priv/repo/migrations/20240102000000_create_posts.exs"},{"status":"down","version":20240103000000,"name":"add_age","file":"priv/repo/migrations/20240103000000_add_age.exs"}]}' ]
	if command -v python3 >/dev/null; then
		printf '%s' "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["pending"]==2'
	fi
}

@test "--log-migrations-sql logs each statement as Ecto.Adapters.SQL does" {
	ecto-migrate create
	mig 20240101000000 create_comments '    create table(:comments) do
      add :body, :string
      add :word_count, :integer
      timestamps()
    end'
	ecto-migrate migrate --log-migrations-sql >out.txt
	run strip_time <out.txt
	[[ "$output" == *$'[info] create table comments\n\n[debug] QUERY OK db='*$'ms\nCREATE TABLE "comments" ("id" bigserial, "body" varchar(255), "word_count" integer, "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id")) []\n\n[info] == Migrated 20240101000000 in N.Ns' ]]
	# the migrator's own SQL stays out of this log
	[[ "$output" != *"LOCK TABLE"* ]]
	[[ "$output" != *"schema_migrations"* ]]
}

@test "--log-migrator-sql logs the lock, the transaction and the version row" {
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users)'
	ecto-migrate migrate --log-migrator-sql >out.txt
	run strip_time <out.txt
	[[ "$output" == *$'LOCK TABLE "schema_migrations" IN SHARE UPDATE EXCLUSIVE MODE []'* ]]
	[[ "$output" == *$'\nbegin []'* ]]
	[[ "$output" == *'[debug] QUERY OK source="schema_migrations" db='*$'\nINSERT INTO "schema_migrations" ("version","inserted_at") VALUES ($1,$2) [20240101000000, ~N['* ]]
	[[ "$output" == *$'\ncommit []'* ]]
}

@test "--log-level warning hides the info lines" {
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users)'
	run ecto-migrate migrate --log-level warning
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(versions)" = "20240101000000 " ]
}

@test "--dry-run prints the SQL and changes nothing" {
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users) do
      add :name, :string
    end'
	run ecto-migrate migrate --dry-run
	[ "$status" -eq 0 ]
	[[ "$output" == *'CREATE TABLE "users" ("id" bigserial, "name" varchar(255), PRIMARY KEY ("id"));'* ]]
	[[ "$output" == *"BEGIN;"* && "$output" == *"COMMIT;"* ]]
	[[ "$output" == *'INSERT INTO "schema_migrations"'*'20240101000000'* ]]
	run pg_psql "$DB" -c "SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'schema_migrations')"
	[ "$output" = "0" ]
}

@test "--prefix keeps schema_migrations and the DDL in that schema" {
	ecto-migrate create
	pg_psql "$DB" -c "CREATE SCHEMA tenant"
	mig 20240101000000 create_users '    create table(:users)'
	run ecto-migrate migrate --prefix tenant
	[ "$status" -eq 0 ]
	run pg_psql "$DB" -c "SELECT version FROM tenant.schema_migrations"
	[ "$output" = "20240101000000" ]
	run pg_psql "$DB" -c "SELECT schemaname FROM pg_tables WHERE tablename = 'users'"
	[ "$output" = "tenant" ]
	run ecto-migrate migrations --prefix tenant
	[[ "$output" == *"up        20240101000000  create_users"* ]]
}

@test "--migrations-path (repeatable) sorts all paths together" {
	ecto-migrate create
	mkdir -p other
	mig 20240102000000 create_posts '    create table(:posts)'
	mv priv/repo/migrations/20240102000000_create_posts.exs other/
	mig 20240101000000 create_users '    create table(:users)'
	mig 20240103000000 create_tags '    create table(:tags)'
	run ecto-migrate migrate --migrations-path priv/repo/migrations --migrations-path other
	[ "$status" -eq 0 ]
	order=$(printf '%s\n' "$output" | grep -o '== Running [0-9]*' | tr '\n' ' ')
	[ "$order" = "== Running 20240101000000 == Running 20240102000000 == Running 20240103000000 " ]
}

@test "duplicate versions stop the run with Ecto's message" {
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users)'
	mig 20240101000000 create_people '    create table(:people)'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (Ecto.MigrationError) migrations can't be executed, migration version 20240101000000 is duplicated" ]
	[ "$(versions)" = "" ]
}

@test "up/0 and down/0 log no direction (ecto_sql 3.14); a lock on 3.13 logs forward for both" {
	ecto-migrate create
	cat >priv/repo/migrations/20240101000000_add_ext.exs <<'EOF'
defmodule Hello.Repo.Migrations.AddExt do
  use Ecto.Migration

  def up do
    execute "CREATE TABLE t_up (id int)"
  end

  def down do
    execute "DROP TABLE t_up"
  end
end
EOF
	run ecto-migrate migrate
	[[ "$(printf '%s\n' "$output" | strip_time)" == $'\n[info] == Running 20240101000000 Hello.Repo.Migrations.AddExt.up/0\n\n[info] execute "CREATE TABLE t_up (id int)"\n\n[info] == Migrated 20240101000000 in N.Ns' ]]
	run ecto-migrate rollback
	[[ "$output" == *"Hello.Repo.Migrations.AddExt.down/0"$'\n'* ]]
	# Ecto.Migrator runs up/0 and down/0 :forward; 3.13 and older say so.
	printf '%%{\n  "ecto_sql": {:hex, :ecto_sql, "3.13.5", "aa", [:mix], [], "hexpm", "bb"},\n}\n' >mix.lock
	run ecto-migrate migrate
	[[ "$output" == *"Hello.Repo.Migrations.AddExt.up/0 forward"$'\n'* ]]
	run ecto-migrate rollback
	[[ "$output" == *"Hello.Repo.Migrations.AddExt.down/0 forward"$'\n'* ]]
	rm mix.lock
}

@test "PostgreSQL notices from migrations are logged like ecto_sql's DDL logs" {
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users)
    create_if_not_exists table(:users)'
	run ecto-migrate migrate
	[[ "$(printf '%s\n' "$output" | strip_time)" == *$'[info] create table if not exists users\n\n[info] relation "users" already exists, skipping'* ]]
}

@test "dump writes structure.sql with the versions; load restores it" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate >/dev/null
	run ecto-migrate dump
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^The\ structure\ for\ Hello\.Repo\ has\ been\ dumped\ to\ $PROJ/priv/repo/structure\.sql\ in\ [0-9]+(\ μs|\ ms|\.0\ s)$ ]]
	grep -q 'CREATE TABLE public.users' priv/repo/structure.sql
	grep -q '^INSERT INTO public."schema_migrations" (version) VALUES (20240103000000);$' priv/repo/structure.sql
	ecto-migrate drop >/dev/null
	ecto-migrate create >/dev/null
	run ecto-migrate load
	[ "$status" -eq 0 ]
	# first the repo's default query log of table_exists?, as mix ecto.load shows it
	[[ "$(printf '%s\n' "$output" | strip_time)" == $'\n[debug] QUERY OK db='*$'ms idle=0.0ms\nSELECT true FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema() LIMIT 1 ["schema_migrations"]\n'* ]]
	[[ "$output" == *$'\n'"The structure for Hello.Repo has been loaded from $PROJ/priv/repo/structure.sql in "* ]]
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
	run ecto-migrate migrations --exit-code
	[ "$status" -eq 0 ]
	# already loaded: --skip-if-loaded does nothing
	run ecto-migrate load --skip-if-loaded
	[ "$status" -eq 0 ]
	[[ "$(printf '%s\n' "$output" | strip_time)" == $'\n[debug] QUERY OK db='*'["schema_migrations"]' ]]
	run ecto-migrate load --skip-if-loaded --quiet
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
}

@test "dump -d PATH and load of a broken file" {
	ecto-migrate create
	run ecto-migrate dump -d "$PROJ/custom/s.sql" --quiet
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ -s custom/s.sql ]
	printf 'CREATE TABLE x (;\n' >bad.sql
	run --separate-stderr ecto-migrate load -d bad.sql --force
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) The structure for Hello.Repo couldn't be loaded: "*"syntax error"* ]]
}

@test "dump and load without pg_dump/psql on PATH: ecto's message, and nothing written" {
	ecto-migrate create
	bin=$(command -v ecto-migrate)
	mkdir emptybin
	run --separate-stderr env PATH="$PROJ/emptybin" "$bin" dump
	[ "$status" -eq 1 ]
	# ecto_sql's plain raise, before pg_dump would run
	[ "$stderr" = "** (RuntimeError) could not find executable \`pg_dump\` in path, please guarantee it is available before running ecto commands" ]
	[ ! -e priv/repo/structure.sql ]
	printf 'SELECT 1;\n' >s.sql
	run --separate-stderr env PATH="$PROJ/emptybin" "$bin" load -d s.sql --force
	[ "$status" -eq 1 ]
	[ "$stderr" = "** (RuntimeError) could not find executable \`psql\` in path, please guarantee it is available before running ecto commands" ]
}

@test "dump replaces structure.sql whole: a pg_dump failing half-way leaves the old file, no temp" {
	ecto-migrate create
	printf -- '-- the previous dump\n' >priv/repo/structure.sql
	# a pg_dump that writes part of a dump into its --file, then fails
	mkdir fakebin
	printf '%s\n' '#!/bin/sh' \
		'while [ "$#" -gt 0 ]; do [ "$1" = --file ] && printf "CREATE TABLE half" >"$2"; shift; done' \
		'echo "pg_dump: error: connection to server lost" >&2' 'exit 1' >fakebin/pg_dump
	chmod +x fakebin/pg_dump
	PATH="$PROJ/fakebin:$PATH" run --separate-stderr ecto-migrate dump
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) The structure for Hello.Repo couldn't be dumped: pg_dump: error: connection to server lost"* ]]
	[ "$(cat priv/repo/structure.sql)" = "-- the previous dump" ]
	[ "$(ls -A priv/repo)" = "$(printf 'migrations\nstructure.sql')" ]
	# the real pg_dump: the new dump with its version rows, and still no temp
	mig 20240101000000 create_users '    create table(:users)'
	ecto-migrate migrate >/dev/null
	run ecto-migrate dump -q
	[ "$status" -eq 0 ]
	grep -q 'CREATE TABLE public.users' priv/repo/structure.sql
	[ "$(tail -n 1 priv/repo/structure.sql)" = 'INSERT INTO public."schema_migrations" (version) VALUES (20240101000000);' ]
	[ "$(ls -A priv/repo)" = "$(printf 'migrations\nstructure.sql')" ]
}

@test "setup = create + migrate; seeds.exs with code is reported, --seeds runs SQL" {
	three_migrations
	printf '# comments only, as generated\n' >priv/repo/seeds.exs
	run --separate-stderr ecto-migrate setup
	[ "$status" -eq 0 ]
	[[ "$output" == "The database for Hello.Repo has been created"* ]]
	[[ "$output" == *"== Migrated 20240103000000"* ]]
	[ "$stderr" = "" ]
	printf 'Hello.Repo.insert!(%%Hello.User{name: "a"})\n' >priv/repo/seeds.exs
	run --separate-stderr ecto-migrate setup
	[ "$status" -eq 0 ]
	[[ "$output" == *"has already been created"* ]]
	[[ "$stderr" == *"priv/repo/seeds.exs is Elixir code and needs Elixir"*"--seeds FILE.sql"* ]]
	printf "INSERT INTO users (name, inserted_at, updated_at) VALUES ('seeded', now(), now());\n" >seeds.sql
	run ecto-migrate setup --seeds seeds.sql
	[ "$status" -eq 0 ]
	run pg_psql "$DB" -c "SELECT name FROM users"
	[ "$output" = "seeded" ]
}

@test "reset = drop + setup" {
	three_migrations
	ecto-migrate setup >/dev/null
	pg_psql "$DB" -c "INSERT INTO users (name, inserted_at, updated_at) VALUES ('x', now(), now())"
	run ecto-migrate reset
	[ "$status" -eq 0 ]
	[[ "$output" == "The database for Hello.Repo has been dropped"$'\n'"The database for Hello.Repo has been created"* ]]
	run pg_psql "$DB" -c "SELECT count(*) FROM users"
	[ "$output" = "0" ]
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "the connection comes from the repo's config for MIX_ENV when there is no URL" {
	unset DATABASE_URL
	cat >config/config.exs <<EOF
import Config

config :hello, ecto_repos: [Hello.Repo]

import_config "#{config_env()}.exs"
EOF
	cat >config/dev.exs <<EOF
import Config

config :hello, Hello.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "127.0.0.1",
  port: $PGPORT,
  database: "cfg_dev_$BATS_TEST_NUMBER"
EOF
	cat >config/test.exs <<EOF
import Config

config :hello, Hello.Repo,
  username: "postgres",
  hostname: "127.0.0.1",
  port: $PGPORT,
  database: "cfg_test#{System.get_env("MIX_TEST_PARTITION")}"
EOF
	mig 20240101000000 create_users '    create table(:users)'
	run ecto-migrate setup
	[ "$status" -eq 0 ]
	[[ "$output" == "The database for Hello.Repo has been created"* ]]
	[ "$(pg_psql "cfg_dev_$BATS_TEST_NUMBER" -c 'SELECT count(*) FROM schema_migrations')" = "1" ]
	MIX_ENV=test MIX_TEST_PARTITION=7 run ecto-migrate create
	[ "$output" = "The database for Hello.Repo has been created" ]
	run pg_psql -c "SELECT count(*) FROM pg_database WHERE datname = 'cfg_test7'"
	[ "$output" = "1" ]
}

@test "config migration_source and migration_lock: :pg_advisory_lock are honoured" {
	cat >>config/config.exs <<EOF
config :hello, Hello.Repo, migration_source: "my_versions", migration_lock: :pg_advisory_lock
EOF
	ecto-migrate create
	mig 20240101000000 create_users '    create table(:users)'
	run ecto-migrate migrate --log-migrator-sql
	[ "$status" -eq 0 ]
	[[ "$output" == *"SELECT pg_try_advisory_lock(126456510) []"* ]]
	[[ "$output" == *"SELECT pg_advisory_unlock(126456510) []"* ]]
	[[ "$output" == *'INSERT INTO "my_versions"'* ]]
	[ "$(pg_psql "$DB" -c 'SELECT version FROM my_versions')" = "20240101000000" ]
}

@test "--strict-version-order stops before applying an older pending migration; without it, it runs" {
	ecto-migrate create
	mig 20240102000000 create_posts '    create table(:posts)'
	ecto-migrate migrate >/dev/null
	mig 20240101000000 create_users '    create table(:users)'
	run --separate-stderr ecto-migrate migrate --strict-version-order
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) You are running migration 20240101000000 but an older migration with version 20240102000000 has already run."* ]]
	[ "$(versions)" = "20240102000000 " ]
	run ecto-migrate migrate
	[ "$status" -eq 0 ]
	[ "$(versions)" = "20240101000000 20240102000000 " ]
}

@test "rollback --dry-run prints the down SQL and changes nothing" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate >/dev/null
	run ecto-migrate rollback --dry-run -n 2
	[ "$status" -eq 0 ]
	[[ "$output" == *"-- == Running 20240103000000 Hello.Repo.Migrations.AddAge.change/0 backward"* ]]
	[[ "$output" == *'ALTER TABLE "users" DROP COLUMN "age";'* ]]
	[[ "$output" == *'DELETE FROM "schema_migrations" WHERE "version" = 20240102000000;'* ]]
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "load asks in prod unless --force; -q silences it" {
	ecto-migrate create
	three_migrations
	ecto-migrate migrate >/dev/null
	ecto-migrate dump -q
	ecto-migrate drop -q && ecto-migrate create -q
	MIX_ENV=prod run ecto-migrate load <<<"n"
	[ "$status" -eq 0 ]
	[[ "$output" == *$'["schema_migrations"]\n'"Are you sure you want to load a new structure for Hello.Repo? Any existing data in this repo may be lost. [Yn] "* ]]
	[ "$(pg_psql "$DB" -c "SELECT count(*) FROM pg_tables WHERE tablename = 'users'")" = "0" ]
	MIX_ENV=prod run ecto-migrate load --force -q
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "create: role missing, NOLOGIN, no CREATEDB: mix's first words, the reason, the remedy" {
	url="postgres://ghost@127.0.0.1:$PGPORT/$DB"
	run --separate-stderr ecto-migrate create --url "$url"
	[ "$status" -eq 1 ]
	[[ "$stderr" == "** (Mix) The database for Hello.Repo couldn't be created: "*'role "ghost" does not exist'* ]]
	[[ "$stderr" == *"CREATE ROLE ghost LOGIN CREATEDB;"* ]]
	pg_psql -c "CREATE ROLE shy NOLOGIN"
	run --separate-stderr ecto-migrate create --url "postgres://shy@127.0.0.1:$PGPORT/$DB"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *'role "shy" is not permitted to log in'* ]]
	[[ "$stderr" == *"ALTER ROLE shy LOGIN;"* ]]
	pg_psql -c "CREATE ROLE plain LOGIN"
	run --separate-stderr ecto-migrate create --url "postgres://plain@127.0.0.1:$PGPORT/$DB"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"couldn't be created: ERROR 42501 (insufficient_privilege) permission denied to create database"* ]]
	[[ "$stderr" == *"ALTER ROLE plain CREATEDB;"* ]]
}

@test "concurrent index without @disable_ddl_transaction: Ecto's warnings, then PostgreSQL's refusal" {
	ecto-migrate create
	mig 20240101000000 users '    create table(:users) do
      add :email, :string
    end'
	mig 20240102000000 idx '    create index(:users, [:email], concurrently: true)'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"warning: Migration Hello.Repo.Migrations.Idx has set index \`users_email_index\` on table \`users\` to concurrently but did not disable ddl transaction."* ]]
	[[ "$stderr" == *"to concurrently but did not disable migration lock."*"config Hello.Repo, migration_lock: :pg_advisory_lock"* ]]
	[[ "$stderr" == *"ERROR 25001 (active_sql_transaction) CREATE INDEX CONCURRENTLY cannot run inside a transaction block"* ]]
	[ "$(versions)" = "20240101000000 " ]
}

@test "migrate before create: Ecto's explanation, then the server's error" {
	mig 20240101000000 create_users '    create table(:users)'
	run --separate-stderr ecto-migrate migrate
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"could not connect"*"database \"$DB\" does not exist"* ]]
}

@test "a database migrated by hand the way mix does is read the same (interop)" {
	ecto-migrate create
	three_migrations
	# what mix ecto.migrate leaves behind for the first migration
	pg_psql "$DB" -c 'CREATE TABLE IF NOT EXISTS "schema_migrations" ("version" bigint, "inserted_at" timestamp(0), PRIMARY KEY ("version"))'
	pg_psql "$DB" -c 'CREATE TABLE "users" ("id" bigserial, "name" varchar(255), "inserted_at" timestamp(0) NOT NULL, "updated_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"))'
	pg_psql "$DB" -c "INSERT INTO schema_migrations VALUES (20240101000000, now())"
	run ecto-migrate migrate
	[ "$status" -eq 0 ]
	[[ "$output" != *"20240101000000"* ]]
	[ "$(versions)" = "20240101000000 20240102000000 20240103000000 " ]
}

@test "repo config stacktrace: true: migrator queries name Ecto's caller, grey unless NO_COLOR" {
	ecto-migrate create
	printf '\nconfig :hello, Hello.Repo, stacktrace: true\n' >>config/config.exs
	mig 20240101000000 create_users '    create table(:users)'
	NO_COLOR= ecto-migrate migrate --log-migrator-sql >out.txt
	# ecto_sql writes IO.ANSI.light_black() into the message itself
	# (ecto_sql 3.14's lines; ecto-differential checks every release's)
	[ "$(grep -c $'^\e\\[90m\xe2\x86\xb3 Ecto.Migrator.run_maybe_in_transaction/5, at: lib/ecto/migrator.ex:353\e\\[0m$' out.txt)" = 2 ]
	grep -q $'^\e\\[90m\xe2\x86\xb3 anonymous fn/3 in Ecto.Adapters.SQL.checkout_or_transaction/4, at: lib/ecto/adapters/sql.ex:1481\e\\[0m$' out.txt
	ecto-migrate rollback --log-migrator-sql >out.txt
	[ "$(grep -c '^↳ Ecto.Migrator' out.txt)" = 2 ]
	[ "$(grep -c '^↳ anonymous fn/3 in Ecto.Adapters.SQL' out.txt)" = 1 ]
	# the migration's own SQL names no caller
	ecto-migrate migrate --log-migrations-sql >out.txt
	! grep -q '↳' out.txt
}
