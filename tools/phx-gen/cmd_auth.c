/*
 * auth: `mix phx.gen.auth`, in Phoenix 1.7.24's order (Mix.Tasks.Phx.Gen.
 * Auth.run/2): strict switches, three arguments, the hashing library, the
 * context and schema (Gen.Context.build, with auth's help text), the
 * LiveView-or-controllers question, the existing-context question, the
 * required deps and the repo's adapter, then the plan: the files of the
 * variant (auth_files.c), the context, tests and fixtures created or
 * injected, and the injections into the project's files (auth_inject.c),
 * each with Phoenix's fallback text when its anchor is missing. Nothing
 * is written before every question has been answered.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "fsutil.h"
#include "gen_cli.h"
#include "gen_override.h"
#include "phx_gen_context.h"
#include "project/inflect.h"
#include "web_gen.h"

static const char *hashing_lib;
static int live_seen, compile_seen;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&phx_gen_cli.dir, &phx_gen_cli.sw),
    MX_OPT_STR_("web", 0, &phx_gen_cli.web, "NAMESPACE", "Namespace the web modules and routes"),
    GEN_BOOL_SEEN_("binary-id", &phx_gen_cli.binary_id, &phx_gen_cli.binary_id_seen,
                   "Use binary ids for the schemas"),
    MX_OPT_STR_("hashing-lib", 0, &hashing_lib, "LIB", "bcrypt (default), pbkdf2 or argon2"),
    MX_OPT_STR_("table", 0, &phx_gen_cli.table, "NAME", "The users table (default: the plural)"),
    GEN_BOOL_SEEN_("merge-with-existing-context", &phx_gen_cli.merge, &phx_gen_cli.merge_seen,
                   "Generate into an existing context without asking"),
    MX_OPT_STR_("prefix", 0, &phx_gen_cli.prefix, "PREFIX", "The schema prefix"),
    GEN_BOOL_SEEN_("live", &phx_gen_cli.live, &live_seen,
                   "LiveView pages (--no-live: controllers only; neither: asked)"),
    GEN_BOOL_SEEN_("compile", &phx_gen_cli.compile, &compile_seen,
                   "Accepted and ignored: mixless compiles nothing (--no-compile also skips "
                   "the ecto_sql/phoenix_html dependency check, as in Phoenix)"),
    MX_OPT_END_,
};

static const char help_general[] =
    "mix phx.gen.auth expects a context module name, followed by\n"
    "the schema module and its plural name (used as the schema\n"
    "table name).\n"
    "\n"
    "For example:\n"
    "\n"
    "    mix phx.gen.auth Accounts User users\n"
    "\n"
    "The context serves as the API boundary for the given resource.\n"
    "Multiple resources may belong to a context and a resource may be\n"
    "split over distinct contexts (such as Accounts.User and Payments.User).\n";

static const char help_deps[] = "mix phx.gen.auth must be installed into a Phoenix 1.5 app that\n"
                                "contains ecto and html templates.\n"
                                "\n"
                                "    mix phx.new my_app\n"
                                "    mix phx.new my_app --umbrella\n"
                                "    mix phx.new my_app --database mysql\n"
                                "\n"
                                "Apps generated with --no-ecto or --no-html are not supported.\n";

static const char help_hashing[] = "mix phx.gen.auth supports the following values for "
                                   "--hashing-lib\n"
                                   "\n"
                                   "  * bcrypt\n"
                                   "  * pbkdf2\n"
                                   "  * argon2\n"
                                   "\n"
                                   "Visit https://github.com/riverrun/comeonin for more "
                                   "information\n"
                                   "on choosing a library.\n";

/* One run's state beyond the session. */
struct auth_run {
	struct gen_session *s;
	struct gen_resource *r;
	const struct auth_hashing *hashing;
	const char *adapter; /* "Ecto.Adapters.Postgres" */
	bool live;
};

/* ---- The repo and the project's deps ------------------------------------ */

