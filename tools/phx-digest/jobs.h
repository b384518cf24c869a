/*
 * A small thread pool (jobs.c): a parallel for over file indices, and a
 * slot per thread for what a worker keeps from one file to the next.
 */
#ifndef PHX_DIGEST_JOBS_H
#define PHX_DIGEST_JOBS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

/* Calls fn(i, ctx) for every i in [0, n) on up to nthreads threads; order[]
 * (may be NULL) gives the order indices are handed out in. Returns when all
 * are done. */
void phx_digest_parallel(size_t n, long nthreads, const size_t *order,
                         void (*fn)(size_t i, void *ctx), void *ctx);
/* The number of online processors, at least 1. */
long phx_digest_ncpu(void);

/* A pointer of each thread's own (a pthread key made on first use), given
 * to destroy when its thread ends. Define one as a static with
 * PHX_DIGEST_SLOT_INIT(destroy). */
struct phx_digest_slot {
	atomic_int state; /* 0: no key yet, 1: ready, -1: no key to be had */
	pthread_key_t key;
	void (*destroy)(void *);
};
#define PHX_DIGEST_SLOT_INIT(destroy) {0, 0, destroy}
/* This thread's pointer, NULL at first or where keys cannot be made. */
void *phx_digest_slot_get(struct phx_digest_slot *s);
/* Sets this thread's pointer; -1 where keys cannot be made (the caller
 * keeps p). */
int phx_digest_slot_set(struct phx_digest_slot *s, void *p);

#endif
