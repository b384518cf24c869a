/*
 * The contents arena (arena.h): chunks of CHUNK bytes from mmap, marked
 * MADV_HUGEPAGE, cut from the front under a lock (a few thousand
 * allocations a run: the lock is never the bottleneck).
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "buf.h"

#define CHUNK ((size_t)32 << 20)

struct phx_digest_arena_chunk {
	struct phx_digest_arena_chunk *next;
	size_t size;
};

/* The chunk header, rounded up so that items stay 16-byte aligned. */
#define HEADER ((sizeof(struct phx_digest_arena_chunk) + 15) & ~(size_t)15)

void phx_digest_arena_init(struct phx_digest_arena *a)
{
	pthread_mutex_init(&a->lock, NULL);
	a->chunks = NULL;
	a->next = NULL;
	a->left = 0;
}

static int new_chunk(struct phx_digest_arena *a)
{
	void *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return -1;
#ifdef MADV_HUGEPAGE
	/* advice only: without huge pages it is ordinary memory */
	madvise(p, CHUNK, MADV_HUGEPAGE);
#endif
	struct phx_digest_arena_chunk *c = p;
	c->next = a->chunks;
	c->size = CHUNK;
	a->chunks = c;
	a->next = (char *)p + HEADER;
	a->left = CHUNK - HEADER;
	return 0;
}

void *phx_digest_arena_alloc(struct phx_digest_arena *a, size_t n)
{
	void *p = NULL;
	if (n > PHX_DIGEST_ARENA_ITEM_MAX)
		return NULL;
	n = (n + 15) & ~(size_t)15;
	pthread_mutex_lock(&a->lock);
	if (a->left >= n || new_chunk(a) == 0) {
		p = a->next;
		a->next += n;
		a->left -= n;
	}
	pthread_mutex_unlock(&a->lock);
	return p;
}

void phx_digest_arena_release(struct phx_digest_arena *a)
{
	while (a->chunks) {
		struct phx_digest_arena_chunk *c = a->chunks;
		a->chunks = c->next;
		munmap(c, c->size);
	}
	a->next = NULL;
	a->left = 0;
	pthread_mutex_destroy(&a->lock);
}

#define HUGE_PAGE ((size_t)2 << 20)

void *phx_digest_huge_alloc(size_t n)
{
	if (n < HUGE_PAGE / 2)
		return mx_xmalloc(n ? n : 1);
	/* whole huge pages: the kernel backs only those with one */
	size_t size = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	void *p;
	if (posix_memalign(&p, HUGE_PAGE, size) != 0)
		return mx_xmalloc(n);
#ifdef MADV_HUGEPAGE
	/* advice only: without huge pages it is ordinary memory */
	madvise(p, size, MADV_HUGEPAGE);
#endif
	return p;
}
