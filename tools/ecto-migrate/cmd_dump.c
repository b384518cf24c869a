/*
 * dump: `mix ecto.dump`, as ecto_sql's Postgres adapter does it: read the
 * applied versions of each dump prefix (a missing table is fine), run
 * pg_dump --schema-only --no-acl --no-owner into <priv>/structure.sql (or
 * -d), then append one INSERT per version so that `load` restores them.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"
#include "fsutil.h"

static long elapsed_us(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long)((t1.tv_sec - t0->tv_sec) * 1000000L + (t1.tv_nsec - t0->tv_nsec) / 1000L);
}

static int dump_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct mx_buf path = MX_BUF_INIT, sql = MX_BUF_INIT, output = MX_BUF_INIT;
	struct mx_buf inserts = MX_BUF_INIT, t = MX_BUF_INIT;
	struct mx_strvec args = MX_STRVEC_INIT;
	struct em_conn c = EM_CONN_INIT;
	struct mx_atomic af = MX_ATOMIC_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct timespec t0;
	const char *src = r->migration_source ? r->migration_source : "schema_migrations";
	char *dir = NULL;
	int status = 0, ret = MX_EXIT_FAIL;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	em_default_structure_path(r, o, &path);
	if (em_conn_open(&c, r, false, o, &err) < 0)
		goto fail;
	/* Each dump prefix's versions (default public), newest prefix first
	 * as Ecto accumulates them. */
	for (size_t i = 0; i < (o->prefixes.n ? o->prefixes.n : 1); i++) {
		const char *prefix = o->prefixes.n ? o->prefixes.v[i] : "public";
		struct mx_buf part = MX_BUF_INIT;
		PGresult *res = NULL;
		mx_buf_reset(&sql);
		mx_buf_addf(&sql, "SELECT version FROM %s.\"%s\" ORDER BY version", prefix, src);
		if (em_exec(&c, sql.buf, 0, NULL, NULL, &res, &err) < 0) {
			mx_buf_release(&part);
			if (!strcmp(em_last_sqlstate(), "42P01"))
				continue;
			goto fail;
		}
		for (int j = 0; j < PQntuples(res); j++)
			mx_buf_addf(&part, "INSERT INTO %s.\"%s\" (version) VALUES (%s);\n", prefix,
			            src, PQgetvalue(res, j, 0));
		PQclear(res);
		mx_buf_add(&part, inserts.buf, inserts.len);
		mx_buf_release(&inserts);
		inserts = part;
	}
	em_conn_close(&c);

	dir = mx_path_dirname(path.buf);
	if (mx_fs_mkdir_p(dir, 0777, &err) < 0)
		goto fail;
	/* pg_dump writes into the atomic writer's temp file and the version
	 * rows go after it there: structure.sql is replaced only by a whole
	 * dump (0666, pg_dump's own mode for a new file). */
	af.flags = MX_ATOMIC_NAMED;
	if (mx_atomic_open(&af, path.buf, 0666, &err) < 0)
		goto fail;
	mx_strvec_push(&args, "--file");
	mx_strvec_push(&args, af.tmp);
	mx_strvec_push(&args, "--schema-only");
	mx_strvec_push(&args, "--no-acl");
	mx_strvec_push(&args, "--no-owner");
	for (size_t i = o->prefixes.n; i-- > 0;) {
		mx_strvec_push(&args, "-n");
		mx_strvec_push(&args, o->prefixes.v[i]);
	}
	int rc = em_run_pg_tool(r, "pg_dump", &args, &output, &status, &err);
	if (rc < 0) {
		ret = em_pg_tool_raise(rc, &err);
		goto out;
	}
	if (status != 0) {
		ret = em_mix_raise("The structure for %s couldn't be dumped: %s", r->module,
		                   output.buf);
		goto out;
	}
	/* pg_dump wrote through a descriptor of its own: ours is still at 0. */
	if (lseek(af.fd, 0, SEEK_END) < 0) {
		mx_err_errno(&err, "cannot append to", af.tmp);
		goto fail;
	}
	mx_atomic_write(&af, inserts.buf, inserts.len);
	if (mx_atomic_commit(&af, &err) < 0)
		goto fail;
	if (!o->quiet) {
		em_format_elapsed(&t, elapsed_us(&t0));
		printf("The structure for %s has been dumped to %s in %s\n", r->module, path.buf,
		       t.buf);
	}
	ret = MX_EXIT_OK;
	goto out;
fail:
	ret = em_mix_raise("The structure for %s couldn't be dumped: %s", r->module, err.msg);
out:
	mx_atomic_abort(&af);
	em_conn_close(&c);
	free(dir);
	mx_strvec_clear(&args);
	mx_buf_release(&path);
	mx_buf_release(&sql);
	mx_buf_release(&output);
	mx_buf_release(&inserts);
	mx_buf_release(&t);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    MX_OPT_STR_("dump-path", 'd', &em_options.dump_path, "PATH",
                "Where to write (default <priv>/structure.sql)"),
    MX_OPT_QUIET(&em_options.quiet),
    MX_OPT_LIST_("prefix", 0, &em_options.prefixes, "PREFIX", "Schema to dump (repeatable)"),
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(dump_repo);
}

const struct mx_command em_cmd_dump = {
    .name = "dump",
    .task = "ecto.dump",
    .tool = "ecto-migrate",
    .shortdoc = "Dumps the repository database structure",
    .doc = "Dumps the repository database structure, as `mix ecto.dump` does.\n"
           "\n"
           "pg_dump --schema-only --no-acl --no-owner writes the structure of each\n"
           "repo's database to <priv>/structure.sql (or -d/--dump-path), then one\n"
           "INSERT per applied migration version is appended, so that `load` gives\n"
           "back a database that knows which migrations it holds. --prefix names\n"
           "the schemas to dump (repeatable). pg_dump must be on PATH; the\n"
           "connection reaches it through the environment, never its command line.\n"
           "\n"
           "  ecto-migrate dump\n"
           "  ecto-migrate dump -d db/structure.sql --prefix public --prefix audit\n"
           "\n"
           "It says \"The structure for Hello.Repo has been dumped to ... in 3 ms\",\n"
           "as mix does.\n",
    .options = options,
    .fn = run,
};
