/*
 * libFuzzer harness for phx-digest's parsers of untrusted bytes: the CSS,
 * JS and source-map rewriters and the cache_manifest.json reader.
 *
 * Input: byte 0 picks the target (and, for the rewriters, ?vsn=d and the
 * file's directory), the rest is the content. Besides "no crash, no leak,
 * no undefined behaviour" it checks two properties:
 *   - a rewriter whose lookups all miss returns its input unchanged;
 *   - JSON that parses re-encodes to a fixed point (encode . parse . encode
 *     = encode), so a kept manifest entry survives any number of runs, and
 *     the lazy reader the digest run uses agrees with the full one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_value.h"
#include "rewrite.h"

static const char *miss(const char *key, size_t len, void *ctx)
{
	(void)key, (void)len, (void)ctx;
	return NULL;
}

/* Hits for any key of even length, so the rewriting paths run too. */
static const char *hit(const char *key, size_t len, void *ctx)
{
	(void)key, (void)ctx;
	return (len & 1) ? NULL : "d/x-0123456789abcdef0123456789abcdef.png";
}

static void fuzz_json(const char *s, size_t n)
{
	struct phx_json v, w;
	struct mx_buf a = MX_BUF_INIT, b = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	if (phx_json_parse(s, n, &v, &err) < 0) {
		struct phx_json l;
		if (phx_json_parse_lazy(s, n, 1, &l, &err) == 0)
			abort();
		return;
	}
	phx_json_encode(&v, &a);
	if (phx_json_parse(a.buf, a.len, &w, &err) < 0)
		abort();
	phx_json_encode(&w, &b);
	if (a.len != b.len || memcmp(a.buf, b.buf, a.len))
		abort();
	/* the lazy reader (containers kept as text below a depth) accepts the
	 * same documents and encodes them the same */
	for (int depth = 1; depth <= 2; depth++) {
		struct phx_json l;
		mx_buf_reset(&b);
		if (phx_json_parse_lazy(s, n, depth, &l, &err) < 0)
			abort();
		phx_json_encode(&l, &b);
		if (a.len != b.len || memcmp(a.buf, b.buf, a.len))
			abort();
		phx_json_release(&l);
	}
	phx_json_release(&v);
	phx_json_release(&w);
	mx_buf_release(&a);
	mx_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned sel = data[0];
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	if ((sel & 3) == 3) {
		fuzz_json(s, n);
		return 0;
	}
	enum phx_digest_kind kind = (sel & 3) == 0   ? PHX_KIND_CSS
	                            : (sel & 3) == 1 ? PHX_KIND_JS
	                                             : PHX_KIND_MAP;
	static const char *const dirs[] = {".", "css", "a/b", ""};
	struct mx_strvec keys = MX_STRVEC_INIT;
	struct phx_digest_rewriter rw = {dirs[(sel >> 3) & 3], (sel >> 2) & 1, miss, NULL, &keys};
	struct mx_buf out = MX_BUF_INIT;
	phx_digest_rewrite(kind, s, n, &rw, &out);
	if (out.len != n || memcmp(out.buf, s, n))
		abort();
	mx_buf_reset(&out);
	rw.lookup = hit;
	phx_digest_rewrite(kind, s, n, &rw, &out);
	mx_buf_release(&out);
	mx_strvec_clear(&keys);
	return 0;
}
