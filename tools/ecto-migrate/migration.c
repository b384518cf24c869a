/*
 * migration: reads one migration file and translates both of its directions
 * to SQL before anything runs (see migration.h).
 *
 * An .exs file is parsed and evaluated by the shared Elixir reader; the
 * Ecto.Migration calls its functions make arrive here through the
 * evaluator's host callback and go to the ddl layer, which queues Ecto's
 * command tuples and turns them into steps exactly as Ecto.Migration.Runner
 * and the PostgreSQL adapter would. The module's callback is run once per
 * direction (Ecto also runs change/0 afresh for a rollback, with direction/0
 * answering :down), so code that branches on direction() works.
 *
 * Three kinds of failure, kept apart on purpose:
 *   - the file cannot be read or parsed, or it does something only a running
 *     BEAM could (repo(), a query, execute(fn -> ... end), a call into the
 *     application's modules): em_migration_load fails with file:line:col;
 *   - Ecto itself would raise while running a direction (an irreversible
 *     command rolled back, a bad option, `raise` in the code): that plan is
 *     marked failed with Ecto's exception and message, and the runner
 *     reports it only if it runs that direction, as mix does;
 *   - everything else translates.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ddl.h"
#include "ecto_migrate.h"
#include "exs/ast.h"
#include "exs/eval.h"
#include "fsutil.h"
#include "migration.h"
#include "project/project.h"
#include "oban.h"
#include "sqlfile.h"

struct load {
	struct mx_arena *arena;
	struct em_migration *m;
	const struct em_ddl_config *cfg;
	struct em_ddl_ctx *ctx; /* NULL while the file body runs */
	size_t uses[16];        /* offsets of the `use Ecto.Migration` calls */
	size_t nuses;
	struct em_plan *plan;  /* the plan being built, NULL in the module body */
	const char *other_use; /* another `use`d module, for the error */
	const struct mx_ast *other_use_at;
	bool unsupported; /* a DSL call ecto-migrate cannot translate */
};

/* The file position of node n, for err. */
static int fail_at(struct mx_err *err, const struct mx_ast *n, const char *fmt, const char *msg)
{
	if (n)
		return mx_err_at(err, MX_ERR_EVAL, n->file, n->line, n->col, fmt, msg);
	return mx_err_set(err, MX_ERR_EVAL, fmt, msg);
}

/* Ecto.Query's and Ecto.Schema's macros, which a migration reaches through
 * `import Ecto.Query` or an inline schema: they build queries for the
 * running repo (or compile a schema module), so they need the application.
 * Named here so the refusal says so, instead of the evaluator's "undefined
 * variable" (from binds its variables only inside the macro) or "unsupported
 * call". NULL when name is none of them. */
static const char *app_only_macro(const char *module, const char *name)
{
	static const char *const query[] = {
	    "from",     "where",    "or_where", "select",  "select_merge", "join",
	    "order_by", "group_by", "having",   "limit",   "offset",       "distinct",
	    "preload",  "update",   "subquery", "dynamic", "exclude",      "windows"};
	static const char *const schema[] = {"schema", "embedded_schema", "field",
	                                     "belongs_to", "has_many", "has_one", "embeds_one",
	                                     "embeds_many", "many_to_many"};

	if (!module || !strcmp(module, "Ecto.Query"))
		for (size_t i = 0; i < sizeof(query) / sizeof(query[0]); i++)
			if (!strcmp(name, query[i]))
				return "Ecto.Query";
	if (!module || !strcmp(module, "Ecto.Schema"))
		for (size_t i = 0; i < sizeof(schema) / sizeof(schema[0]); i++)
			if (!strcmp(name, schema[i]))
				return "Ecto.Schema";
	return NULL;
}

static int fail_app_only(struct mx_err *err, const struct mx_eval_call *c, const char *lib)
{
	if (!strcmp(lib, "Ecto.Query"))
		return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		                 "an Ecto query (%s/%zu, Ecto.Query) runs against the repo at "
		                 "migration time, which needs the application; ecto-migrate "
		                 "cannot do it: write the statement with execute/1 instead",
		                 c->name, c->arity);
	return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
	                 "%s/%zu defines an Ecto schema (Ecto.Schema), which needs the "
	                 "application; ecto-migrate cannot do it: write the statement with "
	                 "execute/1 instead",
	                 c->name, c->arity);
}

