/*
 * repo: which repos to run on and their config. -r/--repo replaces the
 * project's :ecto_repos (as in Ecto); the connection comes from --url, else
 * DATABASE_URL, else the repo's config for MIX_ENV.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "fsutil.h"
#include "project/ecto_sql.h"
#include "project/project.h"

void em_repo_release(struct em_repo *r)
{
	if (!r)
		return;
	char **fields[] = {
	    &r->module,
	    &r->root,
	    &r->priv,
	    &r->url,
	    &r->hostname,
	    &r->port,
	    &r->username,
	    &r->password,
	    &r->database,
	    &r->socket_dir,
	    &r->maintenance_database,
	    &r->sslmode,
	    &r->template,
	    &r->lc_ctype,
	    &r->lc_collate,
	    &r->encoding,
	    &r->timezone,
	    &r->migration_source,
	    &r->default_prefix,
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		free(*fields[i]);
		*fields[i] = NULL;
	}
	for (size_t i = 0; i < sizeof(r->ddl_strings) / sizeof(r->ddl_strings[0]); i++) {
		free(r->ddl_strings[i]);
		r->ddl_strings[i] = NULL;
	}
}

/* The project, entered once; its config terms stay in its arena, which the
 * repos' DDL config points into, until em_repos_free. project_loaded: its
 * config can be used. */
static struct mx_project project = MX_PROJECT_INIT;
static bool project_loaded;

void em_repos_free(struct em_repo *repos, size_t n)
{
	for (size_t i = 0; repos && i < n; i++)
		em_repo_release(&repos[i]);
	free(repos);
	mx_project_release(&project);
	project_loaded = false;
}

/* Macro.underscore of one alias segment: "MyRepo" -> "my_repo". */
static void underscore(struct mx_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isupper(c)) {
			bool prev_lower = i > 0 && (islower((unsigned char)s[i - 1]) ||
			                            isdigit((unsigned char)s[i - 1]));
			bool next_lower = i + 1 < n && islower((unsigned char)s[i + 1]);
			bool prev_upper = i > 0 && isupper((unsigned char)s[i - 1]);
			if (prev_lower || (prev_upper && next_lower))
				mx_buf_addch(out, '_');
			mx_buf_addch(out, tolower(c));
		} else {
			mx_buf_addch(out, c);
		}
	}
}

static void repo_defaults(struct em_repo *r, const char *module, const char *root, const char *env)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *last = strrchr(module, '.');

	memset(r, 0, sizeof(*r));
	r->module = mx_xstrdup(module);
	r->root = mx_xstrdup(root);
	last = last ? last + 1 : module;
	mx_buf_adds(&b, "priv/");
	underscore(&b, last, strlen(last));
	r->priv = mx_buf_detach(&b, NULL);
	r->migration_lock = true;
	r->lock_kind = EM_LOCK_TABLE;
	r->advisory_retry_ms = 5000;
	r->advisory_max_tries = -1;
	/* Phoenix's mix.exs: start_permanent: Mix.env() == :prod. */
	r->start_permanent = env && !strcmp(env, "prod");
	r->ddl = (struct em_ddl_config)EM_DDL_CONFIG_INIT;
}

/* The project (config terms stay in its arena, which the repos' DDL config
 * points into), alive until em_repos_free. */
static char *dup_or_null(const char *s)
{
	return s ? mx_xstrdup(s) : NULL;
}

/* A keyword value as a string (string or atom), or NULL. */
static const char *kw_str(const struct mx_term *kw, const char *key)
{
	const struct mx_term *t = kw ? mx_term_kw_get(kw, key) : NULL;
	if (!t || mx_term_is_nil(t))
		return NULL;
	if (t->type == MX_TERM_BINARY)
		return t->u.bin.data;
	if (t->type == MX_TERM_ATOM)
		return t->u.atom.name;
	return NULL;
}

static long kw_int(const struct mx_term *kw, const char *key, long dflt)
{
	const struct mx_term *t = kw ? mx_term_kw_get(kw, key) : NULL;
	return t && t->type == MX_TERM_INT ? (long)t->u.i : dflt;
}

