/*
 * cli: what phx-digest's two commands (cmd_digest.c, cmd_clean.c) share on
 * the command line: entering the project and Phoenix's path messages.
 */
#ifndef PHX_DIGEST_CLI_H
#define PHX_DIGEST_CLI_H

#include <stdio.h>

#include "diag.h"
#include "digest.h"

/* Enters the project (-C DIR or the nearest mix.exs upward, which becomes
 * the current directory, as mix runs there; without one, the directory as
 * it stands, with Phoenix's defaults) and reads its :phoenix config into o.
 * Reports a failure itself; returns an exit code. */
int phx_digest_enter(const char *dir, struct phx_digest_opts *o);

/* "<pre><path inspected><post>" on f, in colour c on a TTY, as Phoenix's
 * Mix.shell().info/error with inspect/1 of the path. */
void phx_digest_say_path(FILE *f, enum mx_color c, const char *pre, const char *path,
                         const char *post);

/* Now, in Gregorian seconds (the manifest's mtime). */
long long phx_digest_now(void);

#endif
