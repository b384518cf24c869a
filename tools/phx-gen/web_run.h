/*
 * web_run.h: the command function behind `phx-gen html`, `phx-gen json`
 * and `phx-gen live` (cmd_html.c, cmd_json.c, cmd_live.c hold only their
 * entries).
 */
#ifndef PHX_GEN_WEB_RUN_H
#define PHX_GEN_WEB_RUN_H

#include "command.h"
#include "web_gen.h"

/* Runs generator gen with the parsed command line (the switches are in
 * phx_gen_cli, gen_cli.h). Returns the exit code. */
int phx_gen_web_run(enum web_gen gen, const struct mx_cmdline *cl);

#endif
