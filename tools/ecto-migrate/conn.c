/*
 * conn: the libpq connection. Where ecto_sql goes through Postgrex, we go
 * through libpq, so everything libpq offers works (sslmode, Unix sockets,
 * PG* variables, .pgpass), and ecto's URL spellings are translated: the
 * ecto:// scheme, ?ssl=true, and Ecto-only query parameters (pool_size...)
 * that libpq would reject.
 *
 * Passwords never reach a message: libpq's own errors do not contain them,
 * and anything we print that holds a URL goes through em_redact().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "ecto_migrate.h"

static char last_state[6];
static char *last_detail, *last_hint, *last_tail;

const char *em_last_sqlstate(void)
{
	return last_state;
}

const char *em_last_detail(void)
{
	return last_detail ? last_detail : "";
}

const char *em_last_hint(void)
{
	return last_hint ? last_hint : "";
}

const char *em_last_postgrex_tail(void)
{
	return last_tail ? last_tail : "";
}

char *em_postgrex_tail(const char *table, const char *column, const char *constraint,
                       const char *hint, const char *detail)
{
	const char *keys[] = {"table", "column", "constraint", "hint"};
	const char *vals[] = {table, column, constraint, hint};
	struct mx_buf b = MX_BUF_INIT;
	bool any = false;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!vals[i] || !*vals[i])
			continue;
		if (!any)
			mx_buf_adds(&b, "\n");
		any = true;
		mx_buf_addf(&b, "\n    %s: %s", keys[i], vals[i]);
	}
	if (detail)
		mx_buf_addf(&b, "\n\n%s", detail);
	return mx_buf_detach(&b, NULL);
}

static char *postgrex_tail(const PGresult *res)
{
	if (!res)
		return NULL;
	return em_postgrex_tail(PQresultErrorField(res, PG_DIAG_TABLE_NAME),
	                        PQresultErrorField(res, PG_DIAG_COLUMN_NAME),
	                        PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME),
	                        PQresultErrorField(res, PG_DIAG_MESSAGE_HINT),
	                        PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
}

char *em_redact(const char *s)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *scheme = strstr(s, "://");
	mx_buf_adds(&b, s);
	if (scheme) {
		/* scheme://user:password@host -> scheme://user:*****@host */
		const char *auth = scheme + 3;
		const char *at = strchr(auth, '@');
		const char *slash = strchr(auth, '/');
		if (at && (!slash || at < slash)) {
			const char *colon = memchr(auth, ':', (size_t)(at - auth));
			if (colon) {
				size_t off = (size_t)(colon + 1 - s);
				mx_buf_setlen(&b, off);
				mx_buf_adds(&b, "*****");
				mx_buf_adds(&b, at);
			}
		}
	} else {
		/* conninfo: password=secret -> password=***** */
		char *p = strstr(b.buf, "password=");
		if (p) {
			struct mx_buf r = MX_BUF_INIT;
			const char *end = p + 9;
			if (*end == '\'') {
				end++;
				while (*end && *end != '\'')
					end += (*end == '\\' && end[1]) ? 2 : 1;
				if (*end)
					end++;
			} else {
				end += strcspn(end, " \t");
			}
			mx_buf_add(&r, b.buf, (size_t)(p - b.buf) + 9);
			mx_buf_adds(&r, "*****");
			mx_buf_adds(&r, end);
			mx_buf_release(&b);
			b = r;
		}
	}
	return mx_buf_detach(&b, NULL);
}

/* ---- Building the connection parameters -------------------------------- */

struct params {
	struct mx_strvec keys, vals;
};

static void param_set(struct params *p, const char *k, const char *v)
{
	long i = mx_strvec_find(&p->keys, k);
	if (!v)
		return;
	if (i >= 0) {
		free(p->vals.v[i]);
		p->vals.v[i] = mx_xstrdup(v);
		return;
	}
	mx_strvec_push(&p->keys, k);
	mx_strvec_push(&p->vals, v);
}

static const char *param_get(const struct params *p, const char *k)
{
	long i = mx_strvec_find(&p->keys, k);
	return i >= 0 ? p->vals.v[i] : NULL;
}

