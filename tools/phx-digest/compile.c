/*
 * The digest run, Phoenix.Digester.compile/3, phase by phase (the work on
 * each file is digest_file.c's):
 *
 *  1. every file is hashed (MD5 names it, SHA-512 of the digested content is
 *     its integrity); a file that is never rewritten (images, fonts...) is
 *     written out in the same job, streamed in two passes (hash, then copy
 *     and compress), so any size fits in bounded memory. CSS, JS and source
 *     maps are read into memory: they need every digest before rewriting.
 *  2. source maps take their asset's digest, `latest` is built, and the
 *     CSS/JS/map files are rewritten and written out.
 *  3. all outputs are made durable at once, and only then is the manifest
 *     committed: Phoenix writes it first, we write it last, so a run killed
 *     at any point leaves the old manifest, which names only files that are
 *     complete and present (outputs are never removed by a digest run).
 *
 * Rerun: files whose stat, lookups and output directory are as the cache
 * recorded are not read or written again; everything they would have
 * produced is already there, byte for byte (see cache.c).
 */
#include "run.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deps.h"
#include "fsutil.h"
#include "jobs.h"
#include "manifest.h"
#include "mixless_version.h"
#include "names.h"

/* A run killed while writing may leave a temp file (see mx_atomic_open).
 * In the output, which a run holds locked, every one is debris; in the
 * cache directory, which runs for other outputs share, only those untouched
 * for this long are nobody's any more. */
#define STALE_TEMP_SECONDS 600

/* PHX_DIGEST_TRACE=1 prints how long each step took, for the benchmark. */
static void trace(const char *what)
{
	static int on = -1;
	static struct timespec last;
	struct timespec now;
	if (on < 0) {
		on = getenv("PHX_DIGEST_TRACE") != NULL;
		clock_gettime(CLOCK_MONOTONIC, &last);
	}
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(stderr, "phx-digest: %-12s %8.3f ms\n", what,
	        (double)(now.tv_sec - last.tv_sec) * 1e3 +
	            (double)(now.tv_nsec - last.tv_nsec) / 1e6);
	last = now;
}

/* The run, and what only the phases here need. */
struct compile {
	struct phx_digest_run r;
	struct mx_buf prefix;     /* "./priv/static": see phx_digest_input_prefix */
	struct mx_buf settings;   /* what a cache must have been written with */
	struct mx_buf cache_path; /* CACHE_DIR/phx-digest-<hash of OUT>.cache */
	struct mx_buf memo_path;  /* ... and its manifest memo; empty without a cache */
	struct phx_digest_manifest_memo memo; /* loaded and checked beside the walk */
	struct mx_strvec outdirs; /* output directories, relative, sorted ("" first) */
	int lock_fd;              /* holds the output directory's flock, or -1 */
	struct phx_digest_flusher flusher; /* syncs lock_fd's file system meanwhile */
	size_t *order;            /* file indices in the order jobs take them */
	long jobs;
};

static void compile_init(struct compile *c, const struct phx_digest_opts *o)
{
	struct phx_digest_run *r = &c->r;
	memset(c, 0, sizeof(*c));
	r->o = o;
	r->in = o->input;
	r->out = o->output ? o->output : o->input;
	r->dry = o->dry_run;
	r->t = (struct phx_digest_tree)PHX_DIGEST_TREE_INIT;
	r->cache = (struct phx_digest_cache)PHX_DIGEST_CACHE_INIT;
	r->byrel = (struct phx_digest_index)PHX_DIGEST_INDEX_INIT;
	r->planned = (struct mx_strvec)MX_STRVEC_INIT;
	pthread_mutex_init(&r->lock, NULL);
	atomic_init(&r->failed, false);
	phx_digest_progress_init(&r->progress, 0, 0, NULL);
	phx_digest_arena_init(&r->contents);
	c->prefix = c->settings = c->cache_path = c->memo_path = (struct mx_buf)MX_BUF_INIT;
	c->memo = (struct phx_digest_manifest_memo)PHX_DIGEST_MANIFEST_MEMO_INIT;
	c->outdirs = (struct mx_strvec)MX_STRVEC_INIT;
	c->lock_fd = -1;
}

