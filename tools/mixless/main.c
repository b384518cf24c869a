/*
 * mixless: the front door. `mixless ecto.migrate --step 2` runs the task the
 * way `mix ecto.migrate --step 2` would, by handing it to the binary that
 * does it (ecto-migrate migrate --step 2); `mixless help` lists the tasks as
 * `mix help` does. Its own commands (help, debug) are rows of a table.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "opt.h"
#include "tasks.h"

static const struct mixless_command commands[] = {
	{ "help", mixless_cmd_help, "Prints help information for tasks", false },
	{ "debug", mixless_cmd_debug, "Debugging aids (parse, config)", true },
	{ NULL, NULL, NULL, false },
};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: mixless TASK [ARGS...]\n"
		"       mixless help [TASK | --search PATTERN]\n"
		"\n"
		"Runs Phoenix and Ecto mix tasks without Elixir. TASK is spelled as mix\n"
		"spells it (ecto.migrate, phx.digest, phx.gen.html ...) and takes the\n"
		"task's own switches.\n"
		"\n"
		"Options:\n"
		"  -h, --help     Show this help\n"
		"      --version  Show the version\n"
		"\n"
		"Tasks:\n");
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		fprintf(out, "  %-20s %s\n", t->name, t->shortdoc);
}

int main(int argc, char **argv)
{
	mx_diag_set_prog("mixless");
	if (argc < 2) {
		usage(stderr);
		return MX_EXIT_USAGE;
	}
	const char *first = argv[1];
	if (!strcmp(first, "--help") || !strcmp(first, "-h")) {
		usage(stdout);
		return MX_EXIT_OK;
	}
	if (!strcmp(first, "--version"))
		return mx_opt_version(stdout);
	if (first[0] == '-')
		return mx_diag_usage("unknown option '%s'", first);
	for (const struct mixless_command *c = commands; c->name; c++)
		if (!strcmp(c->name, first))
			return c->run(argc - 1, argv + 1);
	if (mixless_task_find(first))
		return mixless_exec_task(first, argc - 2, argv + 2);
	return mx_diag_usage("The task \"%s\" could not be found", first);
}
