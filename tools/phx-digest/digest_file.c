/*
 * One file's work in the digest run's two parallel phases (see compile.c and
 * run.h): hashing, reading, rewriting, and writing its outputs (the digested
 * copy, the original's copy when the output is another directory, and the
 * compressed forms of both), each through its own atomic writer. Outputs are
 * committed without fsync: the run makes them all durable at once, before it
 * writes the manifest that names them.
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "compress.h"
#include "fsutil.h"
#include "jobs.h"
#include "names.h"
#include "rewrite.h"

#define CHUNK (1 << 20)

static const char *latest_lookup(const char *key, size_t len, void *ctx)
{
	struct phx_digest_run *r = ctx;
	long i = phx_digest_index_find(&r->byrel, key, len);
	return i < 0 ? NULL : r->t.files[i].digested;
}

static uint64_t lookup_step(struct phx_digest_run *r, const char *key, size_t len, uint64_t h)
{
	const char *d = latest_lookup(key, len, r);
	h = phx_digest_hash(key, len, h);
	h = phx_digest_hash("", 1, h);
	return phx_digest_hash(d ? d : "\001", d ? strlen(d) + 1 : 2, h);
}

/* What the lookups of a rewritten file answer, hashed: equal hashes mean the
 * rewrite comes out the same. */
static uint64_t lookups_hash(struct phx_digest_run *r, const struct mx_strvec *keys)
{
	uint64_t h = PHX_DIGEST_HASH_SEED;
	for (size_t i = 0; i < keys->n; i++)
		h = lookup_step(r, keys->v[i], strlen(keys->v[i]), h);
	return h;
}

/* The same over the cache's \x1f-joined list. */
static uint64_t lookups_hash_joined(struct phx_digest_run *r, const char *keys)
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
	if (!h)
		return;
	EVP_MD_CTX_free(h->md5);
	EVP_MD_CTX_free(h->sha);
}

/* MD5 (hex) and SHA-512 (base64) of data in memory, each into its buffer
 * unless that is NULL. */
static int hash_mem(const char *data, size_t n, char *md5hex, char *sha64)
{
	struct hasher h;
	int ret = hasher_init(&h, md5hex != NULL, sha64 != NULL);
	if (ret == 0) {
		hasher_update(&h, data, n);
		hasher_final(&h, md5hex, sha64);
	}
	hasher_release(&h);
	return ret;
}

/* Takes one piece of a file being read; returns 0, or -1 (with err) to stop. */
typedef int (*chunk_fn)(const char *buf, size_t n, bool last, void *ctx, struct mx_err *err);

/* Feeds the file at path to fn in CHUNK-sized pieces; the last piece is
 * shorter (maybe empty) and comes with last set. */
static int read_chunks(const char *path, chunk_fn fn, void *ctx, struct mx_err *err)
{
	int ret = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open", path);
	char *buf = mx_xmalloc(CHUNK);
	for (;;) {
		ssize_t n = mx_fs_read_full(fd, buf, CHUNK);
		if (n < 0) {
			ret = mx_err_errno(err, "cannot read", path);
			break;
		}
		size_t got = (size_t)n;
		bool last = got < CHUNK;
		ret = fn(buf, got, last, ctx, err);
		if (ret < 0 || last)
			break;
	}
	close(fd);
	free(buf);
	return ret;
}