/* Ecto raised inside a DSL call: report it to the evaluator (which unwinds)
 * and remember it, with the call's position, for the plan. */
static int host_raise(struct load *l, const struct mx_ast *n, struct mx_err *err)
{
	struct em_ddl_raise *r = &l->ctx->raise;

	if (n && !r->err.file[0]) {
		snprintf(r->err.file, sizeof(r->err.file), "%s", n->file);
		r->err.line = n->line;
		r->err.col = n->col;
	}
	if (r->err.file[0])
		mx_err_at(err, MX_ERR_EVAL, r->err.file, r->err.line, r->err.col, "** (%s) %s",
		          r->exception, r->err.msg);
	else
		mx_err_set(err, MX_ERR_EVAL, "** (%s) %s", r->exception, r->err.msg);
	return -1;
}

/* Logger.debug/info/warning/error (and the deprecated warn) with a message
 * (chardata, or a fn giving it) and optional metadata: 1 and *level
 * (enum em_level + 1) when c is one, 0 otherwise. */
static int logger_level(const struct mx_eval_call *c)
{
	static const char *const names[] = {"debug", "info", "warning", "error"};
	if (!c->module || strcmp(c->module, "Logger") || c->nargs < 1 || c->nargs > 2)
		return 0;
	for (int i = 0; i < 4; i++)
		if (!strcmp(c->name, names[i]))
			return i + 1;
	return !strcmp(c->name, "warn") ? 3 : 0;
}

/* A Logger call: its message becomes a step of the plan, where Ecto's
 * runner would print it (before the commands queued so far, which Ecto
 * sends when the callback returns); in the module body it prints now, as
 * when Elixir compiles the file. */
static int logger_call(struct load *l, struct mx_eval *ev, const struct mx_eval_call *c, int level,
                       struct mx_term **result, struct mx_err *err)
{
	struct mx_term *msg = c->args[0];
	struct mx_buf b = MX_BUF_INIT;
	if (msg->type == MX_TERM_FUN && mx_eval_call_fun(ev, msg, NULL, 0, c->node, &msg, err) < 0)
		return -1;
	if (mx_term_to_string(msg, &b) < 0 || msg->type == MX_TERM_ATOM ||
	    msg->type == MX_TERM_INT || msg->type == MX_TERM_FLOAT) {
		mx_buf_release(&b);
		return fail_at(err, c->node, "%s",
		               "Logger expects a string, chardata or a function giving one");
	}
	if (l->plan) {
		struct em_plan *p = l->plan;
		MX_ALLOC_GROW(p->steps, p->n + 1, p->alloc);
		memset(&p->steps[p->n], 0, sizeof(p->steps[p->n]));
		p->steps[p->n].sql = (struct mx_strvec)MX_STRVEC_INIT;
		p->steps[p->n].log = mx_buf_detach(&b, NULL);
		p->steps[p->n].logger_level = level;
		p->n++;
	} else {
		em_log((enum em_level)(level - 1), "%s", b.buf ? b.buf : "");
	}
	mx_buf_release(&b);
	*result = mx_term_atom(ev->arena, "ok");
	return MX_EVAL_HANDLED;
}

/* Code.ensure_loaded?/1, ensure_loaded/1, ensure_loaded!/1: Elixir's and
 * Ecto's modules are there; any other (the application's, a dependency's)
 * only a running BEAM can say. */
static int code_call(const struct mx_eval_call *c, struct mx_arena *a, struct mx_term **result,
                     struct mx_err *err)
{
	static const char *const known[] = {
	    "Access",   "Application",   "Atom",    "Base",     "Code",   "Date",
	    "DateTime", "Ecto",          "Enum",    "File",     "Float",  "Integer",
	    "IO",       "Kernel",        "Keyword", "List",     "Logger", "Map",
	    "MapSet",   "NaiveDateTime", "Path",    "Postgrex", "Range",  "Regex",
	    "Stream",   "String",        "System",  "Time",     "Tuple",  "URI",
	};
	const struct mx_term *m = c->args[0];
	if (c->nargs != 1 || !m || m->type != MX_TERM_ATOM)
		return MX_EVAL_UNKNOWN;
	const char *name = m->u.atom.name;
	bool ok = false;
	if (strncmp(name, "Elixir.", 7)) {
		ok = true; /* an Erlang module: :crypto, :timer... */
	} else {
		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]) && !ok; i++) {
			size_t n = strlen(known[i]);
			ok =
			    !strncmp(name + 7, known[i], n) && (!name[7 + n] || name[7 + n] == '.');
		}
	}
	if (!ok)
		return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		                 "Code.%s(%s): whether the application's or a dependency's "
		                 "module is loaded only a running BEAM can say",
		                 c->name, mx_term_alias_name(m));
	if (!strcmp(c->name, "ensure_loaded?"))
		*result = mx_term_atom(a, "true");
	else if (!strcmp(c->name, "ensure_loaded!"))
		*result = (struct mx_term *)m;
	else
		*result = mx_term_tuple2(a, mx_term_atom(a, "module"), (struct mx_term *)m);
	return MX_EVAL_HANDLED;
}

