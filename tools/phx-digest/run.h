/*
 * One digest run's shared state, private to the run: compile.c takes it
 * through the phases and hands each file to digest_file.c's work, on the
 * thread pool. Everything a job writes to outside its own file goes through
 * lock or the atomics.
 */
#ifndef PHX_DIGEST_RUN_H
#define PHX_DIGEST_RUN_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "cache.h"
#include "collect.h"
#include "diag.h"
#include "digest.h"
#include "index.h"
#include "progress.h"
#include "strvec.h"

/* The largest CSS/JS/map file kept in memory for rewriting. */
#define PHX_DIGEST_REWRITE_MAX ((size_t)512 << 20)

struct phx_digest_run {
	const struct phx_digest_opts *o;
	struct phx_digest_tree t;
	struct phx_digest_cache cache;
	struct phx_digest_index byrel; /* t's files by rel: `latest`, once phase 1 named them */
	const char *in, *out;
	bool same_dir; /* the original is the input itself: not copied */
	bool dry;
	atomic_bool failed;
	pthread_mutex_t lock; /* first_err, planned */
	struct mx_err first_err;
	struct mx_strvec planned; /* --dry-run: outputs that would be written */
	struct phx_digest_progress progress; /* counted always, drawn if o->progress */
	struct phx_digest_arena contents;     /* CSS/JS/map contents between the phases */
	uint64_t latest;  /* fingerprint of `latest` */
	bool same_latest; /* ... equal to the cached run's: every lookup answers as then */
};

/*
 * Phase 1, one file: its MD5 (which names it) and digested name. A CSS, JS
 * or source-map file is read into memory for phase 2. Any other file also
 * gets its SHA-512 and is written out at once, streamed (hash, then copy and
 * compress), so any size fits in bounded memory; or, when the cache vouches
 * for it and its outputs are there, it is marked reused and not touched.
 */
int phx_digest_file_hash(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err);

/*
 * Phase 2, one CSS, JS or source-map file, once every file has its digested
 * name (r->byrel is built): rewritten against `latest`, its SHA-512 taken
 * and its outputs written; or reused when the cache shows that the rewrite
 * would come out the same and the outputs are there. Frees the content.
 */
int phx_digest_file_rewrite(struct phx_digest_run *r, struct phx_digest_file *f,
                            struct mx_err *err);

#endif
