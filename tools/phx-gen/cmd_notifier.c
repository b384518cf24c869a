/*
 * notifier: `mix phx.gen.notifier Context Notifier message...`: a Swoosh
 * notifier with a deliver_<message>/1 per message and its test, and the
 * Swoosh setup help when the project has no <Base>.Mailer.
 */
#include <stdio.h>
#include <string.h>

#include "gen_cli.h"
#include "gen_names.h"
#include "gen_override.h"
#include "project/inflect.h"

static const char *dir, *context_app, *prefix;
static bool context = true, compile = true;
static struct gen_switches sw;

/* OptionParser.parse with switches: unknown ones are dropped silently. */
static const struct mx_option options[] = {
    PHX_GEN_COMMON_OPTIONS(&dir, &sw),
    MX_OPT_BOOL_("context", 0, &context, "Accepted, as Phoenix does (no effect)"),
    MX_OPT_STR_("context-app", 0, &context_app, "APP",
                "The app the notifier goes in (an umbrella's context app)"),
    MX_OPT_STR_("prefix", 0, &prefix, "PREFIX", "Accepted, as Phoenix does (no effect)"),
    MX_OPT_BOOL_("compile", 0, &compile,
                 "Accepted and ignored: Phoenix compiles the project first "
                 "unless --no-compile; there is nothing to compile without Elixir"),
    MX_OPT_END_,
};

static const char help[] =
    "mix phx.gen.notifier expects a context module name, followed by a\n"
    "notifier name and one or more message names. Messages are the\n"
    "functions that will be created prefixed by \"deliver\", so the message\n"
    "name should be \"snake_case\" without punctuation.\n"
    "For example:\n"
    "\n"
    "    mix phx.gen.notifier Accounts User welcome reset_password\n"
    "\n"
    "In this example the notifier will be called `UserNotifier` inside\n"
    "the Accounts context. The functions `deliver_welcome/1` and\n"
    "`reset_password/1` will be created inside this notifier.\n";

/* ~r/^[a-z]+(\_[a-z0-9]+)*$/ */
static bool valid_message(const char *m)
{
	const char *p = m;
	if (!(*p >= 'a' && *p <= 'z'))
		return false;
	while (*p >= 'a' && *p <= 'z')
		p++;
	while (*p == '_') {
		p++;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return false;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
	}
	return *p == '\0';
}

/* validate_args!, in Phoenix's order; 0 or the exit code. */
static int validate(const struct gen_session *s, size_t argc, char *const *args)
{
	struct mx_buf b = MX_BUF_INIT;
	int ret = 0;
	if (argc < 2)
		return phx_gen_raise_with_help(help, "Invalid arguments");
	const char *ctx = args[0], *notifier = args[1];
	if (!phx_gen_valid_module(ctx)) {
		phx_gen_inspect_string(ctx, &b);
		ret = phx_gen_raise_with_help(
		    help, "Expected the context, %s, to be a valid module name", b.buf);
	} else if (!phx_gen_valid_module(notifier)) {
		phx_gen_inspect_string(notifier, &b);
		ret = phx_gen_raise_with_help(
		    help, "Expected the notifier, %s, to be a valid module name", b.buf);
	} else if (!strcmp(ctx, s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help,
		    "Cannot generate context %s because it has the same name as the application",
		    ctx);
	} else if (!strcmp(notifier, s->proj.base)) {
		ret = phx_gen_raise_with_help(
		    help,
		    "Cannot generate notifier %s because it has the same name as the application",
		    notifier);
	} else {
		bool bad = false;
		for (size_t i = 2; i < argc; i++)
			bad = bad || !valid_message(args[i]);
		if (bad) {
			struct mx_buf list = MX_BUF_INIT;
			for (size_t i = 2; i < argc; i++) {
				if (i > 2)
					mx_buf_adds(&list, ", ");
				phx_gen_inspect_string(args[i], &list);
			}
			phx_gen_inspect_string(notifier, &b);
			ret = phx_gen_raise_with_help(
			    help,
			    "Cannot generate notifier %s because one of the "
			    "messages is invalid: %s",
			    b.buf, list.buf);
			mx_buf_release(&list);
		}
	}
	mx_buf_release(&b);
	return ret;
}

void phx_gen_print_mailer_help(const char *mailer, const char *app)
{
	printf("Unable to find the \"%s\" module defined.\n"
	       "\n"
	       "A mailer module like the following is expected to be defined\n"
	       "in your application in order to send emails.\n"
	       "\n"
	       "    defmodule %s do\n"
	       "      use Swoosh.Mailer, otp_app: :%s\n"
	       "    end\n"
	       "\n"
	       "It is also necessary to add \"swoosh\" as a dependency in your\n"
	       "\"mix.exs\" file:\n"
	       "\n"
	       "    def deps do\n"
	       "      [{:swoosh, \"~> 1.4\"}]\n"
	       "    end\n"
	       "\n"
	       "Finally, an adapter needs to be set in your configuration:\n"
	       "\n"
	       "    import Config\n"
	       "    config :%s, %s, adapter: Swoosh.Adapters.Local\n"
	       "\n"
	       "Check https://hexdocs.pm/swoosh for more details.\n"
	       "\n",
	       mailer, mailer, app, app, mailer);
}