static bool is_code_call(const struct mx_eval_call *c)
{
	return c->module && !strcmp(c->module, "Code") &&
	       (!strcmp(c->name, "ensure_loaded?") || !strcmp(c->name, "ensure_loaded!") ||
	        !strcmp(c->name, "ensure_loaded"));
}

static bool is_migration_call(const struct mx_eval_call *c)
{
	return !c->module || !strcmp(c->module, "Ecto.Migration");
}

/* em_oban_env's use_ctx: DSL calls go to ctx from now on. */
static void use_ctx(void *vl, struct em_ddl_ctx *ctx)
{
	((struct load *)vl)->ctx = ctx;
}

static int host(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_term **result,
                void *vctx, struct mx_err *err)
{
	struct load *l = vctx;
	struct em_ddl_ctx *ctx = l->ctx;
	int r;

	if (!c->arg_err && (r = logger_level(c)) > 0)
		return logger_call(l, ev, c, r, result, err);
	if (!c->arg_err && is_code_call(c))
		return code_call(c, ev->arena, result, err);
	if (!ctx) {
		/* The module body: remember what it `use`s. */
		if (!c->module && !strcmp(c->name, "use") && c->nargs >= 1 && c->args[0] &&
		    c->args[0]->type == MX_TERM_ATOM) {
			const char *mod = mx_term_alias_name(c->args[0]);
			if (!strcmp(mod, "Ecto.Migration")) {
				if (l->nuses < sizeof(l->uses) / sizeof(l->uses[0]))
					l->uses[l->nuses++] = c->node->off;
			} else if (!l->other_use) {
				l->other_use = mod;
				l->other_use_at = c->node;
			}
		}
		/* A schema module nested in the migration, compiled with it. */
		const char *lib = app_only_macro(c->module, c->name);
		if (lib) {
			l->unsupported = true;
			return fail_app_only(err, c, lib);
		}
		return MX_EVAL_UNKNOWN;
	}
	if (c->arg_err) {
		/* An argument the evaluator could not compute. For an Ecto query
		 * (`from(u in "users", ...)` binds u only inside the macro) the
		 * evaluator's "undefined variable" would mislead: name the query. */
		const char *lib = app_only_macro(c->module, c->name);
		if (lib) {
			l->unsupported = true;
			return fail_app_only(err, c, lib);
		}
		*err = *c->arg_err;
		return -1;
	}
	const char *app_lib = app_only_macro(c->module, c->name);
	if (app_lib) {
		l->unsupported = true;
		return fail_app_only(err, c, app_lib);
	}
	if (!is_migration_call(c)) {
		char what[256];
		const char *lib;
		struct em_oban_env oban = {ev, ctx, use_ctx, l};
		if (!c->module)
			return MX_EVAL_UNKNOWN;
		/* Oban's migrations are built in (oban.h). */
		r = em_oban_call(&oban, c, result, err);
		if (r == 1)
			return MX_EVAL_HANDLED;
		if (r == -2)
			return host_raise(l, c->node, err);
		if (r < 0) {
			l->unsupported = true;
			return -1;
		}
		/* A function of the application or of a dependency (other
		 * libraries' migration helpers): only a BEAM can run it. */
		snprintf(what, sizeof(what), "unsupported call %s.%s/%zu", c->module, c->name,
		         c->arity);
		l->unsupported = true;
		lib = em_oban_refusal(c->module);
		if (lib)
			return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line,
			                 c->node->col, "%s: ecto-migrate does not run %s", what,
			                 lib);
		return mx_err_at(err, MX_ERR_EVAL, c->node->file, c->node->line, c->node->col,
		                 "%s: ecto-migrate runs the Ecto.Migration functions and plain "
		                 "Elixir, not the application's or its dependencies' code",
		                 what);
	}
	ctx->cur.file = c->node->file;
	ctx->cur.line = c->node->line;
	ctx->cur.col = c->node->col;

	if (c->do_block && c->nargs == 1 &&
	    (!strcmp(c->name, "create") || !strcmp(c->name, "create_if_not_exists") ||
	     !strcmp(c->name, "alter"))) {
		struct mx_term *ignored;
		if (em_ddl_block_begin(ctx, c->name, c->args[0]) < 0)
			return host_raise(l, c->node, err);
		if (mx_eval_block(ev, c->do_block, &ignored, err) < 0)
			return -1;
		if (em_ddl_block_end(ctx, result) < 0)
			return host_raise(l, c->node, err);
		return MX_EVAL_HANDLED;
	}
	if (c->do_block || c->else_block)
		return MX_EVAL_UNKNOWN;

	ctx->raise.raised = false;
	r = em_ddl_call(ctx, c->name, c->args, c->nargs, result);
	if (r == 1)
		return MX_EVAL_HANDLED;
	if (r == 0)
		return MX_EVAL_UNKNOWN;
	if (r == EM_DDL_UNSUPPORTED) {
		l->unsupported = true;
		return fail_at(err, c->node, "%s", ctx->raise.err.msg);
	}
	return host_raise(l, c->node, err);
}

