/*
 * gen: the session every generator runs in: the project and its config as
 * Mix.Phoenix reads them (otp_app, base, context_app, :generators), the
 * templates found beside the binary, and the plan.
 */
#include "gen.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fsutil.h"
#include "project/inflect.h"

int phx_gen_not_implemented(const struct mx_cmdline *cl)
{
	return mx_diag_fail(MX_EXIT_FAIL, "'%s' (mix %s) is not implemented yet", cl->cmd->name,
	                    cl->cmd->task);
}

char *phx_gen_templates_dir(void)
{
	const char *env = getenv("MIXLESS_TEMPLATES");
	if (env && *env)
		return strdup(env);
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return strdup("templates");
	self[n] = '\0';
	char *bindir = mx_path_dirname(self);
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_addf(&b, "%s/../share/mixless/templates", bindir);
	free(bindir);
	return mx_buf_detach(&b, NULL);
}

static const char *kw_atom(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = kw ? mx_term_kw_get(kw, key) : NULL;
	return v && v->type == MX_TERM_ATOM ? v->u.atom.name : NULL;
}

static const char *kw_string(const struct mx_term *kw, const char *key)
{
	const struct mx_term *v = kw ? mx_term_kw_get(kw, key) : NULL;
	return v && v->type == MX_TERM_BINARY ? v->u.bin.data : NULL;
}

/* Mix.Phoenix.context_base(app): config :app, namespace: or camelized app */
static const char *app_base(struct gen_session *s, const char *app)
{
	if (s->project.app && !strcmp(app, s->project.app))
		return s->project.base;
	const struct mx_term *ns = mx_project_get(&s->project, app, "namespace", NULL);
	if (ns && ns->type == MX_TERM_ATOM)
		return mx_arena_strdup(&s->arena, mx_term_alias_name(ns));
	struct mx_buf b = MX_BUF_INIT;
	mx_inflect_camelize(app, &b);
	const char *r = mx_arena_strdup(&s->arena, b.buf);
	mx_buf_release(&b);
	return r;
}

int phx_gen_session_enter(struct gen_session *s, const char *dir, const char *task,
                          const struct gen_switches *sw, struct gen_opts *o)
{
	struct mx_err err = MX_ERR_INIT;
	struct mx_project_opts popts = {.dir = dir, .chdir = true};
	memset(s, 0, sizeof(*s));
	s->project = (struct mx_project)MX_PROJECT_INIT;
	s->arena = (struct mx_arena)MX_ARENA_INIT;
	s->entered = true;
	if (mx_project_enter(&s->project, &popts, &err) < 0)
		return mx_diag_error(&err);
	if ((s->project.umbrella || !s->project.app) && !strncmp(task, "ecto.", 5))
		/* Mix.Ecto.no_umbrella!/1 */
		return phx_gen_mix_raise(
		    "Cannot run task \"%s\" from umbrella project root. Change "
		    "directory to one of the umbrella applications and try again",
		    task);
	if (s->project.umbrella && !strcmp(task, "phx.gen.auth"))
		return phx_gen_mix_raise(
		    "mix phx.gen.auth can only be run inside an application directory");
	if (s->project.umbrella || !s->project.app)
		return phx_gen_mix_raise(
		    "mix %s must be invoked from within your *_web application "
		    "root directory",
		    task);
	struct gen_project *gp = &s->proj;
	gp->app = s->project.app;
	gp->base = s->project.base;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	gp->now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);

	/* config :app, :generators, merged under the switches */
	const struct mx_term *g = mx_project_generators(&s->project);
	const struct mx_term *bid = g ? mx_term_kw_get(g, "binary_id") : NULL;
	const struct mx_term *mig = g ? mx_term_kw_get(g, "migration") : NULL;
	o->cfg_binary_id = bid && mx_term_truthy(bid);
	o->cfg_migration = !mig || mx_term_truthy(mig);
	o->timestamp_type = kw_atom(g, "timestamp_type");
	o->sample_binary_id = kw_string(g, "sample_binary_id");
	o->api_prefix = kw_string(g, "api_prefix");
	const struct mx_term *mm =
	    mx_project_get(&s->project, "ecto_sql", "migration_module", NULL);
	if (mm && mm->type == MX_TERM_ATOM && !mx_term_is_nil(mm)) {
		o->migration_module = mx_arena_strdup(&s->arena, mx_term_alias_name(mm));
	} else if (mm && !mx_term_is_nil(mm)) {
		struct mx_buf b = MX_BUF_INIT;
		mx_term_inspect(mm, &b);
		o->migration_module_error = mx_arena_strdup(&s->arena, b.buf);
		mx_buf_release(&b);
	}

	/* context_app: --context-app, else config (Mix.Phoenix.context_app) */
	const char *capp, *cpath;
	int cr = o->context_app ? mx_project_context_app_path(&s->project, (capp = o->context_app),
	                                                      &cpath, &err)
	                        : mx_project_context_app(&s->project, &capp, &cpath, &err);
	if (cr < 0)
		return phx_gen_mix_raise("%s", err.msg);
	gp->context_app = capp;
	if (*cpath) {
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_addf(&b, "%s/", cpath);
		gp->context_path = mx_arena_strdup(&s->arena, b.buf);
		mx_buf_release(&b);
	} else {
		gp->context_path = "";
	}
	gp->context_base = app_base(s, capp);
	/* Context.web_module/0 */
	if (strcmp(capp, gp->app) ||
	    (strlen(gp->base) >= 3 && !strcmp(gp->base + strlen(gp->base) - 3, "Web"))) {
		gp->web_module = gp->base;
	} else {
		gp->web_module = s->project.web;
	}

	phx_gen_plan_init(&s->plan, s->project.root, sw);
	if (*cpath)
		phx_gen_plan_allow(&s->plan, cpath);
	char *tdir = phx_gen_templates_dir();
	s->tmpl = mx_tmpl_set_new(tdir);
	free(tdir);
	return 0;
}

void phx_gen_session_release(struct gen_session *s)
{
	if (!s || !s->entered)
		return;
	mx_tmpl_set_free(s->tmpl);
	phx_gen_plan_release(&s->plan);
	mx_project_release(&s->project);
	mx_arena_release(&s->arena);
	s->entered = false;
}

int phx_gen_render(struct gen_session *s, const char *name, const struct mx_tmpl_value *root,
                   struct mx_buf *out)
{
	struct mx_err err = MX_ERR_INIT;
	const struct mx_tmpl *t = mx_tmpl_set_get(s->tmpl, name, &err);
	if (!t || mx_tmpl_render(t, root, out, &err) < 0)
		return mx_diag_error(&err);
	return 0;
}

void phx_gen_print_migrate_reminder(void)
{
	printf("\nRemember to update your repository by running migrations:\n\n"
	       "    $ mix ecto.migrate\n\n");
}
