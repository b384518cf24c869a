/*
 * Oban's migrations (oban.h): what a call translates to, and which of its
 * versions run for each version the oban_jobs comment can hold, as
 * Oban.Migrations.Postgres.up/1 and down/1 walk them. The SQL and logs
 * themselves are checked against the real Oban in
 * tests/integration/ecto-migrate-oban.bats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migration.h"
#include "oban.h"
#include "unit.h"

/* Loads a migration whose module body is body, for a project that locks
 * oban (NULL: none); returns 0 or -1 (err). */
static int load_locked(struct em_migration *m, const char *body, const char *oban,
                       struct mx_err *err)
{
	char src[4096];
	struct em_ddl_config cfg = EM_DDL_CONFIG_INIT;
	cfg.oban_version = oban;
	snprintf(src, sizeof(src),
	         "defmodule Hello.Repo.Migrations.M do\n  use Ecto.Migration\n%send\n", body);
	return em_migration_load_buffer(m, "20240101000001_m.exs", src, strlen(src), &cfg, err);
}

static int load(struct em_migration *m, const char *body, struct mx_err *err)
{
	return load_locked(m, body, NULL, err);
}

/* The versions em_oban_select runs, as "1,2,3,c" (c: the comment; "!" after
 * a plan that raises), or "raise: <exception> <message>". */
static void selected(const struct em_oban *o, int rows, const char *value, char *out, size_t n)
{
	const struct em_plan *plans[EM_OBAN_LATEST + 3];
	struct em_plan raised;
	struct mx_buf b = MX_BUF_INIT;
	int k = em_oban_select(o, rows, value, plans, &raised);

	if (k < 0)
		mx_buf_addf(&b, "raise: %s %s", raised.exception, raised.error.msg);
	for (int i = 0; i < k; i++) {
		if (i)
			mx_buf_adds(&b, ",");
		if (plans[i] == &o->record)
			mx_buf_adds(&b, "c");
		else if (plans[i] == &raised)
			mx_buf_addf(&b, "raise: %s %s", raised.exception, raised.error.msg);
		else
			mx_buf_addf(&b, "%ld", (long)(plans[i] - &o->chunk[0]));
		if (plans[i]->failed && plans[i] != &raised)
			mx_buf_adds(&b, "!");
	}
	snprintf(out, n, "%s", b.len ? b.buf : "");
	mx_buf_release(&b);
}

/* The only step of m's plan, which must be an Oban call. */
static const struct em_oban *the_call(const struct em_plan *p)
{
	return p->n == 1 ? p->steps[0].oban : NULL;
}

TEST(up_walks_from_the_commented_version_to_the_target)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const struct em_oban *o;
	char got[512];

	CHECK(load(&m,
	           "  def up, do: Oban.Migrations.up(version: 5)\n"
	           "  def down, do: Oban.Migrations.down(version: 2)\n",
	           &err) == 0);
	o = the_call(&m.up);
	CHECK(o != NULL);
	if (!o)
		return;
	CHECK(o->up);
	CHECK_INT(o->target, 5);
	selected(o, 0, NULL, got, sizeof(got)); /* no oban_jobs */
	CHECK_STR(got, "1,2,3,4,5,c");
	selected(o, 1, NULL, got, sizeof(got)); /* a table without a comment */
	CHECK_STR(got, "1,2,3,4,5,c");
	selected(o, 1, "3", got, sizeof(got));
	CHECK_STR(got, "4,5,c");
	selected(o, 1, "5", got, sizeof(got));
	CHECK_STR(got, "");
	selected(o, 1, "9", got, sizeof(got));
	CHECK_STR(got, "");
	selected(o, 1, "\xe2\x88\x9e", got, sizeof(got)); /* "∞": above any version */
	CHECK_STR(got, "");
	selected(o, 1, "x1", got, sizeof(got));
	CHECK(strstr(got, "raise: ArgumentError errors were found") == got);
	/* Each version up to the target holds its commands, with the comment. */
	CHECK(o->chunk[1].n > 5);
	CHECK(o->chunk[6].n == 0);
	CHECK_INT(o->record.n, 1);
	CHECK_STR(o->record.steps[0].sql.v[0], "COMMENT ON TABLE \"public\".oban_jobs IS '5'");

	o = the_call(&m.down);
	CHECK(o != NULL && !o->up);
	if (!o)
		return;
	selected(o, 1, "5", got, sizeof(got));
	CHECK_STR(got, "5,4,3,2,c");
	CHECK_STR(o->record.steps[0].sql.v[0], "COMMENT ON TABLE \"public\".oban_jobs IS '1'");
	selected(o, 1, "1", got, sizeof(got)); /* below the target: nothing */
	CHECK_STR(got, "");
	selected(o, 1, "15", got, sizeof(got));
	CHECK_STR(got, "raise: UndefinedFunctionError function "
	               "Oban.Migrations.Postgres.V15.down/1 is undefined (module "
	               "Oban.Migrations.Postgres.V15 is not available)");
	selected(o, 1, "\xe2\x88\x9e", got, sizeof(got));
	CHECK(strstr(got, "raise: ArgumentError ranges (first..last//step)") == got);
	em_migration_release(&m);
}