struct repo_scan {
	const char *needle; /* "defmodule Hello.Repo do" */
	struct mx_buf *src; /* the file that defines it */
	bool found;
};

static int scan_repo(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct repo_scan *rs = ctx;
	struct mx_err err = MX_ERR_INIT;
	(void)st;
	size_t l = strlen(rel);
	if (rs->found || l < 3 || strcmp(rel + l - 3, ".ex"))
		return MX_WALK_CONTINUE;
	mx_buf_reset(rs->src);
	if (mx_fs_read(path, rs->src, &err) == 0 && strstr(rs->src->buf, rs->needle))
		rs->found = true;
	return MX_WALK_CONTINUE;
}

/*
 * get_ecto_adapter!: Phoenix loads the repo module and asks its adapter.
 * Without compiling, the module is found by its defmodule line under the
 * context app's lib/, and the adapter is the `adapter:` of its use line.
 * NULL when no file defines the repo.
 */
static const char *repo_adapter(struct gen_session *s, const char *repo)
{
	struct mx_buf needle = MX_BUF_INIT, src = MX_BUF_INIT, lib = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	const char *adapter = NULL;
	mx_buf_addf(&needle, "defmodule %s do", repo);
	mx_buf_addf(&lib, "%slib", s->proj.context_path);
	struct repo_scan rs = {needle.buf, &src, false};
	if (mx_fs_is_dir(lib.buf))
		mx_fs_walk(lib.buf, 0, scan_repo, &rs, &err);
	if (rs.found) {
		const char *a = strstr(strstr(src.buf, needle.buf), "adapter:");
		adapter = "Ecto.Adapters.Postgres";
		if (a) {
			a += 8;
			while (*a == ' ')
				a++;
			size_t n = 0;
			while (a[n] &&
			       (a[n] == '.' || a[n] == '_' || (a[n] >= 'A' && a[n] <= 'Z') ||
			        (a[n] >= 'a' && a[n] <= 'z') || (a[n] >= '0' && a[n] <= '9')))
				n++;
			adapter = mx_arena_strndup(&s->arena, a, n);
		}
	}
	mx_buf_release(&needle);
	mx_buf_release(&src);
	mx_buf_release(&lib);
	return adapter;
}

/* validate_required_dependencies!: the deps of mix.exs, by their tuple. */
static int check_deps(struct gen_session *s)
{
	struct mx_buf src = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = 0;
	if (mx_fs_read("mix.exs", &src, &err) < 0)
		goto out;
	if (!strstr(src.buf, "{:ecto_sql,"))
		ret = phx_gen_raise_with_help(help_deps, "mix phx.gen.auth requires ecto_sql");
	else if (!strstr(src.buf, "{:phoenix_html,"))
		ret = phx_gen_raise_with_help(help_deps, "mix phx.gen.auth requires phoenix_html");
out:
	(void)s;
	mx_buf_release(&src);
	return ret;
}

/* Is <Base>.Mailer defined anywhere under lib/? */
static bool has_mailer(struct gen_session *s, const char *base)
{
	struct mx_buf needle = MX_BUF_INIT, src = MX_BUF_INIT, lib = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_buf_addf(&needle, "defmodule %s.Mailer do", base);
	mx_buf_addf(&lib, "%slib", s->proj.context_path);
	struct repo_scan rs = {needle.buf, &src, false};
	if (mx_fs_is_dir(lib.buf))
		mx_fs_walk(lib.buf, 0, scan_repo, &rs, &err);
	mx_buf_release(&needle);
	mx_buf_release(&src);
	mx_buf_release(&lib);
	return rs.found;
}

/* ---- The template tree ------------------------------------------------------ */

static void put_str(struct mx_tmpl_value *m, const char *k, struct mx_buf *b)
{
	mx_tmpl_put(m, k, mx_tmpl_strn_new(m->u.map.arena, b->buf, b->len));
	mx_buf_reset(b);
}

