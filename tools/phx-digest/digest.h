/*
 * phx-digest internals: the pieces main.c wires together, one file per job.
 *
 *   collect.c   walk the input as Phoenix's Path.wildcard("**") sees it
 *   rewrite.c   CSS url(), JS sourceMappingURL and .map "file" rewriting
 *   json.c      a small JSON reader/writer for the old cache_manifest.json
 *   manifest.c  cache_manifest.json: load, merge, encode as Phoenix does
 *   deps.c      the depfile for make and CMake
 *   compress.c  gzip exactly as :zlib.gzip, plus brotli and zstd
 *   compile.c   the digest run: hash, rewrite, write, manifest last
 *   cache.c     the incremental cache that makes a no-change rerun cheap
 *   clean.c     phx.digest.clean and --all
 *   jobs.c      a small pthread pool (a parallel for)
 *   config.c    the project's :gzippable_exts / :static_compressors
 */
#ifndef PHX_DIGEST_H
#define PHX_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "strvec.h"

/* Seconds from 0000-01-01 to 1970-01-01, as :calendar counts them. */
#define PHX_DIGEST_GREGORIAN_OFFSET 62167219200LL

/* The largest CSS/JS/map file kept in memory for rewriting. */
#define PHX_DIGEST_REWRITE_MAX ((size_t)512 << 20)

/* ---- Compressors ------------------------------------------------------- */

enum phx_digest_z { PHX_Z_GZIP, PHX_Z_BROTLI, PHX_Z_ZSTD, PHX_Z_COUNT };

/* ".gz", ".br", ".zst" */
const char *phx_digest_z_ext(enum phx_digest_z z);

/* A streaming compressor; data comes out through sink as it is produced. */
typedef void (*phx_digest_sink_fn)(const void *data, size_t n, void *ctx);
struct phx_digest_zstream {
	enum phx_digest_z kind;
	void *state;
	phx_digest_sink_fn sink;
	void *sink_ctx;
	unsigned char *out;
	size_t out_size;
};
#define PHX_DIGEST_ZSTREAM_INIT                                                                    \
	{                                                                                          \
		PHX_Z_GZIP, NULL, NULL, NULL, NULL, 0                                              \
	}

/* size: the number of bytes that will be fed, or -1 when unknown (zstd
 * records it in the frame header, as a one-shot compression does). */
int phx_digest_z_begin(struct phx_digest_zstream *z, enum phx_digest_z kind, long long size,
                       phx_digest_sink_fn sink, void *ctx, struct mx_err *err);
/* Feeds n bytes; last finishes the stream. */
int phx_digest_z_feed(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                      struct mx_err *err);
void phx_digest_z_release(struct phx_digest_zstream *z);
/* One-shot into out (appended). */
int phx_digest_z_buf(enum phx_digest_z kind, const void *data, size_t n, struct mx_buf *out,
                     struct mx_err *err);

/* ---- Rewriting --------------------------------------------------------- */

/* Looks key (a logical path, "css/app.css") up in `latest`; returns the
 * digested path or NULL. The returned string belongs to the table. */
typedef const char *(*phx_digest_lookup_fn)(const char *key, size_t len, void *ctx);

struct phx_digest_rewriter {
	const char *reldir; /* the file's directory relative to the input, "." at the root */
	bool vsn;           /* append ?vsn=d (CSS only) */
	phx_digest_lookup_fn lookup;
	void *ctx;
	struct mx_strvec *keys; /* when not NULL, every key looked up is pushed */
};

enum phx_digest_kind { PHX_KIND_PLAIN, PHX_KIND_CSS, PHX_KIND_JS, PHX_KIND_MAP };
/* By Path.extname, case-sensitive: ".css", ".js", ".map". */
enum phx_digest_kind phx_digest_kind_of(const char *name);

/* Appends the rewritten content to out. Content may hold any bytes. */
void phx_digest_rewrite(enum phx_digest_kind kind, const char *s, size_t n,
                        const struct phx_digest_rewriter *rw, struct mx_buf *out);
/* One URL as Phoenix's digested_url/4 maps it (appended to out). */
void phx_digest_rewrite_url(const char *url, size_t n, bool vsn,
                            const struct phx_digest_rewriter *rw, struct mx_buf *out);

/* ---- Names --------------------------------------------------------------- */

/* True for names Phoenix treats as its own output: "-<32 hex>" anywhere in
 * the basename, an extension in zexts, or "cache_manifest.json". */
