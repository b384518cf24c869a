/*
 * custom: a project's own task (tasks/<name>), run as mix runs a task that
 * declares @requirements ["app.config"]: in the project root, with the
 * project's resolved config at hand. An executable cannot read the config
 * from mixless, so the parts a task needs go into its environment:
 *
 *   MIX_ENV               the env the config was read for
 *   MIXLESS_APP           the app name ("hello")
 *   MIXLESS_PROJECT_ROOT  the root (where mix.exs is); also the cwd
 *   DATABASE_URL          the first of :ecto_repos, resolved as ecto_sql
 *                         would connect (its :url, or one built from
 *                         hostname, port, username, password, database);
 *                         never printed
 *   MIXLESS_ENDPOINT_URL  the endpoint's URL, as <Web>.Endpoint.url()
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "commands.h"
#include "diag.h"

/* RFC 3986 userinfo: what is not unreserved is %-encoded. */
static void add_encoded(struct mx_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			mx_buf_addch(b, *p);
		else
			mx_buf_addf(b, "%%%02X", *p);
	}
}

static void database_url(const struct mx_project *p, struct mx_buf *out)
{
	struct mx_strvec repos = MX_STRVEC_INIT;
	struct mx_repo_config rc;
	struct mx_err err = MX_ERR_INIT;

	if (mx_project_ecto_repos(p, &repos, &err) < 0 || !repos.n ||
	    mx_project_repo_config(p, repos.v[0], &rc, &err) < 0)
		goto out;
	if (rc.url) {
		mx_buf_adds(out, rc.url);
		goto out;
	}
	mx_buf_adds(out, "postgres://");
	if (rc.username) {
		add_encoded(out, rc.username);
		if (rc.password) {
			mx_buf_addch(out, ':');
			add_encoded(out, rc.password);
		}
		mx_buf_addch(out, '@');
	}
	mx_buf_adds(out, rc.hostname ? rc.hostname : "localhost");
	if (rc.port)
		mx_buf_addf(out, ":%d", rc.port);
	mx_buf_addch(out, '/');
	if (rc.database)
		add_encoded(out, rc.database);
out:
	mx_strvec_clear(&repos);
}

static const char *kw_string(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = kw ? mx_term_kw_get(kw, key) : NULL;
	return v && v->type == MX_TERM_BINARY ? v->u.bin.data : NULL;
}

static long kw_int(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = kw ? mx_term_kw_get(kw, key) : NULL;
	return v && v->type == MX_TERM_INT ? (long)v->u.i : 0;
}

/* Phoenix.Endpoint's url(): scheme, host and port of its :url config,
 * the port defaulting to the :http (else :https) listener's, and left out
 * when it is the scheme's default. */
static void endpoint_url(const struct mx_project *p, struct mx_buf *out)
{
	const struct mx_term *ep = mx_project_endpoint_config(p);
	if (!ep)
		return;
	const struct mx_term *url = mx_term_kw_get(ep, "url");
	const struct mx_term *http = mx_term_kw_get(ep, "http");
	const struct mx_term *https = mx_term_kw_get(ep, "https");
	const char *scheme = kw_string(url, "scheme");
	if (!scheme)
		scheme = (https && !http) ? "https" : "http";
	const char *host = kw_string(url, "host");
	long port = kw_int(url, "port");
	if (!port)
		port = kw_int(!strcmp(scheme, "https") ? https : http, "port");
	if (!port)
		port = !strcmp(scheme, "https") ? 443 : 80;
	mx_buf_addf(out, "%s://%s", scheme, host ? host : "localhost");
	if (!((port == 80 && !strcmp(scheme, "http")) || (port == 443 && !strcmp(scheme, "https"))))
		mx_buf_addf(out, ":%ld", port);
	const char *path = kw_string(url, "path");
	if (path && strcmp(path, "/"))
		mx_buf_adds(out, path);
}

int mixless_run_custom(struct mixless_proj *mp, const struct mixless_custom *c, int argc,
                       char **argv)
{
	struct mx_project *p = &mp->p;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf db = MX_BUF_INIT, ep = MX_BUF_INIT;
	struct mx_strvec args = MX_STRVEC_INIT;
	int ret;

	/* mix.exs is read already (for the aliases): only the config now */
	if (chdir(p->root) < 0) {
		mx_err_errno(&err, "cannot change to", p->root);
		ret = mx_diag_error(&err);
		goto out;
	}
	if (mx_project_load_config(p, NULL, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	setenv("MIX_ENV", p->env, 1);
	setenv("MIXLESS_PROJECT_ROOT", p->root, 1);
	if (p->app)
		setenv("MIXLESS_APP", p->app, 1);
	database_url(p, &db);
	if (db.len)
		setenv("DATABASE_URL", db.buf, 1);
	endpoint_url(p, &ep);
	if (ep.len)
		setenv("MIXLESS_ENDPOINT_URL", ep.buf, 1);
	mx_strvec_push(&args, c->path);
	for (int i = 0; i < argc; i++)
		mx_strvec_push(&args, argv[i]);
	execv(c->path, args.v);
	ret = mx_diag_fail(MX_EXIT_FAIL, "cannot run '%s': %s", c->path, strerror(errno));
out:
	mx_strvec_clear(&args);
	mx_buf_release(&db);
	mx_buf_release(&ep);
	return ret;
}