static void compile_release(struct compile *c)
{
	if (!c)
		return;
	phx_digest_progress_stop(&c->r.progress);
	free(c->order);
	phx_digest_flusher_release(&c->flusher);
	if (c->lock_fd >= 0)
		close(c->lock_fd);
	phx_digest_index_release(&c->r.byrel);
	phx_digest_tree_release(&c->r.t);
	phx_digest_arena_release(&c->r.contents);
	phx_digest_cache_release(&c->r.cache);
	mx_strvec_clear(&c->r.planned);
	mx_strvec_clear(&c->outdirs);
	mx_buf_release(&c->prefix);
	mx_buf_release(&c->settings);
	mx_buf_release(&c->cache_path);
	mx_buf_release(&c->memo_path);
	phx_digest_memo_release(&c->memo);
	pthread_mutex_destroy(&c->r.lock);
}

/* Seconds since the epoch of this run, from its Gregorian `now`. */
static time_t unix_now(const struct phx_digest_run *r)
{
	return (time_t)(r->o->now - PHX_DIGEST_GREGORIAN_OFFSET);
}

/* ---- Jobs on the thread pool ---------------------------------------------- */

static void record_error(struct phx_digest_run *r, const struct mx_err *e)
{
	pthread_mutex_lock(&r->lock);
	if (!atomic_load(&r->failed))
		r->first_err = *e;
	atomic_store(&r->failed, true);
	pthread_mutex_unlock(&r->lock);
}

/* Draws the progress line while the phases run, when it is wanted. The
 * clock starts here, when the tree is known and the work begins. */
static void start_progress(struct phx_digest_run *r)
{
	phx_digest_progress_init(&r->progress, r->t.n, phx_digest_progress_after_ms(), NULL);
	if (r->o->progress)
		phx_digest_progress_start(&r->progress, stderr);
}

/* Closes the progress line (with the totals, if it was drawn) before
 * anything else is printed. */
static void end_progress(struct phx_digest_run *r)
{
	phx_digest_progress_stop(&r->progress);
}

/* One file's job in a phase; the first failure stops the others picking up
 * new files. A file counts as done once, when its outputs are: a CSS, JS
 * or map file only in phase 2 (its phase 1 job just hashes it). */
static void run_job(struct phx_digest_run *r, size_t i,
                    int (*fn)(struct phx_digest_run *, struct phx_digest_file *, struct mx_err *),
                    bool completes)
{
	struct mx_err err = MX_ERR_INIT;
	struct phx_digest_file *f = &r->t.files[i];
	if (atomic_load(&r->failed))
		return;
	if (fn(r, f, &err) < 0)
		record_error(r, &err);
	else if (completes)
		phx_digest_progress_file_done(&r->progress, (uint64_t)f->size);
}

static void job_hash(size_t i, void *ctx)
{
	struct phx_digest_run *r = ctx;
	run_job(r, i, phx_digest_file_hash, r->t.files[i].kind == PHX_KIND_PLAIN);
}

static void job_rewrite(size_t i, void *ctx)
{
	run_job(ctx, i, phx_digest_file_rewrite, true);
}

/* The first error a job met, once the pool is done. */
static int jobs_failed(struct phx_digest_run *r, struct mx_err *err)
{
	end_progress(r);
	if (err)
		*err = r->first_err;
	return -1;
}

/* ---- Before the phases: input, cache, output directories ----------------- */

/* The input must be a directory; the output is made and locked unless this
 * is a dry run. The lock makes a second run on the same output wait, so
 * that a temp file found in the output is always a killed run's. */
