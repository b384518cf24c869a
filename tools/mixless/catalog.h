/*
 * catalog: every task `mixless help` lists, as mix help lists them: the
 * tools' tasks, mixless's own tasks (phx, phx.server), the aliases of the
 * project's mix.exs ("Alias defined in mix.exs"; an alias named as a task
 * replaces it, as in mix) and the project's own tasks, plus extra rows a
 * build registered (phx_add_task). Sorted by name.
 */
#ifndef MIXLESS_CATALOG_H
#define MIXLESS_CATALOG_H

#include <stdio.h>

#include "mixproj.h"

struct mixless_row {
	char *name;
	char *shortdoc;
};

struct mixless_catalog {
	struct mixless_row *rows;
	size_t n;
};

#define MIXLESS_CATALOG_INIT                                                                       \
	{                                                                                          \
		NULL, 0                                                                            \
	}

/* Builds the list; mp may be NULL (no project). extra, when not NULL, is a
 * file of "name<TAB>shortdoc" lines; returns -1 with err when it cannot be
 * read. */
int mixless_catalog_build(struct mixless_catalog *c, const struct mixless_proj *mp,
                          const char *extra, struct mx_err *err);
/* Only the aliases of mp (mix help --aliases), sorted. */
void mixless_catalog_aliases(struct mixless_catalog *c, const struct mixless_proj *mp);
void mixless_catalog_release(struct mixless_catalog *c);

/* `mixless help --search pattern` in the project above the cwd, the list
 * mix ecto, mix phx and mix phx.gen end with; a project that cannot be read
 * adds nothing to it (no message). */
void mixless_catalog_search(FILE *out, const char *pattern);

/* The rows whose name holds pattern (all with NULL), as mix help prints
 * them: "mixless <name padded to the longest shown> # <shortdoc>". */
void mixless_catalog_print(FILE *out, const struct mixless_catalog *c, const char *pattern);

#endif
