/*
 * oban: Oban.Migrations.up/down translated ahead, chosen at run time (see
 * oban.h for why it is split that way).
 *
 * What follows Oban.Migrations.Postgres: the options and their defaults
 * (with_defaults/2), the range of versions up/1 and down/1 walk, given the
 * version migrated_version/1 reads from the comment on oban_jobs, and the
 * comment record_version/2 writes at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddl.h"
#include "exs/ast.h"
#include "exs/eval.h"
#include "oban.h"

void em_oban_free(struct em_oban *o)
{
	if (!o)
		return;
	for (size_t v = 0; v < sizeof(o->chunk) / sizeof(o->chunk[0]); v++)
		em_plan_release(&o->chunk[v]);
	em_plan_release(&o->record);
	free(o->escaped);
	free(o->call);
	free(o);
}

/* ---- Other libraries' helpers, refused by name ---------------------------- */

static const struct {
	const char *prefix; /* a module, or a namespace when it ends with '.' */
	const char *what;
} refused[] = {
    {"Oban.Pro.", "Oban Pro's migrations (a commercial library whose DDL ecto-migrate does "
                  "not carry; only open-source Oban's Oban.Migrations.up/down are built in)"},
    {"Oban.Met.", "Oban Met's code (only Oban.Migrations.up/down are built in)"},
    {"Oban.Web.", "Oban Web's code (only Oban.Migrations.up/down are built in)"},
    {"ErrorTracker.Migration", "ErrorTracker's migrations (a library's helper: not built in)"},
    {"Carbonite.Migrations", "Carbonite's migrations (a library's helper: not built in)"},
    {"FunWithFlags.", "FunWithFlags' code (a library's helper: not built in)"},
    {"Exq.", "Exq's code (a library's helper: not built in)"},
};

const char *em_oban_refusal(const char *module)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const char *p = refused[i].prefix;
		size_t n = strlen(p);
		bool match;
		if (p[n - 1] == '.') /* the namespace or any module in it */
			match = !strncmp(module, p, n) ||
			        (!strncmp(module, p, n - 1) && module[n - 1] == '\0');
		else
			match = !strcmp(module, p);
		if (match)
			return refused[i].what;
	}
	return NULL;
}

/* ---- Options -------------------------------------------------------------- */

struct opts {
	const struct mx_term *prefix; /* a binary */
	const struct mx_term *version;
	bool unlogged, create_schema;
};

/* Enum.into(opts, %{...}): the last value given for key wins. */
static const struct mx_term *last_kw(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = NULL;
	for (size_t i = 0; kw && i < kw->u.list.n; i++) {
		const struct mx_term *it = kw->u.list.items[i];
		if (it->type == MX_TERM_TUPLE && it->u.tuple.n == 2 &&
		    mx_term_is_atom(it->u.tuple.items[0], key))
			v = it->u.tuple.items[1];
	}
	return v;
}

/* with_defaults/2. Returns 0, or -1 with r set as Elixir would raise. */
static int read_opts(struct mx_arena *a, const struct mx_term *kw, long dflt_version,
                     const char *fun, struct opts *o, struct em_ddl_raise *r)
{
	const struct mx_term *v;

	if (kw && (kw->type != MX_TERM_LIST || kw->u.list.tail))
		return em_ddl_raise(r, "FunctionClauseError", "no function clause matching in %s",
		                    fun);
	for (size_t i = 0; kw && i < kw->u.list.n; i++) {
		const struct mx_term *it = kw->u.list.items[i];
		if (it->type != MX_TERM_TUPLE || it->u.tuple.n != 2)
			return em_ddl_raise_inspect(r, "ArgumentError",
			                            "cannot convert the given list to a map: %s",
			                            kw, NULL);
	}
	o->prefix = last_kw(kw, "prefix");
	if (!o->prefix)
		o->prefix = mx_term_string(a, "public");
	if (o->prefix->type != MX_TERM_BINARY)
		return em_ddl_raise(r, "FunctionClauseError",
		                    "no function clause matching in String.replace/4");
	o->version = last_kw(kw, "version");
	if (!o->version)
		o->version = mx_term_int(a, dflt_version);
	if (o->version->type != MX_TERM_INT)
		return em_ddl_raise_inspect(
		    r, "ArgumentError",
		    "ranges (first..last) expect both sides to be integers, "
		    "got: %s",
		    o->version, NULL);
	v = last_kw(kw, "unlogged");
	o->unlogged = v ? mx_term_truthy(v) : true;
	v = last_kw(kw, "create_schema");
	o->create_schema = v ? mx_term_truthy(v) : !mx_term_is_string(o->prefix, "public");
	return 0;
}

