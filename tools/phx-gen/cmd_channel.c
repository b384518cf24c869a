/*
 * channel: `mix phx.gen.channel Name`: the channel, its test and
 * test/support/channel_case.ex when missing; then either the line to add
 * to an existing user_socket.ex, or Phoenix's question whether to create
 * the socket, which a yes answers by running the socket generator with
 * --from-channel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "gen_names.h"
#include "gen_override.h"
#include "gen_socket.h"
#include "project/inflect.h"

static const char *dir;
static struct gen_switches sw;

static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_END_,
};

static int raise_with_help(void)
{
	return phx_gen_mix_raise(
	    "mix phx.gen.channel expects just the module name, following capitalization:\n"
	    "\n"
	    "    mix phx.gen.channel Room\n\n");
}

/* The channel's three files (the case only when missing) into s->plan. */
static int plan_files(struct gen_session *s, const struct mx_inflection *inf, const char *module)
{
	struct mx_buf text = MX_BUF_INIT, path = MX_BUF_INIT, test = MX_BUF_INIT;
	int ret;
	struct mx_tmpl_value *root = mx_tmpl_map_new(&s->arena);
	mx_tmpl_put_str(root, "module", module);
	mx_tmpl_put_str(root, "web_module", inf->web_module);
	mx_tmpl_put_str(root, "singular", inf->singular);
	mx_tmpl_put_str(root, "base", inf->base);
	mx_tmpl_put_bool(root, "ecto", phx_gen_has_ecto_sql(s));
	/* a project's priv/templates/phx.gen.channel/ sees Phoenix's binding */
	struct mx_eex_binding b[PHX_GEN_INFLECTION_KEYS];
	size_t nb = phx_gen_inflection_bind(&s->arena, inf, module, b);

	phx_gen_web_prefix(s, "lib", &path);
	mx_buf_addf(&path, "/channels/%s_channel.ex", inf->path);
	if ((ret = phx_gen_render_bound(s, "phx.gen.channel/channel.ex", root, b, nb, &text)))
		goto out;
	phx_gen_plan_create(&s->plan, path.buf, text.buf, text.len, false);

	phx_gen_web_prefix(s, "test", &test);
	mx_buf_reset(&path);
	mx_buf_addf(&path, "%s/channels/%s_channel_test.exs", test.buf, inf->path);
	mx_buf_reset(&text);
	if ((ret = phx_gen_render_bound(s, "phx.gen.channel/channel_test.exs", root, b, nb, &text)))
		goto out;
	phx_gen_plan_create(&s->plan, path.buf, text.buf, text.len, false);

	/* Path.dirname(web_test_prefix) <> "/support/channel_case.ex",
	 * File.exists? first: an existing case is kept, whatever it holds */
	char *test_root = mx_path_dirname(test.buf);
	mx_buf_reset(&path);
	mx_buf_addf(&path, "%s/support/channel_case.ex", test_root);
	free(test_root);
	if (!phx_gen_plan_exists(&s->plan, path.buf)) {
		mx_buf_reset(&text);
		if ((ret = phx_gen_render_bound(s, "phx.gen.channel/channel_case.ex", root, b, nb,
		                                &text)))
			goto out;
		phx_gen_plan_create(&s->plan, path.buf, text.buf, text.len, false);
	}
out:
	mx_buf_release(&text);
	mx_buf_release(&path);
	mx_buf_release(&test);
	return ret;
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_plan socket_plan;
	struct mx_inflection inf = MX_INFLECTION_INIT;
	struct mx_buf module = MX_BUF_INIT, taken = MX_BUF_INIT, user_socket = MX_BUF_INIT;
	bool socket_plan_used = false;
	memset(&o, 0, sizeof(o));
	int ret = phx_gen_session_enter(&s, dir, "phx.gen.channel", &sw, &o);
	if (ret)
		goto out;
	if (cl->args.n != 1 || !phx_gen_valid_module(cl->args.v[0])) {
		ret = raise_with_help();
		goto out;
	}
	const char *name = cl->args.v[0];
	mx_inflect(s.proj.base, name, &inf);
	mx_buf_addf(&module, "%s.%s", inf.web_module, inf.scoped);
	mx_buf_addf(&taken, "%sChannel", module.buf);
	if ((ret = phx_gen_check_module_free(&s, taken.buf)))
		goto out;
	if ((ret = plan_files(&s, &inf, module.buf)))
		goto out;

	phx_gen_web_prefix(&s, "lib", &user_socket);
	mx_buf_adds(&user_socket, "/channels/user_socket.ex");
	bool have_socket = phx_gen_plan_exists(&s.plan, user_socket.buf);
	/* The socket question comes after the channel's files are written;
	 * when it cannot be asked, nothing is written at all. */
	if (!have_socket && !sw.yes && !isatty(STDIN_FILENO)) {
		phx_gen_yes(&sw, "Do you want to create it?");
		ret = MX_EXIT_FAIL;
		goto out;
	}
	if ((ret = phx_gen_plan_run(&s.plan)))
		goto out;
	if (have_socket) {
		printf("\n"
		       "Add the channel to your `%s` handler, for example:\n"
		       "\n"
		       "    channel \"%s:lobby\", %sChannel\n"
		       "\n",
		       user_socket.buf, inf.singular, module.buf);
		goto out;
	}
	printf("\n"
	       "The default socket handler - %s.UserSocket - was not found.\n"
	       "\n",
	       inf.web_module);
	int yes = phx_gen_yes(&sw, "Do you want to create it?");
	if (yes < 0) {
		ret = MX_EXIT_FAIL;
	} else if (yes) {
		phx_gen_plan_init(&socket_plan, s.project.root, &sw);
		socket_plan_used = true;
		ret = phx_gen_socket_run(&s, &socket_plan, "User", name);
	} else {
		printf("\n"
		       "To create it, please run the mix task:\n"
		       "\n"
		       "    mix phx.gen.socket User\n"
		       "\n"
		       "Then add the channel to the newly created file, at `%s`:\n"
		       "\n"
		       "    channel \"%s:lobby\", %sChannel\n"
		       "\n",
		       user_socket.buf, inf.singular, module.buf);
	}
out:
	if (socket_plan_used)
		phx_gen_plan_release(&socket_plan);
	mx_inflection_release(&inf);
	mx_buf_release(&module);
	mx_buf_release(&taken);
	mx_buf_release(&user_socket);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_channel = {
    .name = "channel",
    .task = "phx.gen.channel",
    .tool = "phx-gen",
    .shortdoc = "Generates a Phoenix channel",
    .synopsis = "NAME",
    .doc = "Generates a Phoenix channel, as `mix phx.gen.channel` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>_channel.ex, its test, and\n"
           "test/support/channel_case.ex when the project has none. When\n"
           "lib/<app>_web/channels/user_socket.ex exists, prints the `channel` line\n"
           "to add to it; else asks whether to create the socket, and a yes runs\n"
           "`phx-gen socket User --from-channel NAME`. Without a terminal that\n"
           "question needs --yes, and nothing is written otherwise.\n"
           "\n"
           "  phx-gen channel Room\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
