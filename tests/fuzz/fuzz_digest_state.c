/*
 * libFuzzer harness for the files phx-digest keeps beside its output, read
 * back on the next run: the incremental cache (cache.c) and the manifest
 * memo (manifest_memo.c). Both are read from a path, so each input is first
 * written to one scratch file.
 *
 * Input: byte 0 picks the reader (even: the cache, odd: the memo), the rest
 * is the file. Besides "no crash, no leak, no undefined behaviour":
 *   - the cache is loaded with the settings its own header names, so the
 *     fuzzer gets past the header to the records;
 *   - a memo that loads is saved and loaded again, and must come back the
 *     same: every field and every carried entry, byte for byte.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "manifest_memo.h"

static char in_path[] = "/tmp/mixless-fuzz-state-XXXXXX";
static char out_path[sizeof(in_path) + 4];

static void remove_scratch(void)
{
	unlink(in_path);
	unlink(out_path);
}

static void write_scratch(const char *s, size_t n)
{
	if (!out_path[0]) {
		int fd = mkstemp(in_path);
		if (fd < 0)
			abort();
		close(fd);
		snprintf(out_path, sizeof(out_path), "%s.out", in_path);
		atexit(remove_scratch);
	}
	FILE *f = fopen(in_path, "wb");
	if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0)
		abort();
}

static void fuzz_cache(const char *s, size_t n)
{
	/* the settings the header names: "phx-digest-cache 2\t<settings>\n" */
	const char *tab = memchr(s, '\t', n);
	const char *nl = tab ? memchr(tab, '\n', n - (size_t)(tab - s)) : NULL;
	char *settings = nl ? mx_xstrndup(tab + 1, (size_t)(nl - tab - 1)) : mx_xstrdup("");
	struct phx_digest_cache c = PHX_DIGEST_CACHE_INIT;
	phx_digest_cache_load(&c, in_path, settings);
	for (size_t i = 0; i < c.n; i++)
		if (phx_digest_cache_find(&c, c.e[i].rel) < 0)
			abort();
	phx_digest_cache_release(&c);
	free(settings);
}

static bool same_entry(const struct phx_digest_memo_entry *a, const struct phx_digest_memo_entry *b)
{
	return a->klen == b->klen && a->vlen == b->vlen && !memcmp(a->key, b->key, a->klen) &&
	       !memcmp(a->val, b->val, a->vlen);
}

static void fuzz_memo(void)
{
	struct phx_digest_manifest_memo m, again;
	phx_digest_memo_load(&m, in_path);
	if (!m.valid)
		return;
	if (phx_digest_memo_save(&m, out_path, NULL) < 0)
		abort();
	phx_digest_memo_load(&again, out_path);
	if (!again.valid || again.size != m.size || again.hash != m.hash ||
	    again.keys.n != m.keys.n || again.keys.sum[0] != m.keys.sum[0] ||
	    again.keys.sum[1] != m.keys.sum[1] || again.ncarried != m.ncarried)
		abort();
	for (size_t i = 0; i < m.ncarried; i++)
		if (!same_entry(&m.carried[i], &again.carried[i]))
			abort();
	phx_digest_memo_release(&m);
	phx_digest_memo_release(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	write_scratch(s, n);
	if (data[0] & 1)
		fuzz_memo();
	else
		fuzz_cache(s, n);
	return 0;
}