/* ---- Which release -------------------------------------------------------- */

/* Which carried release a locked version creates its tables as: 23 for
 * 2.23.x, 22 for 2.22.x and 2.21.1 on (2.21.1 moved v9 and v14 to ALTER TYPE,
 * as 2.22 ships them; 2.22 only made v6's up/1 return :ok, which nothing
 * sees), or -1 for another release. */
static int carried_release(const char *version)
{
	char *end;
	long major, minor, patch = 0;

	major = strtol(version, &end, 10);
	if (*end != '.')
		return -1;
	minor = strtol(end + 1, &end, 10);
	if (*end == '.')
		patch = strtol(end + 1, &end, 10);
	if (*end != '\0' && *end != '-')
		return -1;
	if (major != 2)
		return -1;
	if (minor == 23)
		return 23;
	if (minor == 22 || (minor == 21 && patch >= 1))
		return 22;
	return -1;
}

/* ---- Translating a version's commands ------------------------------------- */

struct bound {
	struct mx_term *args[5]; /* p, q, e, unlogged, create */
};

/* Runs body (Elixir statements over the bound variables) as a callback of
 * its own into plan, going the outer context's way. Returns 0 (plan filled,
 * or failed as Ecto would raise), or -1 with err (a translation error). */
static int run_body(struct em_oban_env *env, const char *what, const char *body,
                    const struct bound *b, struct em_plan *plan, const struct mx_ast *at,
                    struct mx_err *err)
{
	struct em_ddl_ctx *outer = env->outer;
	struct mx_arena *a = outer->arena;
	struct em_ddl_ctx sub;
	struct mx_buf src = MX_BUF_INIT;
	struct mx_ast *ast = NULL;
	struct mx_term *fun = NULL, *out = NULL;
	struct mx_err e = MX_ERR_INIT;
	char *file, *text;
	size_t len;
	int ret = -1;

	/* The file name and text live in the arena: the tree points at them. */
	file = mx_arena_strdup(a, what);
	mx_buf_addf(&src, "fn p, q, e, unlogged, create ->\n%send\n", body);
	text = mx_arena_alloc(a, src.len + 1);
	memcpy(text, src.buf, src.len + 1);
	len = src.len;
	mx_buf_release(&src);
	if (mx_exs_parse(a, file, text, len, &ast, err) < 0 ||
	    mx_eval_expr(env->ev, ast, &fun, err) < 0)
		return -1;

	em_ddl_ctx_init(&sub, a, outer->cfg, outer->direction, plan);
	sub.migrator_down = outer->migrator_down;
	sub.has_down = outer->has_down;
	sub.module = outer->module;
	sub.disable_ddl_transaction = outer->disable_ddl_transaction;
	env->use_ctx(env->host, &sub);
	if (mx_eval_call_fun(env->ev, fun, (struct mx_term **)b->args, 5, at, &out, &e) < 0) {
		if (!sub.raise.raised) {
			*err = e;
			goto done;
		}
	} else if (em_ddl_flush(&sub) == 0) {
		ret = 0;
		goto done;
	}
	/* Ecto raised: the plan fails there, with the Oban call's position. */
	plan->failed = true;
	snprintf(plan->exception, sizeof(plan->exception), "%s", sub.raise.exception);
	mx_err_at(&plan->error, MX_ERR_EVAL, at->file, at->line, at->col, "%s", sub.raise.err.msg);
	ret = 0;
done:
	env->use_ctx(env->host, outer);
	em_ddl_ctx_release(&sub);
	return ret;
}

