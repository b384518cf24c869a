/*
 * auth_plan: phx.gen.auth's files and injections as plan entries, in
 * Phoenix's order (copy_new_files, then inject_conn_case_helpers,
 * inject_config, maybe_inject_mix_dependency, inject_routes,
 * maybe_inject_router_import, maybe_inject_router_plug,
 * maybe_inject_app_layout_menu). An injection whose anchor is missing
 * leaves its file alone and puts Phoenix's help text at its place in the
 * output (a plan note): stdout for Mix.shell().info, stderr for .error.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "fsutil.h"
#include "gen_override.h"
#include "web_gen.h"

static void dest_path(struct auth_run *ar, const struct auth_file *f, struct mx_buf *out)
{
	const struct gen_schema *sc = &ar->r->schema;
	const char *wp = sc->web_path ? sc->web_path : "";
	const char *pre = "", *mid = "";
	switch (f->dir) {
	case AUTH_MIGRATIONS: {
		struct mx_buf dir = MX_BUF_INIT;
		mx_buf_addf(&dir, "%spriv/repo/migrations", ar->s->proj.context_path);
		mx_buf_addf(out, "%s/", dir.buf);
		phx_gen_plan_timestamp(&ar->s->plan, dir.buf, ar->s->proj.now, out);
		mx_buf_addf(out, "_create_%s_auth_tables.exs", sc->table);
		mx_buf_release(&dir);
		return;
	}
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
}

static int render(struct auth_run *ar, const char *tmpl, struct mx_buf *out)
{
	struct mx_buf name = MX_BUF_INIT, over = MX_BUF_INIT;
	int ret;
	mx_buf_addf(&name, "phx.gen.auth/%s", tmpl);
	/* Phoenix would render the project's copy with its own binding
	 * (auth_module, hashing_library...), which our EEx overrides do not
	 * bind: refuse rather than silently generate something else */
	if (phx_gen_override_exists(name.buf, &over))
		ret =
		    phx_gen_mix_raise("%s overrides phx.gen.auth's template; phx-gen auth does "
		                      "not render overrides of its templates (nothing was written)",
		                      over.buf);
	else
		ret = phx_gen_render(ar->s, name.buf, ar->r->root, out);
	mx_buf_release(&name);
	mx_buf_release(&over);
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

/* copy_new_files: the variant's files, then the context, its tests and
 * fixtures (created when missing, the auth functions injected). */
static int plan_created(struct auth_run *ar)
{
	const struct gen_context *c = &ar->r->context;
	struct mx_buf path = MX_BUF_INIT, out = MX_BUF_INIT;
	int ret = 0;
	for (const struct auth_file *f = auth_files; f->tmpl && !ret; f++) {
		if (f->variant != AUTH_BOTH && (f->variant == AUTH_LIVE) != ar->live)
			continue;
		mx_buf_reset(&path);
		mx_buf_reset(&out);
		dest_path(ar, f, &path);
		if (!(ret = render(ar, f->tmpl, &out)))
			phx_gen_plan_create(&ar->s->plan, path.buf, out.buf, out.len, true);
	}
	if (!ret)
		ret =
		    context_part(ar, c->file, "phx.gen.context/context.ex", "context_functions.ex");
	if (!ret)
		ret = context_part(ar, c->test_file, "phx.gen.context/context_test.exs",
		                   "test_cases.exs");
	if (!ret)
		ret = context_part(ar, c->test_fixtures_file, "phx.gen.context/fixtures_module.ex",
		                   "context_fixtures_functions.ex");
	mx_buf_release(&path);
	mx_buf_release(&out);
	return ret;
}

/* Mix.Phoenix.in_umbrella?(File.cwd!()): ../../mix.exs and ../../apps */
static bool in_umbrella(void)
{
	return mx_fs_is_file("../../mix.exs") && mx_fs_is_dir("../../apps");
}

/* inject_config: config/test.exs, or in an umbrella's child app the
 * umbrella's (Phoenix prints that one by its absolute path); an unreadable
 * file counts as "use Mix.Config\n" (and is then written with the config,
 * as Phoenix does). */