/* "** (RuntimeError) boom" from the evaluator: an Elixir raise, which Ecto
 * would see too. Splits it into exception and message. */
static bool elixir_raise(const struct mx_err *err, char *exc, size_t excsz, const char **msg)
{
	const char *p = err->msg, *close;

	if (strncmp(p, "** (", 4))
		return false;
	close = strchr(p + 4, ')');
	if (!close || close[1] != ' ')
		return false;
	snprintf(exc, excsz, "%.*s", (int)(close - p - 4), p + 4);
	*msg = close + 2;
	return true;
}

/* Records a raise in the plan. */
static void plan_fail(struct em_plan *plan, const char *exception, const struct mx_err *where,
                      const char *msg)
{
	plan->failed = true;
	snprintf(plan->exception, sizeof(plan->exception), "%s", exception);
	plan->error = *where;
	plan->error.kind = MX_ERR_EVAL;
	snprintf(plan->error.msg, sizeof(plan->error.msg), "%s", msg);
}

/* Calls name/0 of the module if it exists, then flushes (Runner's
 * perform_operation). Returns 0 (plan filled or failed) or -1 (load error). */
static int run_fun(struct load *l, struct mx_eval *ev, struct mx_eval_module *mod, const char *name,
                   struct em_plan *plan, struct mx_err *err)
{
	struct em_ddl_ctx *ctx = l->ctx;
	struct mx_term *out;
	struct mx_err e = MX_ERR_INIT;
	char exc[48];
	const char *msg;

	ctx->raise.raised = false;
	mx_err_clear(&ctx->raise.err);
	if (mx_eval_call_function(ev, mod, name, NULL, 0, &out, &e) < 0) {
		if (l->unsupported) {
			*err = e;
			return -1;
		}
		if (ctx->raise.raised) {
			plan_fail(plan, ctx->raise.exception, &e, ctx->raise.err.msg);
			return 0;
		}
		if (elixir_raise(&e, exc, sizeof(exc), &msg)) {
			char copy[sizeof(e.msg)];
			snprintf(copy, sizeof(copy), "%s", msg);
			plan_fail(plan, exc, &e, copy);
			return 0;
		}
		*err = e;
		return -1;
	}
	if (ctx->block_op) {
		/* Not reachable from Elixir code (blocks always end), kept as a guard. */
		return mx_err_set(err, MX_ERR_EVAL, "unterminated create/alter block");
	}
	if (em_ddl_flush(ctx) < 0) {
		struct mx_err where = ctx->raise.err;
		const struct mx_ast *at = mx_eval_module_node(mod);
		if (at && !where.file[0]) {
			snprintf(where.file, sizeof(where.file), "%s", at->file);
			where.line = at->line;
			where.col = at->col;
		}
		plan_fail(plan, ctx->raise.exception, &where, ctx->raise.err.msg);
	}
	return 0;
}

static bool has_fun(struct mx_eval_module *mod, const char *name)
{
	bool priv = false;
	return mx_eval_module_has(mod, name, 0, &priv) && !priv;
}

