/*
 * Whole migration files through the Elixir reader: the up and down plans
 * (Ecto's log line per command, the SQL it sends) and the errors, for the
 * fixture migrations (compared with reviewed plans in
 * ecto-migrate/plans/<file>.txt) and for small files written by each test.
 *
 * Runs with cwd tests/fixtures. Set MIXLESS_UPDATE_PLANS=1 to rewrite the
 * plan files after a deliberate change (then review the diff).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "exs/term.h"
#include "migration.h"
#include "unit.h"

static void dump_plan(struct mx_buf *b, const char *what, const struct em_plan *p)
{
	mx_buf_addf(b, "%s: %s/0%s\n", what, p->operation ? p->operation : "?",
		    p->direction ? p->direction : "");
	for (size_t i = 0; i < p->n; i++) {
		mx_buf_addf(b, "  [%s]\n", p->steps[i].log);
		for (size_t k = 0; k < p->steps[i].sql.n; k++)
			mx_buf_addf(b, "    %s\n", p->steps[i].sql.v[k]);
		if (p->steps[i].warning)
			mx_buf_addf(b, "  warning: %s", p->steps[i].warning);
	}
	if (p->failed) {
		mx_buf_addf(b, "  ** (%s) ", p->exception);
		mx_err_format(&p->error, b);
		mx_buf_addch(b, '\n');
	}
}

/* The plans of the migration at path, or "error: <file:line:col: msg>". */
static char *load_dump(const char *path, const struct em_ddl_config *cfg)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf b = MX_BUF_INIT;
	struct em_ddl_config dflt = EM_DDL_CONFIG_INIT;
	size_t len;

	if (em_migration_load(&m, path, cfg ? cfg : &dflt, &err) < 0) {
		mx_buf_adds(&b, "error: ");
		mx_err_format(&err, &b);
		mx_buf_addch(&b, '\n');
		return mx_buf_detach(&b, &len);
	}
	mx_buf_addf(&b, "%lld %s %s%s%s%s\n", (long long)m.version, m.name, m.module,
		    m.disable_ddl_transaction ? " disable_ddl_transaction" : "",
		    m.disable_migration_lock ? " disable_migration_lock" : "",
		    m.is_sql ? " sql" : "");
	dump_plan(&b, "up", &m.up);
	dump_plan(&b, "down", &m.down);
	em_migration_release(&m);
	return mx_buf_detach(&b, &len);
}

static char tmpdir[] = "/tmp/mixless-test-migration-XXXXXX";
static int ntmp;

/* Writes src to a fresh <version>_<name> file and returns its dump. */
static char *snippet(const char *file, const char *src, const struct em_ddl_config *cfg)
{
	char path[512];
	FILE *f;
	char *out;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, file);
	f = fopen(path, "w");
	if (!f)
		return strdup("cannot write");
	fputs(src, f);
	fclose(f);
	out = load_dump(path, cfg);
	unlink(path);
	ntmp++;
	/* Paths in messages are tmpdir-relative for stable expectations. */
	{
		size_t tl = strlen(tmpdir);
		char *p;
		while ((p = strstr(out, tmpdir)))
			memmove(p, p + tl + 1, strlen(p + tl + 1) + 1);
	}
	return out;
}

#define CHECK_SNIPPET(file, src, cfg, want)                                    \
	do {                                                                   \
		char *got_ = snippet(file, src, cfg);                          \
		int same_ = !strcmp(got_, want);                               \
		if (!same_)                                                    \
			fprintf(stderr, "---- got:\n%s---- want:\n%s", got_, want); \
		free(got_);                                                    \
		CHECK(same_);                                                  \
	} while (0)

static const char *const fixtures[] = {
	"ecto-migrate/migrations/20240101000000_create_users_auth_tables.exs",
	"ecto-migrate/migrations/20240102000000_create_posts.exs",
	"ecto-migrate/migrations/20240103000000_alter_posts.exs",
	"ecto-migrate/migrations/20240104000000_up_down.exs",
	"ecto-migrate/migrations/20240105000000_concurrent_index.exs",
	"ecto-migrate/migrations/20240107000000_attrs_and_helpers.exs",
	"ecto-migrate/migrations/20240111000000_things.sql",
	"ecto-migrate/migrations/20240113000000_rename_and_drop.exs",
	"ecto-migrate/migrations-bad/20240106000000_irreversible.exs",
	"ecto-migrate/migrations-bad/20240108000000_uses_repo.exs",
	"ecto-migrate/migrations-bad/20240109000000_execute_fn.exs",
	"ecto-migrate/migrations-bad/20240110000000_app_module.exs",
};

