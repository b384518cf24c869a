/*
 * phx-routes: `mix phx.routes` from source, without compiling the app. This
 * file holds the list of commands: phx.routes is the default and only one
 * (cmd_routes.c).
 */
#include "command.h"

#define COMMANDS(X) X(phx_routes_cmd_routes)

MX_COMMAND_TABLE(commands, COMMANDS);

static const struct mx_tool tool = {
    .name = "phx-routes",
    .summary = "print all routes, as mix phx.routes",
    .noun = "command",
    .commands = commands,
};

int main(int argc, char **argv)
{
	return mx_tool_main(&tool, argc, argv);
}