/* Phoenix's binding (auth_module, router_scope, ...) under the key "auth". */
static void auth_tree(struct auth_run *ar)
{
	const struct gen_schema *sc = &ar->r->schema;
	const struct gen_context *c = &ar->r->context;
	struct mx_tmpl_value *a = mx_tmpl_put_map(ar->r->root, "auth");
	struct mx_buf b = MX_BUF_INIT;
	const char *ns = sc->web_namespace;

	mx_buf_addf(&b, "%s%s%s.%sAuth", c->web_module, ns ? "." : "", ns ? ns : "", sc->alias);
	put_str(a, "module", &b);
	/* web_app_name: Phoenix.Naming.underscore(inspect(web_module)) */
	mx_inflect_underscore(c->web_module, &b);
	put_str(a, "web_app_name", &b);
	mx_buf_addf(&b, "%s.Endpoint", c->web_module);
	put_str(a, "endpoint", &b);
	if (ns)
		mx_buf_addf(&b, "\"/%s\", %s.%s, as: :%s", sc->web_path, c->web_module, ns,
		            sc->web_path);
	else
		mx_buf_addf(&b, "\"/\", %s", c->web_module);
	put_str(a, "router_scope", &b);
	if (ns)
		mx_buf_addf(&b, "/%s", sc->web_path);
	put_str(a, "web_path_prefix", &b);
	/* inspect Module.concat(schema.web_namespace, schema.alias) */
	mx_buf_addf(&b, "%s%s%s", ns ? ns : "", ns ? "." : "", sc->alias);
	put_str(a, "scoped", &b);
	bool pg = !strcmp(ar->adapter, "Ecto.Adapters.Postgres");
	bool lite = !strcmp(ar->adapter, "Ecto.Adapters.SQLite3");
	mx_tmpl_put_str(a, "test_case_options", pg ? ", async: true" : "");
	mx_tmpl_put_bool(a, "live", ar->live);
	mx_tmpl_put_str(a, "hashing_module", ar->hashing->module);
	mx_tmpl_put_bool(a, "bcrypt", !strcmp(ar->hashing->name, "bcrypt"));
	mx_tmpl_put_bool(a, "postgres", pg);
	mx_tmpl_put_str(a, "email_column",
	                pg     ? "add :email, :citext, null: false"
	                : lite ? "add :email, :string, null: false, collate: :nocase"
	                       : "add :email, :string, null: false, size: 160");
	mx_tmpl_put_str(a, "token_column",
	                pg ? "add :token, :binary, null: false"
	                   : "add :token, :binary, null: false, size: 32");
	/* the timestamp type, inspected, and its case in schema.ex */
	const char *tt = sc->timestamp_type ? sc->timestamp_type : "naive_datetime";
	mx_buf_addf(&b, ":%s", tt);
	put_str(a, "timestamp_type", &b);
	mx_tmpl_put_bool(a, "ts_naive", !strcmp(tt, "naive_datetime"));
	mx_tmpl_put_bool(a, "ts_utc", !strcmp(tt, "utc_datetime"));
	mx_tmpl_put_bool(a, "ts_utc_usec", !strcmp(tt, "utc_datetime_usec"));
	if (strcmp(tt, "naive_datetime"))
		mx_buf_addf(&b, "type: :%s, ", tt);
	put_str(a, "timestamps_type_comma", &b);
	mx_buf_release(&b);
}

/* ---- Files -------------------------------------------------------------------- */