TEST(fixture_plans)
{
	int update = getenv("MIXLESS_UPDATE_PLANS") != NULL;
	int bad = 0;

	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		const char *base = strrchr(fixtures[i], '/') + 1;
		char plan[512];
		struct mx_buf want = MX_BUF_INIT;
		struct mx_err err = MX_ERR_INIT;
		char *got = load_dump(fixtures[i], NULL);

		snprintf(plan, sizeof(plan), "ecto-migrate/plans/%s.txt", base);
		if (update) {
			mx_fs_write_atomic(plan, got, strlen(got), &err);
		} else if (mx_fs_read(plan, &want, &err) < 0 || strcmp(want.buf, got)) {
			fprintf(stderr, "%s differs from %s:\n%s", fixtures[i], plan, got);
			bad++;
		}
		mx_buf_release(&want);
		free(got);
	}
	CHECK_INT(bad, 0);
}

/* The parser's wording and exact position are its own (it follows
 * Elixir's); what matters here is that the load fails as a syntax error in
 * that file, with nothing translated. */
TEST(syntax_error_fixture)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;

	CHECK_INT(em_migration_load(&m, "ecto-migrate/migrations-bad/20240112000000_syntax_error.exs",
				    NULL, &err), -1);
	CHECK_INT(err.kind, MX_ERR_SYNTAX);
	CHECK_STR(err.file, "ecto-migrate/migrations-bad/20240112000000_syntax_error.exs");
	/* The unclosed "(" of line 5 is reported there or where it shows
	 * (the `end` of line 8), depending on the parser's recovery. */
	CHECK(err.line >= 5 && err.line <= 8);
	CHECK(err.col >= 1);
	CHECK(m.path == NULL && m.up.n == 0);
}

TEST(gen_schema_worked_example)
{
	/* phx.gen.schema Blog.Post posts title:string:unique published:boolean
	 * author_id:references:users, as phoenix-ecto-facts 2.6 shows it. */
	CHECK_SNIPPET("20240101000000_create_posts.exs",
		      "defmodule Hello.Repo.Migrations.CreatePosts do\n"
		      "  use Ecto.Migration\n\n"
		      "  def change do\n"
		      "    create table(:posts) do\n"
		      "      add :title, :string\n"
		      "      add :published, :boolean, default: false, null: false\n"
		      "      add :author_id, references(:users, on_delete: :nothing)\n\n"
		      "      timestamps(type: :utc_datetime)\n"
		      "    end\n\n"
		      "    create unique_index(:posts, [:title])\n"
		      "    create index(:posts, [:author_id])\n"
		      "  end\nend\n",
		      NULL,
		      "20240101000000 create_posts Hello.Repo.Migrations.CreatePosts\n"
		      "up: change/0 forward\n"
		      "  [create table posts]\n"
		      "    CREATE TABLE \"posts\" (\"id\" bigserial, \"title\" varchar(255), \"published\" boolean DEFAULT false NOT NULL, \"author_id\" bigint, CONSTRAINT \"posts_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\"), \"inserted_at\" timestamp(0) NOT NULL, \"updated_at\" timestamp(0) NOT NULL, PRIMARY KEY (\"id\"))\n"
		      "  [create index posts_title_index]\n"
		      "    CREATE UNIQUE INDEX \"posts_title_index\" ON \"posts\" (\"title\")\n"
		      "  [create index posts_author_id_index]\n"
		      "    CREATE INDEX \"posts_author_id_index\" ON \"posts\" (\"author_id\")\n"
		      "down: change/0 backward\n"
		      "  [drop index posts_author_id_index]\n"
		      "    DROP INDEX \"posts_author_id_index\"\n"
		      "  [drop index posts_title_index]\n"
		      "    DROP INDEX \"posts_title_index\"\n"
		      "  [drop table posts]\n"
		      "    DROP TABLE \"posts\"\n");
}

static const char *const HEAD = "defmodule M do\n  use Ecto.Migration\n";

static char *mod(const char *body)
{
	struct mx_buf b = MX_BUF_INIT;
	size_t len;
	mx_buf_adds(&b, HEAD);
	mx_buf_adds(&b, body);
	mx_buf_adds(&b, "end\n");
	return mx_buf_detach(&b, &len);
}

