/*
 * ecto_sql: which ecto_sql release ecto-migrate behaves as, and what that
 * release does where releases differ.
 *
 * ecto-migrate is faithful to one ecto_sql at a time: the one the project's
 * mix.lock locks (3.10 to 3.14), else 3.14, the release a new Phoenix 1.7
 * app resolves. Releases are told apart by minor version only: within a
 * minor, what users see in SQL and logs is the same, with one exception
 * noted at its row (ON DELETE SET DEFAULT arrived in 3.13.2).
 *
 * Every behavioural difference is one feature below, and one row of the
 * table in ecto_sql.c giving the first release that has it; code asks
 * mx_ecto_sql_has() rather than comparing releases itself.
 */
#ifndef MX_PROJECT_ECTO_SQL_H
#define MX_PROJECT_ECTO_SQL_H

#include <stdbool.h>

#include "buf.h"

struct mx_project;

/* The releases whose behaviour is modelled, oldest first. */
enum mx_ecto_sql_release {
	MX_ECTO_SQL_3_10,
	MX_ECTO_SQL_3_11,
	MX_ECTO_SQL_3_12,
	MX_ECTO_SQL_3_13,
	MX_ECTO_SQL_3_14,
	MX_ECTO_SQL_LATEST = MX_ECTO_SQL_3_14,
};

/* The differences users see, each named for what the newer release does. */
enum mx_ecto_sql_feature {
	/* "== Running V Mod.up/0": the direction (" forward", " backward")
	 * only for change/0; before, up/0 and down/0 logged " forward". */
	MX_ECTO_SQL_LOG_DIRECTION_ONLY_FOR_CHANGE,
	/* ecto.create then runs ALTER DATABASE "db" SET timezone TO 'tz'
	 * (repo option :timezone, default "Etc/UTC", nil: skipped). */
	MX_ECTO_SQL_CREATE_SETS_TIMEZONE,
	/* table(..., modifiers: "UNLOGGED"): CREATE UNLOGGED TABLE, logged as
	 * "create UNLOGGED table"; before, the option was ignored. */
	MX_ECTO_SQL_TABLE_MODIFIERS,
	/* add ..., collation: "C": COLLATE "C" after the type. */
	MX_ECTO_SQL_COLUMN_COLLATION,
	/* index(:t, [desc: :col, asc_nulls_last: :other]). */
	MX_ECTO_SQL_INDEX_DIRECTIONS,
	/* rename index(:t, [:c], name: :a, prefix: :p), to: "b": the prefix
	 * qualifies ALTER INDEX's name. */
	MX_ECTO_SQL_RENAME_INDEX_PREFIX,
	/* references(..., on_delete: :default_all / {:default, cols}):
	 * ON DELETE SET DEFAULT (3.13.2; modelled from 3.13). */
	MX_ECTO_SQL_ON_DELETE_SET_DEFAULT,
	/* The "↳" caller line of the version row's INSERT/DELETE inside a
	 * transaction (repo config stacktrace: true) names ecto_sql's
	 * checkout_or_transaction/4 (sql.ex), no longer the migrator. */
	MX_ECTO_SQL_VERSION_ROW_CALLER_IN_SQL,
	/* The migrator's "↳" caller lines name 3.14's line numbers
	 * (migrator.ex:353 and :337, sql.ex:1481). */
	MX_ECTO_SQL_MIGRATOR_CALLERS_3_14,
	MX_ECTO_SQL_FEATURES_
};

/* Whether release r has feature f. */
bool mx_ecto_sql_has(enum mx_ecto_sql_release r, enum mx_ecto_sql_feature f);

/* "3.12": the release's name. Static string. */
const char *mx_ecto_sql_release_name(enum mx_ecto_sql_release r);

/*
 * The release whose behaviour applies to a version string ("3.12.1",
 * "3.14.0-rc.0"): its minor when modelled; an older one behaves as the
 * oldest modelled, a newer or unparsable one as the latest. *exact (may be
 * NULL) is set when the version's minor is one of the modelled releases.
 */
enum mx_ecto_sql_release mx_ecto_sql_release_of_version(const char *version, bool *exact);

/* The behaviour in effect for a project, and why. */
struct mx_ecto_sql_choice {
	enum mx_ecto_sql_release release;
	/* The locked version ("3.12.1"), or NULL when the default applies.
	 * Points into the project; valid while it is. */
	const char *locked;
	/* Why the default applies: "no mix.lock", "mix.lock has no ecto_sql",
	 * "ecto_sql is not a Hex dependency in mix.lock". Static string. */
	const char *why_default;
};

/* Fills c for p (NULL: no project, the default). */
void mx_ecto_sql_choose(const struct mx_project *p, struct mx_ecto_sql_choice *c);

/* Appends c as `mixless debug config` prints it:
 * "3.12 (mix.lock locks ecto_sql 3.12.1)", "3.14 (default: no mix.lock)". */
void mx_ecto_sql_describe(const struct mx_ecto_sql_choice *c, struct mx_buf *out);

#endif
