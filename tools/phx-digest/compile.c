/*
 * The digest run, Phoenix.Digester.compile/3 in three phases:
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
#include "digest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "fsutil.h"
#include "mixless_version.h"

#define CHUNK (1 << 20)

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

struct run {
	const struct phx_digest_opts *o;
	struct phx_digest_tree t;
	struct phx_digest_cache cache;
	struct phx_digest_index byrel;
	const char *in, *out;
	bool same_dir;
	bool dry;
	atomic_bool failed;
	pthread_mutex_t lock; /* first_err, planned, progress */
	struct mx_err first_err;
	struct mx_strvec planned; /* --dry-run: outputs that would be written */
	atomic_size_t done;
	size_t total;
	bool progress;
	uint64_t latest;  /* fingerprint of `latest` */
	bool same_latest; /* ... equal to the cached run's: every lookup answers as then */
};

static void record_error(struct run *r, const struct mx_err *e)
{
	pthread_mutex_lock(&r->lock);
	if (!atomic_load(&r->failed))
		r->first_err = *e;
	atomic_store(&r->failed, true);
	pthread_mutex_unlock(&r->lock);
}

static void progress(struct run *r)
{
	size_t d = atomic_fetch_add(&r->done, 1) + 1;
	if (!r->progress || (d % 128 && d != r->total))
		return;
	pthread_mutex_lock(&r->lock);
	fprintf(stderr, "\r%s: %zu/%zu files", mx_diag_prog(), d, r->total);
	fflush(stderr);
	pthread_mutex_unlock(&r->lock);
}

static const char *file_key(size_t i, void *ctx)
{
	return ((struct run *)ctx)->t.files[i].rel;
}

static const char *latest_lookup(const char *key, size_t len, void *ctx)
{
	struct run *r = ctx;
	long i = phx_digest_index_find(&r->byrel, key, len);
	return i < 0 ? NULL : r->t.files[i].digested;
}

static uint64_t lookup_step(struct run *r, const char *key, size_t len, uint64_t h)
{
	const char *d = latest_lookup(key, len, r);
	h = phx_digest_hash(key, len, h);
	h = phx_digest_hash("", 1, h);
	return phx_digest_hash(d ? d : "\001", d ? strlen(d) + 1 : 2, h);
}

/* What the lookups of a rewritten file answer, hashed: equal hashes mean the
 * rewrite comes out the same. */
static uint64_t lookups_hash(struct run *r, const struct mx_strvec *keys)
{
	uint64_t h = PHX_DIGEST_HASH_SEED;
	for (size_t i = 0; i < keys->n; i++)
		h = lookup_step(r, keys->v[i], strlen(keys->v[i]), h);
	return h;
}

/* The same over the cache's \x1f-joined list. */
static uint64_t lookups_hash_joined(struct run *r, const char *keys)
{
	uint64_t h = PHX_DIGEST_HASH_SEED;
	while (*keys) {
		size_t n = strcspn(keys, "\x1f");
		h = lookup_step(r, keys, n, h);
		keys += n;
		if (*keys)
			keys++;
	}
	return h;
}

/* ---- Hashing ------------------------------------------------------------ */

struct hasher {
	EVP_MD_CTX *md5, *sha;
};

static int hasher_init(struct hasher *h, bool md5, bool sha)
{
	h->md5 = md5 ? EVP_MD_CTX_new() : NULL;
	h->sha = sha ? EVP_MD_CTX_new() : NULL;
	if ((md5 && (!h->md5 || !EVP_DigestInit_ex(h->md5, EVP_md5(), NULL))) ||
	    (sha && (!h->sha || !EVP_DigestInit_ex(h->sha, EVP_sha512(), NULL))))
		return -1;
	return 0;
}

static void hasher_update(struct hasher *h, const void *p, size_t n)
{
	if (h->md5)
		EVP_DigestUpdate(h->md5, p, n);
	if (h->sha)
		EVP_DigestUpdate(h->sha, p, n);
}