#define CHECK_MOD(body, cfg, want)                                             \
	do {                                                                   \
		char *src_ = mod(body);                                        \
		CHECK_SNIPPET("1_m.exs", src_, cfg, want);                     \
		free(src_);                                                    \
	} while (0)

TEST(repo_config_primary_key)
{
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	const char *body = "  def change do\n"
			   "    create table(\"users\") do\n"
			   "      add :org_id, references(:orgs)\n"
			   "    end\n"
			   "  end\n";

	cfg.primary_key_type = "binary_id";
	CHECK_MOD(body, &cfg,
		  "1 m M\nup: change/0 forward\n  [create table users]\n"
		  "    CREATE TABLE \"users\" (\"id\" uuid, \"org_id\" uuid, CONSTRAINT \"users_org_id_fkey\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\"(\"id\"), PRIMARY KEY (\"id\"))\n"
		  "down: change/0 backward\n  [drop table users]\n    DROP TABLE \"users\"\n");
	cfg.primary_key_type = "identity";
	cfg.primary_key_name = "uid";
	CHECK_MOD(body, &cfg,
		  "1 m M\nup: change/0 forward\n  [create table users]\n"
		  "    CREATE TABLE \"users\" (\"uid\" bigint GENERATED BY DEFAULT AS IDENTITY, \"org_id\" bigint, CONSTRAINT \"users_org_id_fkey\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\"(\"id\"), PRIMARY KEY (\"uid\"))\n"
		  "down: change/0 backward\n  [drop table users]\n    DROP TABLE \"users\"\n");
	cfg.primary_key_disabled = true;
	CHECK_MOD(body, &cfg,
		  "1 m M\nup: change/0 forward\n  [create table users]\n"
		  "    CREATE TABLE \"users\" (\"org_id\" bigint, CONSTRAINT \"users_org_id_fkey\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\"(\"id\"))\n"
		  "down: change/0 backward\n  [drop table users]\n    DROP TABLE \"users\"\n");
}

TEST(repo_config_terms_timestamps_prefix)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	struct mx_term *kv[3];

	kv[0] = mx_term_tuple2(&a, mx_term_atom(&a, "type"), mx_term_atom(&a, "identity"));
	kv[1] = mx_term_tuple2(&a, mx_term_atom(&a, "start_value"), mx_term_int(&a, 100));
	cfg.primary_key_opts = mx_term_list(&a, kv, 2);
	kv[0] = mx_term_tuple2(&a, mx_term_atom(&a, "type"), mx_term_atom(&a, "utc_datetime_usec"));
	kv[1] = mx_term_tuple2(&a, mx_term_atom(&a, "inserted_at"), mx_term_atom(&a, "created_at"));
	cfg.timestamps_opts = mx_term_list(&a, kv, 2);
	cfg.default_prefix = "app";
	CHECK_MOD("  def change do\n"
		  "    create table(:notes) do\n"
		  "      timestamps()\n"
		  "    end\n"
		  "    create table(:logs) do\n"
		  "      timestamps(updated_at: false, default: fragment(\"now()\"), null: true, type: :naive_datetime)\n"
		  "    end\n"
		  "  end\n",
		  &cfg,
		  "1 m M\nup: change/0 forward\n"
		  "  [create table app.notes]\n"
		  "    CREATE TABLE \"app\".\"notes\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY(START WITH 100) , \"created_at\" timestamp NOT NULL, \"updated_at\" timestamp NOT NULL, PRIMARY KEY (\"id\"))\n"
		  "  [create table app.logs]\n"
		  "    CREATE TABLE \"app\".\"logs\" (\"id\" bigint GENERATED BY DEFAULT AS IDENTITY(START WITH 100) , \"created_at\" timestamp(0) DEFAULT now() NULL, PRIMARY KEY (\"id\"))\n"
		  "down: change/0 backward\n"
		  "  [drop table app.logs]\n    DROP TABLE \"app\".\"logs\"\n"
		  "  [drop table app.notes]\n    DROP TABLE \"app\".\"notes\"\n");

	/* --prefix fills objects without one and must match those with one */
	cfg = (struct em_ddl_config)EM_DDL_CONFIG_INIT;
	cfg.prefix = "tenant1";
	cfg.default_prefix = "ignored";
	CHECK_MOD("  def up do\n"
		  "    create index(:posts, [:title])\n"
		  "    create index(:posts, [:slug], prefix: \"other\")\n"
		  "  end\n"
		  "  def down, do: drop(index(:posts, [:title], prefix: :tenant1))\n",
		  &cfg,
		  "1 m M\nup: up/0 forward\n"
		  "  ** (Ecto.MigrationError) 1_m.exs:5:5: the :prefix option `other` does not match the migrator prefix `tenant1`\n"
		  "down: down/0 forward\n"
		  "  [drop index tenant1.posts_title_index]\n    DROP INDEX \"tenant1\".\"posts_title_index\"\n");
	mx_arena_release(&a);
}