static bool libpq_keyword(const char *k)
{
	static PQconninfoOption *defs;
	if (!defs)
		defs = PQconndefaults();
	for (PQconninfoOption *o = defs; o && o->keyword; o++)
		if (!strcmp(o->keyword, k))
			return true;
	return false;
}

/* Rewrites an Ecto URL for libpq: scheme, and a query string filtered to
 * what libpq knows (ssl=true becomes sslmode=require). */
char *em_libpq_url(const char *url)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *rest = strstr(url, "://");
	const char *q;
	bool first = true;

	mx_buf_adds(&b, "postgresql://");
	rest = rest ? rest + 3 : url;
	q = strchr(rest, '?');
	mx_buf_add(&b, rest, q ? (size_t)(q - rest) : strlen(rest));
	while (q && *q) {
		const char *start = q + 1;
		const char *end = start + strcspn(start, "&");
		const char *eq = memchr(start, '=', (size_t)(end - start));
		char key[64];
		size_t kl = eq ? (size_t)(eq - start) : (size_t)(end - start);
		if (kl > 0 && kl < sizeof(key)) {
			memcpy(key, start, kl);
			key[kl] = '\0';
			if (!strcmp(key, "ssl") && eq) {
				bool on = !strncmp(eq + 1, "true", 4);
				mx_buf_adds(&b, first ? "?" : "&");
				mx_buf_adds(&b, on ? "sslmode=require" : "sslmode=disable");
				first = false;
			} else if (libpq_keyword(key)) {
				mx_buf_adds(&b, first ? "?" : "&");
				mx_buf_add(&b, start, (size_t)(end - start));
				first = false;
			}
		}
		q = *end ? end : NULL;
	}
	return mx_buf_detach(&b, NULL);
}

/* Parses the repo's URL into p. Returns 0, or -1 with err (never echoing the
 * password). */