static int run(const struct mx_cmdline *cl)
{
	struct gen_session s;
	struct gen_opts o;
	struct gen_context ctx;
	struct mx_inflection inf = MX_INFLECTION_INIT;
	struct mx_buf name = MX_BUF_INIT, text = MX_BUF_INIT, mailer = MX_BUF_INIT;
	memset(&o, 0, sizeof(o));
	o.context_app = context_app;
	o.context = 1;
	int ret = phx_gen_session_enter(&s, dir, "phx.gen.notifier", &sw, &o);
	if (ret)
		goto out;
	if ((ret = validate(&s, cl->args.n, cl->args.v)))
		goto out;
	/* inspect(Module.concat(context, "<notifier>Notifier")) */
	mx_buf_addf(&name, "%s.%sNotifier", cl->args.v[0], cl->args.v[1]);
	phx_gen_context_build(&s.arena, &s.proj, &o, name.buf, &ctx);
	mx_inflect(s.proj.base, name.buf, &inf);

	struct mx_tmpl_value *root = mx_tmpl_map_new(&s.arena);
	mx_tmpl_put_str(root, "module", ctx.module);
	mx_tmpl_put_str(root, "base_module", ctx.base_module);
	mx_tmpl_put_str(root, "alias", inf.alias);
	struct mx_tmpl_value *msgs = mx_tmpl_put_list(root, "messages");
	for (size_t i = 2; i < cl->args.n; i++)
		mx_tmpl_push_str(msgs, cl->args.v[i]);

	/* Phoenix's binding, for a project's priv/templates/phx.gen.notifier/ */
	struct mx_term **items = MX_ARENA_NEWN(&s.arena, struct mx_term *, cl->args.n);
	for (size_t i = 2; i < cl->args.n; i++)
		items[i - 2] = mx_term_string(&s.arena, cl->args.v[i]);
	struct mx_eex_binding b[] = {
	    {"context", phx_gen_context_term(&s.arena, &s.proj, &ctx, NULL)},
	    {"inflections", phx_gen_inflection_term(&s.arena, &inf, NULL)},
	    {"notifier_messages", mx_term_list(&s.arena, items, cl->args.n - 2)},
	};
	size_t nb = sizeof(b) / sizeof(b[0]);
	if ((ret = phx_gen_render_bound(&s, "phx.gen.notifier/notifier.ex", root, b, nb, &text)))
		goto out;
	phx_gen_plan_create(&s.plan, ctx.file, text.buf, text.len, true);
	mx_buf_reset(&text);
	if ((ret = phx_gen_render_bound(&s, "phx.gen.notifier/notifier_test.exs", root, b, nb,
	                                &text)))
		goto out;
	phx_gen_plan_create(&s.plan, ctx.test_file, text.buf, text.len, true);
	if ((ret = phx_gen_plan_run(&s.plan)) || sw.dry_run)
		goto out;
	/* Code.ensure_loaded?(Module.concat([context.base_module, "Mailer"])) */
	mx_buf_addf(&mailer, "%s.Mailer", ctx.base_module);
	if (!phx_gen_module_defined(&s, mailer.buf))
		phx_gen_print_mailer_help(mailer.buf, ctx.context_app);
out:
	mx_inflection_release(&inf);
	mx_buf_release(&name);
	mx_buf_release(&text);
	mx_buf_release(&mailer);
	phx_gen_session_release(&s);
	return ret;
}

const struct mx_command phx_gen_cmd_notifier = {
    .name = "notifier",
    .task = "phx.gen.notifier",
    .tool = "phx-gen",
    .shortdoc = "Generates a notifier that delivers emails by default",
    .synopsis = "Context Notifier message... [options]",
    .doc = "Generates a notifier that delivers emails by default, as\n"
           "`mix phx.gen.notifier` does.\n"
           "\n"
           "lib/<app>/<context>/<notifier>_notifier.ex with a deliver_<message>/1\n"
           "function per message (Swoosh), and its test. Message names are\n"
           "snake_case (^[a-z]+(_[a-z0-9]+)*$). When the project defines no\n"
           "<Base>.Mailer, prints how to set Swoosh up. --compile/--no-compile are\n"
           "accepted and ignored: there is nothing to compile without Elixir.\n"
           "\n"
           "  phx-gen notifier Accounts User welcome reset_password\n",
    .options = options,
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = run,
};
