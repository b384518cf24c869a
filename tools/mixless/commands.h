/*
 * commands: what mixless's own commands (cmd_<name>.c, one entry each,
 * listed in main.c) and the front door's runners share.
 */
#ifndef MIXLESS_COMMANDS_H
#define MIXLESS_COMMANDS_H

#include "command.h"
#include "mixproj.h"

/* mixless itself: its entries (help, phx, phx.server, debug). */
extern const struct mx_tool mixless_tool;

/* Runs a task's tool (found beside this binary, else on PATH) with args;
 * does not return on success. */
int mixless_exec_task(const char *task, int argc, char **argv);
/* Runs `<tool> --doc <command>` for a task: its full documentation. */
int mixless_exec_doc(const char *task);

/* This binary's path, and a tool's beside it (NULL when not there).
 * Caller frees. */
char *mixless_self_path(void);
char *mixless_tool_path(const char *tool);

/* An executable named name on PATH, or the one $env names (set but empty:
 * none). Caller frees; NULL when there is none. */
char *mixless_find_program(const char *name, const char *env);
/* Runs file (a path, or looked up on PATH) with argv and waits: its exit
 * code, 128+N for signal N. */
int mixless_spawn(const char *file, char *const argv[]);

/* `mixless ALIAS ARGS`: each step of a mix.exs alias in order, in the
 * project root; a step mixless cannot run goes to mix when Elixir is
 * installed, else is named in a warning and skipped. Stops at the first
 * failing step, with its exit code. */
int mixless_run_alias(const struct mixless_proj *mp, const struct mixless_alias *a, int argc,
                      char **argv);
/* `mixless TASK ARGS` for a project task: runs it in the project root with
 * the project's config in its environment (MIX_ENV, MIXLESS_APP,
 * MIXLESS_PROJECT_ROOT, DATABASE_URL, MIXLESS_ENDPOINT_URL), the config read
 * into mp's project then; does not return on success. */
int mixless_run_custom(struct mixless_proj *mp, const struct mixless_custom *c, int argc,
                       char **argv);

/* The Debian package that provides mix and iex. */
#define MIXLESS_ELIXIR_PACKAGE "elixir"

#endif
