/*
 * A small thread pool (jobs.c): a parallel for over file indices.
 */
#ifndef PHX_DIGEST_JOBS_H
#define PHX_DIGEST_JOBS_H

#include <stddef.h>

/* Calls fn(i, ctx) for every i in [0, n) on up to nthreads threads; order[]
 * (may be NULL) gives the order indices are handed out in. Returns when all
 * are done. */
void phx_digest_parallel(size_t n, long nthreads, const size_t *order,
                         void (*fn)(size_t i, void *ctx), void *ctx);
/* The number of online processors, at least 1. */
long phx_digest_ncpu(void);

#endif
