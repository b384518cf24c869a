/*
 * cert: `mix phx.gen.cert`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

static const char *output, *name;

static const struct mx_option options[] = {
    MX_OPT_STR_("output", 'o', &output, "PATH",
                "Where to write (default priv/cert/selfsigned: _key.pem and .pem)"),
    MX_OPT_STR_("name", 'n', &name, "NAME",
                "The certificate's common name (default Self-signed test certificate)"),
    MX_OPT_END_,
};

const struct mx_command phx_gen_cmd_cert = {
    .name = "cert",
    .task = "phx.gen.cert",
    .tool = "phx-gen",
    .shortdoc = "Generates a self-signed certificate for HTTPS testing",
    .synopsis = "[HOSTNAME...] [-o OUTPUT] [-n NAME]",
    .doc = "Generates a self-signed certificate for HTTPS testing, as `mix phx.gen.cert`\n"
           "does.\n"
           "\n"
           "An RSA-2048 key (<output>_key.pem) and an X.509 v3 certificate\n"
           "(<output>.pem) valid for a year, for the given host names (default\n"
           "localhost), then the config to use them in dev.exs. For development\n"
           "only: browsers warn about a self-signed certificate.\n"
           "\n"
           "  phx-gen cert\n"
           "  phx-gen cert -o priv/cert/dev localhost my-app.local\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .options = options,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
