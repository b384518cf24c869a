/*
 * phx.digest.clean and phx.digest.clean --all (clean.c).
 */
#ifndef PHX_DIGEST_CLEAN_H
#define PHX_DIGEST_CLEAN_H

#include <stdbool.h>

#include "diag.h"
#include "digest.h"
#include "strvec.h"

struct phx_digest_clean_opts {
	const char *output;
	long age, keep;
	bool all;
	bool dry_run;
	bool quiet;
	long long now;          /* Gregorian seconds of this run */
	struct mx_strvec zexts; /* compressed copies to remove (phx_digest_zexts) */
};

/* Removes old versions (or, with all, every digested file) of the output.
 * PHX_DIGEST_MISSING when the output path does not exist. */
enum phx_digest_result phx_digest_clean(const struct phx_digest_clean_opts *o, struct mx_err *err);

#endif