TEST(down_to_one_leaves_no_comment_and_defaults)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const struct em_oban *o;
	char got[512];

	CHECK(load(&m, "  def up, do: Oban.Migration.up()\n  def down, do: Oban.Migration.down()\n",
	           &err) == 0);
	o = the_call(&m.up);
	CHECK(o != NULL);
	if (!o)
		return;
	CHECK_INT(o->target, EM_OBAN_LATEST);
	CHECK_STR(o->escaped, "public");
	selected(o, 0, NULL, got, sizeof(got));
	CHECK_STR(got, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,c");
	o = the_call(&m.down);
	CHECK(o != NULL);
	if (!o)
		return;
	CHECK_INT(o->target, 1);
	CHECK_INT(o->record.n, 0); /* record_version(_, 0) writes nothing */
	selected(o, 1, "14", got, sizeof(got));
	CHECK_STR(got, "14,13,12,11,10,9,8,7,6,5,4,3,2,1,c");
	/* The log of v1 down ends with dropping the type. */
	CHECK_STR(o->chunk[1].steps[o->chunk[1].n - 1].log,
	          "execute \"DROP TYPE IF EXISTS \\\"public\\\".oban_job_state\"");
	em_migration_release(&m);
}

TEST(prefix_is_inspected_and_escaped_and_creates_its_schema)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const struct em_oban *o;

	CHECK(load(&m,
	           "  def up, do: Oban.Migrations.up(prefix: \"it's\", version: 1)\n"
	           "  def down, do: Oban.Migrations.down(prefix: \"x\", create_schema: false)\n",
	           &err) == 0);
	o = the_call(&m.up);
	CHECK(o != NULL);
	if (!o)
		return;
	CHECK_STR(o->escaped, "it''s");
	/* create_schema defaults to true for a prefix other than public */
	CHECK_STR(o->chunk[1].steps[0].sql.v[0], "CREATE SCHEMA IF NOT EXISTS \"it's\"");
	CHECK_STR(o->chunk[1].steps[0].log, "execute \"CREATE SCHEMA IF NOT EXISTS \\\"it's\\\"\"");
	em_migration_release(&m);

	CHECK(load(&m,
	           "  def up, do: Oban.Migrations.up(prefix: \"x\", create_schema: false, "
	           "unlogged: false)\n",
	           &err) == 0);
	o = the_call(&m.up);
	CHECK(o != NULL);
	if (!o)
		return;
	CHECK(strncmp(o->chunk[1].steps[0].sql.v[0], "DO $$", 5) == 0);
	/* v11 without unlogged: the table only, no ALTER TABLE ... SET UNLOGGED */
	CHECK_INT(o->chunk[11].n, 1);
	em_migration_release(&m);
}

TEST(change_rolled_back_runs_reversed_and_fails_when_it_has_work)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const struct em_oban *o;
	char got[512];

	CHECK(load(&m,
	           "  def change do\n    create table(:a)\n    Oban.Migrations.up(version: 3)\n"
	           "    create table(:b)\n  end\n",
	           &err) == 0);
	/* backward: table b dropped first, then Oban's step, then table a */
	CHECK_INT(m.down.n, 3);
	CHECK(m.down.steps[1].oban != NULL);
	CHECK_STR(m.down.steps[0].log, "drop table b");
	CHECK_STR(m.down.steps[2].log, "drop table a");
	o = m.down.steps[1].oban;
	if (!o)
		return;
	selected(o, 1, "3", got, sizeof(got));
	CHECK_STR(got, "");
	/* with work to do, the comment comes first and cannot be reversed */
	selected(o, 1, "2", got, sizeof(got));
	CHECK_STR(got, "c!");
	CHECK(strstr(o->record.error.msg, "cannot reverse migration command: execute") != NULL);
	/* forward: in call order */
	CHECK(m.up.steps[1].oban != NULL);
	CHECK_STR(m.up.steps[2].log, "create table b");
	em_migration_release(&m);
}

