/*
 * The incremental cache: one file per output directory, in the project's
 * _build/<env>/mixless/ (or --cache-dir), never in the output itself. It
 * remembers, per input
 * file, the stat identity it had (size, mtime, ctime, inode, device) and
 * what the run computed from it (MD5, SHA-512 of the digested content, and
 * for CSS/JS/map the lookups the rewriter made and a hash of their answers),
 * plus the identity of every output directory as the run left it.
 *
 * A rerun trusts an entry only when all of that still holds: the file's stat
 * is unchanged, the rewriter would get the same answers, and the output
 * directory has not been touched (so no output was removed); otherwise the
 * file is done again from scratch. A cache written with other settings is
 * ignored whole. The format is text, one record a line, fields separated by
 * tabs, with tab, newline and backslash escaped.
 */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "arena.h"
#include "cache_lines.h"
#include "fsutil.h"

#define MAGIC "phx-digest-cache 2"

static bool all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return s[n] == '\0';
}

static const char *entry_key(size_t i, void *ctx)
{
	return ((struct phx_digest_cache *)ctx)->e[i].rel;
}

static bool parse_ts(const char *s, const char *ns, struct timespec *ts)
{
	char *end;
	ts->tv_sec = (time_t)strtoll(s, &end, 10);
	if (*end)
		return false;
	ts->tv_nsec = strtol(ns, &end, 10);
	return !*end;
}

/* The cache's text, NUL-terminated, its length in *len, in memory filled
 * at once; NULL when it cannot be read or changed size while read. */
static char *read_text(const char *path, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char *text = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		size_t size = (size_t)st.st_size;
		text = phx_digest_huge_alloc(size + 1);
		/* a byte more than the stat said, to see the end */
		if (mx_fs_read_full(fd, text, size + 1) != (ssize_t)size) {
			free(text);
			text = NULL;
		} else {
			text[size] = '\0';
			*len = size;
		}
	}
	close(fd);
	return text;
}

void phx_digest_cache_load(struct phx_digest_cache *c, const char *path, const char *settings)
{
	size_t len = 0;
	char *text = read_text(path, &len);
	if (!text)
		return;
	char *p = text, *end = text + len;
	char *nl = memchr(p, '\n', (size_t)(end - p));
	if (!nl)
		goto out;
	*nl = '\0';
	{
		char *f[2];
		if (phx_cache_split(p, f, 2) != 2 || strcmp(f[0], MAGIC))
			goto out;
		/* phx_cache_split() unescaped f[1]; compare against the plain settings */
		if (strcmp(f[1], settings))
			goto out;
	}
	p = nl + 1;
	{
		/* one entry a line at most: the array at its size at once (growing
		 * it by doubling copies it into fresh pages again and again) */
		size_t lines = 0;
		for (const char *q = p; (q = memchr(q, '\n', (size_t)(end - q))); q++)
			lines++;
		if (lines) {
			c->e = phx_digest_huge_alloc(lines * sizeof(*c->e));
			c->alloc = lines;
		}
	}
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break; /* a torn last line: ignore it */
		*nl = '\0';
		char *f[16];
		char *line = p;
		p = nl + 1;
		if (!phx_cache_line_ok(line))
			continue;
		size_t n = phx_cache_split(line, f, 16);
		if (n >= 12 && !strcmp(f[0], "F")) {
			struct phx_digest_cache_entry e;
			memset(&e, 0, sizeof(e));
			char *x;
			e.size = (off_t)strtoll(f[2], &x, 10);
			if (!parse_ts(f[3], f[4], &e.mtime) || !parse_ts(f[5], f[6], &e.ctime))
				continue;
			e.ino = (ino_t)strtoull(f[7], &x, 10);
			e.dev = (dev_t)strtoull(f[8], &x, 10);
			if (!all_hex(f[9], 32) || strlen(f[10]) != 88)
				continue;
			memcpy(e.md5, f[9], 33);
			strcpy(e.sha512, f[10]);
			e.lookups = strtoull(f[11], &x, 16);
			/* kept joined: they are only split when `latest` changed */
			e.keys = n > 12 ? f[12] : (char *)"";
			e.rel = f[1];
			MX_ALLOC_GROW(c->e, c->n + 1, c->alloc);
			c->e[c->n++] = e;
		} else if (n >= 2 && !strcmp(f[0], "L")) {
			c->latest = strtoull(f[1], NULL, 16);
		} else if (n >= 5 && !strcmp(f[0], "D")) {
			struct phx_digest_cache_dir d;
			if (!parse_ts(f[2], f[3], &d.mtime))
				continue;
			d.ino = (ino_t)strtoull(f[4], NULL, 10);
			d.rel = f[1];
			MX_ALLOC_GROW(c->d, c->nd + 1, c->dalloc);
			c->d[c->nd++] = d;
		}
	}
	phx_digest_index_build(&c->ix, c->n, entry_key, c);
	/* entries point into the text: it lives as long as the cache */
	c->text = text;
	return;
out:
	free(text);
}

long phx_digest_cache_find(const struct phx_digest_cache *c, const char *rel)
{
	return phx_digest_index_find(&c->ix, rel, strlen(rel));
}

