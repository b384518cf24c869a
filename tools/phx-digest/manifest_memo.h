/*
 * The manifest memo (manifest_memo.c): what a digest run remembers of the
 * cache_manifest.json it wrote, kept beside the cache, outside the output.
 *
 * Each run rewrites the manifest (Phoenix does: every entry gets the run's
 * mtime) and must keep the old entries whose files still exist. Finding
 * those meant parsing the old manifest, megabytes of JSON for a large tree,
 * most of a rerun's time. The memo holds the size and a hash of the text
 * written, the number and an order-independent hash of its "digests" keys,
 * and the entries carried over from older manifests, verbatim. When the
 * manifest on disk is still that text, and its keys are exactly this run's
 * plus the carried ones, every old entry is either replaced or in the memo:
 * nothing needs parsing. Any doubt (no memo, another text, other keys)
 * means the manifest is parsed, as before.
 */
#ifndef PHX_DIGEST_MANIFEST_MEMO_H
#define PHX_DIGEST_MANIFEST_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"

struct phx_digest_memo_entry {
	const char *key, *val; /* key and encoded JSON value, not NUL-terminated */
	size_t klen, vlen;
};

/* A set of keys, as a count and two independent 64-bit sums of per-key
 * hashes: equal for equal sets whatever the order. */
struct phx_digest_keyset {
	size_t n;
	uint64_t sum[2];
};

struct phx_digest_manifest_memo {
	bool valid;
	size_t size;   /* of the manifest's text */
	uint64_t hash; /* of the manifest's text (see manifest.c's mtext) */
	struct phx_digest_keyset keys; /* of its "digests" */
	struct phx_digest_memo_entry *carried;
	size_t ncarried, alloc;
	char *text; /* a loaded memo's file: carried points into it */
};
#define PHX_DIGEST_MANIFEST_MEMO_INIT                                                              \
	{                                                                                          \
		false, 0, 0, {0, {0, 0}}, NULL, 0, 0, NULL                                         \
	}

/* Adds a key to a set. */
void phx_digest_keyset_add(struct phx_digest_keyset *s, const char *key, size_t len);

/* The memo's file for the cache file cache_path: appended to path. */
void phx_digest_memo_path(struct mx_buf *path, const char *cache_path);
/* Loads a memo; a missing or damaged one loads as not valid. */
void phx_digest_memo_load(struct phx_digest_manifest_memo *m, const char *path);
/* Writes m (its carried entries may point anywhere) to path, atomically,
 * without fsync: losing it costs only time. */
int phx_digest_memo_save(const struct phx_digest_manifest_memo *m, const char *path,
                         struct mx_err *err);
/* Accepts NULL and a released memo. */
void phx_digest_memo_release(struct phx_digest_manifest_memo *m);

#endif
