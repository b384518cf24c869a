/*
 * tasks: the mix tasks mixless knows, as `mix help` lists them, and which
 * binary does each one. One row per task; a new task is one row.
 */
#ifndef MIXLESS_TASKS_H
#define MIXLESS_TASKS_H

struct mixless_task {
	const char *name;     /* as mix spells it: "ecto.migrate" */
	const char *tool;     /* binary that does it: "ecto-migrate" */
	const char *subcmd;   /* its subcommand, or NULL */
	const char *shortdoc; /* mix help's one-liner */
};

extern const struct mixless_task mixless_tasks[];

/* The row for name, or NULL. */
const struct mixless_task *mixless_task_find(const char *name);

#endif
