/*
 * gen_names: web paths and "is this module defined" for the small
 * generators (see gen_names.h).
 */
#include "gen_names.h"

#include <string.h>

#include "project/locate.h"

void phx_gen_web_prefix(const struct gen_session *s, const char *top, struct mx_buf *out)
{
	const char *app = s->proj.app;
	if (!strcmp(s->proj.context_app, app))
		mx_buf_addf(out, "%s/%s_web", top, app);
	else
		mx_buf_addf(out, "%s/%s", top, app);
}

bool phx_gen_module_defined(const struct gen_session *s, const char *module)
{
	struct mx_buf path = MX_BUF_INIT;
	bool found = mx_project_locate_module(&s->project, module, &path, NULL);
	mx_buf_release(&path);
	return found;
}

int phx_gen_check_module_free(const struct gen_session *s, const char *module)
{
	if (phx_gen_module_defined(s, module))
		return phx_gen_mix_raise(
		    "Module name %s is already taken, please choose another name", module);
	return 0;
}

bool phx_gen_has_ecto_sql(const struct gen_session *s)
{
	return mx_strvec_find(&s->project.deps, "ecto_sql") >= 0;
}
