/*
 * secret: `mix phx.gen.secret`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_secret = {
    .name = "secret",
    .task = "phx.gen.secret",
    .tool = "phx-gen",
    .shortdoc = "Generates a secret",
    .synopsis = "[LENGTH]",
    .doc = "Generates a secret, as `mix phx.gen.secret` does.\n"
           "\n"
           "LENGTH (default 64, at least 32) characters of base64 of random bytes,\n"
           "for secret_key_base and signing salts.\n"
           "\n"
           "  phx-gen secret\n"
           "  phx-gen secret 32\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