TEST(irreversible_commands)
{
	CHECK_MOD("  def change do\n"
		  "    alter table(:posts) do\n"
		  "      remove :title\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  [alter table posts]\n    ALTER TABLE \"posts\" DROP COLUMN \"title\"\n"
		  "down: change/0 backward\n"
		  "  ** (Ecto.MigrationError) 1_m.exs:4:5: cannot reverse migration command: alter table posts. You will need to explicitly define up/0 and down/0 in your migration\n");
	CHECK_MOD("  def change do\n"
		  "    create index(:a, [:b])\n"
		  "    drop table(:posts)\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  [create index a_b_index]\n    CREATE INDEX \"a_b_index\" ON \"a\" (\"b\")\n"
		  "  [drop table posts]\n    DROP TABLE \"posts\"\n"
		  "down: change/0 backward\n"
		  "  ** (Ecto.MigrationError) 1_m.exs:5:5: cannot reverse migration command: drop table posts. You will need to explicitly define up/0 and down/0 in your migration\n");
	/* flush() going down in change/0 raises before anything runs */
	CHECK_MOD("  def change do\n"
		  "    create table(:a)\n"
		  "    flush()\n"
		  "    create table(:b)\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  [create table a]\n    CREATE TABLE \"a\" (\"id\" bigserial, PRIMARY KEY (\"id\"))\n"
		  "  [create table b]\n    CREATE TABLE \"b\" (\"id\" bigserial, PRIMARY KEY (\"id\"))\n"
		  "down: change/0 backward\n"
		  "  ** (RuntimeError) 1_m.exs:5:5: calling flush() inside change when doing rollback is not supported.\n");
	/* no down/0 and no change/0 */
	CHECK_MOD("  def up, do: execute(\"SELECT 1\")\n", NULL,
		  "1 m M\nup: up/0 forward\n  [execute \"SELECT 1\"]\n    SELECT 1\n"
		  "down: down/0\n  ** (Ecto.MigrationError) M does not implement a `down/0` or `change/0` function\n");
	/* an explicit raise in down/0 */
	CHECK_MOD("  def up, do: execute(\"SELECT 1\")\n"
		  "  def down, do: raise \"this migration cannot be rolled back\"\n", NULL,
		  "1 m M\nup: up/0 forward\n  [execute \"SELECT 1\"]\n    SELECT 1\n"
		  "down: down/0 forward\n  ** (RuntimeError) 1_m.exs:4:17: this migration cannot be rolled back\n");
}

TEST(reversible_execute_and_direction)
{
	CHECK_MOD("  @ext \"citext\"\n"
		  "  def change do\n"
		  "    execute \"CREATE EXTENSION #{@ext}\", \"DROP EXTENSION #{@ext}\"\n"
		  "    if direction() == :up do\n"
		  "      execute \"SELECT 'up'\", \"\"\n"
		  "    end\n"
		  "    create_if_not_exists index(\"users\", [\"lower(email)\"], unique: true)\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  [execute \"CREATE EXTENSION citext\"]\n    CREATE EXTENSION citext\n"
		  "  [execute \"SELECT 'up'\"]\n    SELECT 'up'\n"
		  "  [create index if not exists users_lower_email_index]\n    CREATE UNIQUE INDEX IF NOT EXISTS \"users_lower_email_index\" ON \"users\" (lower(email))\n"
		  "down: change/0 backward\n"
		  "  [drop index if exists users_lower_email_index]\n    DROP INDEX IF EXISTS \"users_lower_email_index\"\n"
		  "  [execute \"DROP EXTENSION citext\"]\n    DROP EXTENSION citext\n");
}

