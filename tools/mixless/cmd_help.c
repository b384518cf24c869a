/* `mixless help [TASK]` and `mixless help --search PATTERN`, as mix help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "commands.h"
#include "diag.h"
#include "tasks.h"

static const char *search, *with;
static bool aliases, names;

static const struct mx_option options[] = {
    MX_OPT_STR_("search", 0, &search, "PATTERN", "List only the tasks whose name holds PATTERN"),
    MX_OPT_BOOL_("aliases", 0, &aliases, "List only the aliases of the project's mix.exs"),
    MX_OPT_BOOL_("names", 0, &names, "Print only the names of the tasks and aliases"),
    /* rows a build registered (phx_add_task): "name<TAB>shortdoc" lines */
    {MX_OPT_STRING, "with", 0, &with, "FILE", "More tasks, one \"name<TAB>shortdoc\" a line",
     MX_OPT_HIDDEN, NULL, NULL},
    MX_OPT_END_,
};

/* mix help's heading: a blank line, then the title centred on 80 columns
 * (IO.ANSI.Docs.print_headings without colours). */
static void heading(const char *name)
{
	int len = (int)strlen("mixless ") + (int)strlen(name);
	printf("\n%*smixless %s\n\n", len < 80 ? (80 - len) / 2 : 0, "", name);
}

/* mix help ALIAS: the alias as inspected, where it is defined. */
static void alias_doc(const struct mixless_alias *a)
{
	heading(a->name);
	fputs("Alias for\n\n    ", stdout);
	for (const char *p = a->inspected; *p; p++) {
		putchar(*p);
		if (*p == '\n')
			fputs("    ", stdout);
	}
	printf("\n\nLocation: mix.exs\n");
}

/* A project task's page: its opening comment block, without the #! line. */
static void custom_doc(const struct mixless_proj *mp, const struct mixless_custom *c)
{
	char line[1024];
	FILE *f = fopen(c->path, "r");
	heading(c->name);
	for (int n = 0; f && fgets(line, sizeof(line), f); n++) {
		if (n == 0 && !strncmp(line, "#!", 2))
			continue;
		if (line[0] != '#')
			break;
		const char *text = line + 1 + (line[1] == ' ');
		fputs(*text ? text : "\n", stdout);
	}
	if (f)
		fclose(f);
	size_t n = strlen(mp->p.root);
	bool inside = !strncmp(c->path, mp->p.root, n) && c->path[n] == '/';
	printf("\nLocation: %s\n", inside ? c->path + n + 1 : c->path);
}

static int task_doc(const struct mixless_proj *mp, const char *name)
{
	const struct mixless_alias *a = mixless_proj_alias(mp, name);
	const struct mx_command *own = mx_command_find(mixless_tool.commands, name);
	const struct mixless_custom *c = mixless_proj_custom(mp, name);
	const struct mixless_task *t = mixless_task_find(name);
	/* ecto-migrate's ecto.setup and ecto.reset stand in for the aliases a
	 * Phoenix app defines; beside the app's own alias they are no other task */
	if (t && a && !strcmp(t->shortdoc, "Alias defined in mix.exs"))
		t = NULL;
	bool task = own || t || c;

	if (a) {
		alias_doc(a);
		if (!task)
			return MX_EXIT_OK;
		printf(
		    "\nThere is also a task named \"%s\". The documentation is shown next.\n\n\n",
		    name);
	}
	fflush(stdout);
	if (own) {
		mx_command_print_doc(stdout, &mixless_tool, own);
		return MX_EXIT_OK;
	}
	if (t)
		return mixless_exec_doc(name);
	if (c) {
		custom_doc(mp, c);
		return MX_EXIT_OK;
	}
	return mx_diag_fail(MX_EXIT_FAIL, "The task \"%s\" could not be found", name);
}

static int run(const struct mx_cmdline *cl)
{
	struct mixless_catalog c = MIXLESS_CATALOG_INIT;
	struct mixless_proj mp = MIXLESS_PROJ_INIT;
	struct mx_err err = MX_ERR_INIT;
	int ret = MX_EXIT_OK;

	if ((search || aliases || names) && cl->args.n)
		return mx_diag_usage("unexpected argument '%s'", cl->args.v[0]);
	/* A mix.exs that cannot be read leaves its aliases out, not the help. */
	if (mixless_proj_load(&mp, &err) < 0 || mixless_proj_load_tasks(&mp, &err) < 0) {
		struct mx_buf msg = MX_BUF_INIT;
		mx_err_format(&err, &msg);
		mx_diag_warn("%s (its aliases and tasks are left out)", msg.buf);
		mx_buf_release(&msg);
		mx_err_clear(&err);
	}
	if (cl->args.n) {
		ret = task_doc(&mp, cl->args.v[0]);
		goto out;
	}
	if (aliases) {
		/* mix help --aliases: the aliases alone (the build makes a target
		 * of each from this list) */
		mixless_catalog_aliases(&c, &mp);
	} else if (mixless_catalog_build(&c, &mp, with, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (names)
		/* mix help --names: one name a line (for completion) */
		for (size_t i = 0; i < c.n; i++)
			printf("%s\n", c.rows[i].name);
	else
		mixless_catalog_print(stdout, &c, search);
out:
	mixless_catalog_release(&c);
	mixless_proj_release(&mp);
	return ret;
}

const struct mx_command mixless_cmd_help = {
    .name = "help",
    .tool = "mixless",
    .shortdoc = "Prints help information for tasks",
    .synopsis = "[TASK | --search PATTERN]",
    .doc = "Prints help information for tasks, as `mix help` does.\n"
           "\n"
           "Without arguments, every task mixless runs, one line each with its\n"
           "shortdoc, sorted and padded as mix help prints them, each as the command\n"
           "that runs it here (mixless ecto.create). In a project, its mix.exs\n"
           "aliases (\"Alias for ecto.drop, ecto.setup\") and its own tasks (the executables\n"
           "of tasks/ with a \"# @shortdoc\" line) are listed too. With --search\n"
           "PATTERN, only the tasks whose name holds PATTERN.\n"
           "\n"
           "With TASK, the task's full documentation: its switches, examples and\n"
           "mix's equivalent, the same text as its section of the tool's man page.\n"
           "For an alias, the steps it runs, as mix help ALIAS shows them.\n"
           "\n"
           "  mixless help\n"
           "  mixless help --search ecto\n"
           "  mixless help --names\n"
           "  mixless help ecto.migrate\n",
    .options = options,
    .max_args = 1,
    .fn = run,
};
