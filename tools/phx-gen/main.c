/*
 * phx-gen: the generators of `mix phx.gen.*`, `mix ecto.gen.migration` and
 * `mix ecto.gen.repo`, one command each (cmd_<name>.c). This release knows
 * their names, switches and documentation; the generators themselves come
 * with their own issues, and until then each says so plainly instead of
 * pretending. This file holds the list and the usage.
 */
#include <stdio.h>

#include "command.h"

/* One row per generator, in the order the usage lists them. */
#define COMMANDS(X)                                                                                \
	X(phx_gen_cmd_auth)                                                                        \
	X(phx_gen_cmd_cert)                                                                        \
	X(phx_gen_cmd_channel)                                                                     \
	X(phx_gen_cmd_context)                                                                     \
	X(phx_gen_cmd_embedded)                                                                    \
	X(phx_gen_cmd_html)                                                                        \
	X(phx_gen_cmd_json)                                                                        \
	X(phx_gen_cmd_live)                                                                        \
	X(phx_gen_cmd_notifier)                                                                    \
	X(phx_gen_cmd_presence)                                                                    \
	X(phx_gen_cmd_schema)                                                                      \
	X(phx_gen_cmd_secret)                                                                      \
	X(phx_gen_cmd_socket)                                                                      \
	X(phx_gen_cmd_ecto_gen_migration)                                                          \
	X(phx_gen_cmd_ecto_gen_repo)                                                               \
	X(phx_gen_cmd_task)

MX_COMMAND_TABLE(commands, COMMANDS);

static void usage(FILE *out)
{
	fprintf(out, "Usage: phx-gen GENERATOR [ARGS...]\n\n"
	             "Generates Phoenix and Ecto code as `mix phx.gen.*` does.\n\n"
	             "Generators:\n");
	for (size_t i = 0; commands[i]; i++)
		fprintf(out, "  %-20s mix %s\n", commands[i]->name, commands[i]->task);
	fprintf(out, "\nOptions:\n");
	mx_opt_print_help(
	    out, (const struct mx_option[]){MX_OPT_HELP(NULL), MX_OPT_VERSION(NULL), MX_OPT_END_});
}

static const struct mx_tool tool = {
    .name = "phx-gen",
    .summary = "Phoenix and Ecto generators, as mix phx.gen.*",
    .noun = "generator",
    .commands = commands,
    .usage = usage,
};

int main(int argc, char **argv)
{
	return mx_tool_main(&tool, argc, argv);
}