TEST(modify_from_and_references)
{
	CHECK_MOD("  def change do\n"
		  "    alter table(:comments) do\n"
		  "      modify :post_id, references(:posts, on_delete: :delete_all), from: references(:posts, on_delete: :nothing)\n"
		  "      add_if_not_exists :flag, :boolean\n"
		  "      remove_if_exists :old, :string\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  [alter table comments]\n"
		  "    ALTER TABLE \"comments\" DROP CONSTRAINT \"comments_post_id_fkey\", ALTER COLUMN \"post_id\" TYPE bigint, ADD CONSTRAINT \"comments_post_id_fkey\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE, ADD COLUMN IF NOT EXISTS \"flag\" boolean, DROP COLUMN IF EXISTS \"old\"\n"
		  "down: change/0 backward\n"
		  "  ** (Ecto.MigrationError) 1_m.exs:4:5: cannot reverse migration command: alter table comments. You will need to explicitly define up/0 and down/0 in your migration\n");
	CHECK_MOD("  def change do\n"
		  "    alter table(:comments) do\n"
		  "      modify :post_id, references(:posts, on_delete: :delete_all), from: references(:posts, on_delete: :nothing)\n"
		  "      remove :author_id, references(:users), null: false\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  [alter table comments]\n"
		  "    ALTER TABLE \"comments\" DROP CONSTRAINT \"comments_post_id_fkey\", ALTER COLUMN \"post_id\" TYPE bigint, ADD CONSTRAINT \"comments_post_id_fkey\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE, DROP CONSTRAINT \"comments_author_id_fkey\", DROP COLUMN \"author_id\"\n"
		  "down: change/0 backward\n  [alter table comments]\n"
		  "    ALTER TABLE \"comments\" ADD COLUMN \"author_id\" bigint NOT NULL, ADD CONSTRAINT \"comments_author_id_fkey\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\"), DROP CONSTRAINT \"comments_post_id_fkey\", ALTER COLUMN \"post_id\" TYPE bigint, ADD CONSTRAINT \"comments_post_id_fkey\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\")\n");
}

TEST(ecto_raises_while_translating)
{
	CHECK_MOD("  def change do\n"
		  "    create table(:posts) do\n"
		  "      add :price, :decimal, scale: 2\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  ** (ArgumentError) 1_m.exs:5:7: column price is missing precision option\n"
		  "down: change/0 backward\n  ** (ArgumentError) 1_m.exs:5:7: column price is missing precision option\n");
	CHECK_MOD("  def change do\n"
		  "    create table(:posts) do\n"
		  "      add :at, :datetime\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  ** (ArgumentError) 1_m.exs:5:7: the :datetime type in migrations is not supported, please use :utc_datetime or :naive_datetime instead\n"
		  "down: change/0 backward\n  ** (ArgumentError) 1_m.exs:5:7: the :datetime type in migrations is not supported, please use :utc_datetime or :naive_datetime instead\n");
	/* a name with a double quote raises when its SQL is built */
	CHECK_MOD("  def up do\n"
		  "    create table(:ok)\n"
		  "    create table(:\"bad\\\"name\")\n"
		  "  end\n"
		  "  def down, do: :ok\n",
		  NULL,
		  "1 m M\nup: up/0 forward\n  [create table ok]\n    CREATE TABLE \"ok\" (\"id\" bigserial, PRIMARY KEY (\"id\"))\n"
		  "  ** (ArgumentError) 1_m.exs:5:5: bad literal/field/index/table name \"bad\\\"name\" (\" is not permitted)\n"
		  "down: down/0 forward\n");
	CHECK_MOD("  def change do\n"
		  "    add :x, :string\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  ** (Ecto.MigrationError) 1_m.exs:4:5: cannot execute command outside of block\n"
		  "down: change/0 backward\n  ** (Ecto.MigrationError) 1_m.exs:4:5: cannot execute command outside of block\n");
	CHECK_MOD("  def change do\n"
		  "    create table(:t, primary: false)\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  ** (KeyError) 1_m.exs:4:12: key :primary not found in: %Ecto.Migration.Table{name: \"t\", prefix: nil, comment: nil, primary_key: true, engine: nil, options: nil, modifiers: nil}\n"
		  "down: change/0 backward\n  ** (KeyError) 1_m.exs:4:12: key :primary not found in: %Ecto.Migration.Table{name: \"t\", prefix: nil, comment: nil, primary_key: true, engine: nil, options: nil, modifiers: nil}\n");
}