static void dest_path(struct auth_run *ar, const struct auth_file *f, struct mx_buf *out)
{
	const struct gen_schema *sc = &ar->r->schema;
	const char *wp = sc->web_path ? sc->web_path : "";
	struct mx_buf name = MX_BUF_INIT;
	const char *pre = "", *mid = "";
	switch (f->dir) {
	case AUTH_MIGRATIONS:
		mx_buf_addf(out, "%spriv/repo/migrations/", ar->s->proj.context_path);
		phx_gen_plan_timestamp(&ar->s->plan, out->buf, ar->s->proj.now, out);
		mx_buf_addf(out, "_create_%s_auth_tables.exs", sc->table);
		return;
	case AUTH_CONTEXT:
		pre = ar->r->context.dir;
		break;
	case AUTH_WEB:
		pre = phx_gen_web_path(ar->s);
		break;
	case AUTH_WEB_TEST:
		pre = phx_gen_web_test_path(ar->s);
		break;
	case AUTH_CTRL_DIR:
		pre = phx_gen_web_path(ar->s), mid = "controllers";
		break;
	case AUTH_CTRL_TEST:
		pre = phx_gen_web_test_path(ar->s), mid = "controllers";
		break;
	case AUTH_LIVE_DIR:
		pre = phx_gen_web_path(ar->s), mid = "live";
		break;
	case AUTH_LIVE_TEST:
		pre = phx_gen_web_test_path(ar->s), mid = "live";
		break;
	}
	/* Path.join drops the empty parts */
	mx_buf_adds(out, pre);
	if (*mid && f->dir != AUTH_CONTEXT)
		mx_buf_addf(out, "/%s", mid);
	if (*wp && f->dir != AUTH_CONTEXT)
		mx_buf_addf(out, "/%s", wp);
	const char *pct = strstr(f->name, "%s");
	mx_buf_addf(out, "/%.*s%s%s", (int)(pct - f->name), f->name, sc->singular, pct + 2);
	mx_buf_release(&name);
}

static int render(struct auth_run *ar, const char *tmpl, struct mx_buf *out)
{
	struct mx_buf name = MX_BUF_INIT;
	mx_buf_addf(&name, "phx.gen.auth/%s", tmpl);
	int ret = phx_gen_render(ar->s, name.buf, ar->r->root, out);
	mx_buf_release(&name);
	return ret;
}

/* indent_spaces(text, n): every line, empty ones too, gets n spaces. */
static void indent_all(const char *text, int n, struct mx_buf *out)
{
	for (const char *p = text;;) {
		const char *e = strchr(p, '\n');
		mx_buf_addf(out, "%*s", n, "");
		mx_buf_add(out, p, e ? (size_t)(e - p) : strlen(p));
		if (!e)
			break;
		mx_buf_addch(out, '\n');
		p = e + 1;
	}
}

/* print_unable_to_read_file_error/2 (Mix.shell().error, so stderr). */
static void unreadable(struct auth_run *ar, const char *path, const char *help)
{
	struct mx_buf t = MX_BUF_INIT, o = MX_BUF_INIT;
	phx_gen_plan_injected(&ar->s->plan, path, NULL, 0, NULL);
	mx_buf_addf(&t, "\nUnable to read file %s.\n\n%s\n", path, help);
	indent_all(t.buf, 2, &o);
	mx_buf_addch(&o, '\n');
	phx_gen_plan_note(&ar->s->plan, o.buf, true);
	mx_buf_release(&t);
	mx_buf_release(&o);
}

/* inject_before_final_end/2 of the task (the file must exist, else the
 * help text with the code to add). */
static void inject_end(struct auth_run *ar, const char *path, const char *code)
{
	if (!phx_gen_plan_exists(&ar->s->plan, path)) {
		struct mx_buf h = MX_BUF_INIT;
		mx_buf_addf(
		    &h, "\nPlease add the following to the end of your equivalent\n%s module:\n\n",
		    path);
		indent_all(code, 2, &h);
		mx_buf_addch(&h, '\n');
		unreadable(ar, path, h.buf);
		mx_buf_release(&h);
		return;
	}
	phx_gen_plan_inject(&ar->s->plan, path, code, strlen(code), NULL);
}

/* Mix.shell().info("\n#{help}\n"): a blank line, the help, and puts's. */
static void info_help(struct auth_run *ar, const char *help)
{
	struct mx_buf t = MX_BUF_INIT;
	mx_buf_addf(&t, "\n%s\n\n", help);
	phx_gen_plan_note(&ar->s->plan, t.buf, false);
	mx_buf_release(&t);
}

