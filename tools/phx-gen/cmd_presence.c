/*
 * presence: `mix phx.gen.presence [Name]`: a Phoenix.Presence module on
 * the app's PubSub, then the supervision-tree instructions.
 */
#include <stdio.h>
#include <string.h>

#include "gen_names.h"
#include "gen_override.h"
#include "project/inflect.h"

static const char *dir;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct mx_inflection inf = MX_INFLECTION_INIT;
	struct mx_buf module = MX_BUF_INIT, path = MX_BUF_INIT, text = MX_BUF_INIT;
	memset(&o, 0, sizeof(o));
	/* run/1 has clauses for [] and [name] only: Phoenix dies with a
	 * FunctionClauseError on more; we say what it takes. */
	if (cl->args.n > 1)
		return phx_gen_mix_raise("mix phx.gen.presence expects at most one module name, "
		                         "as in: mix phx.gen.presence Presence");
	int ret = phx_gen_session_enter(&s, dir, "phx.gen.presence", &sw, &o);
	if (ret)
		goto out;
	mx_inflect(s.proj.base, cl->args.n ? cl->args.v[0] : "Presence", &inf);
	/* Phoenix takes any name and camelizes it ("my_presence" is fine);
	 * one that does not camelize to a module name ("../x", "a-b") would
	 * give a module that cannot compile at a path of dots: refused. */
	if (!phx_gen_valid_module(inf.scoped)) {
		ret = phx_gen_mix_raise("mix phx.gen.presence expects a module name, as in: "
		                        "mix phx.gen.presence Presence (%s is not one)",
		                        cl->args.v[0]);
		goto out;
	}
	mx_buf_addf(&module, "%s.%s", inf.web_module, inf.scoped);
	struct mx_tmpl_value *root = mx_tmpl_map_new(&s.arena);
	mx_tmpl_put_str(root, "module", module.buf);
	mx_tmpl_put_strf(root, "otp_app", ":%s", s.proj.app);
	mx_tmpl_put_strf(root, "pubsub_server", "%s.PubSub", inf.base);
	/* Phoenix's binding, for a project's priv/templates/phx.gen.presence/ */
	struct mx_eex_binding b[PHX_GEN_INFLECTION_KEYS + 2];
	size_t nb = phx_gen_inflection_bind(&s.arena, &inf, module.buf, b);
	b[nb++] = (struct mx_eex_binding){"otp_app", mx_term_atom(&s.arena, s.proj.app)};
	struct mx_buf ps = MX_BUF_INIT;
	mx_buf_addf(&ps, "Elixir.%s.PubSub", inf.base);
	b[nb++] = (struct mx_eex_binding){"pubsub_server", mx_term_atom(&s.arena, ps.buf)};
	mx_buf_release(&ps);
	if ((ret = phx_gen_render_bound(&s, "phx.gen.presence/presence.ex", root, b, nb, &text)))
		goto out;
	phx_gen_web_prefix(&s, "lib", &path);
	mx_buf_addf(&path, "/channels/%s.ex", inf.path);
	phx_gen_plan_create(&s.plan, path.buf, text.buf, text.len, false);
	if ((ret = phx_gen_plan_run(&s.plan)) || sw.dry_run)
		goto out;
	printf("\n"
	       "Add your new module to your supervision tree,\n"
	       "in lib/%s/application.ex:\n"
	       "\n"
	       "    children = [\n"
	       "      ...\n"
	       "      %s\n"
	       "    ]\n"
	       "\n"
	       "You're all set! See the Phoenix.Presence docs for more details:\n"
	       "https://hexdocs.pm/phoenix/Phoenix.Presence.html\n"
	       "\n",
	       s.proj.app, module.buf);
out:
	mx_inflection_release(&inf);
	mx_buf_release(&module);
	mx_buf_release(&path);
	mx_buf_release(&text);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_presence = {
    .name = "presence",
    .task = "phx.gen.presence",
    .tool = "phx-gen",
    .shortdoc = "Generates a Presence tracker",
    .synopsis = "[NAME]",
    .doc = "Generates a Presence tracker, as `mix phx.gen.presence` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>.ex (NAME defaults to Presence): a\n"
           "Phoenix.Presence module on the app's PubSub server, then where to add it\n"
           "to the supervision tree.\n"
           "\n"
           "  phx-gen presence\n"
           "  phx-gen presence MyPresence\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
