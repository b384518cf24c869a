/*
 * socket: `mix phx.gen.socket`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_socket = {
    .name = "socket",
    .task = "phx.gen.socket",
    .tool = "phx-gen",
    .shortdoc = "Generates a Phoenix socket handler",
    .synopsis = "NAME [--from-channel CHANNEL]",
    .doc = "Generates a Phoenix socket handler, as `mix phx.gen.socket` does.\n"
           "\n"
           "lib/<app>_web/channels/<name>_socket.ex and assets/js/<name>_socket.js,\n"
           "then the `socket` line to add to the endpoint.\n"
           "\n"
           "  phx-gen socket User\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
