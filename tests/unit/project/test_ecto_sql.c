/* Unit tests for project/ecto_sql: the feature table, versions to
 * releases, and the choice from a project's mix.lock (the fixture projects
 * in tests/fixtures/project; the tests run with cwd tests/fixtures). */
#include <string.h>

#include "project/ecto_sql.h"
#include "project/project.h"
#include "unit.h"

TEST(features_arrive_in_their_release)
{
	/* The log line's direction: 3.14 only. */
	CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_LOG_DIRECTION_ONLY_FOR_CHANGE));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_14, MX_ECTO_SQL_LOG_DIRECTION_ONLY_FOR_CHANGE));
	CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_CREATE_SETS_TIMEZONE));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_14, MX_ECTO_SQL_CREATE_SETS_TIMEZONE));
	CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_TABLE_MODIFIERS));
	/* The 3.13 DSL additions. */
	CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_12, MX_ECTO_SQL_INDEX_DIRECTIONS));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_INDEX_DIRECTIONS));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_COLUMN_COLLATION));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_RENAME_INDEX_PREFIX));
	CHECK(mx_ecto_sql_has(MX_ECTO_SQL_3_13, MX_ECTO_SQL_ON_DELETE_SET_DEFAULT));
	/* The latest has everything; the oldest none of it. */
	for (int f = 0; f < MX_ECTO_SQL_FEATURES_; f++) {
		CHECK(mx_ecto_sql_has(MX_ECTO_SQL_LATEST, (enum mx_ecto_sql_feature)f));
		CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_10, (enum mx_ecto_sql_feature)f));
	}
	CHECK(!mx_ecto_sql_has(MX_ECTO_SQL_3_14, MX_ECTO_SQL_FEATURES_));
}

TEST(versions_map_to_releases)
{
	bool exact = true;
	CHECK_INT(mx_ecto_sql_release_of_version("3.12.1", &exact), MX_ECTO_SQL_3_12);
	CHECK(exact);
	CHECK_INT(mx_ecto_sql_release_of_version("3.10.0", &exact), MX_ECTO_SQL_3_10);
	CHECK_INT(mx_ecto_sql_release_of_version("3.13.5", NULL), MX_ECTO_SQL_3_13);
	CHECK_INT(mx_ecto_sql_release_of_version("3.14.0-rc.1", &exact), MX_ECTO_SQL_3_14);
	CHECK(exact);
	/* Newer than modelled: the newest; older: the oldest; not exact. */
	CHECK_INT(mx_ecto_sql_release_of_version("3.15.0", &exact), MX_ECTO_SQL_LATEST);
	CHECK(!exact);
	CHECK_INT(mx_ecto_sql_release_of_version("4.0.0", &exact), MX_ECTO_SQL_LATEST);
	CHECK(!exact);
	CHECK_INT(mx_ecto_sql_release_of_version("3.9.6", &exact), MX_ECTO_SQL_3_10);
	CHECK(!exact);
	CHECK_INT(mx_ecto_sql_release_of_version("2.2.0", &exact), MX_ECTO_SQL_3_10);
	/* Nothing to read: the default. */
	CHECK_INT(mx_ecto_sql_release_of_version("junk", &exact), MX_ECTO_SQL_LATEST);
	CHECK(!exact);
	CHECK_INT(mx_ecto_sql_release_of_version("3", NULL), MX_ECTO_SQL_LATEST);
	CHECK_INT(mx_ecto_sql_release_of_version(NULL, NULL), MX_ECTO_SQL_LATEST);
	CHECK_STR(mx_ecto_sql_release_name(MX_ECTO_SQL_3_11), "3.11");
}

static const char *describe(const struct mx_project *p, struct mx_buf *b)
{
	struct mx_ecto_sql_choice c;
	mx_ecto_sql_choose(p, &c);
	mx_buf_reset(b);
	mx_ecto_sql_describe(&c, b);
	return b->buf;
}

TEST(choice_from_the_lock)
{
	struct mx_project p = MX_PROJECT_INIT, q = MX_PROJECT_INIT;
	struct mx_project_opts o = {.dir = "project/locked", .env = "dev", .isolated_env = true};
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf b = MX_BUF_INIT;
	struct mx_ecto_sql_choice c;

	CHECK_INT(mx_project_load(&p, &o, &err), 0);
	mx_ecto_sql_choose(&p, &c);
	CHECK_INT(c.release, MX_ECTO_SQL_3_12);
	CHECK_STR(c.locked, "3.12.1");
	CHECK_STR(describe(&p, &b), "3.12 (mix.lock locks ecto_sql 3.12.1)");
	/* No project, or one without a mix.lock: 3.14. */
	CHECK_STR(describe(NULL, &b), "3.14 (default: no mix.lock)");
	o.dir = "project/basic";
	CHECK_INT(mx_project_load(&q, &o, &err), 0);
	mx_ecto_sql_choose(&q, &c);
	CHECK_INT(c.release, MX_ECTO_SQL_3_14);
	CHECK(c.locked == NULL);
	CHECK_STR(describe(&q, &b), "3.14 (default: no mix.lock)");
	mx_project_release(&p);
	mx_project_release(&q);
	mx_buf_release(&b);
}

UNIT_MAIN()