TEST(concurrently_and_callbacks)
{
	CHECK_MOD("  def change do\n"
		  "    create index(:posts, [:slug], concurrently: true)\n"
		  "  end\n"
		  "  def after_begin, do: execute(\"SET LOCAL lock_timeout TO '5s'\", \"SET LOCAL lock_timeout TO '5s'\")\n"
		  "  def before_commit, do: execute(\"SELECT 1\", \"SELECT 2\")\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  [execute \"SET LOCAL lock_timeout TO '5s'\"]\n    SET LOCAL lock_timeout TO '5s'\n"
		  "  [create index posts_slug_index]\n    CREATE INDEX CONCURRENTLY \"posts_slug_index\" ON \"posts\" (\"slug\")\n"
		  "  warning: Migration M has set index `posts_slug_index` on table `posts` to concurrently but did not disable ddl transaction. Please set:\n\n    use Ecto.Migration\n    @disable_ddl_transaction true\n"
		  "  [execute \"SELECT 1\"]\n    SELECT 1\n"
		  "down: change/0 backward\n"
		  "  [execute \"SET LOCAL lock_timeout TO '5s'\"]\n    SET LOCAL lock_timeout TO '5s'\n"
		  "  [drop index posts_slug_index]\n    DROP INDEX CONCURRENTLY \"posts_slug_index\"\n"
		  "  [execute \"SELECT 2\"]\n    SELECT 2\n");
}

/* What the runner needs for Ecto's second concurrently warning, which
 * depends on the repo's migration_lock setting. */
TEST(concurrent_index_step_fields)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const char *src = "defmodule C do\n  use Ecto.Migration\n  @disable_ddl_transaction true\n"
			  "  def change, do: create(unique_index(:posts, [:slug], concurrently: true))\nend\n";

	CHECK_INT(em_migration_load_buffer(&m, "dir/5_c.exs", src, strlen(src), NULL, &err), 0);
	CHECK_INT(m.up.n, 1);
	CHECK(m.up.steps[0].concurrent_index);
	CHECK(m.up.steps[0].warning == NULL);
	CHECK_STR(m.up.steps[0].index_name, "posts_slug_index");
	CHECK_STR(m.up.steps[0].index_table, "posts");
	CHECK_STR(m.up.steps[0].sql.v[0], "CREATE UNIQUE INDEX CONCURRENTLY \"posts_slug_index\" ON \"posts\" (\"slug\")");
	/* the drop going down is not an Index 2-tuple: Ecto does not warn */
	CHECK_INT(m.down.n, 1);
	CHECK(!m.down.steps[0].concurrent_index);
	CHECK_STR(m.down.steps[0].sql.v[0], "DROP INDEX CONCURRENTLY \"posts_slug_index\"");
	CHECK(m.disable_ddl_transaction && !m.disable_migration_lock);
	CHECK_STR(m.path, "dir/5_c.exs");
	CHECK_STR(m.name, "c");
	CHECK_INT(m.version, 5);
	em_migration_release(&m);
}