static int open_dirs(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	if (!mx_fs_is_dir(r->in)) {
		errno = ENOTDIR;
		return mx_err_errno(err, "cannot open directory", r->in);
	}
	if (r->dry)
		return 0;
	if (mx_fs_mkdir_p(r->out, 0777, err) < 0)
		return -1;
	c->lock_fd = mx_fs_lock_dir(r->out, err);
	return c->lock_fd < 0 ? -1 : 0;
}

/* The threads the run uses: --jobs, or one per core. */
static long jobs_wanted(const struct phx_digest_opts *o)
{
	return o->jobs > 0 ? o->jobs : phx_digest_ncpu();
}

static bool same_directory(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* "./priv/static": Phoenix's outputs go to OUT/priv/static/... (see
 * phx_digest_input_prefix); known before the walk, as the cache needs it. */
static void input_prefix(struct compile *c)
{
	if (!phx_digest_input_prefix(c->r.in, &c->prefix))
		mx_buf_reset(&c->prefix);
}

/* The input tree, with Phoenix's relative paths and which files are
 * gzipped. */
static int collect_input(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	struct mx_strvec zexts = MX_STRVEC_INIT;
	phx_digest_zexts(r->o, &zexts);
	int ret = phx_digest_collect(r->in, &zexts, jobs_wanted(r->o), &r->t, err);
	mx_strvec_clear(&zexts);
	if (ret < 0)
		return -1;
	for (size_t i = 0; i < r->t.skipped.n; i++)
		mx_diag_warn("skipping '%s/%s': not a regular file or a dangling symlink", r->in,
		             r->t.skipped.v[i]);
	for (size_t i = 0; i < r->t.badnames.n; i++)
		mx_diag_warn("skipping '%s/%s': the name is not valid UTF-8 (Phoenix skips it too)",
		             r->in, r->t.badnames.v[i]);
	if (c->prefix.len)
		phx_digest_tree_prefix(&r->t, c->prefix.buf);
	r->same_dir = same_directory(r->in, r->out) && !c->prefix.len;
	for (size_t i = 0; i < r->t.n; i++) {
		struct phx_digest_file *f = &r->t.files[i];
		const char *ext = phx_digest_extname(f->base);
		f->compress = mx_strvec_find(&r->o->exts, ext) >= 0 && *ext;
	}
	return 0;
}

/* Everything that decides the outputs besides the inputs themselves: a cache
 * written under other settings is not used. */
static void settings_string(struct compile *c)
{
	const struct phx_digest_run *r = &c->r;
	struct mx_buf *s = &c->settings;
	char in[PATH_MAX], out[PATH_MAX];
	if (!realpath(r->in, in))
		snprintf(in, sizeof(in), "%s", r->in);
	if (!realpath(r->out, out))
		snprintf(out, sizeof(out), "%s", r->out);
	mx_buf_addf(s, "v=%s;vsn=%d;z=", MIXLESS_VERSION, r->o->vsn);
	for (int z = 0; z < PHX_Z_COUNT; z++)
		mx_buf_addch(s, r->o->z[z] ? '1' : '0');
	mx_buf_adds(s, ";exts=");
	for (size_t i = 0; i < r->o->exts.n; i++) {
		mx_buf_adds(s, r->o->exts.v[i]);
		mx_buf_addch(s, '\x1f');
	}
	mx_buf_addf(s, ";in=%s;out=%s", in, out);
	/* a url() that climbs out of the input resolves against the cwd, as
	 * Path.expand does: another cwd can give another rewrite */
	char cwd[PATH_MAX];
	mx_buf_addf(s, ";cwd=%s", getcwd(cwd, sizeof(cwd)) ? cwd : "");
	mx_buf_addf(s, ";prefix=%s", c->prefix.len ? c->prefix.buf : "");
}