bool phx_digest_is_compiled(const char *base, const struct mx_strvec *zexts);
/* True when s is well-formed UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF), the names Erlang's file:list_dir/1 returns. */
bool phx_digest_valid_utf8(const char *s);
/* Path.extname: last ".x" of the basename, "" for none or a dotfile. */
const char *phx_digest_extname(const char *base);
/* "<root>-<md5><ext>" appended to out, from a basename. */
void phx_digest_digested_name(struct mx_buf *out, const char *base, const char *md5hex);
/* Elixir's inspect/1 of a string, quotes included. */
void phx_digest_inspect(struct mx_buf *out, const char *s);

/* ---- JSON (json.c) ------------------------------------------------------- */

enum phx_json_type {
	PHX_JSON_NULL,
	PHX_JSON_BOOL,
	PHX_JSON_NUM,
	PHX_JSON_STR,
	PHX_JSON_ARR,
	PHX_JSON_OBJ,
	PHX_JSON_RAW /* a container kept as its (checked) text, in s */
};

struct phx_json {
	enum phx_json_type type;
	bool b;
	char *s; /* STR: decoded bytes (NUL-terminated, may hold NULs); NUM: the text */
	size_t len;
	struct phx_json *items; /* ARR items, OBJ values */
	char **keys;            /* OBJ keys (decoded) */
	size_t *keylens;
	size_t n, alloc;
};
#define PHX_JSON_INIT                                                                              \
	{                                                                                          \
		PHX_JSON_NULL, false, NULL, 0, NULL, NULL, NULL, 0, 0                              \
	}

/* Parses text (RFC 8259, as Jason accepts it) into out. Duplicate keys: the
 * last one wins, as in a decoded map. Errors carry "line:col". */
int phx_json_parse(const char *text, size_t n, struct phx_json *out, struct mx_err *err);
/* The same, but containers nested depth deep or more are only checked and
 * kept as PHX_JSON_RAW text (decoded when encoded): reading a large
 * manifest costs little when most of its entries are about to be replaced. */
int phx_json_parse_lazy(const char *text, size_t n, int depth, struct phx_json *out,
                        struct mx_err *err);
void phx_json_release(struct phx_json *v);
/* The value of key in an object, or NULL. */
const struct phx_json *phx_json_get(const struct phx_json *obj, const char *key);
/* Encodes v as Jason.encode!/1 does: compact, object keys in byte order. */
void phx_json_encode(const struct phx_json *v, struct mx_buf *out);
/* A JSON string literal, escaped as Jason does. */
/* Reads an integer or float value as a double; false when not a number. */
bool phx_json_number(const struct phx_json *v, double *out);

/* ---- Collecting (collect.c) ------------------------------------------- */

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
 * order. */
int phx_digest_collect(const char *input, const struct mx_strvec *zexts, struct phx_digest_tree *t,
                       struct mx_err *err);
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

/* A string -> index hash table over keys owned elsewhere. */
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
void phx_digest_index_build(struct phx_digest_index *ix, size_t n, phx_digest_key_fn key,
                            void *ctx);
/* Index of key, or -1. */
long phx_digest_index_find(const struct phx_digest_index *ix, const char *key, size_t len);
void phx_digest_index_release(struct phx_digest_index *ix);
uint64_t phx_digest_hash(const void *data, size_t n, uint64_t h);
#define PHX_DIGEST_HASH_SEED 1469598103934665603ULL

/* ---- The incremental cache (cache.c) --------------------------------- */

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

/* Where the cache lives: a hidden folder of the output, which Phoenix's
 * wildcard never sees. */
#define PHX_DIGEST_CACHE_DIR ".phx-digest-cache"

/* Loads the cache; one written with other settings, or unreadable, loads
 * as empty (the cache is only ever an optimisation). */
void phx_digest_cache_load(struct phx_digest_cache *c, const char *path, const char *settings);
long phx_digest_cache_find(const struct phx_digest_cache *c, const char *rel);
/* True when the output directory reldir is as the cache left it (nothing
 * added, removed or renamed in it since). */
bool phx_digest_cache_dir_ok(const struct phx_digest_cache *c, const char *out, const char *reldir);
/* latest: the fingerprint of this run's `latest` (see compile.c). A file
 * whose mtime is at or after racy (seconds) is not remembered: it may be
 * rewritten again within the same timestamp tick, and a stat identity taken
 * now could then hide the change (git's "racily clean" entries). */
int phx_digest_cache_save(const char *path, const char *settings, uint64_t latest, time_t racy,
                          const struct phx_digest_tree *t, const char *out,
                          const struct mx_strvec *outdirs, struct mx_err *err);
void phx_digest_cache_release(struct phx_digest_cache *c);

/* ---- Options and the run --------------------------------------------- */

