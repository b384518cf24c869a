/*
 * gen.h: what phx-gen's generators (one cmd_<name>.c each) share.
 */
#ifndef PHX_GEN_H
#define PHX_GEN_H

#include "command.h"
#include "gen_model.h"
#include "gen_plan.h"

/* A generator this release knows by name and switches but does not run
 * yet: says so plainly (exit 1) instead of pretending. */
int phx_gen_not_implemented(const struct mx_cmdline *cl);

#endif
