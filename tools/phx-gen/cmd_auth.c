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
#include "gen_cli.h"

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
    MX_OPT_STR_("prefix", 0, &phx_gen_cli.prefix, "PREFIX",
                "Accepted (phx.gen.auth's files do not use it)"),
    GEN_BOOL_SEEN_("live", &phx_gen_cli.live, &live_seen,
                   "LiveView pages (--no-live: controllers only; neither: asked)"),
    GEN_BOOL_SEEN_("compile", &phx_gen_cli.compile, &compile_seen,
                   "Accepted and ignored: mixless compiles nothing"),
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
	if (!(compile_seen && !phx_gen_cli.compile) && (ret = auth_check_deps()))
		goto out;
	ar.adapter = auth_repo_adapter(&s, r.schema.repo);
	if (!ar.adapter) {
		ret = phx_gen_mix_raise("Unable to find %s", r.schema.repo);
		goto out;
	}
	auth_tree(&ar);
	if ((ret = auth_plan(&ar)))
		goto out;
	if ((ret = phx_gen_plan_prepare(&s.plan, &go_on)) || !go_on)
		goto out;
	if ((ret = phx_gen_plan_commit(&s.plan)) || s.plan.sw.dry_run)
		goto out;
	if (!auth_has_mailer(&s, r.context.base_module)) {
		struct mx_buf mailer = MX_BUF_INIT;
		mx_buf_addf(&mailer, "%s.Mailer", r.context.base_module);
		phx_gen_print_mailer_help(mailer.buf, s.proj.context_app);
		mx_buf_release(&mailer);
	}
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
           "skipped, as in Phoenix).\n"
           "\n"
           "Not as Phoenix: a project's priv/templates/phx.gen.auth/ overrides are\n"
           "refused (Phoenix renders them with bindings ours do not have).\n",
    .notes = "Phoenix's questions (LiveView or controllers, files that exist, an\n"
             "existing context) are asked on a terminal; without one, nothing is\n"
             "written unless --yes answers them (yes: LiveView).\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