static void load_cache(struct compile *c)
{
	struct phx_digest_run *r = &c->r;
	settings_string(c);
	if (r->o->cache_dir)
		phx_digest_cache_path(&c->cache_path, r->o->cache_dir, r->out);
	if (r->o->no_cache || r->dry || !r->o->cache_dir)
		return;
	phx_digest_cache_load(&r->cache, c->cache_path.buf, c->settings.buf);
	/* the manifest memo lives beside the cache, and only with it */
	phx_digest_memo_path(&c->memo_path, c->cache_path.buf);
	phx_digest_manifest_memo_check(&c->memo, r->out, c->memo_path.buf);
}

static void *load_cache_thread(void *arg)
{
	load_cache(arg);
	return NULL;
}

/* The walk and the cache's load, each mostly waiting on the kernel, side
 * by side: a rerun's two biggest steps overlap. */
static int collect_and_load(struct compile *c, struct mx_err *err)
{
	pthread_t loader;
	input_prefix(c);
	bool threaded = pthread_create(&loader, NULL, load_cache_thread, c) == 0;
	if (!threaded)
		load_cache(c);
	int ret = collect_input(c, err);
	if (threaded)
		pthread_join(loader, NULL);
	trace("collect+cache");
	/* an earlier version's cache, inside the output: it must not ship */
	if (!c->r.dry)
		phx_digest_cache_remove_legacy(c->r.out);
	return ret;
}

/* A file's output directory as the cache and outdirs name it ("" for the
 * root). */
static const char *outdir_of(const struct phx_digest_file *f)
{
	return strcmp(f->reldir, ".") ? f->reldir : "";
}

/* The output directories: one per input directory holding files, and the
 * root, sorted and unique. */
static void list_outdirs(struct compile *c)
{
	struct mx_strvec *dirs = &c->outdirs;
	for (size_t i = 0; i < c->r.t.n; i++) {
		const char *d = outdir_of(&c->r.t.files[i]);
		if (!dirs->n || strcmp(dirs->v[dirs->n - 1], d))
			mx_strvec_push(dirs, d);
	}
	mx_strvec_sort(dirs);
	size_t w = 0;
	for (size_t i = 0; i < dirs->n; i++) {
		if (w && !strcmp(dirs->v[w - 1], dirs->v[i])) {
			free(dirs->v[i]);
			continue;
		}
		dirs->v[w++] = dirs->v[i];
	}
	dirs->n = w;
	dirs->v[w] = NULL;
	if (!dirs->n || strcmp(dirs->v[0], ""))
		mx_strvec_push(dirs, "");
}

static bool stat_matches(const struct phx_digest_file *f, const struct phx_digest_cache_entry *e)
{
	return f->size == e->size && f->ino == e->ino && f->dev == e->dev &&
	       f->mtime.tv_sec == e->mtime.tv_sec && f->mtime.tv_nsec == e->mtime.tv_nsec &&
	       f->ctime.tv_sec == e->ctime.tv_sec && f->ctime.tv_nsec == e->ctime.tv_nsec;
}

/*
 * Makes every output directory, and tells each file what the cache knows: the
 * entry whose stat identity it still has, and whether its output directory
 * is as the cache left it. A directory changed since the last complete run
 * may hold the temp files of a run that was killed: those are removed (all
 * of them, however fresh: the output is locked, no live run writes there).
 */
static int prepare_outputs(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	const struct mx_strvec *dirs = &c->outdirs;
	struct phx_digest_index dirix = PHX_DIGEST_INDEX_INIT;
	struct mx_buf p = MX_BUF_INIT;
	bool *dir_ok = mx_xcalloc(dirs->n, sizeof(*dir_ok));
	int ret = 0;
	for (size_t i = 0; i < dirs->n && !ret; i++) {
		dir_ok[i] = r->cache.n && phx_digest_cache_dir_ok(&r->cache, r->out, dirs->v[i]);
		if (r->dry)
			continue;
		mx_buf_reset(&p);
		mx_path_join(&p, r->out, dirs->v[i]);
		if (!dir_ok[i])
			mx_atomic_remove_stale(p.buf, time(NULL) + 1);
		/* one as the cache left it exists: its stat just said so */
		if (dirs->v[i][0] && !dir_ok[i])
			ret = mx_fs_mkdir_p(p.buf, 0777, err);
	}
	if (ret == 0) {
		phx_digest_index_build(&dirix, dirs->n, phx_digest_strvec_key, (void *)dirs);
		for (size_t i = 0; i < r->t.n; i++) {
			struct phx_digest_file *f = &r->t.files[i];
			long e = phx_digest_cache_find(&r->cache, f->rel);
			if (e >= 0 && stat_matches(f, &r->cache.e[e]))
				f->cache = e;
			const char *d = outdir_of(f);
			long di = phx_digest_index_find(&dirix, d, strlen(d));
			f->dir_ok = di >= 0 && dir_ok[di];
		}
	}
	phx_digest_index_release(&dirix);
	mx_buf_release(&p);
	free(dir_ok);
	return ret;
}

