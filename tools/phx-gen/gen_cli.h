/*
 * gen_cli.h: the switches the resource generators share (Phoenix's
 * @switches of phx.gen.schema and phx.gen.context, which html, json and
 * live pass on), as option rows over one struct, and the argument checks
 * with Phoenix's messages and help texts.
 */
#ifndef PHX_GEN_CLI_H
#define PHX_GEN_CLI_H

#include "gen.h"

struct gen_cli {
	const char *dir;
	struct gen_switches sw;
	bool binary_id, migration, schema, context, merge, live, compile;
	int binary_id_seen, migration_seen, schema_seen, context_seen, merge_seen;
	const char *table, *web, *context_app, *prefix, *repo, *migration_dir;
};

/* The one instance the option rows point at (a process runs one command). */
extern struct gen_cli phx_gen_cli;

#define GEN_BOOL_SEEN_(l, v, seen, h)                                                              \
	{                                                                                          \
		MX_OPT_BOOL, l, 0, v, NULL, h, 0, seen, NULL                                       \
	}

#define PHX_GEN_SCHEMA_OPTIONS                                                                     \
	PHX_GEN_COMMON_OPTIONS(&phx_gen_cli.dir, &phx_gen_cli.sw),                                 \
	    GEN_BOOL_SEEN_("migration", &phx_gen_cli.migration, &phx_gen_cli.migration_seen,       \
	                   "Generate the migration (--no-migration: the schema alone)"),           \
	    GEN_BOOL_SEEN_("binary-id", &phx_gen_cli.binary_id, &phx_gen_cli.binary_id_seen,       \
	                   "Use binary ids (UUIDs) for the primary key and references"),           \
	    MX_OPT_STR_("table", 0, &phx_gen_cli.table, "NAME",                                    \
	                "The table (default: the plural)"),                                        \
	    MX_OPT_STR_("web", 0, &phx_gen_cli.web, "NAMESPACE", "Namespace the web modules"),     \
	    MX_OPT_STR_("context-app", 0, &phx_gen_cli.context_app, "APP",                         \
	                "The app holding the context (umbrella)"),                                 \
	    MX_OPT_STR_("prefix", 0, &phx_gen_cli.prefix, "PREFIX",                                \
	                "The schema prefix (@schema_prefix, table prefix)"),                       \
	    MX_OPT_STR_("repo", 0, &phx_gen_cli.repo, "REPO", "The repo (default <Base>.Repo)"),   \
	    MX_OPT_STR_("migration-dir", 0, &phx_gen_cli.migration_dir, "DIR",                     \
	                "Where to write the migration")

#define PHX_GEN_CONTEXT_OPTIONS                                                                    \
	PHX_GEN_SCHEMA_OPTIONS,                                                                    \
	    GEN_BOOL_SEEN_("schema", &phx_gen_cli.schema, &phx_gen_cli.schema_seen,                \
	                   "Generate the schema (--no-schema: the context functions only)"),       \
	    GEN_BOOL_SEEN_("context", &phx_gen_cli.context, &phx_gen_cli.context_seen,             \
	                   "Generate the context (--no-context: skip it)"),                        \
	    GEN_BOOL_SEEN_("merge-with-existing-context", &phx_gen_cli.merge,                      \
	                   &phx_gen_cli.merge_seen,                                                \
	                   "Add to an existing context without asking (--no-...: stop)"),          \
	    {MX_OPT_BOOL,   "live", 0,   &phx_gen_cli.live, NULL, "Accepted, as Phoenix's",        \
	     MX_OPT_HIDDEN, NULL,   NULL},                                                         \
	{                                                                                          \
		MX_OPT_BOOL, "compile", 0, &phx_gen_cli.compile, NULL, "Accepted, as Phoenix's",   \
		    MX_OPT_HIDDEN, NULL, NULL                                                      \
	}

/* The switches as generator options (tri-states -1 when not given). */
void phx_gen_cli_opts(struct gen_opts *o);

/* Phoenix's help texts, printed after a validation message. */
extern const char phx_gen_schema_help[];
extern const char phx_gen_context_help[];
extern const char phx_gen_embedded_help[];

/* (cmd_notifier.c) Phoenix's Swoosh set-up help, printed by the notifier
 * and auth generators when mailer ("Hello.Mailer") is not defined. */
void phx_gen_print_mailer_help(const char *mailer, const char *app);

/* Mix.raise("#{msg}\n\n#{help}") */
int phx_gen_raise_with_help(const char *help, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Gen.Schema.validate_args! + build: args[0] the schema module, args[1]
 * the plural, the rest attributes. help is the text of the generator
 * that asks (phx.gen.schema's or the context one's). Builds into *out.
 * Returns 0 or the exit code (message printed).
 */
int phx_gen_schema_from_args(struct gen_session *s, const struct gen_opts *o, const char *help,
                             size_t argc, char *const *args, struct gen_schema *out);

/*
 * Gen.Schema.copy_new_files: plans the schema file (conflict-checked) and,
 * when schema->migration, the migration in --migration-dir, or
 * priv/<repo>/migrations for --repo, or priv/repo/migrations (under the
 * context app). ctx (may be NULL) is bound as `context` in overrides.
 * Returns 0 or the exit code (message printed).
 */
int phx_gen_schema_plan(struct gen_session *s, const struct gen_opts *o,
                        const struct gen_schema *schema, const struct gen_context *ctx,
                        const struct mx_tmpl_value *root);

#endif