/* Gen.Context.ensure_*_exists, then the auth snippet ("\n" prepended). */
static int context_part(struct auth_run *ar, const char *file, const char *create_tmpl,
                        const char *tmpl)
{
	struct mx_buf out = MX_BUF_INIT;
	int ret = 0;
	if (!phx_gen_plan_exists(&ar->s->plan, file)) {
		ret = phx_gen_render_resource(ar->s, create_tmpl, ar->r->root, &ar->r->schema,
		                              &ar->r->context, &out);
		if (ret)
			goto out;
		phx_gen_plan_create(&ar->s->plan, file, out.buf, out.len, false);
		mx_buf_reset(&out);
	}
	mx_buf_addch(&out, '\n');
	ret = render(ar, tmpl, &out);
	if (!ret)
		inject_end(ar, file, out.buf);
out:
	mx_buf_release(&out);
	return ret;
}

/* An injection by one of auth_inject.c's functions into path. */
typedef int (*injector_fn)(struct auth_run *ar, const char *file, size_t n, struct mx_buf *out);

static int inj_plug(struct auth_run *ar, const char *file, size_t n, struct mx_buf *out)
{
	return auth_inject_router_plug(file, n, ar->r->schema.singular, out);
}

static int inj_import(struct auth_run *ar, const char *file, size_t n, struct mx_buf *out)
{
	struct mx_buf m = MX_BUF_INIT;
	const struct mx_tmpl_value *a = mx_tmpl_get(ar->r->root, "auth");
	const struct mx_tmpl_value *mod = mx_tmpl_get(a, "module");
	mx_buf_add(&m, mod->u.str.s, mod->u.str.len);
	int r = auth_inject_router_import(file, n, ar->r->context.web_module, m.buf, out);
	mx_buf_release(&m);
	return r;
}

/* read_file + inject_unless_contains + the three outcomes. */
static void inject_with(struct auth_run *ar, const char *path, injector_fn fn, const char *suffix,
                        const char *help)
{
	struct mx_buf tmp = MX_BUF_INIT, out = MX_BUF_INIT;
	size_t n;
	const char *file = phx_gen_plan_content(&ar->s->plan, path, &tmp, &n);
	if (!file) {
		unreadable(ar, path, help);
		goto out;
	}
	switch (fn(ar, file, n, &out)) {
	case AUTH_INJ_DONE:
		phx_gen_plan_injected(&ar->s->plan, path, out.buf, out.len, suffix);
		break;
	case AUTH_INJ_UNABLE:
		info_help(ar, help);
		break;
	}
out:
	mx_buf_release(&tmp);
	mx_buf_release(&out);
}

