/*
 * A string -> index hash table over keys owned elsewhere, and the fast hash
 * behind it and behind the run's fingerprints and the cache's checksums
 * (index.c).
 */
#ifndef PHX_DIGEST_INDEX_H
#define PHX_DIGEST_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "strvec.h"

/* The i-th key; it must stay valid and unchanged while the index is used. */
typedef const char *(*phx_digest_key_fn)(size_t i, void *ctx);

struct phx_digest_index {
	size_t *slots; /* index + 1, 0 for empty */
	size_t cap;
	phx_digest_key_fn key;
	void *ctx;
};
#define PHX_DIGEST_INDEX_INIT                                                                      \
	{                                                                                          \
		NULL, 0, NULL, NULL                                                                \
	}

/* Indexes keys 0..n-1; of equal keys the last one is found, as in a map. */
void phx_digest_index_build(struct phx_digest_index *ix, size_t n, phx_digest_key_fn key,
                            void *ctx);
/* Index of key, or -1. */
long phx_digest_index_find(const struct phx_digest_index *ix, const char *key, size_t len);
/* Accepts NULL and a released index. */
void phx_digest_index_release(struct phx_digest_index *ix);
/* A key function for an index over the strings of a struct mx_strvec (ctx). */
const char *phx_digest_strvec_key(size_t i, void *ctx);

/* A fast non-cryptographic hash of data, continuing from h (start with
 * PHX_DIGEST_HASH_SEED). */
uint64_t phx_digest_hash(const void *data, size_t n, uint64_t h);
#define PHX_DIGEST_HASH_SEED 1469598103934665603ULL

#endif
