/*
 * endpoint: the sockets of a Phoenix endpoint (its `socket` calls), read
 * from source as __sockets__/0 would return them, for the socket lines of
 * the routes table. `if code_reloading? do` is answered from the
 * endpoint's :code_reloader config, as Phoenix.Endpoint binds it at compile
 * time.
 */
#ifndef PR_ENDPOINT_H
#define PR_ENDPOINT_H

#include "diag.h"
#include "project/project.h"
#include "route.h"

/* Adds the sockets of module, defined in file path whose contents are
 * text[0..len) (read when it was located), to t. Returns 0 or -1 with err
 * (a syntax error, code that cannot be evaluated). */
int pr_endpoint_read(struct pr_table *t, const struct mx_project *p, const char *path,
                     const char *text, size_t len, const char *module, struct mx_err *err);

#endif