static int plan_files(struct auth_run *ar)
{
	struct gen_session *s = ar->s;
	const struct gen_context *c = &ar->r->context;
	const char *sing = ar->r->schema.singular;
	const char *web = phx_gen_web_path(s);
	struct mx_buf path = MX_BUF_INIT, out = MX_BUF_INIT, tmp = MX_BUF_INIT, help = MX_BUF_INIT;
	int ret = 0;

	for (const struct auth_file *f = auth_files; f->tmpl; f++) {
		if (f->variant != AUTH_BOTH && (f->variant == AUTH_LIVE) != ar->live)
			continue;
		mx_buf_reset(&path);
		mx_buf_reset(&out);
		dest_path(ar, f, &path);
		if ((ret = render(ar, f->tmpl, &out)))
			goto out;
		phx_gen_plan_create(&s->plan, path.buf, out.buf, out.len, true);
	}
	if ((ret =
	         context_part(ar, c->file, "phx.gen.context/context.ex", "context_functions.ex")) ||
	    (ret = context_part(ar, c->test_file, "phx.gen.context/context_test.exs",
	                        "test_cases.exs")) ||
	    (ret = context_part(ar, c->test_fixtures_file, "phx.gen.context/fixtures_module.ex",
	                        "context_fixtures_functions.ex")))
		goto out;

	/* conn_case helpers */
	mx_buf_reset(&out);
	if ((ret = render(ar, "conn_case.exs", &out)))
		goto out;
	inject_end(ar, "test/support/conn_case.ex", out.buf);

	/* config/test.exs (an unreadable one counts as "use Mix.Config\n") */
	{
		const char *cfg = "config/test.exs";
		size_t n;
		const char *file = phx_gen_plan_content(&s->plan, cfg, &tmp, &n);
		if (!file)
			file = "use Mix.Config\n", n = strlen(file);
		mx_buf_reset(&out);
		switch (auth_inject_test_config(file, n, ar->hashing, &out)) {
		case AUTH_INJ_DONE:
			phx_gen_plan_injected(&s->plan, cfg, out.buf, out.len, NULL);
			break;
		case AUTH_INJ_UNABLE:
			mx_buf_reset(&help);
			auth_test_config_help(cfg, ar->hashing, &help);
			info_help(ar, help.buf);
			break;
		}
	}

	/* the hashing library into mix.exs */
	{
		mx_buf_reset(&path);
		mx_buf_addf(&path, "%smix.exs", s->proj.context_path);
		size_t n;
		const char *file = phx_gen_plan_content(&s->plan, path.buf, &tmp, &n);
		mx_buf_reset(&out);
		int r =
		    file ? auth_inject_mix_dep(file, n, ar->hashing->dep, &out) : AUTH_INJ_UNABLE;
		if (r == AUTH_INJ_DONE) {
			phx_gen_plan_injected(&s->plan, path.buf, out.buf, out.len, NULL);
		} else if (r == AUTH_INJ_UNABLE) {
			mx_buf_reset(&help);
			mx_buf_addf(&help,
			            "\nAdd your %s dependency to %s:\n\n    defp deps do\n      [\n"
			            "        %s,\n        ...\n      ]\n    end\n\n",
			            ar->hashing->dep, path.buf, ar->hashing->dep);
			phx_gen_plan_note(&s->plan, help.buf, false);
		}
	}

	/* the router: routes, import, plug */
	mx_buf_reset(&path);
	mx_buf_addf(&path, "%s/router.ex", web);
	mx_buf_reset(&out);
	if ((ret = render(ar, "routes.ex", &out)))
		goto out;
	inject_end(ar, path.buf, out.buf);
	{
		const struct mx_tmpl_value *mod =
		    mx_tmpl_get(mx_tmpl_get(ar->r->root, "auth"), "module");
		mx_buf_reset(&help);
		mx_buf_addf(&help,
		            "Add your %.*s import to %s:\n\n    defmodule %s.Router do\n"
		            "      use %s, :router\n\n      # Import authentication plugs\n"
		            "      import %.*s\n\n      ...\n    end\n",
		            (int)mod->u.str.len, mod->u.str.s, path.buf, c->web_module,
		            c->web_module, (int)mod->u.str.len, mod->u.str.s);
		inject_with(ar, path.buf, inj_import, " - imports", help.buf);
		mx_buf_reset(&help);
		mx_buf_addf(&help,
		            "Add the :fetch_current_%s plug to the :browser pipeline in %s:\n\n"
		            "    pipeline :browser do\n      ...\n      %s\n"
		            "      plug :fetch_current_%s\n    end\n",
		            sing, path.buf, AUTH_ROUTER_PLUG_ANCHOR, sing);
		inject_with(ar, path.buf, inj_plug, " - plug", help.buf);
	}

	/* the menu into the root (else app) layout */
	{
		struct mx_buf menu = MX_BUF_INIT, dup = MX_BUF_INIT;
		const char *layouts[] = {"root.html.heex", "app.html.heex"};
		const char *found = NULL;
		if ((ret = render(ar, "layout_menu.html.heex", &menu)))
			goto menu_out;
		while (menu.len && menu.buf[menu.len - 1] == '\n')
			menu.buf[--menu.len] = '\0';
		mx_buf_addf(&dup, "%s/log_in", ar->r->schema.route_prefix);
		mx_buf_reset(&help);
		for (size_t i = 0; i < 2; i++) {
			mx_buf_reset(&path);
			mx_buf_addf(&path, "%s/components/layouts/%s", web, layouts[i]);
			mx_buf_addf(&help, "%s  * %s", i ? "\n" : "", path.buf);
			if (!found && phx_gen_plan_exists(&s->plan, path.buf))
				found = mx_arena_strdup(&s->arena, path.buf);
		}
		if (found) {
			size_t n;
			const char *file = phx_gen_plan_content(&s->plan, found, &tmp, &n);
			mx_buf_reset(&out);
			int r = auth_inject_layout_menu(file, n, dup.buf, menu.buf, &out);
			if (r == AUTH_INJ_DONE) {
				phx_gen_plan_injected(&s->plan, found, out.buf, out.len, NULL);
			} else if (r == AUTH_INJ_UNABLE) {
				mx_buf_reset(&help);
				mx_buf_addf(
				    &help,
				    "Add the following %s menu items to your %s layout file:\n\n",
				    sing, found);
				indent_all(menu.buf, 4, &help);
				mx_buf_addch(&help, '\n');
				info_help(ar, help.buf);
			}
		} else {
			struct mx_buf t = MX_BUF_INIT;
			mx_buf_addf(
			    &t,
			    "\nUnable to find an application layout file to inject user menu "
			    "items.\n\nMissing files:\n\n%s\n\n"
			    "Please ensure this phoenix app was not generated with\n"
			    "--no-html. If you have changed the name of your application\n"
			    "layout file, please add the following code to it where you'd\n"
			    "like the %s menu items to be rendered.\n\n",
			    help.buf, sing);
			indent_all(menu.buf, 4, &t);
			mx_buf_adds(&t, "\n\n");
			phx_gen_plan_note(&s->plan, t.buf, true);
			mx_buf_release(&t);
		}
	menu_out:
		mx_buf_release(&menu);
		mx_buf_release(&dup);
	}
out:
	mx_buf_release(&path);
	mx_buf_release(&out);
	mx_buf_release(&tmp);
	mx_buf_release(&help);
	return ret;
}

