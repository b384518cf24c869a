/*
 * The input tree (collect.c): the files Phoenix's
 * Path.wildcard(Path.join(input, "**")) sees, each with what the run learns
 * about it.
 */
#ifndef PHX_DIGEST_COLLECT_H
#define PHX_DIGEST_COLLECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "names.h"
#include "strvec.h"

struct phx_digest_file {
	char *rel;        /* "css/app.css": Phoenix's relative path (see phx_digest_tree_prefix) */
	char *src;        /* relative to the input for reading, when rel is not (else NULL) */
	const char *base; /* basename, inside rel */
	char *reldir;     /* "css", or "." at the root (Phoenix's relative_path) */
	char *digested;   /* "css/app-<md5>.css" once hashed */
	enum phx_digest_kind kind;
	bool compress; /* extension in gzippable_exts */
	off_t size;
	struct timespec mtime, ctime;
	ino_t ino;
	dev_t dev;
	char md5[33];
	char sha512[89];    /* base64 of SHA-512 of the digested content */
	const char *digest; /* the manifest's "digest": md5, or the asset's for a source map */
	bool dir_ok;        /* the output directory is as the cache left it */
	char *content;      /* CSS/JS/map only, while in memory */
	bool content_arena; /* ... in the run's arena (not to be freed) */
	size_t len;
	long cache;              /* index of the cache entry whose stat matched, -1 */
	bool reused;             /* outputs known current: nothing to write */
	bool differs;            /* digested content differs from the original */
	struct mx_strvec keys;   /* lookups the rewriter made */
	const char *keys_cached; /* or, when reused, the cache's \x1f-joined list
	                          * (points into the cache, which outlives it) */
	uint64_t lookups;        /* hash of what those lookups returned */
};

struct phx_digest_tree {
	struct phx_digest_file *files;
	size_t n, alloc;
	struct mx_strvec dirs;     /* every directory walked, relative ("" is the root) */
	struct mx_strvec skipped;  /* dangling symlinks and special files, for warnings */
	struct mx_strvec badnames; /* names that are not UTF-8, for warnings */
};
#define PHX_DIGEST_TREE_INIT                                                                       \
	{                                                                                          \
		NULL, 0, 0, MX_STRVEC_INIT, MX_STRVEC_INIT, MX_STRVEC_INIT                         \
	}

/* Walks input as Path.wildcard(Path.join(input, "**")) does: no dot-names, symlinks
 * followed (a loop is cut), regular files only, Phoenix's own outputs
 * skipped (phx_digest_is_compiled), names that are not valid UTF-8 skipped
 * (files and directories, as Erlang's file:list_dir/1 does in the VM's UTF-8
 * file name mode; they are listed in t->badnames). Files come in a stable
 * order. The files are stat()ed on up to `jobs` threads once listed. */
int phx_digest_collect(const char *input, const struct mx_strvec *zexts, long jobs,
                       struct phx_digest_tree *t, struct mx_err *err);
/* Frees what one file owns. */
void phx_digest_file_release(struct phx_digest_file *f);
/* Frees every file and list; accepts NULL and a released tree. */
void phx_digest_tree_release(struct phx_digest_tree *t);

/*
 * Phoenix's relative paths for an input spelled with a "." component
 * ("./priv/static", "a/./b"): Erlang's wildcard returns the files without the
 * "." segments, Path.relative_to/2 then fails to strip the input, and every
 * file keeps the whole path as its relative directory, so the outputs land in
 * OUT/priv/static/... and the manifest names "priv/static/app.css". Returns
 * true and sets prefix (the input without its "." segments) when this
 * applies: a relative input with a "." component, no ".." and something left.
 * An absolute input (or one with ".." too) is taken as it stands; see README.
 */
bool phx_digest_input_prefix(const char *input, struct mx_buf *prefix);
/* Puts prefix in front of every file's rel and reldir (src keeps the path
 * to read). */
void phx_digest_tree_prefix(struct phx_digest_tree *t, const char *prefix);

#endif