/* A module-typed DDL option: "bigserial" from type: :bigserial. */
static const char *kw_type(const struct mx_term *kw)
{
	const struct mx_term *t = kw && mx_term_is_keyword(kw) ? mx_term_kw_get(kw, "type") : NULL;
	return t && t->type == MX_TERM_ATOM ? t->u.atom.name : NULL;
}

/* Fills r from the project's config for its repo. */
static int apply_config(struct em_repo *r, const struct mx_repo_config *rc)
{
	const struct mx_term *kw = rc->kw;
	char port[16];

	free(r->priv);
	r->priv = mx_xstrdup(rc->priv_path);
	if (!r->url)
		r->url = dup_or_null(rc->url);
	r->hostname = dup_or_null(rc->hostname);
	if (rc->port > 0) {
		snprintf(port, sizeof(port), "%d", rc->port);
		r->port = mx_xstrdup(port);
	}
	r->username = dup_or_null(rc->username);
	r->password = dup_or_null(rc->password);
	r->database = dup_or_null(rc->database);
	r->socket_dir = dup_or_null(rc->socket_dir);
	if (rc->ssl && mx_term_truthy(rc->ssl))
		r->sslmode = mx_xstrdup("require");
	r->maintenance_database = dup_or_null(kw_str(kw, "maintenance_database"));
	r->template = dup_or_null(kw_str(kw, "template"));
	r->lc_ctype = dup_or_null(kw_str(kw, "lc_ctype"));
	r->lc_collate = dup_or_null(kw_str(kw, "lc_collate"));
	r->encoding = dup_or_null(kw_str(kw, "encoding"));
	{
		const struct mx_term *tz = kw ? mx_term_kw_get(kw, "timezone") : NULL;
		r->no_timezone = tz && mx_term_is_nil(tz);
		r->timezone = dup_or_null(kw_str(kw, "timezone"));
	}
	r->migration_source = dup_or_null(rc->migration_source);
	{
		const struct mx_term *st = kw ? mx_term_kw_get(kw, "stacktrace") : NULL;
		r->stacktrace = st && mx_term_is_atom(st, "true");
	}
	r->default_prefix = dup_or_null(rc->migration_default_prefix);
	if (rc->migration_lock) {
		if (mx_term_is_atom(rc->migration_lock, "false") ||
		    mx_term_is_nil(rc->migration_lock))
			r->migration_lock = false;
		else if (mx_term_is_atom(rc->migration_lock, "pg_advisory_lock"))
			r->lock_kind = EM_LOCK_ADVISORY;
	}
	r->advisory_retry_ms = kw_int(kw, "migration_advisory_lock_retry_interval_ms", 5000);
	r->advisory_max_tries = kw_int(kw, "migration_advisory_lock_max_tries", -1);
	/* The DDL settings: the translator reads the terms themselves. */
	r->ddl.primary_key_opts = rc->migration_primary_key;
	r->ddl.foreign_key_opts = rc->migration_foreign_key;
	r->ddl.timestamps_opts = rc->migration_timestamps;
	if (rc->migration_primary_key && mx_term_is_atom(rc->migration_primary_key, "false"))
		r->ddl.primary_key_disabled = true;
	r->ddl.primary_key_type = kw_type(rc->migration_primary_key);
	r->ddl.foreign_key_type = kw_type(rc->migration_foreign_key);
	r->ddl.timestamps_type = kw_type(rc->migration_timestamps);
	return 0;
}

