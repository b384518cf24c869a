/*
 * phx-gen: the generators of `mix phx.gen.*`, `mix ecto.gen.migration` and
 * `mix ecto.gen.repo`, one subcommand each. This release knows their names
 * and switches' home; the generators themselves come with their own issue,
 * and until then each says so plainly instead of pretending.
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "opt.h"

struct generator {
	const char *name;
	const char *task;
};

static const struct generator generators[] = {
	{ "auth", "phx.gen.auth" },         { "cert", "phx.gen.cert" },
	{ "channel", "phx.gen.channel" },   { "context", "phx.gen.context" },
	{ "embedded", "phx.gen.embedded" }, { "html", "phx.gen.html" },
	{ "json", "phx.gen.json" },         { "live", "phx.gen.live" },
	{ "notifier", "phx.gen.notifier" }, { "presence", "phx.gen.presence" },
	{ "schema", "phx.gen.schema" },     { "secret", "phx.gen.secret" },
	{ "socket", "phx.gen.socket" },
	{ "ecto.gen.migration", "ecto.gen.migration" },
	{ "ecto.gen.repo", "ecto.gen.repo" },
	{ NULL, NULL },
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: phx-gen GENERATOR [ARGS...]\n\n"
		     "Generates Phoenix and Ecto code as `mix phx.gen.*` does.\n\n"
		     "Generators:\n");
	for (const struct generator *g = generators; g->name; g++)
		fprintf(out, "  %-20s mix %s\n", g->name, g->task);
	fprintf(out, "\nOptions:\n"
		     "  -h, --help     Show this help\n"
		     "      --version  Show the version\n");
}

int main(int argc, char **argv)
{
	mx_diag_set_prog("phx-gen");
	if (argc < 2) {
		usage(stderr);
		return MX_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return MX_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version"))
		return mx_opt_version(stdout);
	if (argv[1][0] == '-')
		return mx_diag_usage("unknown option '%s'", argv[1]);
	for (const struct generator *g = generators; g->name; g++)
		if (!strcmp(g->name, argv[1]))
			return mx_diag_fail(MX_EXIT_FAIL,
					    "'%s' (mix %s) is not implemented yet",
					    g->name, g->task);
	return mx_diag_usage("unknown generator '%s'", argv[1]);
}
