#include "tasks.h"

#include <stddef.h>
#include <string.h>

/* Sorted by name, as `mix help` prints them. The shortdocs are the tasks'
 * own @shortdoc texts, so `mixless help` reads like `mix help`. */
const struct mixless_task mixless_tasks[] = {
	{ "ecto.create", "ecto-migrate", "create", "Creates the repository storage" },
	{ "ecto.drop", "ecto-migrate", "drop", "Drops the repository storage" },
	{ "ecto.dump", "ecto-migrate", "dump", "Dumps the repository database structure" },
	{ "ecto.gen.migration", "phx-gen", "ecto.gen.migration", "Generates a new migration for the repo" },
	{ "ecto.gen.repo", "phx-gen", "ecto.gen.repo", "Generates a new repository" },
	{ "ecto.load", "ecto-migrate", "load", "Loads previously dumped database structure" },
	{ "ecto.migrate", "ecto-migrate", "migrate", "Runs the repository migrations" },
	{ "ecto.migrations", "ecto-migrate", "migrations", "Displays the repository migration status" },
	{ "ecto.reset", "ecto-migrate", "reset", "Alias defined in mix.exs" },
	{ "ecto.rollback", "ecto-migrate", "rollback", "Rolls back the repository migrations" },
	{ "ecto.setup", "ecto-migrate", "setup", "Alias defined in mix.exs" },
	{ "phx.digest", "phx-digest", NULL, "Digests and compresses static files" },
	{ "phx.digest.clean", "phx-digest", "clean", "Removes old versions of static assets." },
	{ "phx.gen.auth", "phx-gen", "auth", "Generates authentication logic for a resource" },
	{ "phx.gen.cert", "phx-gen", "cert", "Generates a self-signed certificate for HTTPS testing" },
	{ "phx.gen.channel", "phx-gen", "channel", "Generates a Phoenix channel" },
	{ "phx.gen.context", "phx-gen", "context", "Generates a context with functions around an Ecto schema" },
	{ "phx.gen.embedded", "phx-gen", "embedded", "Generates an embedded Ecto schema file" },
	{ "phx.gen.html", "phx-gen", "html", "Generates controller, views, and context for an HTML resource" },
	{ "phx.gen.json", "phx-gen", "json", "Generates controller, views, and context for a JSON resource" },
	{ "phx.gen.live", "phx-gen", "live", "Generates LiveView, templates, and context for a resource" },
	{ "phx.gen.notifier", "phx-gen", "notifier", "Generates a notifier that delivers emails by default" },
	{ "phx.gen.presence", "phx-gen", "presence", "Generates a Presence tracker" },
	{ "phx.gen.schema", "phx-gen", "schema", "Generates an Ecto schema and migration file" },
	{ "phx.gen.secret", "phx-gen", "secret", "Generates a secret" },
	{ "phx.gen.socket", "phx-gen", "socket", "Generates a Phoenix socket handler" },
	{ "phx.routes", "phx-routes", NULL, "Prints all routes" },
	{ NULL, NULL, NULL, NULL },
};

const struct mixless_task *mixless_task_find(const char *name)
{
	for (const struct mixless_task *t = mixless_tasks; t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}