int em_repos_resolve(const struct em_opts *o, struct em_repo **repos, size_t *n, struct mx_err *err)
{
	struct mx_strvec mods = MX_STRVEC_INIT;
	struct mx_err perr = MX_ERR_INIT;
	struct mx_ecto_sql_choice ecto_sql;
	struct mx_project_opts popts = {.dir = o->dir, .gently = true};
	const char *url;
	int ret = -1;

	*repos = NULL;
	*n = 0;
	url = o->url ? o->url : getenv("DATABASE_URL");
	if (url && !*url)
		url = NULL;

	/* Without a mix.exs, the repo (-r) and the URL are enough. */
	if (mx_project_enter(&project, &popts, &perr) == 0) {
		project_loaded = project.found;
	} else if (project.found && url && o->repos.n) {
		/* A deploy image may hold a config the reader cannot
		 * evaluate; with the URL and repo given, go on. */
		mx_diag_warn("the project's config was not read (%s); using --url/DATABASE_URL",
		             perr.msg);
	} else {
		*err = perr;
		goto out;
	}

	for (size_t i = 0; i < o->repos.n; i++)
		mx_strvec_push(&mods, o->repos.v[i]);
	if (!mods.n && project_loaded) {
		if (mx_project_ecto_repos(&project, &mods, err) < 0)
			goto out;
		if (!mods.n) {
			/* ecto's parse_repo: a warning, and nothing to do */
			fprintf(
			    stderr,
			    "warning: could not find Ecto repos in any of the apps: [:%s].\n\n"
			    "You can avoid this warning by passing the -r flag or by setting the\n"
			    "repositories managed by those applications in your "
			    "config/config.exs:\n\n"
			    "    config :%s, ecto_repos: [...]\n\n",
			    project.app ? project.app : "", project.app ? project.app : "");
			ret = 0;
			goto out;
		}
	}
	if (!mods.n && o->dir) {
		/* -C DIR without mix.exs: what every tool says */
		*err = project.missing;
		goto out;
	}
	if (!mods.n) {
		mx_err_set(err, MX_ERR_CONFIG,
		           "no Ecto repo: no mix.exs in '%s' or above; pass the repo with -r (e.g. "
		           "-r MyApp.Repo)",
		           project.root);
		goto out;
	}
	/* One project, one mix.lock: every repo behaves as the same release. */
	mx_ecto_sql_choose(&project, &ecto_sql);
	*repos = mx_xcalloc(mods.n, sizeof(**repos));
	for (size_t i = 0; i < mods.n; i++) {
		struct em_repo *r = &(*repos)[i];
		repo_defaults(r, mods.v[i], project.root, project.env);
		*n = i + 1;
		/* Its env even when no mix.exs was found (MIX_ENV, else dev). */
		r->ddl.project = &project;
		r->ddl.ecto_sql = ecto_sql.release;
		if (url)
			r->url = mx_xstrdup(url);
		if (project_loaded) {
			struct mx_repo_config rc;
			const struct mx_term *sp;
			memset(&rc, 0, sizeof(rc));
			if (mx_project_repo_config(&project, r->module, &rc, err) < 0)
				goto out;
			apply_config(r, &rc);
			sp = project.project_kw
			         ? mx_term_kw_get(project.project_kw, "start_permanent")
			         : NULL;
			r->start_permanent = sp && mx_term_truthy(sp);
		}
		if (o->lock) {
			if (!strcmp(o->lock, "advisory") || !strcmp(o->lock, "pg_advisory_lock"))
				r->lock_kind = EM_LOCK_ADVISORY;
			else if (!strcmp(o->lock, "table") || !strcmp(o->lock, "table_lock"))
				r->lock_kind = EM_LOCK_TABLE;
			else {
				mx_err_set(err, MX_ERR_USAGE,
				           "option '--lock' expects table or advisory, got '%s'",
				           o->lock);
				goto out;
			}
		}
	}
	ret = 0;
out:
	if (ret < 0) {
		em_repos_free(*repos, *n);
		*repos = NULL;
		*n = 0;
	}
	mx_strvec_clear(&mods);
	return ret;
}

void em_repo_migrations_paths(const struct em_repo *r, const struct em_opts *o,
                              struct mx_strvec *out)
{
	struct mx_buf b = MX_BUF_INIT;
	if (o->migrations_paths.n) {
		/* Relative to where mix runs: the project root with -C, else
		 * the current directory. */
		for (size_t i = 0; i < o->migrations_paths.n; i++) {
			mx_buf_reset(&b);
			if (o->dir)
				mx_path_join(&b, r->root, o->migrations_paths.v[i]);
			else
				mx_buf_adds(&b, o->migrations_paths.v[i]);
			mx_strvec_push(out, b.buf);
		}
	} else {
		mx_path_join(&b, r->root, r->priv);
		mx_buf_adds(&b, "/migrations");
		mx_strvec_push(out, b.buf);
	}
	mx_buf_release(&b);
}
