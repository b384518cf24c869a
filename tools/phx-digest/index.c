/*
 * A small open-addressing hash index from strings to their positions in a
 * table owned elsewhere (the tree's files, the cache's entries, a manifest's
 * keys), and the hash it uses.
 */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* A fast non-cryptographic hash, eight bytes at a time (FxHash's step with
 * a final mix): for hash tables, fingerprints and the cache's checksums. */
uint64_t phx_digest_hash(const void *data, size_t n, uint64_t h)
{
	const unsigned char *p = data;
	const uint64_t k = 0x517cc1b727220a95ULL;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = ((h << 5 | h >> 59) ^ w) * k;
		p += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, p, n);
	h = ((h << 5 | h >> 59) ^ (w ^ (uint64_t)n << 56)) * k;
	h ^= h >> 32;
	return h;
}

void phx_digest_index_build(struct phx_digest_index *ix, size_t n, phx_digest_key_fn key, void *ctx)
{
	size_t cap = 16;
	while (cap < n * 2)
		cap *= 2;
	ix->slots = mx_xcalloc(cap, sizeof(*ix->slots));
	ix->cap = cap;
	ix->key = key;
	ix->ctx = ctx;
	for (size_t i = 0; i < n; i++) {
		const char *k = key(i, ctx);
		size_t h = (size_t)phx_digest_hash(k, strlen(k), PHX_DIGEST_HASH_SEED) & (cap - 1);
		while (ix->slots[h]) {
			/* a later duplicate replaces the earlier one, as in a map */
			if (!strcmp(key(ix->slots[h] - 1, ctx), k))
				break;
			h = (h + 1) & (cap - 1);
		}
		ix->slots[h] = i + 1;
	}
}

long phx_digest_index_find(const struct phx_digest_index *ix, const char *key, size_t len)
{
	/* a key holding a NUL cannot equal any NUL-terminated one */
	if (!ix->cap || memchr(key, '\0', len))
		return -1;
	size_t h = (size_t)phx_digest_hash(key, len, PHX_DIGEST_HASH_SEED) & (ix->cap - 1);
	while (ix->slots[h]) {
		const char *k = ix->key(ix->slots[h] - 1, ix->ctx);
		/* key has no NUL (checked above): equal bytes keep k[len] in bounds */
		if (!strncmp(k, key, len) && k[len] == '\0')
			return (long)(ix->slots[h] - 1);
		h = (h + 1) & (ix->cap - 1);
	}
	return -1;
}

void phx_digest_index_release(struct phx_digest_index *ix)
{
	if (!ix)
		return;
	free(ix->slots);
	*ix = (struct phx_digest_index)PHX_DIGEST_INDEX_INIT;
}

const char *phx_digest_strvec_key(size_t i, void *ctx)
{
	return ((const struct mx_strvec *)ctx)->v[i];
}