static struct em_oban *translate(struct em_oban_env *env, const struct mx_eval_call *c, bool up,
                                 int release, const struct opts *o, struct mx_err *err)
{
	struct mx_arena *a = env->outer->arena;
	struct em_oban *ob = mx_xcalloc(1, sizeof(*ob));
	struct mx_buf q = MX_BUF_INIT, e = MX_BUF_INIT, body = MX_BUF_INIT, call = MX_BUF_INIT;
	struct bound b;
	long lo, hi, rec;
	size_t len;

	ob->up = up;
	ob->target = (long)o->version->u.i;
	ob->backward = env->outer->direction == EM_DDL_BACKWARD;
	ob->infinity = release >= 23;
	mx_term_inspect(o->prefix, &q);
	/* 2.23 doubles a quote; 2.22 put a backslash before it. */
	for (size_t i = 0; i < o->prefix->u.bin.len; i++) {
		char ch = o->prefix->u.bin.data[i];
		if (ch == '\'')
			mx_buf_add(&e, release >= 23 ? "'" : "\\", 1);
		mx_buf_add(&e, &ch, 1);
	}
	b.args[0] = (struct mx_term *)o->prefix;
	b.args[1] = mx_term_binary(a, q.buf, q.len);
	b.args[2] = mx_term_binary(a, e.buf, e.len);
	b.args[3] = mx_term_bool(a, o->unlogged);
	b.args[4] = mx_term_bool(a, o->create_schema);
	ob->escaped = mx_buf_detach(&e, &len);

	mx_buf_addf(&call, "%s.%s(", c->module, c->name);
	if (c->nargs == 1)
		mx_term_inspect(c->args[0], &call);
	mx_buf_adds(&call, ")");
	ob->call = mx_buf_detach(&call, &len);

	/* The versions that can run: up walks from 1 or the current one to the
	 * target; down from the current one (at most the latest Oban knows)
	 * down to the target. */
	lo = up ? 1 : ob->target;
	hi = up ? ob->target : EM_OBAN_LATEST;
	if (lo < 1)
		lo = 1;
	if (hi > EM_OBAN_LATEST)
		hi = EM_OBAN_LATEST;
	for (long v = lo; v <= hi; v++) {
		char what[64];
		snprintf(what, sizeof(what), "Oban.Migrations.Postgres.V%02ld.%s/1", v,
		         up ? "up" : "down");
		if (run_body(env, what, em_oban_version_source((int)v, up), &b, &ob->chunk[v],
		             c->node, err) < 0)
			goto fail;
	}
	/* record_version/2: the version reached, unless it is 0. */
	rec = up ? ob->target : ob->target - 1;
	if (rec != 0) {
		mx_buf_addf(&body, "execute \"COMMENT ON TABLE #{q}.oban_jobs IS '%ld'\"\n", rec);
		if (run_body(env, "Oban.Migrations.Postgres.record_version/2", body.buf, &b,
		             &ob->record, c->node, err) < 0)
			goto fail;
	}
	mx_buf_release(&q);
	mx_buf_release(&body);
	return ob;
fail:
	mx_buf_release(&q);
	mx_buf_release(&body);
	em_oban_free(ob);
	return NULL;
}

int em_oban_call(struct em_oban_env *env, const struct mx_eval_call *c, struct mx_term **result,
                 struct mx_err *err)
{
	struct em_ddl_ctx *outer = env->outer;
	struct mx_arena *a = outer->arena;
	bool migration = !strcmp(c->module, "Oban.Migration");
	bool up;
	int release;
	char fun[64];
	struct opts o = {NULL, NULL, false, false};
	struct em_oban *ob;
	struct em_step s;

	if (!migration && strcmp(c->module, "Oban.Migrations"))
		return 0;
	if (migration && !strcmp(c->name, "current_version") && c->nargs <= 1) {
		/* Oban.Migrations.Postgres.current_version/0: the latest it ships. */
		*result = mx_term_int(a, EM_OBAN_LATEST);
		return 1;
	}
	if (migration && !strcmp(c->name, "migrated_version") && c->nargs <= 1)
		return mx_err_at(
		    err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		    "Oban.Migration.migrated_version/%zu queries the database while the "
		    "migration is evaluated, which ecto-migrate cannot do; call "
		    "Oban.Migrations.up/1 or down/1, which find the version themselves",
		    c->nargs);
	if ((strcmp(c->name, "up") && strcmp(c->name, "down")) || c->nargs > 1)
		return 0;
	up = !strcmp(c->name, "up");
	release =
	    outer->cfg && outer->cfg->oban_version ? carried_release(outer->cfg->oban_version) : 23;
	if (release < 0)
		return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		                 "%s.%s/%zu: mix.lock locks oban %s, whose migrations are not the "
		                 "ones ecto-migrate carries (those of Oban 2.21.1 to 2.23, v1 to "
		                 "v%d: earlier releases create some versions differently); run "
		                 "this migration with mix, or update oban",
		                 c->module, c->name, c->nargs, outer->cfg->oban_version,
		                 EM_OBAN_LATEST);
	/* Oban.Migrations delegates to Oban.Migration, whose guard raises. */
	snprintf(fun, sizeof(fun), "Oban.Migration.%s/1", c->name);
	outer->raise.raised = false;
	if (read_opts(a, c->nargs ? c->args[0] : NULL, up ? EM_OBAN_LATEST : 1, fun, &o,
	              &outer->raise) < 0)
		return -2;
	ob = translate(env, c, up, release, &o, err);
	if (!ob)
		return -1;
	memset(&s, 0, sizeof(s));
	s.sql = (struct mx_strvec)MX_STRVEC_INIT;
	s.oban = ob;
	if (em_ddl_queue_step(outer, &s) < 0)
		return -2;
	/* change/2 ends with record_version/2, whose execute/1 returns :ok;
	 * up/1 with nothing to do returns :ok too, down/1 nil. */
	*result = mx_term_atom(a, "ok");
	return 1;
}

