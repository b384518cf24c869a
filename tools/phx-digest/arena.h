/*
 * An arena for the contents a digest run holds between its phases
 * (arena.c): the CSS, JS and source maps read in phase 1 and rewritten in
 * phase 2, often a hundred MB or more. Taken from the kernel in large
 * chunks marked for transparent huge pages, they cost a page fault per
 * 2 MiB instead of per 4 KiB (on a virtual machine a fault costs more than
 * reading the 4 KiB); where the kernel has no huge pages to give, the
 * chunks are ordinary memory. Everything is given back at once.
 */
#ifndef PHX_DIGEST_ARENA_H
#define PHX_DIGEST_ARENA_H

#include <pthread.h>
#include <stddef.h>

/* Larger items are not worth a chunk's tail: the caller mallocs them. */
#define PHX_DIGEST_ARENA_ITEM_MAX ((size_t)4 << 20)

struct phx_digest_arena_chunk;

struct phx_digest_arena {
	pthread_mutex_t lock;
	struct phx_digest_arena_chunk *chunks; /* newest first */
	char *next;                            /* free space in the newest */
	size_t left;
};

void phx_digest_arena_init(struct phx_digest_arena *a);
/* n bytes (16-byte aligned), valid until the release; NULL when n is over
 * PHX_DIGEST_ARENA_ITEM_MAX or the kernel gives no memory (then malloc).
 * Safe from any thread. */
void *phx_digest_arena_alloc(struct phx_digest_arena *a, size_t n);
/* Gives every chunk back. */
void phx_digest_arena_release(struct phx_digest_arena *a);

/*
 * A large block filled at once (a rerun's file table, the cache's text and
 * entries: megabytes each): n bytes, not zeroed, 2 MiB-aligned and marked
 * for huge pages when n is 1 MiB or more, so that filling it costs a fault
 * per 2 MiB rather than per 4 KiB; plain malloc below that. free() releases
 * it, realloc() grows it (as ordinary memory). Aborts on out-of-memory.
 */
void *phx_digest_huge_alloc(size_t n);

#endif