static void plan_test_config(struct auth_run *ar)
{
	const char *cfg = "config/test.exs";
	struct mx_buf tmp = MX_BUF_INIT, out = MX_BUF_INIT, help = MX_BUF_INIT, abs = MX_BUF_INIT;
	char real[PATH_MAX];
	if (in_umbrella() && realpath("../..", real)) {
		cfg = "../../config/test.exs";
		phx_gen_plan_allow(&ar->s->plan, "../../config");
		mx_path_join(&abs, real, "config/test.exs");
	}
	const char *shown = abs.len ? abs.buf : cfg;
	size_t n;
	const char *file = phx_gen_plan_content(&ar->s->plan, cfg, &tmp, &n);
	if (!file)
		file = "use Mix.Config\n", n = strlen(file);
	switch (auth_inject_test_config(file, n, ar->hashing, &out)) {
	case AUTH_INJ_DONE:
		if (phx_gen_plan_injected(&ar->s->plan, cfg, out.buf, out.len, NULL) == 0)
			phx_gen_plan_display(&ar->s->plan, shown);
		break;
	case AUTH_INJ_UNABLE:
		auth_test_config_help(shown, ar->hashing, &help);
		info_help(ar, help.buf);
		break;
	}
	mx_buf_release(&tmp);
	mx_buf_release(&out);
	mx_buf_release(&help);
	mx_buf_release(&abs);
}

/* maybe_inject_mix_dependency: the help has no "* injecting" line before it */
static void plan_mix_dep(struct auth_run *ar)
{
	struct mx_buf path = MX_BUF_INIT, tmp = MX_BUF_INIT, out = MX_BUF_INIT, help = MX_BUF_INIT;
	const char *dep = ar->hashing->dep;
	size_t n;
	mx_buf_addf(&path, "%smix.exs", ar->s->proj.context_path);
	const char *file = phx_gen_plan_content(&ar->s->plan, path.buf, &tmp, &n);
	int r = file ? auth_inject_mix_dep(file, n, dep, &out) : AUTH_INJ_UNABLE;
	if (r == AUTH_INJ_DONE) {
		phx_gen_plan_injected(&ar->s->plan, path.buf, out.buf, out.len, NULL);
	} else if (r == AUTH_INJ_UNABLE) {
		mx_buf_addf(&help,
		            "\nAdd your %s dependency to %s:\n\n    defp deps do\n      [\n"
		            "        %s,\n        ...\n      ]\n    end\n\n",
		            dep, path.buf, dep);
		phx_gen_plan_note(&ar->s->plan, help.buf, false);
	}
	mx_buf_release(&path);
	mx_buf_release(&tmp);
	mx_buf_release(&out);
	mx_buf_release(&help);
}

/* inject_routes, maybe_inject_router_import, maybe_inject_router_plug */
static int plan_router(struct auth_run *ar)
{
	const char *web = ar->r->context.web_module, *sing = ar->r->schema.singular;
	const struct mx_tmpl_value *mod = mx_tmpl_get(mx_tmpl_get(ar->r->root, "auth"), "module");
	int ml = (int)mod->u.str.len;
	struct mx_buf path = MX_BUF_INIT, out = MX_BUF_INIT, help = MX_BUF_INIT;
	int ret;
	mx_buf_addf(&path, "%s/router.ex", phx_gen_web_path(ar->s));
	if ((ret = render(ar, "routes.ex", &out)))
		goto out;
	inject_end(ar, path.buf, out.buf);
	mx_buf_addf(&help,
	            "Add your %.*s import to %s:\n\n    defmodule %s.Router do\n"
	            "      use %s, :router\n\n      # Import authentication plugs\n"
	            "      import %.*s\n\n      ...\n    end\n",
	            ml, mod->u.str.s, path.buf, web, web, ml, mod->u.str.s);
	inject_with(ar, path.buf, inj_import, " - imports", help.buf);
	mx_buf_reset(&help);
	mx_buf_addf(&help,
	            "Add the :fetch_current_%s plug to the :browser pipeline in %s:\n\n"
	            "    pipeline :browser do\n      ...\n      %s\n"
	            "      plug :fetch_current_%s\n    end\n",
	            sing, path.buf, AUTH_ROUTER_PLUG_ANCHOR, sing);
	inject_with(ar, path.buf, inj_plug, " - plug", help.buf);
out:
	mx_buf_release(&path);
	mx_buf_release(&out);
	mx_buf_release(&help);
	return ret;
}

