/*
 * load: `mix ecto.load`: psql --quiet --file <structure.sql>
 * -vON_ERROR_STOP=1 --single-transaction, after Ecto's checks: with
 * --skip-if-loaded nothing happens when schema_migrations exists; otherwise
 * a prod project asks first (and asks differently when a structure seems
 * loaded already), unless --force.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"

static int load_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct mx_buf path = MX_BUF_INIT, output = MX_BUF_INIT, q = MX_BUF_INIT;
	struct mx_buf t = MX_BUF_INIT, shown = MX_BUF_INIT;
	struct mx_strvec args = MX_STRVEC_INIT;
	struct em_conn c = EM_CONN_INIT;
	struct mx_err err = MX_ERR_INIT;
	const char *src = r->migration_source ? r->migration_source : "schema_migrations";
	const char *params[1] = {src};
	PGresult *res = NULL;
	struct timespec t0, t1;
	bool loaded;
	int status = 0, ret = MX_EXIT_FAIL;

	if (em_conn_open(&c, r, false, o, &err) < 0) {
		ret = em_mix_raise("Could not start repo %s, error: %s", r->module, err.msg);
		goto out;
	}
	/* Ecto.Adapters.SQL.table_exists?/3, through the repo's pool and its
	 * default query log (debug, off with --quiet), which mix ecto.load
	 * shows: "QUERY OK db=1.0ms ... idle=0.0ms\nSELECT true ... [\"t\"]". */
	c.log_sql = !o->quiet;
	c.pooled = true;
	mx_buf_adds(&shown, "[\"");
	for (const char *p = src; *p; p++) {
		if (*p == '"' || *p == '\\')
			mx_buf_add(&shown, "\\", 1);
		mx_buf_add(&shown, p, 1);
	}
	mx_buf_adds(&shown, "\"]");
	if (em_exec(&c,
	            "SELECT true FROM information_schema.tables WHERE table_name = $1 AND "
	            "table_schema = current_schema() LIMIT 1",
	            1, params, shown.buf, &res, &err) < 0) {
		ret = em_mix_raise("%s", err.msg);
		goto out;
	}
	loaded = PQntuples(res) > 0;
	em_conn_close(&c);
	if (loaded && o->skip_if_loaded) {
		ret = MX_EXIT_OK;
		goto out;
	}
	if (!((!r->start_permanent && !loaded) || o->force)) {
		if (loaded)
			mx_buf_addf(
			    &q,
			    "It looks like a structure was already loaded for %s. Any attempt to "
			    "load it again might fail.\nAre you sure you want to proceed?\n",
			    r->module);
		else
			mx_buf_addf(&q,
			            "Are you sure you want to load a new structure for %s? Any "
			            "existing data in this repo may be lost.",
			            r->module);
		if (!em_yes(q.buf)) {
			ret = MX_EXIT_OK;
			goto out;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	em_default_structure_path(r, o, &path);
	mx_strvec_push(&args, "--quiet");
	mx_strvec_push(&args, "--file");
	mx_strvec_push(&args, path.buf);
	mx_strvec_push(&args, "-vON_ERROR_STOP=1");
	mx_strvec_push(&args, "--single-transaction");
	mx_strvec_push(&args, "--no-psqlrc");
	int rc = em_run_pg_tool(r, "psql", &args, &output, &status, &err);
	if (rc < 0) {
		ret = em_pg_tool_raise(rc, &err);
		goto out;
	}
	if (status != 0) {
		ret = em_mix_raise("The structure for %s couldn't be loaded: %s", r->module,
		                   output.buf);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!o->quiet) {
		em_format_elapsed(&t, (long)((t1.tv_sec - t0.tv_sec) * 1000000L +
		                             (t1.tv_nsec - t0.tv_nsec) / 1000L));
		printf("The structure for %s has been loaded from %s in %s\n", r->module, path.buf,
		       t.buf);
	}
	ret = MX_EXIT_OK;
out:
	PQclear(res);
	em_conn_close(&c);
	mx_strvec_clear(&args);
	mx_buf_release(&path);
	mx_buf_release(&output);
	mx_buf_release(&q);
	mx_buf_release(&t);
	mx_buf_release(&shown);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    MX_OPT_STR_("dump-path", 'd', &em_options.dump_path, "PATH",
                "What to load (default <priv>/structure.sql)"),
    MX_OPT_BOOL_("force", 'f', &em_options.force, "Do not ask for confirmation"),
    MX_OPT_QUIET(&em_options.quiet),
    MX_OPT_BOOL_("skip-if-loaded", 0, &em_options.skip_if_loaded,
                 "Do nothing when schema_migrations exists"),
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(load_repo);
}

const struct mx_command em_cmd_load = {
    .name = "load",
    .task = "ecto.load",
    .tool = "ecto-migrate",
    .shortdoc = "Loads previously dumped database structure",
    .doc = "Loads previously dumped database structure, as `mix ecto.load` does.\n"
           "\n"
           "psql runs <priv>/structure.sql (or -d/--dump-path) in a single\n"
           "transaction that stops at the first error. With --skip-if-loaded nothing\n"
           "happens when the database already has schema_migrations. Otherwise, as\n"
           "Ecto does, a project that starts permanent (prod) is asked first, and\n"
           "asked differently when a structure seems loaded already; -f/--force\n"
           "never asks. psql must be on PATH.\n"
           "\n"
           "  ecto-migrate load\n"
           "  ecto-migrate load --skip-if-loaded -d db/structure.sql\n"
           "\n"
           "It says \"The structure for Hello.Repo has been loaded from ... in 3 ms\",\n"
           "as mix does.\n",
    .options = options,
    .fn = run,
};