TEST(not_a_migration_and_names)
{
	CHECK_SNIPPET("1_x.exs", "defmodule X do\n  def change, do: :ok\nend\n", NULL,
		      "error: file 1_x.exs does not define an Ecto.Migration\n");
	CHECK_SNIPPET("1_x.exs", "defmodule X do\n  use MyApp.Migration\n  def change, do: :ok\nend\n", NULL,
		      "error: 1_x.exs:2:3: the migration uses MyApp.Migration instead of Ecto.Migration; ecto-migrate reads only `use Ecto.Migration` modules (it cannot run MyApp.Migration's macros)\n");
	CHECK_SNIPPET("4_q.exs", "defmodule Q do\n  use Ecto.Migration\n  import Ecto.Query\n"
		      "  def up do\n    from(u in \"users\", update: [set: [admin: true]]) |> repo().update_all([])\n  end\n"
		      "  def down, do: :ok\nend\n", NULL,
		      "error: 4_q.exs:5:5: an Ecto query (from/2, Ecto.Query) runs against the repo at migration time, which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead\n");
	CHECK_SNIPPET("4_q.exs", "defmodule Q do\n  use Ecto.Migration\n  import Ecto.Query\n"
		      "  def up do\n    \"users\" |> where([u], u.id > 1) |> select([u], u.id)\n  end\n"
		      "  def down, do: :ok\nend\n", NULL,
		      "error: 4_q.exs:5:16: an Ecto query (where/3, Ecto.Query) runs against the repo at migration time, which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead\n");
	CHECK_SNIPPET("4_q.exs", "defmodule Q do\n  use Ecto.Migration\n"
		      "  def up do\n    Ecto.Query.limit(\"users\", 1)\n  end\n"
		      "  def down, do: :ok\nend\n", NULL,
		      "error: 4_q.exs:4:5: an Ecto query (limit/2, Ecto.Query) runs against the repo at migration time, which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead\n");
	CHECK_SNIPPET("4_s.exs", "defmodule Q do\n  use Ecto.Migration\n"
		      "  defmodule Car do\n    use Ecto.Schema\n    schema \"cars\" do\n      field :name, :string\n    end\n  end\n"
		      "  def change, do: :ok\nend\n", NULL,
		      "error: 4_s.exs:5:5: schema/2 defines an Ecto schema (Ecto.Schema), which needs the application; ecto-migrate cannot do it: write the statement with execute/1 instead\n");
	CHECK_SNIPPET("5_q.exs", "defmodule Q do\n  use Ecto.Migration\n"
		      "  def up do\n    Hello.Repo.update_all(\"users\", set: [active: true])\n  end\n"
		      "  def down, do: :ok\nend\n", NULL,
		      "error: 5_q.exs:4:5: unsupported call Hello.Repo.update_all/2: ecto-migrate runs the Ecto.Migration functions and plain Elixir, not the application's or its dependencies' code\n");
	CHECK_SNIPPET("6_q.exs", "defmodule Q do\n  use Ecto.Migration\n"
		      "  def change do\n    create table(:t) do\n      add :x, Hello.Types.money()\n    end\n  end\nend\n", NULL,
		      "error: 6_q.exs:5:15: unsupported call Hello.Types.money/0: ecto-migrate runs the Ecto.Migration functions and plain Elixir, not the application's or its dependencies' code\n");
	CHECK_SNIPPET("x_bad.exs", "", NULL,
		      "error: 'x_bad.exs' is not a migration (expected <version>_<name>.exs or .sql)\n");
	CHECK_SNIPPET("20240101_ok.ex", "", NULL,
		      "error: '20240101_ok.ex' is not a migration (expected <version>_<name>.exs or .sql)\n");
	CHECK_SNIPPET("3_q.exs", "defmodule Q do\n  use Ecto.Migration\n  def change do\n    execute(repo().config()[:x])\n  end\nend\n", NULL,
		      "error: 3_q.exs:4:13: repo/0 gives the running Ecto repo, which ecto-migrate does not have (no Elixir runs)\n");
}

TEST(sql_files)
{
	CHECK_SNIPPET("7_sql.sql", "-- +disable_ddl_transaction\n-- +up\nCREATE INDEX CONCURRENTLY i ON t (c);\n", NULL,
		      "7 sql 7_sql.sql disable_ddl_transaction sql\n"
		      "up: up/0 forward\n  [execute \"CREATE INDEX CONCURRENTLY i ON t (c);\"]\n    CREATE INDEX CONCURRENTLY i ON t (c);\n"
		      "down: down/0 forward\n  ** (Ecto.MigrationError) 7_sql.sql:1:1: 7_sql.sql has no `-- +down` section, so it cannot be rolled back\n");
	CHECK_SNIPPET("8_sql.sql", "SELECT 1;\n-- +up\n", NULL,
		      "error: 8_sql.sql:1:1: SQL before the `-- +up` line (a SQL migration is `-- +up` then its SQL, optionally `-- +down` and its SQL)\n");
	CHECK_SNIPPET("9_sql.sql", "-- +down\nDROP TABLE x;\n", NULL,
		      "error: 9_sql.sql: no `-- +up` section\n");
	CHECK_SNIPPET("10_sql.sql", "-- +UP\n  \n-- +down\nSELECT 'it''s';\n", NULL,
		      "10 sql 10_sql.sql sql\nup: up/0 forward\ndown: down/0 forward\n  [execute \"SELECT 'it''s';\"]\n    SELECT 'it''s';\n");
}

