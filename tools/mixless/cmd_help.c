/* `mixless help [TASK]` and `mixless help --search PATTERN`, as mix help. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "tasks.h"

static void list(const char *pattern)
{
	size_t width = 0;
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!pattern || strstr(t->name, pattern))
			width = strlen(t->name) > width ? strlen(t->name) : width;
	/* Mix pads task names to the longest one shown. */
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!pattern || strstr(t->name, pattern))
			printf("mix %-*s # %s\n", (int)width, t->name, t->shortdoc);
}

int mixless_cmd_help(int argc, char **argv)
{
	if (argc == 1) {
		list(NULL);
		return MX_EXIT_OK;
	}
	if (!strcmp(argv[1], "--search")) {
		if (argc != 3)
			return mx_diag_usage("help --search expects a pattern");
		list(argv[2]);
		return MX_EXIT_OK;
	}
	if (argc == 2 && argv[1][0] != '-') {
		if (!mixless_task_find(argv[1]))
			return mx_diag_fail(MX_EXIT_FAIL,
					    "The task \"%s\" could not be found", argv[1]);
		char help[] = "--help";
		char *args[] = { help, NULL };
		return mixless_exec_task(argv[1], 1, args);
	}
	return mx_diag_usage("unexpected arguments to help");
}
