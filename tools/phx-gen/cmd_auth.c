/*
 * auth: `mix phx.gen.auth`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

static const char *web, *hashing_lib, *table, *prefix;
static bool binary_id, merge, live, compile = true;

static const struct mx_option options[] = {
    MX_OPT_STR_("web", 0, &web, "NAMESPACE", "Namespace the web modules and routes"),
    MX_OPT_BOOL_("binary-id", 0, &binary_id, "Use binary ids for the schemas"),
    MX_OPT_STR_("hashing-lib", 0, &hashing_lib, "LIB", "bcrypt (default), pbkdf2 or argon2"),
    MX_OPT_STR_("table", 0, &table, "NAME", "The users table (default: the plural)"),
    MX_OPT_BOOL_("merge-with-existing-context", 0, &merge,
                 "Generate into an existing context without asking"),
    MX_OPT_STR_("prefix", 0, &prefix, "PREFIX", "The schema prefix of the tables"),
    MX_OPT_BOOL_("live", 0, &live, "LiveView pages (--no-live: controllers only)"),
    {MX_OPT_BOOL, "compile", 0, &compile, NULL, "Ignored (mix compatibility)", MX_OPT_HIDDEN, NULL,
     NULL},
    MX_OPT_END_,
};

const struct mx_command phx_gen_cmd_auth = {
    .name = "auth",
    .task = "phx.gen.auth",
    .tool = "phx-gen",
    .shortdoc = "Generates authentication logic for a resource",
    .synopsis = "Accounts User users [--live | --no-live] [options]",
    .doc = "Generates authentication logic for a resource, as `mix phx.gen.auth` does.\n"
           "\n"
           "A context (Accounts) with a schema (User) and its token schema, their\n"
           "migration (a citext email on PostgreSQL), the hashing library of\n"
           "--hashing-lib added to mix.exs, registration, log-in, confirmation and\n"
           "password-reset pages (LiveView unless --no-live; without either switch\n"
           "Phoenix asks), their tests, and the routes, plugs and menu injected into\n"
           "the router and the layout.\n"
           "\n"
           "  phx-gen auth Accounts User users\n"
           "  phx-gen auth Accounts User users --no-live --hashing-lib argon2\n"
           "\n"
           "Its switches are parsed strictly, as phx.gen.auth's are. Not implemented\n"
           "yet: the generator comes with its own issue.\n",
    .options = options,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
