/*
 * commands: what mixless's own commands (cmd_<name>.c, one entry each,
 * listed in main.c) share with the front door.
 */
#ifndef MIXLESS_COMMANDS_H
#define MIXLESS_COMMANDS_H

/* Runs a task's tool (found beside this binary, else on PATH) with args;
 * does not return on success. */
int mixless_exec_task(const char *task, int argc, char **argv);

#endif
