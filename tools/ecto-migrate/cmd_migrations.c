/*
 * migrations: `mix ecto.migrations`, the status table, with the same
 * layout (status padded to 10, id to 16) and the same rows: applied
 * migrations with their file, applied versions without one
 * ("** FILE NOT FOUND **"), then pending ones, sorted by version.
 *
 * Beyond Ecto: --format json, and --exit-code (exit 1 when something is
 * pending), for CI steps and deploy gates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "command.h"
#include "ecto_migrate.h"
#include "options.h"
#include "fsutil.h"
#include "json_escape.h"

struct row {
	bool up;
	int64_t version;
	const char *name;
	const char *path; /* NULL when the file is missing */
	size_t order;     /* Ecto's list order, for a stable sort */
};

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void add_row(struct row *rows, size_t *n, bool up, int64_t version, const char *name,
                    const char *path)
{
	rows[*n] = (struct row){up, version, name, path, *n};
	(*n)++;
}

static bool file_has(const struct em_files *f, int64_t v)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].version == v)
			return true;
	return false;
}

static int migrations_repo(const struct em_repo *r, const struct em_opts *o)
{
	struct em_files files = EM_FILES_INIT;
	struct em_conn c = EM_CONN_INIT;
	struct em_lock lock;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;
	struct row *rows = NULL;
	size_t nrows = 0, nv = 0, pending = 0;
	int64_t *v = NULL;
	bool json = o->format && !strcmp(o->format, "json");
	char cwd[4096];
	int ret = MX_EXIT_FAIL;

	if (o->format && !json && strcmp(o->format, "text")) {
		ret = mx_diag_usage("option '--format' expects text or json, got '%s'", o->format);
		goto out;
	}
	if ((ret = em_discover_repo(r, o, &files)) != MX_EXIT_OK)
		goto out;
	if (em_conn_open(&c, r, false, o, &err) < 0) {
		ret = mx_diag_fail(MX_EXIT_FAIL, "could not connect to the database of %s: %s",
		                   r->module, err.msg);
		goto out;
	}
	/* Ecto.Migrator.migrations/3 creates the table and reads it under
	 * the migration lock, like a migrate would. */
	if (em_versions_ensure(&c, r, o->prefix, &err) < 0) {
		ret = em_mix_raise("%s", err.msg);
		goto out;
	}
	lock = (struct em_lock){.conn = &c,
	                        .repo = r,
	                        .prefix = o->prefix,
	                        .kind = r->lock_kind,
	                        .timeout_s = o->lock_timeout_set ? o->lock_timeout : 0};
	if (r->migration_lock && em_lock_acquire(&lock, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (em_versions_read(&c, r, o->prefix, false, &v, &nv, &err) < 0) {
		em_lock_release(&lock, NULL);
		ret = mx_diag_error(&err);
		goto out;
	}
	if (em_lock_release(&lock, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}

	rows = mx_xcalloc(files.n + nv + 1, sizeof(*rows));
	/* ups with file (Ecto lists them newest first), ups without file,
	 * downs; then a stable sort by version. */
	for (size_t i = files.n; i-- > 0;)
		if (em_versions_has(v, nv, files.v[i].version))
			add_row(rows, &nrows, true, files.v[i].version, files.v[i].name,
			        files.v[i].path);
	for (size_t i = 0; i < nv; i++)
		if (!file_has(&files, v[i]))
			add_row(rows, &nrows, true, v[i], "** FILE NOT FOUND **", NULL);
	for (size_t i = 0; i < files.n; i++)
		if (!em_versions_has(v, nv, files.v[i].version)) {
			add_row(rows, &nrows, false, files.v[i].version, files.v[i].name,
			        files.v[i].path);
			pending++;
		}
	qsort(rows, nrows, sizeof(*rows), cmp_row);

	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = '\0';
	if (json) {
		mx_buf_adds(&out, "{\"repo\":");
		mx_json_add_string(&out, r->module, strlen(r->module));
		mx_buf_addf(&out, ",\"pending\":%zu,\"migrations\":[", pending);
		for (size_t i = 0; i < nrows; i++) {
			const char *p = rows[i].path;
			size_t n = strlen(cwd);
			if (p && n && !strncmp(p, cwd, n) && p[n] == '/')
				p += n + 1;
			mx_buf_addf(&out,
			            "%s{\"status\":\"%s\",\"version\":%lld,\"name\":", i ? "," : "",
			            rows[i].up ? "up" : "down", (long long)rows[i].version);
			const char *name = rows[i].path ? rows[i].name : "";
			mx_json_add_string(&out, name, strlen(name));
			mx_buf_adds(&out, ",\"file\":");
			if (p)
				mx_json_add_string(&out, p, strlen(p));
			else
				mx_buf_adds(&out, "null");
			mx_buf_addch(&out, '}');
		}
		mx_buf_adds(&out, "]}\n");
	} else {
		mx_buf_addf(&out,
		            "\nRepo: %s\n\n  Status    Migration ID    Migration Name\n"
		            "--------------------------------------------------\n",
		            r->module);
		for (size_t i = 0; i < nrows; i++)
			mx_buf_addf(&out, "%s  %-10s%-16lld%s", i ? "\n" : "",
			            rows[i].up ? "up" : "down", (long long)rows[i].version,
			            rows[i].name);
		mx_buf_adds(&out, "\n\n");
	}
	fwrite(out.buf, 1, out.len, stdout);
	ret = (o->exit_code && pending) ? EM_EXIT_PENDING : MX_EXIT_OK;
out:
	free(rows);
	free(v);
	em_conn_close(&c);
	em_files_clear(&files);
	mx_buf_release(&out);
	return ret;
}

static const struct mx_option options[] = {
    EM_OPT_REPO,
    EM_OPT_MIGRATIONS_PATH,
    MX_OPT_STR_("prefix", 0, &em_options.prefix, "PREFIX",
                "The prefix (schema) of schema_migrations"),
    EM_OPT_COMPILE,
    EM_OPT_MIXLESS,
    EM_OPT_LOCK,
    MX_OPT_STR_("format", 0, &em_options.format, "FORMAT", "text (default) or json"),
    MX_OPT_BOOL_("exit-code", 0, &em_options.exit_code, "Exit 1 when migrations are pending"),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	return em_each_repo(migrations_repo);
}

const struct mx_command em_cmd_migrations = {
    .name = "migrations",
    .task = "ecto.migrations",
    .tool = "ecto-migrate",
    .shortdoc = "Displays the repository migration status",
    .doc = "Displays the repository migration status, as `mix ecto.migrations` does.\n"
           "\n"
           "For each repo, a table of every migration: \"up\" when applied, \"down\"\n"
           "when pending, and \"** FILE NOT FOUND **\" for a version the database\n"
           "holds but no file has, sorted by version, in Ecto's layout. Nothing is\n"
           "changed.\n"
           "\n"
           "  ecto-migrate migrations\n"
           "  ecto-migrate migrations --format json\n"
           "  ecto-migrate migrations --exit-code || echo \"migrations pending\"\n"
           "\n"
           "Beyond mix: --format json prints the same rows for programs, and\n"
           "--exit-code exits 1 when a migration is pending (as git diff\n"
           "--exit-code), for CI steps and deploy gates.\n",
    .options = options,
    .fn = run,
};
