/*
 * webmod: what `use HelloWeb, :router` brings into a router, read from the
 * web module's `def router` (lib/hello_web.ex): whether it uses
 * Phoenix.Router, and with helpers or not (`helpers: false` in 1.7
 * apps; 1.6 apps and a bare `use Phoenix.Router` have them).
 */
#ifndef PR_WEBMOD_H
#define PR_WEBMOD_H

#include <stdbool.h>

#include "project/project.h"
#include "strvec.h"

struct pr_webmod {
	bool found;       /* the module's source was found and read */
	bool uses_router; /* its router/0 holds `use Phoenix.Router` */
	bool helpers;     /* ...without `helpers: false` */
};

/* Reads module's source (located as project/locate.h does; its path is appended to
 * read, which may be NULL). Returns 0 (w->found false when there is no such
 * source), or -1 when the file cannot be parsed. */
int pr_webmod_router(const struct mx_project *p, const char *module, struct mx_strvec *read,
                     struct pr_webmod *w);

#endif
