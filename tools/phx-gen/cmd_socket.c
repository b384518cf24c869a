/*
 * socket: `mix phx.gen.socket Name [--from-channel Channel]`: the socket
 * handler and its JS client, then what to add to the endpoint and app.js.
 */
#include <stdio.h>
#include <string.h>

#include "gen_names.h"
#include "gen_override.h"
#include "gen_socket.h"
#include "project/inflect.h"

static const char *dir, *from_channel_opt;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_STR_("from-channel", 0, &from_channel_opt, "CHANNEL",
                "Route the topic of this existing channel (\"room:*\")"),
    MX_OPT_END_,
};

static int raise_with_help(void)
{
	return phx_gen_mix_raise("mix phx.gen.socket expects the module name:\n"
	                         "\n"
	                         "    mix phx.gen.socket User\n\n");
}

int phx_gen_socket_run(struct gen_session *s, struct gen_plan *plan, const char *name,
                       const char *from_channel)
{
	struct mx_inflection inf = MX_INFLECTION_INIT, chan = MX_INFLECTION_INIT;
	struct mx_buf module = MX_BUF_INIT, taken = MX_BUF_INIT, prefix = MX_BUF_INIT;
	struct mx_buf text = MX_BUF_INIT, file = MX_BUF_INIT, js = MX_BUF_INIT;
	int ret;
	mx_inflect(s->proj.base, name, &inf);
	mx_buf_addf(&module, "%s.%s", inf.web_module, inf.scoped);
	mx_buf_addf(&taken, "%sSocket", module.buf);
	if ((ret = phx_gen_check_module_free(s, taken.buf)))
		goto out;
	phx_gen_web_prefix(s, "lib", &prefix);

	struct mx_tmpl_value *root = mx_tmpl_map_new(&s->arena);
	mx_tmpl_put_str(root, "module", module.buf);
	mx_tmpl_put_str(root, "web_module", inf.web_module);
	/* Module.concat([web_module, Endpoint]) interpolated: to_string of an
	 * alias keeps its "Elixir." prefix, as in Phoenix's output */
	mx_tmpl_put_strf(root, "endpoint_module", "Elixir.%s.Endpoint", inf.web_module);
	mx_tmpl_put_str(root, "web_prefix", prefix.buf);
	if (from_channel) {
		mx_inflect(s->proj.base, from_channel, &chan);
		struct mx_tmpl_value *c = mx_tmpl_put_map(root, "channel");
		mx_tmpl_put_str(c, "singular", chan.singular);
		mx_tmpl_put_strf(c, "module", "%s.%s", chan.web_module, chan.scoped);
	} else {
		mx_tmpl_put_nil(root, "channel");
	}

	/* Phoenix's binding, for a project's priv/templates/phx.gen.socket/ */
	struct mx_eex_binding b[PHX_GEN_INFLECTION_KEYS + 3];
	size_t nb = phx_gen_inflection_bind(&s->arena, &inf, module.buf, b);
	struct mx_buf ep = MX_BUF_INIT;
	mx_buf_addf(&ep, "Elixir.%s.Endpoint", inf.web_module);
	b[nb++] = (struct mx_eex_binding){"endpoint_module", mx_term_atom(&s->arena, ep.buf)};
	mx_buf_release(&ep);
	b[nb++] = (struct mx_eex_binding){"web_prefix", mx_term_string(&s->arena, prefix.buf)};
	struct mx_buf cm = MX_BUF_INIT;
	if (from_channel)
		mx_buf_addf(&cm, "%s.%s", chan.web_module, chan.scoped);
	b[nb++] = (struct mx_eex_binding){
	    "existing_channel", from_channel ? phx_gen_inflection_term(&s->arena, &chan, cm.buf)
	                                     : mx_term_nil(&s->arena)};
	mx_buf_release(&cm);

	mx_buf_addf(&file, "%s/channels/%s_socket.ex", prefix.buf, inf.path);
	if ((ret = phx_gen_render_bound(s, "phx.gen.socket/socket.ex", root, b, nb, &text)))
		goto out;
	phx_gen_plan_create(plan, file.buf, text.buf, text.len, false);
	mx_buf_reset(&text);
	mx_buf_addf(&js, "assets/js/%s_socket.js", inf.path);
	if ((ret = phx_gen_render_bound(s, "phx.gen.socket/socket.js", root, b, nb, &text)))
		goto out;
	phx_gen_plan_create(plan, js.buf, text.buf, text.len, false);
	if ((ret = phx_gen_plan_run(plan)) || plan->sw.dry_run)
		goto out;
	printf("\n"
	       "Add the socket handler to your `%s/endpoint.ex`, for example:\n"
	       "\n"
	       "    socket \"/socket\", %sSocket,\n"
	       "      websocket: true,\n"
	       "      longpoll: false\n"
	       "\n"
	       "For the front-end integration, you need to import the `%s_socket.js`\n"
	       "in your `assets/js/app.js` file:\n"
	       "\n"
	       "    import \"./%s_socket.js\"\n"
	       "\n",
	       prefix.buf, module.buf, inf.path, inf.path);
out:
	mx_inflection_release(&inf);
	mx_inflection_release(&chan);
	mx_buf_release(&module);
	mx_buf_release(&taken);
	mx_buf_release(&prefix);
	mx_buf_release(&text);
	mx_buf_release(&file);
	mx_buf_release(&js);
	return ret;
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	memset(&o, 0, sizeof(o));
	int ret = phx_gen_session_enter(&s, dir, "phx.gen.socket", &sw, &o);
	if (ret)
		goto out;
	/* validate_args!: [name] or [name, "--from-channel", channel], each a
	 * module name */
	if (cl->args.n != 1 || !phx_gen_valid_module(cl->args.v[0]) ||
	    (from_channel_opt && !phx_gen_valid_module(from_channel_opt))) {
		ret = raise_with_help();
		goto out;
	}
	ret = phx_gen_socket_run(&s, &s.plan, cl->args.v[0], from_channel_opt);
out:
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_socket = {
    .name = "socket",
    .task = "phx.gen.socket",
    .tool = "phx-gen",
    .shortdoc = "Generates a Phoenix socket handler",
    .synopsis = "NAME [--from-channel CHANNEL]",
    .doc = "Generates a Phoenix socket handler, as `mix phx.gen.socket` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>_socket.ex and its JavaScript client\n"
           "assets/js/<name>_socket.js, then the line to add to the endpoint and\n"
           "the import to add to assets/js/app.js. With --from-channel, the socket\n"
           "routes that channel's topic (\"room:*\"). A name already defined in the\n"
           "project (<Web>.<Name>Socket) is refused.\n"
           "\n"
           "  phx-gen socket User\n"
           "  phx-gen socket User --from-channel Room\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
