/* `mixless debug <what> ...`: aids for tests and for anyone chasing a bug
 * (how a file parses, what config resolves to). Left out of the help listing. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"

const struct mixless_debug_command mixless_debug_commands[] = {
	{ "parse", mixless_cmd_debug_parse },
	{ "config", mixless_cmd_debug_config },
	{ NULL, NULL },
};

int mixless_cmd_debug(int argc, char **argv)
{
	if (argc < 2)
		return mx_diag_usage("debug expects a subcommand");
	for (const struct mixless_debug_command *c = mixless_debug_commands; c->name; c++)
		if (!strcmp(c->name, argv[1]))
			return c->run(argc - 1, argv + 1);
	return mx_diag_usage("unknown debug subcommand '%s'", argv[1]);
}
