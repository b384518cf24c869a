/*
 * ecto-migrate: `mix ecto.create/drop/migrate/rollback/migrations/dump/load`
 * and the ecto.setup/ecto.reset aliases for PostgreSQL, without Elixir. Each
 * command takes the mix task's switches (names, aliases, defaults) and
 * prints its messages and Logger lines; the same schema_migrations table and
 * migration lock are used, so a project can switch between mix and
 * ecto-migrate at any time. Additions are opt-in switches: --url, --wait,
 * --dry-run, --lock, --lock-timeout, migrations --format json/--exit-code,
 * setup/reset --seeds FILE.sql.
 *
 * This file holds the list of commands and the usage; each command is one
 * cmd_<name>.c (its switches, documentation and function), and the work is
 * in runner.c and its helpers.
 */
#include <stdio.h>

#include "command.h"

/* One row per command, in the order the usage lists them. */
#define COMMANDS(X)                                                                                \
	X(em_cmd_create)                                                                           \
	X(em_cmd_drop)                                                                             \
	X(em_cmd_migrate)                                                                          \
	X(em_cmd_rollback)                                                                         \
	X(em_cmd_migrations)                                                                       \
	X(em_cmd_dump)                                                                             \
	X(em_cmd_load)                                                                             \
	X(em_cmd_setup)                                                                            \
	X(em_cmd_reset)

MX_COMMAND_TABLE(commands, COMMANDS);

static void usage(FILE *out)
{
	fprintf(out, "Usage: ecto-migrate COMMAND [options]\n\n"
	             "Ecto's mix tasks for PostgreSQL, without Elixir.\n\nCommands:\n");
	for (size_t i = 0; commands[i]; i++)
		fprintf(out, "  %-12s %-44s (mix %s)\n", commands[i]->name, commands[i]->shortdoc,
		        commands[i]->task);
	fprintf(out, "\nRun 'ecto-migrate COMMAND --help' for a command's options.\n");
}

static const struct mx_tool tool = {
    .name = "ecto-migrate",
    .summary = "Ecto migrations and database tasks on PostgreSQL, as mix ecto.*",
    .noun = "command",
    .commands = commands,
    .usage = usage,
};

int main(int argc, char **argv)
{
	return mx_tool_main(&tool, argc, argv);
}
