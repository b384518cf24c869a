/*
 * tasks: lookups in the generated task table (tasks_gen.c in the build
 * tree; see tasks.cmake for how and why it is made).
 */
#include "tasks.h"

#include <stddef.h>
#include <string.h>

const struct mixless_task *mixless_task_find(const char *name)
{
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}