struct phx_digest_opts {
	const char *input; /* as given, for messages */
	const char *output;
	bool vsn;
	bool z[PHX_Z_COUNT];   /* compressors on (gzip always) */
	struct mx_strvec exts; /* gzippable extensions */
	long jobs;
	bool dry_run;
	bool quiet;
	bool progress;
	bool no_cache;
	const char *depfile;
	const char *depfile_target;
	long long now;                 /* Gregorian seconds of this run */
	struct mx_strvec config_files; /* project files read, for the depfile */
};
#define PHX_DIGEST_OPTS_INIT                                                                       \
	{                                                                                          \
		"priv/static", NULL, true, {true, false, false}, MX_STRVEC_INIT, 0, false, false,  \
		    false, false, NULL, NULL, 0, MX_STRVEC_INIT                                    \
	}

/* The compressor extensions skipped on input and removed by clean. */
void phx_digest_zexts(const struct phx_digest_opts *o, struct mx_strvec *out);

struct mx_project;
/* Sets o->exts and the compressors from :phoenix, :gzippable_exts and
 * :static_compressors of the entered project p (MIX_ENV), or Phoenix's
 * defaults where it sets none or when no project was found; the project's
 * files go to o->config_files for the depfile. */
int phx_digest_project_config(const struct mx_project *p, struct phx_digest_opts *o,
                              struct mx_err *err);

/* The digest run. Returns 0, 1 when the input does not exist (the caller
 * prints Phoenix's message and exits 0), or -1 with err. */
int phx_digest_compile(const struct phx_digest_opts *o, struct mx_err *err);

struct phx_digest_clean_opts {
	const char *output;
	long age, keep;
	bool all;
	bool dry_run;
	bool quiet;
	long long now;
	struct mx_strvec zexts;
};
/* Returns 0, 1 when the output path does not exist, or -1 with err. */
int phx_digest_clean(const struct phx_digest_clean_opts *o, struct mx_err *err);

/* ---- Manifest (manifest.c) -------------------------------------------- */

extern const char phx_digest_comment[];

/* Loads OUT/cache_manifest.json into m (an object). A missing file or a
 * version other than 1 gives the empty manifest, as Phoenix's
 * migrate_manifest/2. Returns 0 or -1 with err (unreadable or invalid). */
int phx_digest_manifest_load(const char *path, struct phx_json *m, struct mx_err *err);
/* The same, with each entry of "digests" kept as raw text (see
 * phx_json_parse_lazy): for the digest run, which only copies old entries. */
int phx_digest_manifest_load_lazy(const char *path, struct phx_json *m, struct mx_err *err);
/* The text Phoenix writes for latest and digests (both objects). */
void phx_digest_manifest_format(struct mx_buf *out, const struct phx_json *latest,
                                const struct phx_json *digests);
/* Writes OUT/cache_manifest.json for the files of t (digested names, digests,
 * SHA-512, sizes; mtime = now, Gregorian seconds), with the old manifest's
 * entries whose file still exists. need_sync: flush the file system first,
 * so that nothing the manifest names can be lost after it. With planned
 * set (--dry-run) nothing is written; the path is pushed there instead. */
int phx_digest_manifest_write(const char *out, const struct phx_digest_tree *t, long long now,
                              bool need_sync, struct mx_strvec *planned, struct mx_err *err);
/* Object helpers used to build latest/digests. */
void phx_json_obj_init(struct phx_json *v);
/* Appends key -> val (val is moved: *val is reset). */
void phx_json_obj_put(struct phx_json *obj, const char *key, size_t klen, struct phx_json *val);
void phx_json_set_str(struct phx_json *v, const char *s, size_t n);
void phx_json_set_int(struct phx_json *v, long long i);
/* Removes later duplicates so each key appears once, the last value winning,
 * and sorts keys in byte order. */
void phx_json_obj_normalize(struct phx_json *obj);

/* ---- Depfile (deps.c) ----------------------------------------------------- */

/* Writes the depfile at path naming target (default OUT/cache_manifest.json)
 * with absolute paths; an unchanged depfile is not rewritten. */
int phx_digest_depfile_write(const char *path, const char *target, const char *in, const char *out,
                             const struct phx_digest_tree *t, const struct mx_strvec *config_files,
                             struct mx_err *err);

/* ---- Jobs (jobs.c) -------------------------------------------------------- */

/* Calls fn(i, ctx) for every i in [0, n) on up to nthreads threads; order[]
 * (may be NULL) gives the order indices are handed out in. Returns when all
 * are done. */
void phx_digest_parallel(size_t n, long nthreads, const size_t *order,
                         void (*fn)(size_t i, void *ctx), void *ctx);
long phx_digest_ncpu(void);

#endif
