/*
 * mixproj: what the project in the current directory adds to mixless's tasks,
 * as mix sees it: the aliases of mix.exs and the project's own tasks.
 *
 *   aliases   project/0's :aliases (setup, ecto.setup, test, ...): each a
 *             list of steps, a step being a task with its arguments
 *             ("ecto.create --quiet") or a function, which only mix can run.
 *   custom    the executables in tasks/ (MIXLESS_TASKS_DIR, relative to the
 *             root), each a task named as its file (tasks/hello.greeting is
 *             `mixless hello.greeting`), with a shortdoc from its first
 *             `# @shortdoc TEXT` line, the analog of a Mix task's @shortdoc.
 *
 * Outside a project both lists are empty. Memory: the struct owns every
 * string; mixless_proj_release frees them all.
 */
#ifndef MIXLESS_MIXPROJ_H
#define MIXLESS_MIXPROJ_H

#include <stdbool.h>
#include <stddef.h>

#include "project/project.h"
#include "strvec.h"

struct mixless_alias {
	char *name;
	/* each step as written; a function step is NULL here */
	struct mx_strvec steps;
	/* the steps as `mix help ALIAS` shows the alias, inspected */
	char *inspected;
	/* what `mix help` lists for it: "Alias for ecto.drop, ecto.setup" */
	char *shortdoc;
};

struct mixless_custom {
	char *name; /* "hello.greeting" */
	char *path; /* absolute */
};

struct mixless_proj {
	struct mx_project p; /* mix.exs only (no config); p.found */
	struct mixless_alias *aliases;
	size_t naliases;
	struct mixless_custom *customs;
	size_t ncustoms;
};

#define MIXLESS_PROJ_INIT                                                                          \
	{                                                                                          \
		.p = MX_PROJECT_INIT                                                               \
	}

/* Reads the project above the cwd, if any, and its aliases (a missing
 * mix.exs is not an error: the lists stay empty). Returns 0, or -1 with err
 * when mix.exs cannot be read. */
int mixless_proj_load(struct mixless_proj *mp, struct mx_err *err);
/* Then the executables of its tasks folder, only where they are wanted
 * (help, a name that is neither alias nor tool task, an alias's steps):
 * running a tool's task does not list the folder. Returns 0, or -1 with err
 * when the folder cannot be read. */
int mixless_proj_load_tasks(struct mixless_proj *mp, struct mx_err *err);
void mixless_proj_release(struct mixless_proj *mp);

const struct mixless_alias *mixless_proj_alias(const struct mixless_proj *mp, const char *name);
const struct mixless_custom *mixless_proj_custom(const struct mixless_proj *mp, const char *name);

/* The tasks folder: root/$MIXLESS_TASKS_DIR, default root/tasks; appended
 * to out. */
void mixless_proj_tasks_dir(const struct mixless_proj *mp, struct mx_buf *out);

/* The shortdoc of an executable's `# @shortdoc TEXT` line among its first
 * lines, or NULL. Caller frees. */
char *mixless_read_shortdoc(const char *path);

#endif
