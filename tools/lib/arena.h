/*
 * arena: a bump allocator for data that lives and dies together (an AST, the
 * terms an evaluation produces). Nothing is freed one by one; mx_arena_release
 * frees everything at once, which keeps parsers simple and leak-free.
 */
#ifndef MX_ARENA_H
#define MX_ARENA_H

#include <stddef.h>

struct mx_arena_block;
struct mx_arena {
	struct mx_arena_block *head;
	size_t used; /* bytes used in head */
	size_t total; /* bytes handed out, for statistics */
};
#define MX_ARENA_INIT { NULL, 0, 0 }

/* Zeroed memory, aligned for any type; aborts on out-of-memory. */
void *mx_arena_alloc(struct mx_arena *a, size_t n);
/* Copies s[0..n) and adds a NUL. */
char *mx_arena_strndup(struct mx_arena *a, const char *s, size_t n);
char *mx_arena_strdup(struct mx_arena *a, const char *s);
void *mx_arena_memdup(struct mx_arena *a, const void *p, size_t n);
/* Frees every block; the arena is empty and reusable. Accepts NULL. */
void mx_arena_release(struct mx_arena *a);

#define MX_ARENA_NEW(a, type) ((type *)mx_arena_alloc((a), sizeof(type)))
#define MX_ARENA_NEWN(a, type, n) ((type *)mx_arena_alloc((a), sizeof(type) * (n)))

#endif
