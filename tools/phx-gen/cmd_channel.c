/*
 * channel: `mix phx.gen.channel`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_channel = {
    .name = "channel",
    .task = "phx.gen.channel",
    .tool = "phx-gen",
    .shortdoc = "Generates a Phoenix channel",
    .synopsis = "NAME",
    .doc = "Generates a Phoenix channel, as `mix phx.gen.channel` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>_channel.ex and its test, with\n"
           "test/support/channel_case.ex when missing; then the `channel` line to\n"
           "add to the user socket, or an offer to generate the socket first.\n"
           "\n"
           "  phx-gen channel Room\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
