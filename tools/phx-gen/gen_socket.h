/*
 * gen_socket: phx.gen.socket's body, which phx.gen.channel runs too (as
 * Gen.Socket.run(~w(User --from-channel Room)) when the project has no
 * user_socket.ex).
 */
#ifndef PHX_GEN_SOCKET_H
#define PHX_GEN_SOCKET_H

#include "gen.h"

/*
 * Checks that <Web>.<Name>Socket is free, writes the socket module and
 * assets/js/<path>_socket.js through plan (its own, run here) and prints
 * the endpoint and JS instructions. from_channel (NULL allowed) names the
 * channel whose topic the socket routes. Returns the exit code.
 */
int phx_gen_socket_run(struct gen_session *s, struct gen_plan *plan, const char *name,
                       const char *from_channel);

#endif
