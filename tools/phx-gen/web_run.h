/*
 * web_run.h: the command function behind `phx-gen html`, `phx-gen json`
 * and `phx-gen live` (cmd_html.c, cmd_json.c, cmd_live.c hold only their
 * entries).
 */
#ifndef PHX_GEN_WEB_RUN_H
#define PHX_GEN_WEB_RUN_H

#include "command.h"
#include "web_gen.h"

/* The three commands' switches: phx.gen.context's (gen_cli.h), which
 * Phoenix's web generators pass on; and the sentence their docs end with. */
extern const struct mx_option phx_gen_web_options[];
#define PHX_GEN_WEB_SWITCHES_DOC                                                                   \
	"Its switches are phx.gen.context's (--web, --no-context, --no-schema,\n"                  \
	"--binary-id, --table, --prefix, --context-app, ...); unknown ones are\n"                  \
	"ignored, as Phoenix's generators ignore them.\n"

/* Runs generator gen with the parsed command line (the switches are in
 * phx_gen_cli, gen_cli.h; the task name is cl->cmd's). Returns the exit
 * code. */
int phx_gen_web_run(enum web_gen gen, const struct mx_cmdline *cl);

#endif
