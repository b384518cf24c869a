/*
 * tasks: the mix tasks mixless knows, as `mix help` lists them, and which
 * binary does each one. The table is not written here: it is generated at
 * build time from the other tools' command entries (tasks.cmake), so a task
 * is described once, in its tool's cmd_<name>.c.
 */
#ifndef MIXLESS_TASKS_H
#define MIXLESS_TASKS_H

struct mixless_task {
	const char *name;     /* as mix spells it: "ecto.migrate" */
	const char *tool;     /* binary that does it: "ecto-migrate" */
	const char *subcmd;   /* its command, or NULL for the tool's default */
	const char *shortdoc; /* mix help's one-liner */
};

/* Sorted by name, as `mix help` prints them; ends with a NULL row. */
extern const struct mixless_task mixless_tasks[];

/* The row for name, or NULL. */
const struct mixless_task *mixless_task_find(const char *name);

#endif