/* Builds one direction's plan. */
static int build_plan(struct load *l, struct mx_eval *ev, struct mx_eval_module *mod, bool down,
                      struct mx_err *err)
{
	struct em_migration *m = l->m;
	struct em_plan *plan = down ? &m->down : &m->up;
	const char *own = down ? "down" : "up";
	struct em_ddl_ctx ctx;
	enum em_ddl_direction dir = EM_DDL_FORWARD;
	const char *op;
	int ret = 0;

	if (has_fun(mod, own)) {
		op = own;
		plan->operation = down ? "down" : "up";
		/* Ecto.Migrator runs up/0 and down/0 both :forward (only change/0
		 * is ever :backward), and logs "== Running <v> <Mod>.down/0 forward". */
		plan->direction = " forward";
	} else if (has_fun(mod, "change")) {
		op = "change";
		plan->operation = "change";
		plan->direction = down ? " backward" : " forward";
		dir = down ? EM_DDL_BACKWARD : EM_DDL_FORWARD;
	} else {
		struct mx_err where = MX_ERR_INIT;
		char msg[512];
		plan->operation = own;
		plan->direction = "";
		snprintf(msg, sizeof(msg), "%s does not implement a `%s/0` or `change/0` function",
		         m->module, own);
		plan_fail(plan, "Ecto.MigrationError", &where, msg);
		return 0;
	}

	em_ddl_ctx_init(&ctx, l->arena, l->cfg, dir, plan);
	ctx.migrator_down = down;
	ctx.has_down = has_fun(mod, "down");
	ctx.module = m->module;
	ctx.disable_ddl_transaction = m->disable_ddl_transaction;
	l->ctx = &ctx;
	l->plan = plan;

	/* Inside the migration's transaction Ecto runs after_begin/0 and
	 * before_commit/0 around the operation, each flushed on its own. */
	if (!m->disable_ddl_transaction && has_fun(mod, "after_begin"))
		ret = run_fun(l, ev, mod, "after_begin", plan, err);
	if (!ret && !plan->failed)
		ret = run_fun(l, ev, mod, op, plan, err);
	if (!ret && !plan->failed && !m->disable_ddl_transaction && has_fun(mod, "before_commit"))
		ret = run_fun(l, ev, mod, "before_commit", plan, err);

	l->ctx = NULL;
	l->plan = NULL;
	em_ddl_ctx_release(&ctx);
	return ret;
}

/* <version>_<name>.exs|.sql: version and name from the base name. */
static int parse_file_name(struct em_migration *m, const char *path, bool *is_sql,
                           struct mx_err *err)
{
	const char *base = strrchr(path, '/');
	const char *p, *dot;
	char *end;
	long long v;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || (strcmp(dot, ".exs") && strcmp(dot, ".sql")))
		return mx_err_set(err, MX_ERR_USAGE,
		                  "'%s' is not a migration (expected <version>_<name>.exs or .sql)",
		                  path);
	*is_sql = !strcmp(dot, ".sql");
	for (p = base; isdigit((unsigned char)*p); p++)
		;
	if (p == base || *p != '_' || p + 1 >= dot)
		return mx_err_set(err, MX_ERR_USAGE,
		                  "'%s' is not a migration (expected <version>_<name>.exs or .sql)",
		                  path);
	errno = 0;
	v = strtoll(base, &end, 10);
	if (errno)
		return mx_err_set(err, MX_ERR_USAGE, "'%s': migration version out of range", path);
	m->version = v;
	m->name = mx_xstrndup(p + 1, (size_t)(dot - p - 1));
	return 0;
}

