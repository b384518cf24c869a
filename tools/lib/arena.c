#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

struct mx_arena_block {
	struct mx_arena_block *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

enum { BLOCK_MIN = 64 * 1024 };

void *mx_arena_alloc(struct mx_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	if (!a->head || a->used + n > a->head->size) {
		/* Big requests get a block of their own, so they do not waste
		 * the rest of the current block. */
		size_t size = n > BLOCK_MIN / 4 ? n : BLOCK_MIN;
		struct mx_arena_block *b = mx_xmalloc(sizeof(*b) + size);
		b->size = size;
		if (size == n && a->head) {
			b->next = a->head->next;
			a->head->next = b;
			memset(b->data, 0, n);
			a->total += n;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	void *p = a->head->data + a->used;
	a->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

char *mx_arena_strndup(struct mx_arena *a, const char *s, size_t n)
{
	char *p = mx_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *mx_arena_strdup(struct mx_arena *a, const char *s)
{
	return mx_arena_strndup(a, s, strlen(s));
}

void *mx_arena_memdup(struct mx_arena *a, const void *p, size_t n)
{
	void *q = mx_arena_alloc(a, n);
	memcpy(q, p, n);
	return q;
}

void mx_arena_release(struct mx_arena *a)
{
	if (!a)
		return;
	struct mx_arena_block *b = a->head;
	while (b) {
		struct mx_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = a->total = 0;
}