/* ---- Phase 1: hash every file, write those never rewritten ---------------- */

static int cmp_size_desc(const void *x, const void *y, void *ctx)
{
	const struct phx_digest_file *f = ctx;
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (f[a].size != f[b].size)
		return f[a].size < f[b].size ? 1 : -1;
	return a < b ? -1 : a > b;
}

static int hash_all(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	c->jobs = jobs_wanted(r->o);
	start_progress(r);
	c->order = mx_xmalloc((r->t.n ? r->t.n : 1) * sizeof(*c->order));
	for (size_t i = 0; i < r->t.n; i++)
		c->order[i] = i;
	/* biggest first, so one large file does not finish alone at the end */
	qsort_r(c->order, r->t.n, sizeof(*c->order), cmp_size_desc, r->t.files);
	phx_digest_parallel(r->t.n, c->jobs, c->order, job_hash, r);
	return atomic_load(&r->failed) ? jobs_failed(r, err) : 0;
}

/* ---- Phase 2: `latest`, then rewrite CSS, JS and source maps ------------- */

static const char *file_key(size_t i, void *ctx)
{
	return ((struct phx_digest_run *)ctx)->t.files[i].rel;
}

/* Source maps take their asset's digest: app.js.map -> app-<md5>.js.map. */
static void name_source_maps(struct phx_digest_run *r)
{
	for (size_t i = 0; i < r->t.n; i++) {
		struct phx_digest_file *f = &r->t.files[i];
		size_t n = strlen(f->rel);
		if (strcmp(phx_digest_extname(f->base), ".map") || n < 4)
			continue;
		long a = phx_digest_index_find(&r->byrel, f->rel, n - 4);
		if (a < 0)
			continue;
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_adds(&b, r->t.files[a].digested);
		mx_buf_adds(&b, ".map");
		free(f->digested);
		f->digested = mx_buf_detach(&b, NULL);
		f->digest = r->t.files[a].md5;
	}
}

/* `latest` in walk order, hashed: when it equals the last run's, no
 * rewritten file can come out differently unless the file itself changed. */
static void fingerprint_latest(struct phx_digest_run *r)
{
	r->latest = PHX_DIGEST_HASH_SEED;
	for (size_t i = 0; i < r->t.n; i++) {
		const struct phx_digest_file *f = &r->t.files[i];
		r->latest = phx_digest_hash(f->rel, strlen(f->rel) + 1, r->latest);
		r->latest = phx_digest_hash(f->digested, strlen(f->digested) + 1, r->latest);
	}
	r->same_latest = r->cache.n && r->cache.latest == r->latest;
}

static int rewrite_all(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	phx_digest_index_build(&r->byrel, r->t.n, file_key, r);
	name_source_maps(r);
	fingerprint_latest(r);
	size_t n = 0;
	for (size_t i = 0; i < r->t.n; i++)
		if (r->t.files[i].kind != PHX_KIND_PLAIN)
			c->order[n++] = i;
	phx_digest_parallel(n, c->jobs, c->order, job_rewrite, r);
	if (atomic_load(&r->failed))
		return jobs_failed(r, err);
	end_progress(r);
	return 0;
}

