/*
 * web_gen: the files, injection and instructions of phx.gen.html,
 * phx.gen.json and phx.gen.live (Phoenix 1.7.24's
 * Mix.Tasks.Phx.Gen.{Html,Json,Live}).
 */
#include "web_gen.h"

#include <stdio.h>
#include <string.h>

#include "gen_override.h"
#include "web_model.h"

/* Where a file goes: under the web prefix or the web test prefix, then a
 * folder, the --web path, and the name (with %s for the singular). */
enum web_root { UNDER_WEB, UNDER_WEB_NS, UNDER_TEST_NS };

struct web_file {
	const char *tmpl; /* under templates/ */
	enum web_root root;
	const char *dir;  /* "controllers", "live", ... */
	const char *name; /* printf format, %1$s the singular */
	bool new_only;    /* :new_eex, created only when missing */
	bool not_shipped; /* Phoenix's own file, which we do not write (below) */
};

/* Mix.Tasks.Phx.Gen.Html.files_to_be_generated/1, in its order. */
static const struct web_file html_files[] = {
    {"phx.gen.html/controller.ex", UNDER_WEB_NS, "controllers", "%s_controller.ex", false, false},
    {"phx.gen.html/edit.html.heex", UNDER_WEB_NS, "controllers", "%s_html/edit.html.heex", false,
     false},
    {"phx.gen.html/index.html.heex", UNDER_WEB_NS, "controllers", "%s_html/index.html.heex", false,
     false},
    {"phx.gen.html/new.html.heex", UNDER_WEB_NS, "controllers", "%s_html/new.html.heex", false,
     false},
    {"phx.gen.html/show.html.heex", UNDER_WEB_NS, "controllers", "%s_html/show.html.heex", false,
     false},
    {"phx.gen.html/resource_form.html.heex", UNDER_WEB_NS, "controllers",
     "%1$s_html/%1$s_form.html.heex", false, false},
    {"phx.gen.html/html.ex", UNDER_WEB_NS, "controllers", "%s_html.ex", false, false},
    {"phx.gen.html/controller_test.exs", UNDER_TEST_NS, "controllers", "%s_controller_test.exs",
     false, false},
    {NULL, 0, NULL, NULL, false, false},
};

/* Mix.Tasks.Phx.Gen.Json.files_to_be_generated/1. */
static const struct web_file json_files[] = {
    {"phx.gen.json/controller.ex", UNDER_WEB_NS, "controllers", "%s_controller.ex", false, false},
    {"phx.gen.json/json.ex", UNDER_WEB_NS, "controllers", "%s_json.ex", false, false},
    {"phx.gen.json/changeset_json.ex", UNDER_WEB, "controllers", "changeset_json.ex", true, false},
    {"phx.gen.json/controller_test.exs", UNDER_TEST_NS, "controllers", "%s_controller_test.exs",
     false, false},
    {"phx.gen.json/fallback_controller.ex", UNDER_WEB, "controllers", "fallback_controller.ex",
     true, false},
    {NULL, 0, NULL, NULL, false, false},
};

/* Mix.Tasks.Phx.Gen.Live.files_to_be_generated/1. */
static const struct web_file live_files[] = {
    {"phx.gen.live/show.ex", UNDER_WEB_NS, "live", "%s_live/show.ex", false, false},
    {"phx.gen.live/index.ex", UNDER_WEB_NS, "live", "%s_live/index.ex", false, false},
    {"phx.gen.live/form_component.ex", UNDER_WEB_NS, "live", "%s_live/form_component.ex", false,
     false},
    {"phx.gen.live/index.html.heex", UNDER_WEB_NS, "live", "%s_live/index.html.heex", false, false},
    {"phx.gen.live/show.html.heex", UNDER_WEB_NS, "live", "%s_live/show.html.heex", false, false},
    {"phx.gen.live/live_test.exs", UNDER_TEST_NS, "live", "%s_live_test.exs", false, false},
    {"phx.gen.live/core_components.ex", UNDER_WEB, "components", "core_components.ex", true, true},
    {NULL, 0, NULL, NULL, false, false},
};

static const struct web_file *const files_of[] = {
    [WEB_HTML] = html_files,
    [WEB_JSON] = json_files,
    [WEB_LIVE] = live_files,
};

static bool other_context_app(const struct gen_project *proj)
{
	return proj->context_app && strcmp(proj->context_app, proj->app);
}

const char *phx_gen_web_path(const struct gen_session *s)
{
	return other_context_app(&s->proj) ? s->project.lib_path : s->project.web_path;
}

