/*
 * route: the table of routes and sockets (see route.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "route.h"

void pr_table_init(struct pr_table *t, struct mx_arena *a)
{
	memset(t, 0, sizeof(*t));
	t->arena = a;
}

void pr_table_release(struct pr_table *t)
{
	free(t->routes);
	free(t->sockets);
	t->routes = NULL;
	t->sockets = NULL;
	t->n = t->alloc = t->nsockets = t->asockets = 0;
}

struct pr_route *pr_table_add(struct pr_table *t)
{
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 256;
		t->routes = mx_xrealloc(t->routes, t->alloc * sizeof(*t->routes));
	}
	struct pr_route *r = &t->routes[t->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

void pr_table_add_socket(struct pr_table *t, const char *path, const struct mx_term *module,
                         const struct mx_term *opts)
{
	if (t->nsockets == t->asockets) {
		t->asockets = t->asockets ? t->asockets * 2 : 4;
		t->sockets = mx_xrealloc(t->sockets, t->asockets * sizeof(*t->sockets));
	}
	memmove(t->sockets + 1, t->sockets, t->nsockets * sizeof(*t->sockets));
	t->sockets[0] = (struct pr_socket){path, module, opts};
	t->nsockets++;
}

/* opts[:key] != false, Access on a keyword list (nil when not a list). */
static bool not_false(const struct pr_socket *s, const char *key)
{
	const struct mx_term *v =
	    s->opts && s->opts->type == MX_TERM_LIST ? mx_term_kw_get(s->opts, key) : NULL;
	return !(v && mx_term_is_atom(v, "false"));
}

bool pr_socket_websocket(const struct pr_socket *s)
{
	return not_false(s, "websocket");
}

bool pr_socket_longpoll(const struct pr_socket *s)
{
	return not_false(s, "longpoll");
}

bool pr_socket_hidden(const struct pr_socket *s)
{
	return s->module && mx_term_is_atom(s->module, "Elixir.Phoenix.LiveReloader.Socket");
}
