/*
 * oban: Oban's PostgreSQL migrations, built in.
 *
 * Most Phoenix apps create Oban's tables from a migration that calls
 * Oban.Migrations.up/down (or Oban.Migration.up/down) with version:,
 * prefix:, create_schema: and unlogged:. Oban decides what to run only when
 * the migration runs: it reads the version its previous run left in the
 * comment of <prefix>.oban_jobs, then runs V<n>.up/1 (or down/1) for each
 * version between that one and the target, and writes the new version into
 * the comment. ecto-migrate translates everything before anything runs, so
 * a call becomes one step of the plan that holds every version's commands,
 * translated by the ordinary DDL layer (the tables in oban_versions.c), and
 * the runner picks the versions once it has read the comment on the
 * migration's connection, inside its transaction, as Oban's query does.
 *
 * The versions are those of Oban 2.23 (v1 to v14). Oban has rewritten
 * some of them between releases (2.21 reordered v1's enum and changed v9 and
 * v14, 2.21.1 again), so a project whose mix.lock locks an oban before
 * 2.21.1, or newer than ecto-migrate knows, is refused at the call rather
 * than given another release's schema; 2.21.1 to 2.22 differ from 2.23 only
 * in how a prefix holding ' is escaped and in not knowing the "∞" version.
 */
#ifndef EM_OBAN_H
#define EM_OBAN_H

#include <stdbool.h>

#include "buf.h"
#include "diag.h"
#include "migration.h"

struct mx_eval;
struct mx_eval_call;
struct mx_term;
struct em_ddl_ctx;

#define EM_OBAN_LATEST 14

/* One Oban.Migrations.up/down call, translated. Owned by its step
 * (em_step.oban); em_oban_free releases it. */
struct em_oban {
	bool up;       /* up/1 (else down/1) */
	long target;   /* opts[:version] */
	char *escaped; /* the prefix with ' doubled, for the version query */
	/* chunk[v]: the steps of V<v>.up/1 (or .down/1) for the versions that
	 * can run, others empty; a version Oban has no module for is a plan
	 * that failed with UndefinedFunctionError. */
	struct em_plan chunk[EM_OBAN_LATEST + 2];
	/* record_version: COMMENT ON TABLE ... IS '<n>' (no steps when n = 0) */
	struct em_plan record;
	bool backward; /* translated for a change/0 rolled back: run reversed */
	bool infinity; /* the release reads the "∞" comment as :infinity (2.23) */
	char *call;    /* "Oban.Migrations.up(version: 3)" as written, for --dry-run */
};

void em_oban_free(struct em_oban *o);

/* How the migration's evaluator reaches the DDL layer: oban.c evaluates
 * each version's commands with the same host, pointed for the time being
 * at a context of its own (use_ctx). */
struct em_oban_env {
	struct mx_eval *ev;
	struct em_ddl_ctx *outer; /* the callback's context */
	void (*use_ctx)(void *host, struct em_ddl_ctx *ctx);
	void *host;
};

/*
 * The host's entry for a remote call into Oban: returns 1 when it handled
 * Oban.Migration(s).up/down (the prepared step queued in env->outer, *result
 * :ok) or current_version/0,1; 0 when the call is not Oban's migration API
 * (the caller refuses it as any library call); -1 with err at the call's
 * position for an Oban call ecto-migrate cannot run (migrated_version needs
 * the repo) or bad options. When the ddl layer raises, -1 with
 * env->outer->raise set (raised).
 */
int em_oban_call(struct em_oban_env *env, const struct mx_eval_call *c, struct mx_term **result,
                 struct mx_err *err);

/* A known library's migration helper that ecto-migrate refuses by name
 * (Oban Pro's, ...): a sentence naming it, or NULL for an unknown module. */
const char *em_oban_refusal(const char *module);

/* The query Oban's migrated_version/1 sends (log: false: never logged). */
void em_oban_version_query(const struct em_oban *o, struct mx_buf *sql);

/*
 * What runs, given what the query returned: rows, and the first row's
 * value (NULL for SQL NULL). Fills out[] (room for EM_OBAN_LATEST + 3) with
 * the plans in run order and returns their count; if a plan to run failed
 * (a version Oban has no module for, an irreversible command rolled back),
 * it is the last one given. Returns -1 when Oban itself raises on the value
 * (a comment that is not a version): exception and message in *raise_plan,
 * a failed plan the caller reports.
 */
int em_oban_select(const struct em_oban *o, int rows, const char *value, const struct em_plan **out,
                   struct em_plan *raise_plan);

/* The versions' commands, one Elixir body per version and direction, with
 * p (prefix), q (inspected prefix), e (escaped prefix), unlogged and create
 * bound (oban_versions.c). NULL for a version outside 1..EM_OBAN_LATEST. */
const char *em_oban_version_source(int version, bool up);

#endif