static int load_exs(struct em_migration *m, const char *path, const char *src, size_t len,
                    const struct em_ddl_config *cfg, struct mx_err *err)
{
	struct mx_arena arena = MX_ARENA_INIT;
	struct mx_eval ev;
	struct mx_ast *ast = NULL;
	struct mx_eval_module *mod = NULL;
	struct load l = {0};
	int ret = -1;

	l.arena = &arena;
	l.m = m;
	l.cfg = cfg;
	/* Mix.env() and Application.*_env answer as the project's (mix
	 * ecto.migrate compiles the migration with the app's config loaded,
	 * runtime.exs included). */
	mx_project_eval_init(cfg->project, &ev, &arena);
	mx_eval_set_host(&ev, host, &l, MX_EVAL_HOST_LENIENT);

	if (mx_exs_parse(&arena, m->path, src, len, &ast, err) < 0)
		goto out;
	if (mx_eval_file(&ev, ast, NULL, err) < 0)
		goto out;
	/* Ecto takes the first module of the file that is a migration: here,
	 * the first whose body holds a `use Ecto.Migration`. */
	for (size_t i = 0; !mod; i++) {
		struct mx_eval_module *cand = mx_eval_module_at(&ev, i);
		const struct mx_ast *n;
		if (!cand)
			break;
		n = mx_eval_module_node(cand);
		for (size_t k = 0; k < l.nuses && n; k++)
			if (l.uses[k] >= n->off && l.uses[k] < n->end)
				mod = cand;
	}
	if (!mod) {
		if (l.other_use) {
			const struct mx_ast *n = l.other_use_at;
			mx_err_at(
			    err, MX_ERR_EVAL, n->file, n->line, n->col,
			    "the migration uses %s instead of Ecto.Migration; ecto-migrate reads "
			    "only `use Ecto.Migration` modules (it cannot run %s's macros)",
			    l.other_use, l.other_use);
		} else {
			/* Ecto.Migrator's own message. */
			mx_err_set(err, MX_ERR_EVAL, "file %s does not define an Ecto.Migration",
			           m->path);
		}
		goto out;
	}
	m->module = mx_xstrdup(mx_eval_module_name(mod));
	{
		const struct mx_term *a = mx_eval_module_attr(mod, "disable_ddl_transaction");
		m->disable_ddl_transaction = a && mx_term_truthy(a);
		a = mx_eval_module_attr(mod, "disable_migration_lock");
		m->disable_migration_lock = a && mx_term_truthy(a);
	}
	m->has_change = has_fun(mod, "change");

	if (build_plan(&l, &ev, mod, false, err) < 0 || build_plan(&l, &ev, mod, true, err) < 0)
		goto out;
	ret = 0;
out:
	mx_eval_release(&ev);
	mx_arena_release(&arena);
	return ret;
}

static int load_common(struct em_migration *m, const char *path, const char *src, size_t len,
                       bool have_src, const struct em_ddl_config *cfg, struct mx_err *err)
{
	struct mx_buf text = MX_BUF_INIT;
	struct em_ddl_config dflt = EM_DDL_CONFIG_INIT;
	bool is_sql = false;
	int ret = -1;

	memset(m, 0, sizeof(*m));
	m->path = mx_xstrdup(path);
	if (parse_file_name(m, path, &is_sql, err) < 0)
		goto out;
	/* A copy even for a caller's buffer: the parser wants a NUL at the end. */
	if (have_src)
		mx_buf_add(&text, src, len);
	else if (mx_fs_read(path, &text, err) < 0)
		goto out;
	m->is_sql = is_sql;
	if (is_sql)
		ret = em_sqlfile_load(m, text.buf, text.len, err);
	else
		ret = load_exs(m, path, text.buf, text.len, cfg ? cfg : &dflt, err);
out:
	mx_buf_release(&text);
	if (ret < 0) {
		em_migration_release(m);
		memset(m, 0, sizeof(*m));
	}
	return ret;
}

int em_migration_load(struct em_migration *m, const char *path, const struct em_ddl_config *cfg,
                      struct mx_err *err)
{
	return load_common(m, path, NULL, 0, false, cfg, err);
}

int em_migration_load_buffer(struct em_migration *m, const char *path, const char *src, size_t len,
                             const struct em_ddl_config *cfg, struct mx_err *err)
{
	return load_common(m, path, src, len, true, cfg, err);
}

void em_step_release(struct em_step *s)
{
	free(s->log);
	mx_strvec_clear(&s->sql);
	free(s->warning);
	free(s->index_name);
	free(s->index_table);
	em_oban_free(s->oban);
	memset(s, 0, sizeof(*s));
	s->sql = (struct mx_strvec)MX_STRVEC_INIT;
}

void em_plan_release(struct em_plan *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		em_step_release(&p->steps[i]);
	free(p->steps);
	p->steps = NULL;
	p->n = p->alloc = 0;
}

void em_migration_release(struct em_migration *m)
{
	if (!m)
		return;
	free(m->name);
	free(m->path);
	free(m->module);
	m->name = m->path = m->module = NULL;
	em_plan_release(&m->up);
	em_plan_release(&m->down);
}
