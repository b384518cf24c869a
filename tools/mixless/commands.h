/*
 * commands: mixless's own commands (help, debug ...), one file each
 * (cmd-<name>.c) and one row in the table in main.c, the way tmux adds a
 * command. Each returns an exit code.
 */
#ifndef MIXLESS_COMMANDS_H
#define MIXLESS_COMMANDS_H

#include <stdbool.h>

struct mixless_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *shortdoc;
	bool hidden; /* debugging aids stay out of the help listing */
};

int mixless_cmd_help(int argc, char **argv);
int mixless_cmd_debug(int argc, char **argv);

/* `mixless debug <what>` subcommands, one row each (cmd-debug.c). */
struct mixless_debug_command {
	const char *name;
	int (*run)(int argc, char **argv);
};
extern const struct mixless_debug_command mixless_debug_commands[];
int mixless_cmd_debug_parse(int argc, char **argv); /* cmd-debug-parse.c */
int mixless_cmd_debug_config(int argc, char **argv); /* cmd-debug-config.c */

/* Runs a task's tool (found beside this binary, else on PATH) with args;
 * does not return on success. */
int mixless_exec_task(const char *task, int argc, char **argv);

#endif
