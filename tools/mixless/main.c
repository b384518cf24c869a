/*
 * mixless: the front door. `mixless ecto.migrate --step 2` runs the task the
 * way `mix ecto.migrate --step 2` would, by handing it to the binary that
 * does it (ecto-migrate migrate --step 2); `mixless help` lists the tasks as
 * `mix help` does. The tasks are the other tools' command entries (tasks.c);
 * mixless's own commands (help, phx, phx.server, debug) are entries too,
 * listed below. A project adds its mix.exs aliases, run step by step
 * (run.c), and its own tasks in tasks/ (custom.c); an alias named as a task
 * replaces it, as in mix.
 */
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "command.h"
#include "commands.h"
#include "diag.h"
#include "fsutil.h"
#include "mixproj.h"
#include "tasks.h"

#define COMMANDS(X)                                                                                \
	X(mixless_cmd_help)                                                                        \
	X(mixless_cmd_ecto)                                                                        \
	X(mixless_cmd_phx) X(mixless_cmd_phx_gen) X(mixless_cmd_phx_server) X(mixless_cmd_debug)

MX_COMMAND_TABLE(commands, COMMANDS);

static void usage(FILE *out)
{
	fprintf(out, "Usage: mixless TASK [ARGS...]\n"
	             "       mixless help [TASK | --search PATTERN]\n"
	             "\n"
	             "Runs Phoenix and Ecto mix tasks without Elixir. TASK is spelled as mix\n"
	             "spells it (ecto.migrate, phx.digest, phx.gen.html ...) and takes the\n"
	             "task's own switches.\n"
	             "\n"
	             "Options:\n");
	mx_opt_print_help(
	    out, (const struct mx_option[]){MX_OPT_HELP(NULL), MX_OPT_VERSION(NULL), MX_OPT_END_});
	/* the tasks of every project; `mixless help` adds the project's own */
	struct mixless_catalog c = MIXLESS_CATALOG_INIT;
	struct mx_err err = MX_ERR_INIT;
	mixless_catalog_build(&c, NULL, NULL, &err);
	fprintf(out, "\nTasks:\n");
	for (size_t i = 0; i < c.n; i++)
		fprintf(out, "  %-20s %s\n", c.rows[i].name, c.rows[i].shortdoc);
	mixless_catalog_release(&c);
	fprintf(out, "\nIn a project, also its mix.exs aliases and the tasks of its tasks/\n"
	             "folder: 'mixless help' lists them all.\n");
}

/* mix's message; a file of that name in tasks/ that cannot run says why. */
static int not_found(const struct mixless_proj *mp, const char *name)
{
	struct mx_buf path = MX_BUF_INIT;
	int ret;
	if (mp->p.found && !strchr(name, '/')) {
		mixless_proj_tasks_dir(mp, &path);
		mx_buf_addf(&path, "/%s", name);
	}
	if (path.len && mx_fs_is_file(path.buf))
		ret = mx_diag_fail(MX_EXIT_FAIL,
		                   "'%s' is not executable: chmod +x it to run it as a task",
		                   path.buf);
	else
		ret = mx_diag_usage("The task \"%s\" could not be found", name);
	mx_buf_release(&path);
	return ret;
}

/* A first word that is none of mixless's own commands names a task: an
 * alias of mix.exs first (mix lets an alias replace a task), then a tool's
 * task, then one of the project's own. */
static int run_task(int argc, char **argv)
{
	struct mixless_proj mp = MIXLESS_PROJ_INIT;
	struct mx_err err = MX_ERR_INIT;
	const struct mixless_alias *a;
	const struct mixless_custom *c;
	int ret;

	if (mixless_proj_load(&mp, &err) < 0) {
		/* the tool's task reports an unreadable mix.exs itself */
		if (mixless_task_find(argv[0]))
			return mixless_exec_task(argv[0], argc - 1, argv + 1);
		ret = mx_diag_error(&err);
	} else if (!(a = mixless_proj_alias(&mp, argv[0])) && mixless_task_find(argv[0])) {
		/* the common case: no need to list tasks/ */
		mixless_proj_release(&mp);
		return mixless_exec_task(argv[0], argc - 1, argv + 1);
	} else if (mixless_proj_load_tasks(&mp, &err) < 0) {
		ret = mx_diag_error(&err);
	} else if (a) {
		ret = mixless_run_alias(&mp, a, argc - 1, argv + 1);
	} else if ((c = mixless_proj_custom(&mp, argv[0]))) {
		ret = mixless_run_custom(&mp, c, argc - 1, argv + 1);
	} else {
		ret = not_found(&mp, argv[0]);
	}
	mixless_proj_release(&mp);
	return ret;
}

const struct mx_tool mixless_tool = {
    .name = "mixless",
    .summary = "run Phoenix and Ecto mix tasks without Elixir",
    .noun = "task",
    .commands = commands,
    .usage = usage,
    .fallback = run_task,
};

int main(int argc, char **argv)
{
	return mx_tool_main(&mixless_tool, argc, argv);
}