const char *phx_gen_web_test_path(const struct gen_session *s)
{
	return other_context_app(&s->proj) ? s->project.test_path : s->project.web_test_path;
}

static bool has_namespace(const struct gen_schema *s)
{
	return s->web_namespace && *s->web_namespace;
}

/* Path.join of the pieces, as Phoenix builds each target. */
static void file_path(const struct web_env *env, const struct web_file *f, struct mx_buf *out)
{
	const struct gen_schema *s = env->schema;
	mx_buf_addf(out, "%s/%s/",
	            f->root == UNDER_TEST_NS ? phx_gen_web_test_path(env->session)
	                                     : phx_gen_web_path(env->session),
	            f->dir);
	if (f->root != UNDER_WEB && has_namespace(s))
		mx_buf_addf(out, "%s/", s->web_path);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	mx_buf_addf(out, f->name, s->singular);
#pragma GCC diagnostic pop
}

int phx_gen_web_plan(struct web_env *env, struct gen_plan *plan)
{
	struct mx_err err = MX_ERR_INIT;
	/* changeset_json.ex: Phoenix branches on Code.ensure_loaded?(<Web>.
	 * CoreComponents) and <Web>.Gettext. phx.gen.json does not compile the
	 * app, and since Elixir 1.15 Mix puts no project's own ebin on the code
	 * path for a task that does not compile: in the genuine run both are
	 * false even in a compiled app (checked against Phoenix 1.7.24 on Elixir
	 * 1.18), so our template holds that branch only. */
	phx_gen_web_tree(env->tree, env->proj, env->schema, env->gen == WEB_LIVE ? "@form" : "f");

	int ret = 0;
	struct mx_buf path = MX_BUF_INIT, out = MX_BUF_INIT;
	for (const struct web_file *f = files_of[env->gen]; f->tmpl; f++) {
		mx_buf_reset(&path);
		file_path(env, f, &path);
		/* A :new_eex file that exists is not rendered at all. */
		if (f->new_only && phx_gen_plan_exists(plan, path.buf))
			continue;
		/* core_components.ex is Phoenix's component library itself (700
		 * lines of it), not code generated around the resource; every
		 * Phoenix 1.7 app has it from mix phx.new. Without it the LiveViews
		 * cannot compile, so nothing is written. */
		if (f->not_shipped) {
			mx_err_set(
			    &err, MX_ERR_OTHER,
			    "%s is missing: mix phx.gen.live would create Phoenix's "
			    "CoreComponents there, which phx-gen does not ship; copy it from "
			    "an app made by mix phx.new (Phoenix 1.7) and run again",
			    path.buf);
			ret = mx_diag_error(&err);
			goto out;
		}
		/* Ours, or the project's priv/templates/phx.gen.<name>/<file> (EEx
		 * with Phoenix's schema and context bindings). */
		mx_buf_reset(&out);
		ret = phx_gen_render_resource(env->session, f->tmpl, env->tree, env->schema,
		                              env->context, &out);
		if (ret)
			goto out;
		const char *data = out.buf ? out.buf : "";
		if (f->new_only)
			ret = phx_gen_plan_new(plan, path.buf, data, out.len);
		else
			ret = phx_gen_plan_create(plan, path.buf, data, out.len, true);
		if (ret < 0) {
			ret = mx_diag_error(&plan->err);
			goto out;
		}
	}
out:
	mx_buf_release(&out);
	mx_buf_release(&path);
	return ret;
}

/* String.replace/3: every occurrence. */
static void replace_all(const char *s, const char *from, const char *to, struct mx_buf *out)
{
	size_t n = strlen(from);
	const char *p;
	while ((p = strstr(s, from))) {
		mx_buf_add(out, s, (size_t)(p - s));
		mx_buf_adds(out, to);
		s = p + n;
	}
	mx_buf_adds(out, s);
}

int phx_gen_web_live_imports(struct web_env *env, struct gen_plan *plan, struct mx_buf *help,
                             struct mx_err *err)
{
	struct mx_buf path = MX_BUF_INIT, tmp = MX_BUF_INIT, inject = MX_BUF_INIT;
	struct mx_buf with = MX_BUF_INIT, out = MX_BUF_INIT;
	int ret = 0;