TEST(other_libraries_are_refused_by_name)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;

	CHECK(load(&m, "  def up do\n    Oban.Pro.Migration.up(version: \"1.5.0\")\n  end\n",
	           &err) < 0);
	CHECK_STR(err.file, "20240101000001_m.exs");
	CHECK_INT(err.line, 4);
	CHECK_INT(err.col, 5);
	CHECK(strstr(err.msg, "unsupported call Oban.Pro.Migration.up/1: ecto-migrate does not "
	                      "run Oban Pro's migrations") == err.msg);
	CHECK(em_oban_refusal("Oban.Pro.Migrations") != NULL);
	CHECK(em_oban_refusal("Oban.Pro") != NULL);
	CHECK(em_oban_refusal("Oban.Migrations") == NULL);
	CHECK(em_oban_refusal("Oban.Protect") == NULL);

	CHECK(load(&m, "  def up, do: Oban.Migration.migrated_version()\n", &err) < 0);
	CHECK(strstr(err.msg, "Oban.Migration.migrated_version/0 queries the database") == err.msg);

	/* current_version/0 is Oban's constant */
	CHECK(load(&m,
	           "  def up, do: Oban.Migrations.up(version: Oban.Migration.current_version())\n",
	           &err) == 0);
	CHECK(the_call(&m.up) != NULL && the_call(&m.up)->target == EM_OBAN_LATEST);
	em_migration_release(&m);
}

TEST(bad_options_raise_as_elixir_does)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;

	CHECK(load(&m, "  def up, do: Oban.Migrations.up(prefix: :jobs)\n", &err) == 0);
	CHECK(m.up.failed);
	CHECK_STR(m.up.exception, "FunctionClauseError");
	em_migration_release(&m);
	CHECK(load(&m, "  def up, do: Oban.Migrations.up(%{version: 2})\n", &err) == 0);
	CHECK(m.up.failed);
	CHECK_STR(m.up.error.msg, "no function clause matching in Oban.Migration.up/1");
	em_migration_release(&m);
}

TEST(the_locked_release_decides)
{
	struct em_migration m;
	struct mx_err err = MX_ERR_INIT;
	const struct em_oban *o;
	char got[512];

	/* 2.22 escapes a quote with a backslash and knows no "∞" */
	CHECK(load_locked(&m, "  def up, do: Oban.Migrations.up(prefix: \"a'b\")\n", "2.22.1",
	                  &err) == 0);
	o = the_call(&m.up);
	CHECK(o != NULL);
	if (o) {
		CHECK_STR(o->escaped, "a\\'b");
		selected(o, 1, "\xe2\x88\x9e", got, sizeof(got));
		CHECK(strstr(got, "raise: ArgumentError errors were found") == got);
	}
	em_migration_release(&m);
	/* older or unknown releases are refused at the call */
	CHECK(load_locked(&m, "  def up do\n    Oban.Migrations.up()\n  end\n", "2.17.10", &err) <
	      0);
	CHECK_INT(err.line, 4);
	CHECK(strstr(err.msg, "Oban.Migrations.up/0: mix.lock locks oban 2.17.10, whose "
	                      "migrations are not the ones ecto-migrate carries") == err.msg);
	CHECK(load_locked(&m, "  def up, do: Oban.Migrations.up()\n", "3.0.0", &err) < 0);
	CHECK(load_locked(&m, "  def up, do: Oban.Migrations.up()\n", "2.21.0", &err) < 0);
	CHECK(load_locked(&m, "  def up, do: Oban.Migrations.up()\n", "2.21.1", &err) == 0);
	em_migration_release(&m);
	CHECK(load_locked(&m, "  def up, do: Oban.Migrations.up()\n", "2.23.1", &err) == 0);
	em_migration_release(&m);
}

UNIT_MAIN()