/* maybe_inject_app_layout_menu: root.html.heex, else app.html.heex */
static int plan_menu(struct auth_run *ar)
{
	static const char *const layouts[] = {"root.html.heex", "app.html.heex"};
	struct gen_plan *plan = &ar->s->plan;
	const char *sing = ar->r->schema.singular, *found = NULL;
	struct mx_buf menu = MX_BUF_INIT, dup = MX_BUF_INIT, path = MX_BUF_INIT, tmp = MX_BUF_INIT,
	              out = MX_BUF_INIT, text = MX_BUF_INIT;
	int ret;
	if ((ret = render(ar, "layout_menu.html.heex", &menu)))
		goto out;
	/* Phoenix's menu ends without a newline ("</ul>\") */
	while (menu.len && menu.buf[menu.len - 1] == '\n')
		menu.buf[--menu.len] = '\0';
	mx_buf_addf(&dup, "%s/log_in", ar->r->schema.route_prefix);
	for (size_t i = 0; i < 2; i++) {
		mx_buf_reset(&path);
		mx_buf_addf(&path, "%s/components/layouts/%s", phx_gen_web_path(ar->s), layouts[i]);
		if (!found && phx_gen_plan_exists(plan, path.buf))
			found = mx_arena_strdup(&ar->s->arena, path.buf);
	}
	if (!found) {
		mx_buf_adds(&text,
		            "\nUnable to find an application layout file to inject user menu "
		            "items.\n\nMissing files:\n\n");
		for (size_t i = 0; i < 2; i++)
			mx_buf_addf(&text, "%s  * %s/components/layouts/%s", i ? "\n" : "",
			            phx_gen_web_path(ar->s), layouts[i]);
		mx_buf_addf(&text,
		            "\n\nPlease ensure this phoenix app was not generated with\n"
		            "--no-html. If you have changed the name of your application\n"
		            "layout file, please add the following code to it where you'd\n"
		            "like the %s menu items to be rendered.\n\n",
		            sing);
		indent_all(menu.buf, 4, &text);
		mx_buf_adds(&text, "\n\n");
		phx_gen_plan_note(plan, text.buf, true);
		goto out;
	}
	size_t n;
	const char *file = phx_gen_plan_content(plan, found, &tmp, &n);
	int r = auth_inject_layout_menu(file, n, dup.buf, menu.buf, &out);
	if (r == AUTH_INJ_DONE) {
		phx_gen_plan_injected(plan, found, out.buf, out.len, NULL);
	} else if (r == AUTH_INJ_UNABLE) {
		mx_buf_addf(&text, "Add the following %s menu items to your %s layout file:\n\n",
		            sing, found);
		indent_all(menu.buf, 4, &text);
		mx_buf_addch(&text, '\n');
		info_help(ar, text.buf);
	}
out:
	mx_buf_release(&menu);
	mx_buf_release(&dup);
	mx_buf_release(&path);
	mx_buf_release(&tmp);
	mx_buf_release(&out);
	mx_buf_release(&text);
	return ret;
}

int auth_plan(struct auth_run *ar)
{
	struct mx_buf out = MX_BUF_INIT;
	int ret = plan_created(ar);
	/* inject_conn_case_helpers */
	if (!ret && !(ret = render(ar, "conn_case.exs", &out)))
		inject_end(ar, "test/support/conn_case.ex", out.buf);
	if (!ret) {
		plan_test_config(ar);
		plan_mix_dep(ar);
		ret = plan_router(ar);
	}
	if (!ret)
		ret = plan_menu(ar);
	mx_buf_release(&out);
	return ret;
}
