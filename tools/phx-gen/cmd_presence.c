/*
 * presence: `mix phx.gen.presence`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_presence = {
    .name = "presence",
    .task = "phx.gen.presence",
    .tool = "phx-gen",
    .shortdoc = "Generates a Presence tracker",
    .synopsis = "[NAME]",
    .doc = "Generates a Presence tracker, as `mix phx.gen.presence` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>.ex (default Presence) using the app's\n"
           "PubSub, and the line to add to the supervision tree.\n"
           "\n"
           "  phx-gen presence\n"
           "  phx-gen presence MyPresence\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