static void print_mailer_help(struct auth_run *ar)
{
	const char *b = ar->r->context.base_module, *app = ar->s->proj.context_app;
	printf("Unable to find the \"%s.Mailer\" module defined.\n\n"
	       "A mailer module like the following is expected to be defined\n"
	       "in your application in order to send emails.\n\n"
	       "    defmodule %s.Mailer do\n"
	       "      use Swoosh.Mailer, otp_app: :%s\n"
	       "    end\n\n"
	       "It is also necessary to add \"swoosh\" as a dependency in your\n"
	       "\"mix.exs\" file:\n\n"
	       "    def deps do\n"
	       "      [{:swoosh, \"~> 1.4\"}]\n"
	       "    end\n\n"
	       "Finally, an adapter needs to be set in your configuration:\n\n"
	       "    import Config\n"
	       "    config :%s, %s.Mailer, adapter: Swoosh.Adapters.Local\n\n"
	       "Check https://hexdocs.pm/swoosh for more details.\n\n",
	       b, b, app, app, b);
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_resource r;
	struct auth_run ar = {.s = &s, .r = &r};
	bool go_on = true;
	phx_gen_cli_opts(&o);
	int ret = phx_gen_session_enter(&s, phx_gen_cli.dir, "phx.gen.auth", &phx_gen_cli.sw, &o);
	if (ret)
		goto out;
	if (cl->args.n != 3) {
		ret = phx_gen_raise_with_help(help_general, "Invalid arguments");
		goto out;
	}
	ar.hashing = auth_hashing_find(hashing_lib ? hashing_lib : "bcrypt");
	if (!ar.hashing) {
		struct mx_buf b = MX_BUF_INIT;
		phx_gen_inspect_string(hashing_lib, &b);
		ret = phx_gen_raise_with_help(help_hashing, "Unknown value for --hashing-lib %s",
		                              b.buf);
		mx_buf_release(&b);
		goto out;
	}
	if ((ret =
	         phx_gen_context_from_args_help(&s, &o, help_general, cl->args.n, cl->args.v, &r)))
		goto out;
	/* put_live_option: asked when neither --live nor --no-live */
	if (live_seen) {
		ar.live = phx_gen_cli.live;
	} else {
		printf("An authentication system can be created in two different ways:\n"
		       "- Using Phoenix.LiveView (default)\n"
		       "- Using Phoenix.Controller only\n");
		int yes = phx_gen_yes(
		    &s.plan.sw, "Do you want to create a LiveView based authentication system?");
		if (yes < 0) {
			ret = MX_EXIT_FAIL;
			goto out;
		}
		ar.live = yes;
	}
	if ((ret = phx_gen_context_confirm(&s, &o, &r, &go_on)) || !go_on)
		goto out;
	/* "--no-compile" not in args: then the deps are checked */
	if (!(compile_seen && !phx_gen_cli.compile) && (ret = check_deps(&s)))
		goto out;
	ar.adapter = repo_adapter(&s, r.schema.repo);
	if (!ar.adapter) {
		ret = phx_gen_mix_raise("Unable to find %s", r.schema.repo);
		goto out;
	}
	auth_tree(&ar);
	if ((ret = plan_files(&ar)))
		goto out;
	if ((ret = phx_gen_plan_prepare(&s.plan, &go_on)) || !go_on)
		goto out;
	if ((ret = phx_gen_plan_commit(&s.plan)) || s.plan.sw.dry_run)
		goto out;
	if (!has_mailer(&s, r.context.base_module))
		print_mailer_help(&ar);
	printf("\nPlease re-fetch your dependencies with the following command:\n\n"
	       "    $ mix deps.get\n\n"
	       "Remember to update your repository by running migrations:\n\n"
	       "    $ mix ecto.migrate\n\n"
	       "Once you are ready, visit \"/%s/register\"\n"
	       "to create your account and then access \"/dev/mailbox\" to\n"
	       "see the account confirmation email.\n\n",
	       r.schema.plural);
	fflush(stdout);
out:
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_auth = {
    .name = "auth",
    .task = "phx.gen.auth",
    .tool = "phx-gen",
    .shortdoc = "Generates authentication logic for a resource",
    .synopsis = "Accounts User users [--live | --no-live] [options]",
    .doc = "Generates authentication logic for a resource, as `mix phx.gen.auth` does.\n"
           "\n"
           "A context (Accounts) with a schema (User) and its token schema, their\n"
           "migration (a citext email on PostgreSQL), the notifier, the UserAuth\n"
           "plug and on_mount hooks, registration, log-in, confirmation, settings and\n"
           "password-reset pages (LiveView unless --no-live; without either switch\n"
           "Phoenix asks), and their tests. Injected: the context functions, tests\n"
           "and fixtures, conn_case's helpers, the hashing rounds into\n"
           "config/test.exs, the --hashing-lib dependency into mix.exs, the routes,\n"
           "the import and the plug into the router, and the menu into the layout.\n"
           "\n"
           "  phx-gen auth Accounts User users\n"
           "  phx-gen auth Accounts User users --no-live --hashing-lib pbkdf2\n"
           "\n"
           "Switches are parsed strictly, as phx.gen.auth's are. --compile and\n"
           "--no-compile are accepted and ignored: mixless compiles nothing (with\n"
           "--no-compile, Phoenix's check that ecto_sql and phoenix_html are deps is\n"
           "skipped, as in Phoenix).\n",
    .notes = "Phoenix's questions (LiveView or controllers, files that exist, an\n"
             "existing context) are asked on a terminal; without one, nothing is\n"
             "written unless --yes answers them (yes: LiveView).\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
