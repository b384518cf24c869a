/*
 * info: `mix phx.routes --info URL [--method M]`: the route a URL matches
 * (Phoenix.Router.route_info/4 with host ""), then its module, function and
 * the file:line where the function is defined, found in the module's source.
 */
#ifndef PR_INFO_H
#define PR_INFO_H

#include "buf.h"
#include "diag.h"
#include "project/project.h"
#include "route.h"

/* Appends the lines mix prints to out and returns 0, or -1 with err when no
 * route matches ("no route found for GET /x (HelloWeb.Router)"). */
int pr_info(const struct pr_table *t, const struct mx_project *p, const char *router,
            const char *url, const char *method, struct mx_buf *out, struct mx_err *err);

/* Whether route path `pattern` (e.g. "/posts/:id", a glob "*rest", "/css-:md5")
 * matches the request path; forwards match any path below theirs. */
bool pr_path_matches(const struct pr_route *r, const char *path);

#endif