static void hasher_final(struct hasher *h, char md5hex[33], char sha64[89])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	if (h->md5) {
		static const char hex[] = "0123456789abcdef";
		EVP_DigestFinal_ex(h->md5, d, &n);
		for (unsigned i = 0; i < 16; i++) {
			md5hex[2 * i] = hex[d[i] >> 4];
			md5hex[2 * i + 1] = hex[d[i] & 15];
		}
		md5hex[32] = '\0';
	}
	if (h->sha) {
		EVP_DigestFinal_ex(h->sha, d, &n);
		EVP_EncodeBlock((unsigned char *)sha64, d, (int)n);
	}
}

static void hasher_release(struct hasher *h)
{
	EVP_MD_CTX_free(h->md5);
	EVP_MD_CTX_free(h->sha);
}

static int read_full(int fd, char *buf, size_t want, size_t *got)
{
	*got = 0;
	while (*got < want) {
		ssize_t n = read(fd, buf + *got, want - *got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		*got += (size_t)n;
	}
	return 0;
}

/* ---- Output sets ---------------------------------------------------------- */

enum {
	OUT_DIG,
	OUT_ORIG,
	OUT_ZDIG,
	OUT_ZORIG = OUT_ZDIG + PHX_Z_COUNT,
	OUT_MAX = OUT_ZORIG + PHX_Z_COUNT
};

struct outset {
	struct mx_atomic af[OUT_MAX];
	bool on[OUT_MAX];
};

static void out_path(struct run *r, struct mx_buf *p, const char *rel, const char *ext)
{
	mx_buf_reset(p);
	mx_path_join(p, r->out, rel);
	if (ext)
		mx_buf_adds(p, ext);
}

/* Decides which outputs a file has and opens them (or, for --dry-run, notes
 * their names). differs: the digested content is not the original. */
static int outset_open(struct run *r, struct phx_digest_file *f, struct outset *s,
                       struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT;
	int ret = 0;
	for (int i = 0; i < OUT_MAX; i++) {
		s->af[i] = (struct mx_atomic)MX_ATOMIC_INIT;
		s->on[i] = false;
	}
	s->on[OUT_DIG] = true;
	/* the original is the input itself when input and output are one */
	s->on[OUT_ORIG] = !r->same_dir;
	for (int z = 0; z < PHX_Z_COUNT; z++) {
		if (!r->o->z[z] || !f->compress)
			continue;
		s->on[OUT_ZDIG + z] = s->on[OUT_ZORIG + z] = true;
	}
	for (int i = 0; i < OUT_MAX && !ret; i++) {
		if (!s->on[i])
			continue;
		const char *rel =
		    (i == OUT_DIG || (i >= OUT_ZDIG && i < OUT_ZORIG)) ? f->digested : f->rel;
		const char *ext = i >= OUT_ZORIG  ? phx_digest_z_ext(i - OUT_ZORIG)
		                  : i >= OUT_ZDIG ? phx_digest_z_ext(i - OUT_ZDIG)
		                                  : NULL;
		out_path(r, &p, rel, ext);
		if (r->dry) {
			pthread_mutex_lock(&r->lock);
			mx_strvec_push(&r->planned, p.buf);
			pthread_mutex_unlock(&r->lock);
		} else {
			ret = mx_atomic_open(&s->af[i], p.buf, 0666, err);
		}
	}
	mx_buf_release(&p);
	return ret;
}

static int outset_commit(struct outset *s, struct mx_err *err)
{
	int ret = 0;
	for (int i = 0; i < OUT_MAX; i++) {
		if (s->af[i].fd < 0)
			continue;
		if (ret < 0)
			mx_atomic_abort(&s->af[i]);
		else
			ret = mx_atomic_commit(&s->af[i], err);
	}
	return ret;
}

static void outset_abort(struct outset *s)
{
	for (int i = 0; i < OUT_MAX; i++)
		mx_atomic_abort(&s->af[i]);
}

struct zsink {
	struct mx_atomic *a, *b;
};

static void zsink_write(const void *data, size_t n, void *ctx)
{
	struct zsink *z = ctx;
	if (z->a)
		mx_atomic_write(z->a, data, n);
	if (z->b)
		mx_atomic_write(z->b, data, n);
}

static struct mx_atomic *af_if(struct outset *s, int i)
{
	return s->on[i] && s->af[i].fd >= 0 ? &s->af[i] : NULL;
}

/* Writes content (and its compressed forms) to the outputs of one kind:
 * which = OUT_DIG or OUT_ORIG; with both set, the same bytes go to both. */
static int write_mem(struct run *r, struct phx_digest_file *f, struct outset *s, int raw_a,
                     int raw_b, const char *data, size_t n, struct mx_err *err)
{
	if (raw_a >= 0 && af_if(s, raw_a))
		mx_atomic_write(&s->af[raw_a], data, n);
	if (raw_b >= 0 && af_if(s, raw_b))
		mx_atomic_write(&s->af[raw_b], data, n);
	for (int z = 0; z < PHX_Z_COUNT; z++) {
		struct zsink zs = {NULL, NULL};
		if (raw_a >= 0)
			zs.a = af_if(s, (raw_a == OUT_DIG ? OUT_ZDIG : OUT_ZORIG) + z);
		if (raw_b >= 0)
			zs.b = af_if(s, (raw_b == OUT_DIG ? OUT_ZDIG : OUT_ZORIG) + z);
		if (!zs.a && !zs.b)
			continue;
		struct phx_digest_zstream zst;
		if (phx_digest_z_begin(&zst, (enum phx_digest_z)z, (long long)n, zsink_write, &zs,
		                       err) < 0)
			return -1;
		int rc = phx_digest_z_feed(&zst, data, n, true, err);
		phx_digest_z_release(&zst);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void input_path(struct run *r, struct mx_buf *p, const struct phx_digest_file *f)
{
	mx_buf_reset(p);
	mx_path_join(p, r->in, f->src ? f->src : f->rel);
}

/* Copies a never-rewritten file to its outputs, streaming. */
static int write_stream(struct run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct outset s;
	struct mx_buf p = MX_BUF_INIT;
	struct phx_digest_zstream zst[PHX_Z_COUNT];
	struct zsink zs[PHX_Z_COUNT];
	char *buf = NULL;
	int fd = -1, ret = 0;
	size_t total = 0;
	for (int z = 0; z < PHX_Z_COUNT; z++)
		zst[z] = (struct phx_digest_zstream)PHX_DIGEST_ZSTREAM_INIT;
	if (outset_open(r, f, &s, err) < 0) {
		ret = -1;
		goto out;
	}
	if (r->dry)
		goto out;
	for (int z = 0; z < PHX_Z_COUNT; z++) {
		zs[z].a = af_if(&s, OUT_ZDIG + z);
		zs[z].b = af_if(&s, OUT_ZORIG + z);
		if ((zs[z].a || zs[z].b) &&
		    phx_digest_z_begin(&zst[z], (enum phx_digest_z)z, (long long)f->size,
		                       zsink_write, &zs[z], err) < 0) {
			ret = -1;
			goto out;
		}
	}
	input_path(r, &p, f);
	fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = mx_err_errno(err, "cannot open", p.buf);
		goto out;
	}
	buf = mx_xmalloc(CHUNK);
	for (;;) {
		size_t got;
		if (read_full(fd, buf, CHUNK, &got) < 0) {
			ret = mx_err_errno(err, "cannot read", p.buf);
			goto out;
		}
		bool last = got < CHUNK;
		/* a block of zeros becomes a hole, as cp --sparse=auto does */
		bool zeros = got == CHUNK && !buf[0] && !memcmp(buf, buf + 1, got - 1);
		for (int k = OUT_DIG; k <= OUT_ORIG; k++) {
			if (!af_if(&s, k))
				continue;
			if (zeros && lseek(s.af[k].fd, (off_t)got, SEEK_CUR) >= 0)
				continue;
			mx_atomic_write(&s.af[k], buf, got);
		}
		total += got;
		for (int z = 0; z < PHX_Z_COUNT; z++)
			if (zst[z].state && phx_digest_z_feed(&zst[z], buf, got, last, err) < 0) {
				ret = -1;
				goto out;
			}
		if (last)
			break;
	}
	/* a file ending in a hole needs its length set */
	for (int k = OUT_DIG; k <= OUT_ORIG; k++)
		if (af_if(&s, k) && ftruncate(s.af[k].fd, (off_t)total) < 0 &&
		    !s.af[k].failed_errno)
			s.af[k].failed_errno = errno;
	ret = outset_commit(&s, err);
out:
	if (ret < 0)
		outset_abort(&s);
	for (int z = 0; z < PHX_Z_COUNT; z++)
		phx_digest_z_release(&zst[z]);
	if (fd >= 0)
		close(fd);
	free(buf);
	mx_buf_release(&p);
	return ret;
}

/* Are the outputs a cached file would produce all present? */
static bool outputs_present(struct run *r, struct phx_digest_file *f)
{
	if (f->dir_ok)
		return true;
	struct mx_buf p = MX_BUF_INIT;
	struct stat st;
	bool ok = true;
	const char *rels[2] = {f->digested, r->same_dir ? NULL : f->rel};
	for (int k = 0; k < 2 && ok; k++) {
		if (!rels[k])
			continue;
		out_path(r, &p, rels[k], NULL);
		ok = lstat(p.buf, &st) == 0 && S_ISREG(st.st_mode);
		for (int z = 0; z < PHX_Z_COUNT && ok; z++) {
			if (!r->o->z[z] || !f->compress)
				continue;
			out_path(r, &p, rels[k], phx_digest_z_ext(z));
			ok = lstat(p.buf, &st) == 0 && S_ISREG(st.st_mode);
		}
	}
	mx_buf_release(&p);
	return ok;
}

static void set_digested(struct phx_digest_file *f)
{
	struct mx_buf b = MX_BUF_INIT;
	if (strcmp(f->reldir, ".")) {
		mx_buf_adds(&b, f->reldir);
		mx_buf_addch(&b, '/');
	}
	phx_digest_digested_name(&b, f->base, f->md5);
	free(f->digested);
	f->digested = mx_buf_detach(&b, NULL);
	f->digest = f->md5;
}

static int read_content(struct run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT, c = MX_BUF_INIT;
	int ret = 0;
	input_path(r, &p, f);
	if ((size_t)f->size > PHX_DIGEST_REWRITE_MAX) {
		ret = mx_err_set(err, MX_ERR_OTHER, "'%s' is too large to rewrite (over %zu MiB)",
		                 p.buf, PHX_DIGEST_REWRITE_MAX >> 20);
		goto out;
	}
	if (mx_fs_read(p.buf, &c, err) < 0) {
		ret = -1;
		goto out;
	}
	if (c.len > PHX_DIGEST_REWRITE_MAX) {
		ret = mx_err_set(err, MX_ERR_OTHER, "'%s' is too large to rewrite", p.buf);
		goto out;
	}
	f->content = mx_buf_detach(&c, &f->len);
	if (!f->content) {
		f->content = mx_xstrdup("");
		f->len = 0;
	}
out:
	mx_buf_release(&c);
	mx_buf_release(&p);
	return ret;
}

/* ---- Phase 1 ------------------------------------------------------------- */

static int do_phase1(struct run *r, struct phx_digest_file *f, struct mx_err *err)
{
	const struct phx_digest_cache_entry *e = f->cache >= 0 ? &r->cache.e[f->cache] : NULL;
	if (f->kind != PHX_KIND_PLAIN) {
		if (e) {
			memcpy(f->md5, e->md5, sizeof(f->md5));
		} else {
			struct hasher h;
			if (read_content(r, f, err) < 0)
				return -1;
			if (hasher_init(&h, true, false) < 0) {
				hasher_release(&h);
				return mx_err_set(err, MX_ERR_OTHER, "cannot start MD5");
			}
			hasher_update(&h, f->content, f->len);
			hasher_final(&h, f->md5, NULL);
			hasher_release(&h);
		}
		set_digested(f);
		return 0;
	}
	if (e) {
		memcpy(f->md5, e->md5, sizeof(f->md5));
		memcpy(f->sha512, e->sha512, sizeof(f->sha512));
		set_digested(f);
		if (outputs_present(r, f)) {
			f->reused = true;
			return 0;
		}
		return write_stream(r, f, err);
	}
	/* pass 1: hash; the name depends on the MD5 of the whole file */
	struct mx_buf p = MX_BUF_INIT;
	struct hasher h;
	char *buf = NULL;
	int ret = 0, fd = -1;
	if (hasher_init(&h, true, true) < 0) {
		ret = mx_err_set(err, MX_ERR_OTHER, "cannot start MD5/SHA-512");
		goto out;
	}
	input_path(r, &p, f);
	fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = mx_err_errno(err, "cannot open", p.buf);
		goto out;
	}
	buf = mx_xmalloc(CHUNK);
	for (;;) {
		size_t got;
		if (read_full(fd, buf, CHUNK, &got) < 0) {
			ret = mx_err_errno(err, "cannot read", p.buf);
			goto out;
		}
		hasher_update(&h, buf, got);
		if (got < CHUNK)
			break;
	}
	hasher_final(&h, f->md5, f->sha512);
	set_digested(f);
	/* pass 2 */
	ret = write_stream(r, f, err);
out:
	hasher_release(&h);
	if (fd >= 0)
		close(fd);
	free(buf);
	mx_buf_release(&p);
	return ret;
}

static void job_phase1(size_t i, void *ctx)
{
	struct run *r = ctx;
	struct mx_err err = MX_ERR_INIT;
	if (atomic_load(&r->failed))
		return;
	if (do_phase1(r, &r->t.files[i], &err) < 0)
		record_error(r, &err);
	progress(r);
}

/* ---- Phase 2: CSS, JS, source maps ------------------------------------ */

static int do_phase2(struct run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct phx_digest_cache_entry *e = f->cache >= 0 ? &r->cache.e[f->cache] : NULL;
	struct mx_buf dig = MX_BUF_INIT;
	struct outset s;
	int ret = 0;
	if (e && (r->same_latest || lookups_hash_joined(r, e->keys) == e->lookups) &&
	    outputs_present(r, f)) {
		memcpy(f->sha512, e->sha512, sizeof(f->sha512));
		f->keys_cached = e->keys;
		f->lookups = e->lookups;
		f->reused = true;
		return 0;
	}
	if (!f->content && read_content(r, f, err) < 0)
		return -1;
	struct phx_digest_rewriter rw = {f->reldir, r->o->vsn, latest_lookup, r, &f->keys};
	mx_strvec_clear(&f->keys);
	phx_digest_rewrite(f->kind, f->content, f->len, &rw, &dig);
	f->lookups = lookups_hash(r, &f->keys);
	f->differs = dig.len != f->len || memcmp(dig.buf, f->content, f->len);

	struct hasher h;
	if (hasher_init(&h, false, true) < 0) {
		hasher_release(&h);
		ret = mx_err_set(err, MX_ERR_OTHER, "cannot start SHA-512");
		goto out;
	}
	hasher_update(&h, dig.buf, dig.len);
	hasher_final(&h, NULL, f->sha512);
	hasher_release(&h);

	if (outset_open(r, f, &s, err) < 0) {
		outset_abort(&s);
		ret = -1;
		goto out;
	}
	if (!r->dry) {
		/* compress once when both contents are equal (Phoenix does too) */
		if (f->differs)
			ret = write_mem(r, f, &s, OUT_DIG, -1, dig.buf, dig.len, err) < 0 ||
			              write_mem(r, f, &s, OUT_ORIG, -1, f->content, f->len, err) < 0
			          ? -1
			          : 0;
		else
			ret = write_mem(r, f, &s, OUT_DIG, OUT_ORIG, dig.buf, dig.len, err);
		if (ret == 0)
			ret = outset_commit(&s, err);
		else
			outset_abort(&s);
	}
out:
	free(f->content);
	f->content = NULL;
	mx_buf_release(&dig);
	return ret;
}

static void job_phase2(size_t i, void *ctx)
{
	struct run *r = ctx;
	struct mx_err err = MX_ERR_INIT;
	if (atomic_load(&r->failed))
		return;
	if (do_phase2(r, &r->t.files[i], &err) < 0)
		record_error(r, &err);
	progress(r);
}

/* ---- Around the phases ---------------------------------------------------- */

void phx_digest_zexts(const struct phx_digest_opts *o, struct mx_strvec *out)
{
	for (int z = 0; z < PHX_Z_COUNT; z++)
		if (o->z[z])
			mx_strvec_push(out, phx_digest_z_ext(z));
}

/* Our temp files are ".<name>.tmp-XXXXXX" (mx_atomic_open). */
static bool is_temp_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] != '.' || n < 13 || memcmp(name + n - 11, ".tmp-", 5))
		return false;
	for (size_t i = n - 6; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9')))
			return false;
	}
	return true;
}