	/* [lib_prefix, web_dir] = Path.split(web_prefix): "lib/hello_web.ex" */
	mx_buf_addf(&path, "%s.ex", phx_gen_web_path(env->session));
	size_t len = 0;
	const char *file = phx_gen_plan_content(plan, path.buf, &tmp, &len);
	if (!file) {
		/* File.read! raises here in Phoenix. */
		mx_err_set(err, MX_ERR_OTHER,
		           "could not read file \"%s\": no such file or directory", path.buf);
		ret = -1;
		goto out;
	}
	mx_buf_addf(&inject, "import %s.CoreComponents", env->proj->web_module);
	if (strstr(file, inject.buf))
		goto out;

	mx_buf_addf(&with, "use Phoenix.Component\n      %s", inject.buf);
	replace_all(file, "use Phoenix.Component", with.buf, &out);
	if (strcmp(out.buf, file)) {
		/* A whole-file rewrite that Phoenix reports as an injection. */
		ret = phx_gen_plan_update(plan, path.buf, out.buf, out.len);
		if (ret == 0)
			plan->files[plan->n - 1].kind = GEN_FILE_INJECT;
	} else {
		phx_gen_print_action("injecting", path.buf);
		mx_buf_addf(help,
		            "\n"
		            "Could not find use Phoenix.Component in %s.\n"
		            "\n"
		            "This typically happens because your application was not generated\n"
		            "with the --live flag:\n"
		            "\n"
		            "    mix phx.new my_app --live\n"
		            "\n"
		            "Please make sure LiveView is installed and that %s\n"
		            "defines both `live_view/0` and `live_component/0` functions,\n"
		            "and that both functions import %s.CoreComponents.\n",
		            path.buf, env->proj->web_module, env->proj->web_module);
	}
out:
	mx_buf_release(&out);
	mx_buf_release(&with);
	mx_buf_release(&inject);
	mx_buf_release(&tmp);
	mx_buf_release(&path);
	return ret;
}

/* The five live routes; indent is the text before each. */
static void live_routes(const struct gen_schema *s, const char *indent, struct mx_buf *out)
{
	const char *p = s->plural, *a = s->alias;
	mx_buf_addf(out, "%slive \"/%s\", %sLive.Index, :index\n", indent, p, a);
	mx_buf_addf(out, "%slive \"/%s/new\", %sLive.Index, :new\n", indent, p, a);
	mx_buf_addf(out, "%slive \"/%s/:id/edit\", %sLive.Index, :edit\n\n", indent, p, a);
	mx_buf_addf(out, "%slive \"/%s/:id\", %sLive.Show, :show\n", indent, p, a);
	mx_buf_addf(out, "%slive \"/%s/:id/show/edit\", %sLive.Show, :edit\n", indent, p, a);
}

void phx_gen_web_instructions(const struct web_env *env, struct mx_buf *out)
{
	const struct gen_schema *s = env->schema;
	const char *web = env->proj->web_module;
	struct mx_buf router = MX_BUF_INIT;
	mx_buf_addf(&router, "%s/router.ex", phx_gen_web_path(env->session));

	if (has_namespace(s)) {
		const char *pipe = env->gen == WEB_JSON ? "api" : "browser";
		mx_buf_addf(out, "\nAdd the %s to your %s :%s scope in %s:\n\n",
		            env->gen == WEB_LIVE ? "live routes" : "resource", s->web_namespace,
		            pipe, router.buf);
		mx_buf_addf(out, "    scope \"/%s\", %s.%s, as: :%s do\n", s->web_path, web,
		            s->web_namespace, s->web_path);
		mx_buf_addf(out, "      pipe_through :%s\n      ...\n", pipe);
		if (env->gen == WEB_LIVE) {
			mx_buf_adds(out, "\n");
			live_routes(s, "      ", out);
		} else {
			mx_buf_addf(out, "      resources \"/%s\", %sController\n", s->plural,
			            s->alias);
		}
		mx_buf_adds(out, "    end\n");
	} else if (env->gen == WEB_JSON) {
		mx_buf_addf(out, "\nAdd the resource to the \"%s\" scope in %s:\n\n",
		            env->api_prefix && *env->api_prefix ? env->api_prefix : "/api",
		            router.buf);
		mx_buf_addf(out, "    resources \"/%s\", %sController, except: [:new, :edit]\n",
		            s->plural, s->alias);
	} else if (env->gen == WEB_LIVE) {
		mx_buf_addf(out, "\nAdd the live routes to your browser scope in %s:\n\n",
		            router.buf);
		live_routes(s, "    ", out);
	} else {
		mx_buf_addf(out, "\nAdd the resource to your browser scope in %s:\n\n", router.buf);
		mx_buf_addf(out, "    resources \"/%s\", %sController\n", s->plural, s->alias);
	}
	mx_buf_release(&router);
}