TEST(more_dsl_corners)
{
	char sqlpath[600], src[2048];
	FILE *f;

	/* table(primary_key: [name:, type:]), create/1 without a block,
	 * remove/2 (reversible: it carries the type), rename/3 reversed */
	CHECK_MOD("  def change do\n"
		  "    create table(:accounts, primary_key: [name: :uuid, type: :binary_id])\n"
		  "    create_if_not_exists table(:settings, primary_key: false)\n"
		  "    alter table(:accounts) do\n"
		  "      remove :nickname, :string\n"
		  "      add :tags, {:array, :string}, default: [\"a\"]\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  [create table accounts]\n    CREATE TABLE \"accounts\" (\"uuid\" uuid, PRIMARY KEY (\"uuid\"))\n"
		  "  [create table if not exists settings]\n    CREATE TABLE IF NOT EXISTS \"settings\" ()\n"
		  "  [alter table accounts]\n    ALTER TABLE \"accounts\" DROP COLUMN \"nickname\", ADD COLUMN \"tags\" varchar(255)[] DEFAULT ARRAY['a']::varchar[]\n"
		  "down: change/0 backward\n"
		  "  [alter table accounts]\n    ALTER TABLE \"accounts\" DROP COLUMN \"tags\", ADD COLUMN \"nickname\" varchar(255)\n"
		  "  [drop table if exists settings]\n    DROP TABLE IF EXISTS \"settings\"\n"
		  "  [drop table accounts]\n    DROP TABLE \"accounts\"\n");

	/* table and index names may be strings; column names may not (add/3's
	 * guard is is_atom(column)), exactly as in Ecto */
	CHECK_MOD("  def change do\n"
		  "    alter table(\"users\") do\n"
		  "      add \"name\", :string\n"
		  "    end\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n  ** (FunctionClauseError) 1_m.exs:5:7: no function clause matching in Ecto.Migration.add/3\n"
		  "down: change/0 backward\n  ** (FunctionClauseError) 1_m.exs:5:7: no function clause matching in Ecto.Migration.add/3\n");

	/* struct literals get Ecto's defaults for the fields they leave out
	 * (so a nil name is quoted as "nil", as Elixir does) */
	CHECK_MOD("  def change do\n"
		  "    create %Ecto.Migration.Index{table: \"x\", columns: [:a], name: :x_a}\n"
		  "    create %Ecto.Migration.Table{name: \"y\", comment: \"why\"}\n"
		  "  end\n",
		  NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  [create index x_a]\n    CREATE INDEX \"x_a\" ON \"x\" (\"a\")\n"
		  "  [create table y]\n    CREATE TABLE \"y\" (\"id\" bigserial, PRIMARY KEY (\"id\"))\n    COMMENT ON TABLE \"y\" IS 'why'\n"
		  "down: change/0 backward\n"
		  "  [drop table y]\n    DROP TABLE \"y\"\n"
		  "  [drop index x_a]\n    DROP INDEX \"x_a\"\n");

	/* execute_file/2 reads the files relative to the working directory */
	snprintf(sqlpath, sizeof(sqlpath), "%s/up.sql", tmpdir);
	f = fopen(sqlpath, "w");
	CHECK(f != NULL);
	fputs("CREATE VIEW v AS SELECT 1;\n", f);
	fclose(f);
	snprintf(src, sizeof(src),
		 "  def change do\n"
		 "    execute_file \"%s\", \"%s/missing.sql\"\n"
		 "  end\n", sqlpath, tmpdir);
	CHECK_MOD(src, NULL,
		  "1 m M\nup: change/0 forward\n"
		  "  ** (File.Error) 1_m.exs:4:5: could not read file \"missing.sql\": no such file or directory\n"
		  "down: change/0 backward\n"
		  "  ** (File.Error) 1_m.exs:4:5: could not read file \"missing.sql\": no such file or directory\n");
	snprintf(src, sizeof(src),
		 "  def up, do: execute_file(\"%s\")\n"
		 "  def down, do: execute(\"DROP VIEW v\")\n", sqlpath);
	CHECK_MOD(src, NULL,
		  "1 m M\nup: up/0 forward\n  [execute \"CREATE VIEW v AS SELECT 1;\\n\"]\n    CREATE VIEW v AS SELECT 1;\n\n"
		  "down: down/0 forward\n  [execute \"DROP VIEW v\"]\n    DROP VIEW v\n");
	unlink(sqlpath);
}

int main(void)
{
	int ret;
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	ret = unit_run();
	rmdir(tmpdir);
	return ret;
}