/* ---- Phase 3: the manifest, last; then the depfile and the cache ---------- */

/* Makes every output durable and commits the manifest; for a dry run, prints
 * the outputs it would have written instead. */
static int publish(struct compile *c, struct mx_err *err)
{
	struct phx_digest_run *r = &c->r;
	struct mx_err merr = MX_ERR_INIT;
	bool save_memo = c->memo_path.len && mx_fs_mkdir_p(r->o->cache_dir, 0777, &merr) == 0;
	/* nothing to flush when every file was reused where the cache left it */
	bool need_sync = false;
	for (size_t i = 0; i < r->t.n && !need_sync; i++)
		need_sync = !(r->t.files[i].reused && r->t.files[i].dir_ok);
	int ret = phx_digest_manifest_write(r->out, &r->t, r->o->now, need_sync ? &c->flusher : NULL,
	                                    r->dry ? &r->planned : NULL,
	                                    c->memo_path.len ? &c->memo : NULL,
	                                    save_memo ? c->memo_path.buf : NULL, err);
	if (ret < 0)
		return -1;
	if (r->dry) {
		mx_strvec_sort(&r->planned);
		for (size_t i = 0; i < r->planned.n; i++)
			printf("%s\n", r->planned.v[i]);
	}
	return 0;
}

/* Remembers this run for the next one. A cache that cannot be written only
 * costs time next run: its errors are dropped. */
static void save_cache(struct compile *c)
{
	struct phx_digest_run *r = &c->r;
	struct mx_err cerr = MX_ERR_INIT;
	/* Nothing new to remember when every file was reused from this very
	 * cache: skip the write (the root directory's new mtime, from the
	 * manifest, only costs a few lstat() next time). */
	bool changed = !r->same_latest || r->t.n != r->cache.n;
	for (size_t i = 0; i < r->t.n && !changed; i++)
		changed = !r->t.files[i].reused;
	if (!changed || !r->o->cache_dir)
		return;
	mx_atomic_remove_stale(r->o->cache_dir, unix_now(r) - STALE_TEMP_SECONDS);
	if (mx_fs_mkdir_p(r->o->cache_dir, 0777, &cerr) == 0)
		phx_digest_cache_save(c->cache_path.buf, c->settings.buf, r->latest,
		                      unix_now(r) - 1, &r->t, r->out, &c->outdirs, &cerr);
}

enum phx_digest_result phx_digest_compile(const struct phx_digest_opts *o, struct mx_err *err)
{
	struct compile c;
	struct phx_digest_run *r = &c.r;
	enum phx_digest_result res = PHX_DIGEST_FAILED;
	compile_init(&c, o);
	if (!mx_fs_exists(r->in)) {
		res = PHX_DIGEST_MISSING;
		goto out;
	}
	if (open_dirs(&c, err) < 0)
		goto out;
	trace("start");
	if (collect_and_load(&c, err) < 0)
		goto out;
	list_outdirs(&c);
	if (prepare_outputs(&c, err) < 0)
		goto out;
	trace("prepare");
	if (!r->dry)
		phx_digest_flusher_start(&c.flusher, c.lock_fd, r->out);
	if (hash_all(&c, err) < 0)
		goto out;
	trace("phase1");
	if (rewrite_all(&c, err) < 0)
		goto out;
	trace("phase2");
	if (publish(&c, err) < 0)
		goto out;
	res = PHX_DIGEST_DONE;
	if (r->dry)
		goto out;
	trace("manifest");
	if (o->depfile && phx_digest_depfile_write(o->depfile, o->depfile_target, r->in, r->out,
	                                           &r->t, &o->config_files, err) < 0) {
		res = PHX_DIGEST_FAILED;
		goto out;
	}
	trace("depfile");
	if (!o->no_cache)
		save_cache(&c);
	trace("cache-save");
out:
	compile_release(&c);
	return res;
}