/* ---- At run time ---------------------------------------------------------- */

void em_oban_version_query(const struct em_oban *o, struct mx_buf *sql)
{
	mx_buf_addf(sql,
	            "SELECT pg_catalog.obj_description(pg_class.oid, 'pg_class')\n"
	            "FROM pg_class\n"
	            "LEFT JOIN pg_namespace ON pg_namespace.oid = pg_class.relnamespace\n"
	            "WHERE pg_class.relname = 'oban_jobs'\n"
	            "AND pg_namespace.nspname = '%s'\n",
	            o->escaped);
}

/* A plan that raises msg, for what Oban raises on itself. */
static void fail_plan(struct em_plan *p, const char *exception, const char *msg)
{
	memset(p, 0, sizeof(*p));
	p->failed = true;
	snprintf(p->exception, sizeof(p->exception), "%s", exception);
	snprintf(p->error.msg, sizeof(p->error.msg), "%s", msg);
}

/* String.to_integer/1: an optional sign and decimal digits, nothing else. */
static bool to_integer(const char *s, long *out)
{
	const char *p = s + (*s == '+' || *s == '-');
	char *end;
	if (!*p)
		return false;
	for (const char *d = p; *d; d++)
		if (*d < '0' || *d > '9')
			return false;
	*out = strtol(s, &end, 10);
	return true;
}

int em_oban_select(const struct em_oban *o, int rows, const char *value, const struct em_plan **out,
                   struct em_plan *raise_plan)
{
	bool infinity = false;
	long initial = 0, from, to, step;
	size_t n = 0;

	if (rows == 1 && value) {
		if (o->infinity && !strcmp(value, "\xe2\x88\x9e")) { /* "∞" */
			infinity = true;
		} else if (!to_integer(value, &initial)) {
			fail_plan(raise_plan, "ArgumentError",
			          "errors were found at the given arguments:\n\n  * 1st argument: "
			          "not a textual representation of an integer\n");
			return -1;
		}
	}
	if (o->up) {
		/* :infinity is above every integer: nothing to do. */
		if (infinity || (initial != 0 && initial >= o->target))
			return 0;
		from = initial == 0 ? 1 : initial + 1;
		to = o->target;
		step = from <= to ? 1 : -1;
	} else {
		if (infinity) {
			char m[160];
			snprintf(m, sizeof(m),
			         "ranges (first..last//step) expect both sides to be integers and "
			         "the step to "
			         "be a non-zero integer, got: "
			         ":infinity..%ld//-1",
			         o->target);
			fail_plan(raise_plan, "ArgumentError", m);
			return -1;
		}
		if (initial < 1)
			initial = 1;
		if (initial < o->target)
			return 0;
		from = initial;
		to = o->target;
		step = -1;
	}
	for (long v = from;; v += step) {
		if (v < 1 || v > EM_OBAN_LATEST) {
			/* Oban has no module for it: apply/3 raises, before anything
			 * queued runs. */
			char mod[64], m[200];
			snprintf(mod, sizeof(mod), "Oban.Migrations.Postgres.V%02ld", v);
			snprintf(m, sizeof(m),
			         "function %s.%s/1 is undefined (module %s is not available)", mod,
			         o->up ? "up" : "down", mod);
			fail_plan(raise_plan, "UndefinedFunctionError", m);
			out[0] = raise_plan;
			return 1;
		}
		out[n++] = &o->chunk[v];
		if (v == to)
			break;
	}
	out[n++] = &o->record;
	if (o->backward) {
		/* Ecto runs a rolled-back change/0's commands last first. */
		for (size_t i = 0; i < n / 2; i++) {
			const struct em_plan *t = out[i];
			out[i] = out[n - 1 - i];
			out[n - 1 - i] = t;
		}
	}
	/* Nothing runs after a raise. */
	for (size_t i = 0; i < n; i++)
		if (out[i]->failed)
			return (int)i + 1;
	return (int)n;
}