bool phx_digest_cache_dir_ok(const struct phx_digest_cache *c, const char *out, const char *reldir)
{
	const char *r = strcmp(reldir, ".") ? reldir : "";
	for (size_t i = 0; i < c->nd; i++) {
		if (strcmp(c->d[i].rel, r))
			continue;
		struct mx_buf p = MX_BUF_INIT;
		struct stat st;
		mx_path_join(&p, out, r);
		bool ok = stat(p.buf, &st) == 0 && st.st_ino == c->d[i].ino &&
		          st.st_mtim.tv_sec == c->d[i].mtime.tv_sec &&
		          st.st_mtim.tv_nsec == c->d[i].mtime.tv_nsec;
		mx_buf_release(&p);
		return ok;
	}
	return false;
}

int phx_digest_cache_save(const char *path, const char *settings, uint64_t latest, time_t racy,
                          const struct phx_digest_tree *t, const char *out,
                          const struct mx_strvec *outdirs, struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_adds(&b, MAGIC "\t");
	phx_cache_add_esc(&b, settings);
	mx_buf_addch(&b, '\n');
	size_t lline = b.len;
	mx_buf_addf(&b, "L\t%016" PRIx64, latest);
	phx_cache_end_line(&b, lline);
	for (size_t i = 0; i < t->n; i++) {
		const struct phx_digest_file *f = &t->files[i];
		if (!f->md5[0] || !f->sha512[0] || f->mtime.tv_sec >= racy)
			continue;
		/* \x1f separates the keys: a key holding one cannot be stored,
		 * so such a file is simply redone next time */
		bool storable = true;
		for (size_t k = 0; k < f->keys.n; k++)
			if (strchr(f->keys.v[k], '\x1f'))
				storable = false;
		if (!storable)
			continue;
		size_t line = b.len;
		mx_buf_adds(&b, "F\t");
		phx_cache_add_esc(&b, f->rel);
		mx_buf_addf(
		    &b, "\t%lld\t%lld\t%ld\t%lld\t%ld\t%llu\t%llu\t%s\t%s\t%016" PRIx64 "\t",
		    (long long)f->size, (long long)f->mtime.tv_sec, f->mtime.tv_nsec,
		    (long long)f->ctime.tv_sec, f->ctime.tv_nsec, (unsigned long long)f->ino,
		    (unsigned long long)f->dev, f->md5, f->sha512, f->lookups);
		if (f->keys_cached) {
			phx_cache_add_esc(&b, f->keys_cached);
		} else {
			for (size_t k = 0; k < f->keys.n; k++) {
				if (k)
					mx_buf_addch(&b, '\x1f');
				phx_cache_add_esc(&b, f->keys.v[k]);
			}
		}
		phx_cache_end_line(&b, line);
	}
	for (size_t i = 0; i < outdirs->n; i++) {
		struct mx_buf p = MX_BUF_INIT;
		struct stat st;
		mx_path_join(&p, out, outdirs->v[i]);
		if (stat(p.buf, &st) == 0) {
			size_t line = b.len;
			mx_buf_adds(&b, "D\t");
			phx_cache_add_esc(&b, outdirs->v[i]);
			mx_buf_addf(&b, "\t%lld\t%ld\t%llu", (long long)st.st_mtim.tv_sec,
			            st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
			phx_cache_end_line(&b, line);
		}
		mx_buf_release(&p);
	}
	/* no fsync: a cache lost in a power cut costs only time */
	int ret = mx_fs_write_atomic_flags(path, b.buf, b.len, MX_ATOMIC_NO_SYNC, err);
	mx_buf_release(&b);
	return ret;
}

void phx_digest_cache_path(struct mx_buf *path, const char *dir, const char *out)
{
	char real[PATH_MAX];
	const char *o = realpath(out, real) ? real : out;
	char name[64];
	snprintf(name, sizeof(name), "phx-digest-%016" PRIx64 ".cache",
	         phx_digest_hash(o, strlen(o), PHX_DIGEST_HASH_SEED));
	mx_path_join(path, dir, name);
}

void phx_digest_cache_remove_legacy(const char *out)
{
	struct mx_buf p = MX_BUF_INIT;
	mx_path_join(&p, out, PHX_DIGEST_LEGACY_CACHE_DIR);
	if (mx_fs_is_dir(p.buf)) {
		/* every temp file in there is ours, however fresh */
		mx_atomic_remove_stale(p.buf, time(NULL) + 1);
		mx_buf_reset(&p);
		mx_path_join(&p, out, PHX_DIGEST_LEGACY_CACHE_STATE);
		unlink(p.buf);
		mx_buf_reset(&p);
		mx_path_join(&p, out, PHX_DIGEST_LEGACY_CACHE_DIR);
		rmdir(p.buf);
	}
	mx_buf_release(&p);
}

void phx_digest_cache_release(struct phx_digest_cache *c)
{
	if (!c)
		return;
	free(c->text);
	free(c->e);
	free(c->d);
	phx_digest_index_release(&c->ix);
	*c = (struct phx_digest_cache)PHX_DIGEST_CACHE_INIT;
}
