/*
 * ecto_sql: the feature table (ecto_sql.h) and the choice of release from
 * the project's mix.lock. Each row was checked in ecto_sql's history
 * (git log v3.12.1..v3.14.0, `git tag --contains` of the change).
 */
#include <stdlib.h>
#include <string.h>

#include "ecto_sql.h"
#include "project.h"

static const char *const names[] = {
    [MX_ECTO_SQL_3_10] = "3.10", [MX_ECTO_SQL_3_11] = "3.11", [MX_ECTO_SQL_3_12] = "3.12",
    [MX_ECTO_SQL_3_13] = "3.13", [MX_ECTO_SQL_3_14] = "3.14",
};

/* One row per difference: the first release that has it. */
static const enum mx_ecto_sql_release first[MX_ECTO_SQL_FEATURES_] = {
    /* ecto_sql#690 "Only log 'forward' and 'backward' for 'change/0'" */
    [MX_ECTO_SQL_LOG_DIRECTION_ONLY_FOR_CHANGE] = MX_ECTO_SQL_3_14,
    /* "Set a default timezone on mix ecto.create for PG" */
    [MX_ECTO_SQL_CREATE_SETS_TIMEZONE] = MX_ECTO_SQL_3_14,
    /* ecto_sql#699 "Support for creating unlogged tables" */
    [MX_ECTO_SQL_TABLE_MODIFIERS] = MX_ECTO_SQL_3_14,
    /* ecto_sql#662 "collations in Postgres" */
    [MX_ECTO_SQL_COLUMN_COLLATION] = MX_ECTO_SQL_3_13,
    /* ecto_sql#657 "index directions" */
    [MX_ECTO_SQL_INDEX_DIRECTIONS] = MX_ECTO_SQL_3_13,
    /* ecto_sql#653 "prefix support to renaming indices" */
    [MX_ECTO_SQL_RENAME_INDEX_PREFIX] = MX_ECTO_SQL_3_13,
    /* ecto_sql#677 "ON DELETE SET DEFAULT", released in 3.13.2 */
    [MX_ECTO_SQL_ON_DELETE_SET_DEFAULT] = MX_ECTO_SQL_3_13,
    /* log_stacktrace/3 of 3.13's sql.ex; both seen in the real tasks' logs
     * (tests/fixtures/golden/ecto-differential*) */
    [MX_ECTO_SQL_VERSION_ROW_CALLER_IN_SQL] = MX_ECTO_SQL_3_13,
    [MX_ECTO_SQL_MIGRATOR_CALLERS_3_14] = MX_ECTO_SQL_3_14,
};

bool mx_ecto_sql_has(enum mx_ecto_sql_release r, enum mx_ecto_sql_feature f)
{
	return f < MX_ECTO_SQL_FEATURES_ && r >= first[f];
}

const char *mx_ecto_sql_release_name(enum mx_ecto_sql_release r)
{
	return r <= MX_ECTO_SQL_LATEST ? names[r] : names[MX_ECTO_SQL_LATEST];
}

/* Reads a decimal number at *s; -1 when there is none. */
static long number(const char **s)
{
	char *end;
	if (**s < '0' || **s > '9')
		return -1;
	long n = strtol(*s, &end, 10);
	*s = end;
	return n;
}

enum mx_ecto_sql_release mx_ecto_sql_release_of_version(const char *version, bool *exact)
{
	const char *s = version ? version : "";
	long major = number(&s), minor = -1;
	if (*s == '.') {
		s++;
		minor = number(&s);
	}
	if (exact)
		*exact = false;
	if (major < 0 || minor < 0 || major > 3 || (major == 3 && minor > 14))
		return MX_ECTO_SQL_LATEST;
	if (major < 3 || minor < 10)
		return MX_ECTO_SQL_3_10;
	if (exact)
		*exact = true;
	return (enum mx_ecto_sql_release)(MX_ECTO_SQL_3_10 + (minor - 10));
}

void mx_ecto_sql_choose(const struct mx_project *p, struct mx_ecto_sql_choice *c)
{
	c->release = MX_ECTO_SQL_LATEST;
	c->locked = NULL;
	c->why_default = NULL;
	if (!p || !p->lock) {
		c->why_default = "no mix.lock";
		return;
	}
	c->locked = mx_project_locked_version(p, "ecto_sql");
	if (c->locked) {
		c->release = mx_ecto_sql_release_of_version(c->locked, NULL);
		return;
	}
	c->why_default = mx_strvec_find(&p->lock_deps, "ecto_sql") >= 0
	                     ? "ecto_sql is not a Hex dependency in mix.lock"
	                     : "mix.lock has no ecto_sql";
}

void mx_ecto_sql_describe(const struct mx_ecto_sql_choice *c, struct mx_buf *out)
{
	bool exact;
	const char *name = mx_ecto_sql_release_name(c->release);
	if (!c->locked) {
		mx_buf_addf(out, "%s (default: %s)", name, c->why_default);
		return;
	}
	mx_ecto_sql_release_of_version(c->locked, &exact);
	mx_buf_addf(out, "%s (mix.lock locks ecto_sql %s", name, c->locked);
	if (!exact)
		mx_buf_addf(out, "; behaving as %s, the %s release modelled", name,
		            c->release == MX_ECTO_SQL_LATEST ? "newest" : "oldest");
	mx_buf_adds(out, ")");
}
