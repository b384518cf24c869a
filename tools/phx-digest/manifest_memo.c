/*
 * The manifest memo (manifest_memo.h), in the cache's line format:
 *
 *   phx-digest-manifest-memo 1
 *   M <size> <text hash> <keys> <sum 1> <sum 2>
 *   C <key> <value>          one per carried entry
 *
 * A memo missing any line, or with one damaged, is not used.
 */
#include "manifest_memo.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cache_lines.h"
#include "fsutil.h"
#include "index.h"

#define MAGIC "phx-digest-manifest-memo 1"

/* Two seeds, so that the two sums are independent. */
#define SEED_1 PHX_DIGEST_HASH_SEED
#define SEED_2 0x9e3779b97f4a7c15ULL

void phx_digest_keyset_add(struct phx_digest_keyset *s, const char *key, size_t len)
{
	s->n++;
	s->sum[0] += phx_digest_hash(key, len, SEED_1);
	s->sum[1] += phx_digest_hash(key, len, SEED_2);
}

void phx_digest_memo_path(struct mx_buf *path, const char *cache_path)
{
	size_t n = strlen(cache_path);
	if (n > 6 && !strcmp(cache_path + n - 6, ".cache"))
		n -= 6;
	mx_buf_add(path, cache_path, n);
	mx_buf_adds(path, ".manifest");
}

static bool parse_u64(const char *s, int base, uint64_t *v)
{
	char *end;
	if (!*s)
		return false;
	*v = strtoull(s, &end, base);
	return !*end;
}

void phx_digest_memo_load(struct phx_digest_manifest_memo *m, const char *path)
{
	struct mx_buf text = MX_BUF_INIT;
	bool have_m = false;
	*m = (struct phx_digest_manifest_memo)PHX_DIGEST_MANIFEST_MEMO_INIT;
	if (mx_fs_read(path, &text, NULL) < 0)
		goto out;
	char *p = text.buf, *end = text.buf + text.len, *line;
	line = phx_cache_next_line(&p, end);
	if (!line || strcmp(line, MAGIC))
		goto out;
	while ((line = phx_cache_next_line(&p, end))) {
		char *f[8];
		if (!phx_cache_line_ok(line))
			goto out;
		size_t n = phx_cache_split(line, f, 8);
		uint64_t v[5];
		if (n == 6 && !strcmp(f[0], "M") && parse_u64(f[1], 10, &v[0]) &&
		    parse_u64(f[2], 16, &v[1]) && parse_u64(f[3], 10, &v[2]) &&
		    parse_u64(f[4], 16, &v[3]) && parse_u64(f[5], 16, &v[4])) {
			m->size = (size_t)v[0];
			m->hash = v[1];
			m->keys = (struct phx_digest_keyset){(size_t)v[2], {v[3], v[4]}};
			have_m = true;
		} else if (n == 3 && !strcmp(f[0], "C")) {
			MX_ALLOC_GROW(m->carried, m->ncarried + 1, m->alloc);
			m->carried[m->ncarried++] =
			    (struct phx_digest_memo_entry){f[1], f[2], strlen(f[1]), strlen(f[2])};
		} else {
			goto out;
		}
	}
	/* every line was whole and checked, and the file ends with one */
	if (!have_m || p != end)
		goto out;
	m->valid = true;
	m->text = mx_buf_detach(&text, NULL);
out:
	mx_buf_release(&text);
	if (!m->valid)
		phx_digest_memo_release(m);
}

int phx_digest_memo_save(const struct phx_digest_manifest_memo *m, const char *path,
                         struct mx_err *err)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_adds(&b, MAGIC "\n");
	size_t line = b.len;
	mx_buf_addf(&b, "M\t%zu\t%016" PRIx64 "\t%zu\t%016" PRIx64 "\t%016" PRIx64, m->size,
	            m->hash, m->keys.n, m->keys.sum[0], m->keys.sum[1]);
	phx_cache_end_line(&b, line);
	for (size_t i = 0; i < m->ncarried; i++) {
		const struct phx_digest_memo_entry *e = &m->carried[i];
		line = b.len;
		mx_buf_adds(&b, "C\t");
		phx_cache_add_esc_n(&b, e->key, e->klen);
		mx_buf_addch(&b, '\t');
		phx_cache_add_esc_n(&b, e->val, e->vlen);
		phx_cache_end_line(&b, line);
	}
	int ret = mx_fs_write_atomic_flags(path, b.buf, b.len, MX_ATOMIC_NO_SYNC, err);
	mx_buf_release(&b);
	return ret;
}

void phx_digest_memo_release(struct phx_digest_manifest_memo *m)
{
	if (!m)
		return;
	free(m->carried);
	free(m->text);
	*m = (struct phx_digest_manifest_memo)PHX_DIGEST_MANIFEST_MEMO_INIT;
}
