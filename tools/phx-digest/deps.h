/*
 * The depfile of a digest run (deps.c), for make and CMake.
 */
#ifndef PHX_DIGEST_DEPS_H
#define PHX_DIGEST_DEPS_H

#include "collect.h"
#include "diag.h"
#include "strvec.h"

/* Writes the depfile at path naming target (default OUT/cache_manifest.json)
 * with absolute paths: every input file, every directory walked and the
 * config files; an unchanged depfile is not rewritten. */
int phx_digest_depfile_write(const char *path, const char *target, const char *in, const char *out,
                             const struct phx_digest_tree *t, const struct mx_strvec *config_files,
                             struct mx_err *err);

#endif
