/*
 * `mixless debug <what> ...`: aids for tests and for anyone chasing a bug
 * (how a file parses, what config resolves to). Left out of the help
 * listing. Each aid is one cmd_debug_<what>.c and one row below.
 */
#include "command.h"

#define DEBUG_COMMANDS(X) X(mixless_cmd_debug_parse) X(mixless_cmd_debug_config)

MX_COMMAND_TABLE(debug_commands, DEBUG_COMMANDS);

const struct mx_command mixless_cmd_debug = {
    .name = "debug",
    .tool = "mixless",
    .shortdoc = "Debugging aids (parse, config)",
    .doc = "Debugging aids: how the tools read a file (parse) and what a project's\n"
           "config resolves to (config).\n",
    .flags = MX_CMD_HIDDEN,
    .subcommands = debug_commands,
};
