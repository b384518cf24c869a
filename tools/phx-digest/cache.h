/*
 * The incremental cache (cache.c): what the last run learnt about each input
 * and output directory, so that a rerun reads and writes only what changed.
 */
#ifndef PHX_DIGEST_CACHE_H
#define PHX_DIGEST_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "collect.h"
#include "diag.h"
#include "index.h"
#include "strvec.h"

struct phx_digest_cache_entry {
	char *rel; /* strings point into the cache's text */
	off_t size;
	struct timespec mtime, ctime;
	ino_t ino;
	dev_t dev;
	char md5[33];
	char sha512[89];
	uint64_t lookups;
	char *keys; /* lookup keys joined by \x1f ("" for none) */
};

struct phx_digest_cache_dir {
	char *rel;
	struct timespec mtime;
	ino_t ino;
};

struct phx_digest_cache {
	struct phx_digest_cache_entry *e;
	size_t n, alloc;
	struct phx_digest_cache_dir *d;
	size_t nd, dalloc;
	struct phx_digest_index ix;
	uint64_t latest; /* fingerprint of the last run's `latest` */
	char *text;      /* the file's text: every string above points into it */
};
#define PHX_DIGEST_CACHE_INIT                                                                      \
	{                                                                                          \
		NULL, 0, 0, NULL, 0, 0, PHX_DIGEST_INDEX_INIT, 0, NULL                             \
	}

/* Where earlier versions kept the cache: a hidden folder of the output. It
 * shipped with the output (priv/static is packaged, served, committed), so
 * it now lives outside (phx_digest_cache_path) and this one is removed. */
#define PHX_DIGEST_LEGACY_CACHE_DIR   ".phx-digest-cache"
#define PHX_DIGEST_LEGACY_CACHE_STATE PHX_DIGEST_LEGACY_CACHE_DIR "/state"

/* The cache file for the output directory out (as realpath(3) names it, so
 * that every spelling of it shares one file and two outputs of a project
 * never share one) in the cache directory dir: appended to path. */
void phx_digest_cache_path(struct mx_buf *path, const char *dir, const char *out);

/* Removes out/.phx-digest-cache/ of an earlier version: its state file and
 * the temp files of our atomic writer in it, then the folder if that left
 * it empty (anything else in it is not ours, and stays). Best effort. */
void phx_digest_cache_remove_legacy(const char *out);

/* Loads the cache; one written with other settings, or unreadable, loads
 * as empty (the cache is only ever an optimisation). */
void phx_digest_cache_load(struct phx_digest_cache *c, const char *path, const char *settings);
/* Index of rel's entry, or -1. */
long phx_digest_cache_find(const struct phx_digest_cache *c, const char *rel);
/* True when the output directory reldir is as the cache left it (nothing
 * added, removed or renamed in it since). */
bool phx_digest_cache_dir_ok(const struct phx_digest_cache *c, const char *out, const char *reldir);
/* latest: the fingerprint of this run's `latest` (see compile.c). A file
 * whose mtime is at or after racy (seconds) is not remembered: it may be
 * rewritten again within the same timestamp tick, and a stat identity taken
 * now could then hide the change (git's "racily clean" entries). The file is
 * written without fsync: losing it costs only time. */
int phx_digest_cache_save(const char *path, const char *settings, uint64_t latest, time_t racy,
                          const struct phx_digest_tree *t, const char *out,
                          const struct mx_strvec *outdirs, struct mx_err *err);
/* Accepts NULL and a released cache. */
void phx_digest_cache_release(struct phx_digest_cache *c);

#endif