static int hash_chunk(const char *buf, size_t n, bool last, void *ctx, struct mx_err *err)
{
	hasher_update(ctx, buf, n);
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

static void out_path(struct phx_digest_run *r, struct mx_buf *p, const char *rel, const char *ext)
{
	mx_buf_reset(p);
	mx_path_join(p, r->out, rel);
	if (ext)
		mx_buf_adds(p, ext);
}

/* Decides which outputs a file has and opens them (or, for --dry-run, notes
 * their names). They are committed without fsync: the run syncs the whole
 * file system once, before the manifest that names them. */
static int outset_open(struct phx_digest_run *r, struct phx_digest_file *f, struct outset *s,
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
			s->af[i].flags = MX_ATOMIC_NO_SYNC;
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

/* Writes data (and its compressed forms, but gzip only with_gzip) to the
 * outputs of one kind, raw_a (OUT_DIG or OUT_ORIG); with raw_b the other kind
 * too, the same bytes going to both (-1: none). */
static int write_mem(struct outset *s, int raw_a, int raw_b, const char *data, size_t n,
                     bool with_gzip, struct mx_err *err)
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
		if ((!zs.a && !zs.b) || (z == PHX_Z_GZIP && !with_gzip))
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

static void input_path(struct phx_digest_run *r, struct mx_buf *p, const struct phx_digest_file *f)
{
	mx_buf_reset(p);
	mx_path_join(p, r->in, f->src ? f->src : f->rel);
}

/* A streamed copy in progress: its outputs and compressors. */
struct copy {
	struct outset *s;
	struct phx_digest_zstream *zst;
	size_t total;
};

static int copy_chunk(const char *buf, size_t got, bool last, void *ctx, struct mx_err *err)
{
	struct copy *c = ctx;
	/* a block of zeros becomes a hole, as cp --sparse=auto does */
	bool zeros = got == CHUNK && !buf[0] && !memcmp(buf, buf + 1, got - 1);
	for (int k = OUT_DIG; k <= OUT_ORIG; k++) {
		if (!af_if(c->s, k))
			continue;
		if (zeros && lseek(c->s->af[k].fd, (off_t)got, SEEK_CUR) >= 0)
			continue;
		mx_atomic_write(&c->s->af[k], buf, got);
	}
	c->total += got;
	for (int z = 0; z < PHX_Z_COUNT; z++)
		if (c->zst[z].state && phx_digest_z_feed(&c->zst[z], buf, got, last, err) < 0)
			return -1;
	return 0;
}

/* Copies a never-rewritten file to its outputs, streaming. */
static int write_stream(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct outset s;
	struct mx_buf p = MX_BUF_INIT;
	struct phx_digest_zstream zst[PHX_Z_COUNT];
	struct zsink zs[PHX_Z_COUNT];
	struct copy c = {&s, zst, 0};
	int ret = 0;
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
	if (read_chunks(p.buf, copy_chunk, &c, err) < 0) {
		ret = -1;
		goto out;
	}
	/* a file ending in a hole needs its length set */
	for (int k = OUT_DIG; k <= OUT_ORIG; k++)
		if (af_if(&s, k) && ftruncate(s.af[k].fd, (off_t)c.total) < 0 &&
		    !s.af[k].failed_errno)
			s.af[k].failed_errno = errno;
	ret = outset_commit(&s, err);
out:
	if (ret < 0)
		outset_abort(&s);
	for (int z = 0; z < PHX_Z_COUNT; z++)
		phx_digest_z_release(&zst[z]);
	mx_buf_release(&p);
	return ret;
}

/* Are the outputs a cached file would produce all present? */
static bool outputs_present(struct phx_digest_run *r, struct phx_digest_file *f)
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

/* Reads f whole into the run's arena: 1 when done, 0 when it does not fit
 * there (too large, or it grew since its stat), -1 with err. */
static int read_into_arena(struct phx_digest_run *r, struct phx_digest_file *f,
                           const char *path, struct mx_err *err)
{
	size_t size = (size_t)f->size;
	char *p = phx_digest_arena_alloc(&r->contents, size + 1);
	if (!p)
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open", path);
	/* one byte more than the stat said, to see the end */
	ssize_t n = mx_fs_read_full(fd, p, size + 1);
	close(fd);
	if (n < 0)
		return mx_err_errno(err, "cannot read", path);
	size_t got = (size_t)n;
	if (got > size)
		return 0; /* grown: read it the ordinary way */
	p[got] = '\0';
	f->content = p;
	f->len = got;
	f->content_arena = true;
	return 1;
}

static int read_content(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT, c = MX_BUF_INIT;
	int ret = 0;
	input_path(r, &p, f);
	if ((size_t)f->size > PHX_DIGEST_REWRITE_MAX) {
		ret = mx_err_set(err, MX_ERR_OTHER, "'%s' is too large to rewrite (over %zu MiB)",
		                 p.buf, PHX_DIGEST_REWRITE_MAX >> 20);
		goto out;
	}
	if ((ret = read_into_arena(r, f, p.buf, err)) != 0) {
		ret = ret < 0 ? -1 : 0;
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
	f->content_arena = false;
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

static int write_outputs(struct phx_digest_run *r, struct phx_digest_file *f,
                         const struct mx_buf *dig, struct mx_err *err);

/*
 * Each thread reads small files into one buffer kept from file to file:
 * memory never touched before costs a page fault per 4 KiB, which on a
 * virtual machine costs more than the read itself. The thread's exit frees
 * it.
 */
static void scratch_free(void *p)
{
	mx_buf_release(p);
	free(p);
}

static struct phx_digest_slot scratch = PHX_DIGEST_SLOT_INIT(scratch_free);

/* The thread's read buffer, emptied; NULL where threads have no slots. */
static struct mx_buf *scratch_buf(void)
{
	struct mx_buf *b = phx_digest_slot_get(&scratch);
	if (!b) {
		b = mx_xmalloc(sizeof(*b));
		*b = (struct mx_buf)MX_BUF_INIT;
		if (phx_digest_slot_set(&scratch, b) < 0) {
			free(b);
			return NULL;
		}
	}
	mx_buf_reset(b);
	return b;
}

/* A plain file small enough to hold: read once, then hashed and written
 * from memory (two passes over the file would read it twice, and could
 * see two versions of it). */
static int hash_and_copy_small(struct phx_digest_run *r, struct phx_digest_file *f,
                               struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT, own = MX_BUF_INIT;
	struct mx_buf *c = scratch_buf();
	if (!c)
		c = &own;
	input_path(r, &p, f);
	int ret = mx_fs_read(p.buf, c, err);
	if (ret == 0 && hash_mem(c->len ? c->buf : "", c->len, f->md5, f->sha512) < 0)
		ret = mx_err_set(err, MX_ERR_OTHER, "cannot start MD5/SHA-512");
	if (ret == 0) {
		set_digested(f);
		f->differs = false;
		ret = write_outputs(r, f, c, err);
	}
	mx_buf_release(&own);
	mx_buf_release(&p);
	return ret;
}

/* A plain file the cache knows nothing of: pass 1 hashes it (its name
 * depends on the MD5 of the whole file), pass 2 copies it. */
static int hash_and_copy(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT;
	struct hasher h;
	int ret = 0;
	if (hasher_init(&h, true, true) < 0) {
		ret = mx_err_set(err, MX_ERR_OTHER, "cannot start MD5/SHA-512");
		goto out;
	}
	input_path(r, &p, f);
	if (read_chunks(p.buf, hash_chunk, &h, err) < 0) {
		ret = -1;
		goto out;
	}
	hasher_final(&h, f->md5, f->sha512);
	set_digested(f);
	ret = write_stream(r, f, err);
out:
	hasher_release(&h);
	mx_buf_release(&p);
	return ret;
}

int phx_digest_file_hash(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err)
{
	const struct phx_digest_cache_entry *e = f->cache >= 0 ? &r->cache.e[f->cache] : NULL;
	if (f->kind != PHX_KIND_PLAIN) {
		if (e) {
			memcpy(f->md5, e->md5, sizeof(f->md5));
		} else {
			if (read_content(r, f, err) < 0)
				return -1;
			if (hash_mem(f->content, f->len, f->md5, NULL) < 0)
				return mx_err_set(err, MX_ERR_OTHER, "cannot start MD5");
		}
		set_digested(f);
		return 0;
	}
	if (!e)
		return f->size <= CHUNK ? hash_and_copy_small(r, f, err) : hash_and_copy(r, f, err);
	memcpy(f->md5, e->md5, sizeof(f->md5));
	memcpy(f->sha512, e->sha512, sizeof(f->sha512));
	set_digested(f);
	if (outputs_present(r, f)) {
		f->reused = true;
		return 0;
	}
	return write_stream(r, f, err);
}

/* ---- Phase 2: CSS, JS, source maps ------------------------------------ */

static void atomic_sink(const void *data, size_t n, void *ctx)
{
	mx_atomic_write(ctx, data, n);
}

static void null_sink(const void *data, size_t n, void *ctx)
{
	(void)data, (void)n, (void)ctx;
}

/* The .gz of the digested content and of the original's, in one
 * phx_digest_gzip_pair. */
static int write_gzip_pair(struct outset *s, const struct mx_buf *dig,
                           const struct phx_digest_file *f, struct mx_err *err)
{
	struct mx_atomic *za = af_if(s, OUT_ZDIG + PHX_Z_GZIP);
	struct mx_atomic *zb = af_if(s, OUT_ZORIG + PHX_Z_GZIP);
	if (!za && !zb)
		return 0;
	return phx_digest_gzip_pair(dig->buf, dig->len, za ? atomic_sink : null_sink, za,
	                            f->content, f->len, zb ? atomic_sink : null_sink, zb, err);
}

/* Writes the digested content dig, and the original's copy (f->content when
 * f->differs, else dig too), with their compressed forms. */
static int write_outputs(struct phx_digest_run *r, struct phx_digest_file *f,
                         const struct mx_buf *dig, struct mx_err *err)
{
	struct outset s;
	int ret;
	if (outset_open(r, f, &s, err) < 0) {
		outset_abort(&s);
		return -1;
	}
	if (r->dry)
		return 0;
	/* compress once when both contents are equal (Phoenix does too); when
	 * they differ, gzip shares the work up to the first differing byte */
	if (f->differs)
		ret = write_mem(&s, OUT_DIG, -1, dig->buf, dig->len, false, err) < 0 ||
		              write_mem(&s, OUT_ORIG, -1, f->content, f->len, false, err) < 0 ||
		              write_gzip_pair(&s, dig, f, err) < 0
		          ? -1
		          : 0;
	else
		ret = write_mem(&s, OUT_DIG, OUT_ORIG, dig->buf, dig->len, true, err);
	if (ret == 0)
		ret = outset_commit(&s, err);
	else
		outset_abort(&s);
	return ret;
}

int phx_digest_file_rewrite(struct phx_digest_run *r, struct phx_digest_file *f, struct mx_err *err)
{
	struct phx_digest_cache_entry *e = f->cache >= 0 ? &r->cache.e[f->cache] : NULL;
	struct mx_buf dig = MX_BUF_INIT;
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
	if (hash_mem(dig.buf, dig.len, NULL, f->sha512) < 0)
		ret = mx_err_set(err, MX_ERR_OTHER, "cannot start SHA-512");
	else
		ret = write_outputs(r, f, &dig, err);
	if (!f->content_arena)
		free(f->content);
	f->content = NULL;
	f->content_arena = false;
	mx_buf_release(&dig);
	return ret;
}