static int params_from_url(struct params *p, const char *url, struct mx_err *err)
{
	char *fixed = em_libpq_url(url);
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(fixed, &perr);
	int ret = 0;

	if (!opts) {
		char *shown = em_redact(url);
		ret = mx_err_set(err, MX_ERR_CONFIG, "invalid database URL '%s': %s", shown,
		                 perr ? perr : "cannot parse");
		free(shown);
		if (ret < 0 && err) {
			/* libpq's message may not end cleanly */
			size_t n = strlen(err->msg);
			while (n && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
				err->msg[--n] = '\0';
		}
		goto out;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (o->val && *o->val)
			param_set(p, o->keyword, o->val);
out:
	PQfreemem(perr);
	if (opts)
		PQconninfoFree(opts);
	free(fixed);
	return ret;
}

static int build_params(struct params *p, const struct em_repo *r, bool maintenance,
                        struct mx_err *err)
{
	/* Config fields first, then the URL over them: Ecto merges the parsed
	 * :url over the repo's keyword config. */
	param_set(p, "host", r->socket_dir ? r->socket_dir : r->hostname);
	param_set(p, "port", r->port);
	param_set(p, "user", r->username);
	param_set(p, "password", r->password);
	param_set(p, "dbname", r->database);
	param_set(p, "sslmode", r->sslmode);
	if (r->url && params_from_url(p, r->url, err) < 0)
		return -1;
	if (maintenance)
		param_set(p, "dbname",
		          r->maintenance_database ? r->maintenance_database : "postgres");
	if (!param_get(p, "application_name"))
		param_set(p, "application_name", "ecto-migrate");
	return 0;
}

static void params_clear(struct params *p)
{
	if (!p)
		return;
	mx_strvec_clear(&p->keys);
	mx_strvec_clear(&p->vals);
}

char *em_repo_database(const struct em_repo *r)
{
	struct params p = {MX_STRVEC_INIT, MX_STRVEC_INIT};
	char *db = NULL;
	const char *v;
	if (build_params(&p, r, false, NULL) == 0) {
		v = param_get(&p, "dbname");
		if (!v)
			v = getenv("PGDATABASE");
		if (v && *v)
			db = mx_xstrdup(v);
	}
	params_clear(&p);
	return db;
}

/* ---- Notices ------------------------------------------------------------ */

/* Notices wait until the query's own log line is out: ecto_sql logs the
 * statement, then the messages execute_ddl returned. Each entry is the level
 * digit followed by the message. */
static struct mx_strvec pending_notices = MX_STRVEC_INIT;

static void flush_notices(void)
{
	for (size_t i = 0; i < pending_notices.n; i++)
		em_log((enum em_level)(pending_notices.v[i][0] - '0'), "%s",
		       pending_notices.v[i] + 1);
	mx_strvec_clear(&pending_notices);
}

static void on_notice(void *arg, const PGresult *res)
{
	struct em_conn *c = arg;
	const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	enum em_level lvl = EM_INFO;

	if (!c->log_notices || !msg)
		return;
	/* ecto_sql's ddl_log_level: DEBUG -> debug, WARNING -> warning,
	 * everything else a migration can see -> info. */
	if (sev && !strcmp(sev, "DEBUG"))
		lvl = EM_DEBUG;
	else if (sev && !strcmp(sev, "WARNING"))
		lvl = EM_WARNING;
	mx_strvec_pushf(&pending_notices, "%d%s", (int)lvl, msg);
}

/* ---- Connecting ----------------------------------------------------------- */

static void trim_libpq_message(struct mx_buf *b, const char *m)
{
	mx_buf_adds(b, m ? m : "unknown error");
	while (b->len && (b->buf[b->len - 1] == '\n' || b->buf[b->len - 1] == ' '))
		mx_buf_setlen(b, b->len - 1);
}

/* Worth waiting for: the server not up yet (refused, no socket, starting
 * up, unreachable). A wrong role, password or database name is not. */
static bool transient(const char *msg)
{
	static const char *permanent[] = {
	    "password authentication failed", "does not exist", "not permitted to log in",
	    "no pg_hba.conf entry",           "invalid",        "SSL",
	};
	for (size_t i = 0; i < sizeof(permanent) / sizeof(permanent[0]); i++)
		if (strstr(msg, permanent[i]))
			return false;
	return true;
}

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int em_conn_open(struct em_conn *c, const struct em_repo *r, bool maintenance,
                 const struct em_opts *o, struct mx_err *err)
{
	struct params p = {MX_STRVEC_INIT, MX_STRVEC_INIT};
	double deadline = 0;
	bool announced = false;
	int ret = -1;

	c->pg = NULL;
	if (build_params(&p, r, maintenance, err) < 0)
		goto out;
	if (o && o->wait) {
		long secs = *o->wait ? strtol(o->wait, NULL, 10) : 30;
		deadline = mono_now() + (double)(secs > 0 ? secs : 30);
	}
	for (;;) {
		struct mx_buf m = MX_BUF_INIT;
		c->pg = PQconnectdbParams((const char *const *)p.keys.v,
		                          (const char *const *)p.vals.v, 0);
		if (c->pg && PQstatus(c->pg) == CONNECTION_OK)
			break;
		trim_libpq_message(&m, c->pg ? PQerrorMessage(c->pg) : NULL);
		PQfinish(c->pg);
		c->pg = NULL;
		if (deadline > 0 && mono_now() < deadline && transient(m.buf)) {
			struct timespec ts = {0, 250 * 1000000L};
			if (!announced) {
				fprintf(stderr, "%s: waiting for the database of %s (%s)\n",
				        mx_diag_prog(), r->module, m.buf);
				announced = true;
			}
			mx_buf_release(&m);
			nanosleep(&ts, NULL);
			continue;
		}
		mx_err_set(err, MX_ERR_DB, "%s", m.buf);
		mx_buf_release(&m);
		goto out;
	}
	PQsetNoticeReceiver(c->pg, on_notice, c);
	ret = 0;
out:
	params_clear(&p);
	return ret;
}

void em_conn_close(struct em_conn *c)
{
	if (c && c->pg) {
		PQfinish(c->pg);
		c->pg = NULL;
	}
}

/* ---- Queries -------------------------------------------------------------- */

static void set_last(const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *d = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *h = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
	snprintf(last_state, sizeof(last_state), "%s", st ? st : "");
	free(last_detail);
	free(last_hint);
	free(last_tail);
	last_tail = postgrex_tail(res);
	last_detail = d ? mx_xstrdup(d) : NULL;
	last_hint = h ? mx_xstrdup(h) : NULL;
}

int em_exec(struct em_conn *c, const char *sql, int nparams, const char *const *params,
            const char *shown, PGresult **res, struct mx_err *err)
{
	struct timespec t0, t1;
	PGresult *r;
	ExecStatusType st;
	bool ok;
	long us;

	if (res)
		*res = NULL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (nparams > 0)
		r = PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0);
	else
		r = PQexec(c->pg, sql);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
	us = (long)((t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000L);
	if (c->log_sql) {
		/* Ecto.Adapters.SQL's log line: tenths of a millisecond,
		 * "QUERY OK source=\"t\" db=0.4ms queue=0.1ms idle=0.4ms". Ecto
		 * prints decode and queue only when they round to 0.1 ms or more,
		 * idle whenever the connection came from the pool; mixless has no
		 * pool, so no queue time, but the idle time of a connection used
		 * outside a transaction is real. */
		long tenths = us / 100;
		struct mx_buf src = MX_BUF_INIT, cal = MX_BUF_INIT;
		if (c->log_source)
			mx_buf_addf(&src, " source=\"%s\"", c->log_source);
		mx_buf_addf(&src, " db=%ld.%ldms", tenths / 10, tenths % 10);
		if (c->pooled) {
			/* Ecto prints idle even when 0.0 (queue only when not). */
			long idle = c->used ? (long)((t0.tv_sec - c->last_used.tv_sec) * 1000000L +
			                             (t0.tv_nsec - c->last_used.tv_nsec) / 1000L) /
			                          100
			                    : 0;
			mx_buf_addf(&src, " idle=%ld.%ldms", idle / 10, idle % 10);
		}
		if (c->log_caller) {
			/* ecto_sql writes IO.ANSI.light_black()/reset() into the
			 * message itself, so mix prints them even into a pipe;
			 * mixless leaves them out under NO_COLOR. */
			bool grey = !getenv("NO_COLOR") || !*getenv("NO_COLOR");
			mx_buf_addf(&cal, "\n%s\u21b3 %s%s", grey ? "\033[90m" : "", c->log_caller,
			            grey ? "\033[0m" : "");
		}
		em_log(EM_DEBUG, "QUERY %s%s\n%s %s%s", ok ? "OK" : "ERROR", src.buf, sql,
		       shown ? shown : "[]", cal.buf);
		mx_buf_release(&cal);
		mx_buf_release(&src);
	}
	c->used = true;
	c->last_used = t1;
	flush_notices();
	if (ok) {
		last_state[0] = '\0';
		if (res)
			*res = r;
		else
			PQclear(r);
		return 0;
	}
	set_last(r);
	if (r && PQresultErrorField(r, PG_DIAG_SQLSTATE)) {
		const char *sev = PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED);
		const char *name = em_sqlstate_name(last_state);
		const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
		mx_err_set(err, MX_ERR_DB, "%s %s (%s) %s", sev ? sev : "ERROR", last_state,
		           name ? name : "unknown", msg ? msg : "");
	} else {
		struct mx_buf m = MX_BUF_INIT;
		trim_libpq_message(&m, PQerrorMessage(c->pg));
		mx_err_set(err, MX_ERR_DB, "%s", m.buf);
		mx_buf_release(&m);
	}
	PQclear(r);
	return -1;
}

int em_conn_env(const struct em_repo *r, struct mx_strvec *env, struct mx_err *err)
{
	struct params p = {MX_STRVEC_INIT, MX_STRVEC_INIT};
	PQconninfoOption *defs = PQconndefaults();
	int ret = -1;

	if (build_params(&p, r, false, err) < 0)
		goto out;
	for (size_t i = 0; i < p.keys.n; i++) {
		for (PQconninfoOption *d = defs; d && d->keyword; d++) {
			if (!strcmp(d->keyword, p.keys.v[i]) && d->envvar) {
				mx_strvec_pushf(env, "%s=%s", d->envvar, p.vals.v[i]);
				break;
			}
		}
	}
	ret = 0;
out:
	if (defs)
		PQconninfoFree(defs);
	params_clear(&p);
	return ret;
}