/*
 * Removes the temp files a killed run left in OUT/reldir. A temp file that
 * is still being written has a fresh mtime (every write() updates it), so
 * only those untouched for ten minutes go: no live writer loses its file.
 * They are hidden and never named by a manifest; this only keeps them from
 * piling up.
 */
static void remove_stale_temps(const char *out, const char *reldir, time_t now)
{
	struct mx_buf p = MX_BUF_INIT;
	mx_path_join(&p, out, reldir);
	DIR *d = opendir(p.buf);
	mx_buf_release(&p);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		struct stat st;
		if (!is_temp_name(de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode) || st.st_mtime > now - 600)
			continue;
		unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

static bool stat_matches(const struct phx_digest_file *f, const struct phx_digest_cache_entry *e)
{
	return f->size == e->size && f->ino == e->ino && f->dev == e->dev &&
	       f->mtime.tv_sec == e->mtime.tv_sec && f->mtime.tv_nsec == e->mtime.tv_nsec &&
	       f->ctime.tv_sec == e->ctime.tv_sec && f->ctime.tv_nsec == e->ctime.tv_nsec;
}

static void settings_string(struct run *r, struct mx_buf *s)
{
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
}

static bool same_directory(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int cmp_size_desc(const void *x, const void *y, void *ctx)
{
	const struct phx_digest_file *f = ctx;
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (f[a].size != f[b].size)
		return f[a].size < f[b].size ? 1 : -1;
	return a < b ? -1 : a > b;
}

static const char *strvec_key(size_t i, void *ctx)
{
	return ((struct mx_strvec *)ctx)->v[i];
}

int phx_digest_compile(const struct phx_digest_opts *o, struct mx_err *err)
{
	struct run r;
	struct mx_strvec zexts = MX_STRVEC_INIT, outdirs = MX_STRVEC_INIT;
	struct mx_buf settings = MX_BUF_INIT, cpath = MX_BUF_INIT, prefix = MX_BUF_INIT;
	struct phx_digest_index dirix = PHX_DIGEST_INDEX_INIT;
	size_t *order = NULL;
	int ret = 0;

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.in = o->input;
	r.out = o->output ? o->output : o->input;
	r.dry = o->dry_run;
	r.t = (struct phx_digest_tree)PHX_DIGEST_TREE_INIT;
	r.cache = (struct phx_digest_cache)PHX_DIGEST_CACHE_INIT;
	r.planned = (struct mx_strvec)MX_STRVEC_INIT;
	pthread_mutex_init(&r.lock, NULL);
	atomic_init(&r.failed, false);
	atomic_init(&r.done, 0);

	if (!mx_fs_exists(r.in)) {
		ret = 1;
		goto out;
	}
	if (!mx_fs_is_dir(r.in)) {
		errno = ENOTDIR;
		ret = mx_err_errno(err, "cannot open directory", r.in);
		goto out;
	}
	if (!r.dry && mx_fs_mkdir_p(r.out, 0777, err) < 0) {
		ret = -1;
		goto out;
	}
	trace("start");
	phx_digest_zexts(o, &zexts);
	if (phx_digest_collect(r.in, &zexts, &r.t, err) < 0) {
		ret = -1;
		goto out;
	}
	for (size_t i = 0; i < r.t.skipped.n; i++)
		mx_diag_warn("skipping '%s/%s': not a regular file or a dangling symlink", r.in,
		             r.t.skipped.v[i]);
	for (size_t i = 0; i < r.t.badnames.n; i++)
		mx_diag_warn("skipping '%s/%s': the name is not valid UTF-8 (Phoenix skips it too)",
		             r.in, r.t.badnames.v[i]);
	trace("collect");
	/* "./priv/static": Phoenix's outputs go to OUT/priv/static/... */
	if (phx_digest_input_prefix(r.in, &prefix))
		phx_digest_tree_prefix(&r.t, prefix.buf);
	else
		mx_buf_reset(&prefix);
	r.same_dir = same_directory(r.in, r.out) && !prefix.len;
	for (size_t i = 0; i < r.t.n; i++) {
		struct phx_digest_file *f = &r.t.files[i];
		const char *ext = phx_digest_extname(f->base);
		f->compress = mx_strvec_find(&o->exts, ext) >= 0 && *ext;
	}

	settings_string(&r, &settings);
	mx_buf_addf(&settings, ";prefix=%s", prefix.len ? prefix.buf : "");
	mx_path_join(&cpath, r.out, PHX_DIGEST_CACHE_DIR "/state");
	if (!o->no_cache && !r.dry)
		phx_digest_cache_load(&r.cache, cpath.buf, settings.buf);

	trace("cache-load");
	/* output directories: one per input directory holding files */
	for (size_t i = 0; i < r.t.n; i++) {
		const char *d = strcmp(r.t.files[i].reldir, ".") ? r.t.files[i].reldir : "";
		if (!outdirs.n || strcmp(outdirs.v[outdirs.n - 1], d))
			mx_strvec_push(&outdirs, d);
	}
	mx_strvec_sort(&outdirs);
	{
		size_t w = 0;
		for (size_t i = 0; i < outdirs.n; i++) {
			if (w && !strcmp(outdirs.v[w - 1], outdirs.v[i])) {
				free(outdirs.v[i]);
				continue;
			}
			outdirs.v[w++] = outdirs.v[i];
		}
		outdirs.n = w;
		outdirs.v[w] = NULL;
	}
	if (!outdirs.n || strcmp(outdirs.v[0], ""))
		mx_strvec_push(&outdirs, "");
	phx_digest_index_build(&dirix, outdirs.n, strvec_key, &outdirs);
	bool *dir_ok = mx_xcalloc(outdirs.n, sizeof(*dir_ok));
	for (size_t i = 0; i < outdirs.n; i++) {
		dir_ok[i] = r.cache.n && phx_digest_cache_dir_ok(&r.cache, r.out, outdirs.v[i]);
		/* a directory changed since the last complete run may hold the
		 * temp files of a run that was killed */
		if (!r.dry && !dir_ok[i])
			remove_stale_temps(r.out, outdirs.v[i],
			                   o->now - PHX_DIGEST_GREGORIAN_OFFSET);
		if (!r.dry && outdirs.v[i][0]) {
			struct mx_buf p = MX_BUF_INIT;
			mx_path_join(&p, r.out, outdirs.v[i]);
			int rc = mx_fs_mkdir_p(p.buf, 0777, err);
			mx_buf_release(&p);
			if (rc < 0) {
				free(dir_ok);
				ret = -1;
				goto out;
			}
		}
	}
	for (size_t i = 0; i < r.t.n; i++) {
		struct phx_digest_file *f = &r.t.files[i];
		long c = phx_digest_cache_find(&r.cache, f->rel);
		if (c >= 0 && stat_matches(f, &r.cache.e[c]))
			f->cache = c;
		const char *d = strcmp(f->reldir, ".") ? f->reldir : "";
		long di = phx_digest_index_find(&dirix, d, strlen(d));
		f->dir_ok = di >= 0 && dir_ok[di];
	}
	free(dir_ok);

	trace("prepare");
	mx_atomic_set_sync(false);
	long jobs = o->jobs > 0 ? o->jobs : phx_digest_ncpu();
	r.total = r.t.n;
	/* a progress line only where it helps: a TTY and a large tree */
	r.progress = o->progress && r.total >= 1000;
	order = mx_xmalloc((r.t.n ? r.t.n : 1) * sizeof(*order));
	for (size_t i = 0; i < r.t.n; i++)
		order[i] = i;
	/* biggest first, so one large file does not finish alone at the end */
	qsort_r(order, r.t.n, sizeof(*order), cmp_size_desc, r.t.files);
	phx_digest_parallel(r.t.n, jobs, order, job_phase1, &r);
	if (atomic_load(&r.failed))
		goto failed;

	trace("phase1");
	/* source maps take their asset's digest: app.js.map -> app-<md5>.js.map */
	phx_digest_index_build(&r.byrel, r.t.n, file_key, &r);
	for (size_t i = 0; i < r.t.n; i++) {
		struct phx_digest_file *f = &r.t.files[i];
		size_t n = strlen(f->rel);
		if (strcmp(phx_digest_extname(f->base), ".map") || n < 4)
			continue;
		long a = phx_digest_index_find(&r.byrel, f->rel, n - 4);
		if (a < 0)
			continue;
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_adds(&b, r.t.files[a].digested);
		mx_buf_adds(&b, ".map");
		free(f->digested);
		f->digested = mx_buf_detach(&b, NULL);
		f->digest = r.t.files[a].md5;
	}
	/* `latest` in walk order: when it equals the last run's, no rewritten
	 * file can come out differently unless the file itself changed */
	r.latest = PHX_DIGEST_HASH_SEED;
	for (size_t i = 0; i < r.t.n; i++) {
		r.latest =
		    phx_digest_hash(r.t.files[i].rel, strlen(r.t.files[i].rel) + 1, r.latest);
		r.latest = phx_digest_hash(r.t.files[i].digested, strlen(r.t.files[i].digested) + 1,
		                           r.latest);
	}
	r.same_latest = r.cache.n && r.cache.latest == r.latest;
	size_t nrw = 0;
	for (size_t i = 0; i < r.t.n; i++)
		if (r.t.files[i].kind != PHX_KIND_PLAIN)
			order[nrw++] = i;
	phx_digest_parallel(nrw, jobs, order, job_phase2, &r);
	if (atomic_load(&r.failed))
		goto failed;
	if (r.progress)
		fprintf(stderr, "\r\033[K");

	trace("phase2");
	bool need_sync = false;
	for (size_t i = 0; i < r.t.n && !need_sync; i++)
		need_sync = !(r.t.files[i].reused && r.t.files[i].dir_ok);
	if (phx_digest_manifest_write(r.out, &r.t, o->now, need_sync, r.dry ? &r.planned : NULL,
	                              err) < 0) {
		ret = -1;
		goto out;
	}
	if (r.dry) {
		mx_strvec_sort(&r.planned);
		for (size_t i = 0; i < r.planned.n; i++)
			printf("%s\n", r.planned.v[i]);
		goto out;
	}
	trace("manifest");
	if (o->depfile && phx_digest_depfile_write(o->depfile, o->depfile_target, r.in, r.out, &r.t,
	                                           &o->config_files, err) < 0) {
		ret = -1;
		goto out;
	}
	trace("depfile");
	if (!o->no_cache) {
		struct mx_buf cdir = MX_BUF_INIT;
		struct mx_err cerr = MX_ERR_INIT;
		mx_path_join(&cdir, r.out, PHX_DIGEST_CACHE_DIR);
		/* Nothing new to remember when every file was reused from this
		 * very cache: skip the write (the root directory's new mtime,
		 * from the manifest, only costs a few lstat() next time). */
		bool changed = !r.same_latest || r.t.n != r.cache.n;
		for (size_t i = 0; i < r.t.n && !changed; i++)
			changed = !r.t.files[i].reused;
		/* a cache that cannot be written only costs time next run */
		if (changed)
			remove_stale_temps(r.out, PHX_DIGEST_CACHE_DIR,
			                   o->now - PHX_DIGEST_GREGORIAN_OFFSET);
		if (changed && mx_fs_mkdir_p(cdir.buf, 0777, &cerr) == 0)
			phx_digest_cache_save(cpath.buf, settings.buf, r.latest,
			                      (time_t)(o->now - PHX_DIGEST_GREGORIAN_OFFSET - 1),
			                      &r.t, r.out, &outdirs, &cerr);
		mx_buf_release(&cdir);
	}
	trace("cache-save");
	goto out;
failed:
	if (r.progress)
		fprintf(stderr, "\r\033[K");
	if (err)
		*err = r.first_err;
	ret = -1;
out:
	mx_atomic_set_sync(true);
	free(order);
	phx_digest_index_release(&dirix);
	phx_digest_index_release(&r.byrel);
	phx_digest_tree_release(&r.t);
	phx_digest_cache_release(&r.cache);
	mx_strvec_clear(&r.planned);
	mx_strvec_clear(&zexts);
	mx_strvec_clear(&outdirs);
	mx_buf_release(&settings);
	mx_buf_release(&prefix);
	mx_buf_release(&cpath);
	pthread_mutex_destroy(&r.lock);
	return ret;
}
