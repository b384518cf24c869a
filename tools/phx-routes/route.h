/*
 * route: phx-routes' model, what the router and endpoint readers produce and
 * the formatters print. It mirrors the fields of Phoenix.Router.Route that
 * `mix phx.routes` shows, plus where each route was written.
 *
 * Memory: a table and everything it points to (strings, terms) live in the
 * arena given to pr_table_init; nothing is freed one by one. The route
 * array itself is malloc'd and freed by pr_table_release.
 */
#ifndef PR_ROUTE_H
#define PR_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "exs/term.h"

enum pr_kind { PR_MATCH, PR_FORWARD };

struct pr_route {
	enum pr_kind kind;
	const char *verb;   /* upper case as printed: "GET", "*" */
	const char *path;   /* normalised: "/posts/:id" */
	const char *helper; /* "post", "admin_user"; NULL when the route has none */
	/* What the table prints after the path: inspect(log_module) and
	 * inspect(plug_opts). log_module is the LiveView for live routes,
	 * else the plug. */
	const struct mx_term *log_module;
	const struct mx_term *plug_opts;
	const struct mx_term *plug;   /* Phoenix.LiveView.Plug for live routes */
	const struct mx_term *action; /* the live action or controller action, or NULL */
	/* The scope's :host patterns cannot match the empty host that
	 * --info asks with (route_info/4 with host ""), unless one is "". */
	bool host_only;
	const char *file; /* where the route (or its macro) is written */
	unsigned line;
};

/* One `socket` of the endpoint: what __sockets__/0 holds. */
struct pr_socket {
	const char *path;
	const struct mx_term *module;
	const struct mx_term *opts; /* the keyword list as written ([] when none) */
};

struct pr_table {
	struct mx_arena *arena;
	struct pr_route *routes;
	size_t n, alloc;
	/* In __sockets__ order, which is the reverse of the source's
	 * (Phoenix accumulates them in a module attribute). */
	struct pr_socket *sockets;
	size_t nsockets, asockets;
	bool helpers; /* the router was compiled with helpers */
	bool have_endpoint;
	unsigned skipped; /* library macros that could not be expanded */
};

void pr_table_init(struct pr_table *t, struct mx_arena *a);
void pr_table_release(struct pr_table *t);
/* Appends a zeroed route and returns it (valid until the next append). */
struct pr_route *pr_table_add(struct pr_table *t);
/* Adds a socket in front, as the accumulating attribute does. */
void pr_table_add_socket(struct pr_table *t, const char *path, const struct mx_term *module,
                         const struct mx_term *opts);

/* Whether the socket prints its websocket / longpoll lines: an option other
 * than false (absent included), as the console formatter tests it. */
bool pr_socket_websocket(const struct pr_socket *s);
bool pr_socket_longpoll(const struct pr_socket *s);
/* Phoenix.LiveReloader.Socket: counted in the widths, never printed. */
bool pr_socket_hidden(const struct pr_socket *s);

#endif
