/*
 * notifier: `mix phx.gen.notifier`. The entry of a generator this
 * release does not run yet; its own issue fills in the function.
 */
#include "gen.h"

const struct mx_command phx_gen_cmd_notifier = {
    .name = "notifier",
    .task = "phx.gen.notifier",
    .tool = "phx-gen",
    .shortdoc = "Generates a notifier that delivers emails by default",
    .synopsis = "Context Notifier message... [options]",
    .doc = "Generates a notifier that delivers emails by default, as\n"
           "`mix phx.gen.notifier` does.\n"
           "\n"
           "lib/<app>/<context>/<name>_notifier.ex with one deliver function per\n"
           "message, and its test; Swoosh setup help when the app has no Mailer.\n"
           "\n"
           "  phx-gen notifier Accounts User welcome_user reset_password\n"
           "\n"
           "Not implemented yet: the generator comes with its own issue.\n",
    .mode = MX_OPT_LENIENT,
    .max_args = -1,
    .fn = phx_gen_not_implemented,
};
