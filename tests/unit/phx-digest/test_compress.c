/*
 * Compressors: gzip with :zlib.gzip's exact header, and brotli/zstd streams
 * that their own decoders read back, whether fed at once or in pieces.
 */
#include <string.h>

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include "compress.h"
#include "unit.h"

static void sample(struct mx_buf *b, size_t n)
{
	unsigned x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		mx_buf_addch(b, (i % 7) ? 'a' + (int)((x >> 16) % 4) : ' ');
	}
}

static int gunzip(const struct mx_buf *in, struct mx_buf *out)
{
	z_stream s;
	memset(&s, 0, sizeof(s));
	if (inflateInit2(&s, 31) != Z_OK)
		return -1;
	s.next_in = (unsigned char *)in->buf;
	s.avail_in = (uInt)in->len;
	int r;
	do {
		mx_buf_grow(out, 65536);
		s.next_out = (unsigned char *)out->buf + out->len;
		s.avail_out = 65536;
		r = inflate(&s, Z_NO_FLUSH);
		mx_buf_setlen(out, out->len + (65536 - s.avail_out));
	} while (r == Z_OK);
	inflateEnd(&s);
	return r == Z_STREAM_END ? 0 : -1;
}

TEST(gzip_header_and_roundtrip)
{
	struct mx_buf in = MX_BUF_INIT, z = MX_BUF_INIT, back = MX_BUF_INIT;
	sample(&in, 200000);
	CHECK_INT(phx_digest_z_buf(PHX_Z_GZIP, in.buf, in.len, &z, NULL), 0);
	/* magic, deflate, no flags, mtime 0, xfl 0 (level 6), OS 3 (Unix) */
	CHECK(!memcmp(z.buf, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10));
	CHECK_INT(gunzip(&z, &back), 0);
	CHECK_INT(back.len, in.len);
	CHECK(!memcmp(back.buf, in.buf, in.len));
	mx_buf_release(&in);
	mx_buf_release(&z);
	mx_buf_release(&back);
}

TEST(gzip_empty)
{
	struct mx_buf z = MX_BUF_INIT;
	CHECK_INT(phx_digest_z_buf(PHX_Z_GZIP, "", 0, &z, NULL), 0);
	/* :zlib.gzip(<<>>) is 20 bytes: header, empty block, crc 0, size 0 */
	CHECK_INT(z.len, 20);
	CHECK(!memcmp(z.buf,
	              "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00"
	              "\x00\x00\x00\x00\x00\x00\x00\x00",
	              20));
	mx_buf_release(&z);
}

static void sink(const void *d, size_t n, void *ctx)
{
	mx_buf_add(ctx, d, n);
}

/* Fed in uneven pieces, every compressor gives the bytes of a one-shot run. */
TEST(streaming_equals_one_shot)
{
	struct mx_buf in = MX_BUF_INIT;
	sample(&in, 300001);
	for (int k = 0; k < PHX_Z_COUNT; k++) {
		struct mx_buf one = MX_BUF_INIT, parts = MX_BUF_INIT;
		struct phx_digest_zstream z;
		CHECK_INT(phx_digest_z_buf((enum phx_digest_z)k, in.buf, in.len, &one, NULL), 0);
		CHECK_INT(phx_digest_z_begin(&z, (enum phx_digest_z)k, (long long)in.len, sink,
		                             &parts, NULL),
		          0);
		size_t off = 0, step = 1;
		while (off < in.len) {
			size_t n = step < in.len - off ? step : in.len - off;
			CHECK_INT(phx_digest_z_feed(&z, in.buf + off, n, off + n == in.len, NULL),
			          0);
			off += n;
			step = step * 3 + 1;
		}
		phx_digest_z_release(&z);
		CHECK_INT(parts.len, one.len);
		CHECK(!memcmp(parts.buf, one.buf, one.len));
		mx_buf_release(&one);
		mx_buf_release(&parts);
	}
	mx_buf_release(&in);
}

TEST(brotli_and_zstd_decode)
{
	struct mx_buf in = MX_BUF_INIT, br = MX_BUF_INIT, zs = MX_BUF_INIT;
	sample(&in, 100000);
	CHECK_INT(phx_digest_z_buf(PHX_Z_BROTLI, in.buf, in.len, &br, NULL), 0);
	CHECK_INT(phx_digest_z_buf(PHX_Z_ZSTD, in.buf, in.len, &zs, NULL), 0);
	CHECK(br.len < in.len / 2 && zs.len < in.len / 2);
	char *back = mx_xmalloc(in.len);
	size_t n = in.len;
	CHECK_INT(BrotliDecoderDecompress(br.len, (const uint8_t *)br.buf, &n, (uint8_t *)back),
	          BROTLI_DECODER_RESULT_SUCCESS);
	CHECK_INT(n, in.len);
	CHECK(!memcmp(back, in.buf, n));
	size_t r = ZSTD_decompress(back, in.len, zs.buf, zs.len);
	CHECK_INT(r, in.len);
	CHECK(!memcmp(back, in.buf, in.len));
	free(back);
	CHECK_STR(phx_digest_z_ext(PHX_Z_GZIP), ".gz");
	CHECK_STR(phx_digest_z_ext(PHX_Z_BROTLI), ".br");
	CHECK_STR(phx_digest_z_ext(PHX_Z_ZSTD), ".zst");
	mx_buf_release(&in);
	mx_buf_release(&br);
	mx_buf_release(&zs);
}

/* Bytes no compressor can shrink, from a fixed seed. */
static void noise(struct mx_buf *b, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1664525u + 1013904223u;
		mx_buf_addch(b, (char)(seed >> 24));
	}
}

/* gzip_pair on a and b gives, for each, the bytes of its own one-shot
 * :zlib.gzip; returns how many streams differed (0 when all is well). */
static int pair_mismatches(const struct mx_buf *a, const struct mx_buf *b)
{
	struct mx_buf ga = MX_BUF_INIT, gb = MX_BUF_INIT, oa = MX_BUF_INIT, ob = MX_BUF_INIT;
	int bad = 0;
	if (phx_digest_gzip_pair(a->buf, a->len, sink, &ga, b->buf, b->len, sink, &gb, NULL) < 0)
		bad = 2;
	phx_digest_z_buf(PHX_Z_GZIP, a->buf, a->len, &oa, NULL);
	phx_digest_z_buf(PHX_Z_GZIP, b->buf, b->len, &ob, NULL);
	bad += ga.len != oa.len || memcmp(ga.buf, oa.buf, oa.len);
	bad += gb.len != ob.len || memcmp(gb.buf, ob.buf, ob.len);
	mx_buf_release(&ga);
	mx_buf_release(&gb);
	mx_buf_release(&oa);
	mx_buf_release(&ob);
	return bad;
}

/* b is a with its bytes from at on replaced by tail. */
static void variant(struct mx_buf *b, const struct mx_buf *a, size_t at, const char *tail)
{
	mx_buf_reset(b);
	mx_buf_add(b, a->buf, at);
	mx_buf_adds(b, tail);
}

TEST(gzip_pair_equals_two_passes)
{
	struct mx_buf text = MX_BUF_INIT, rnd = MX_BUF_INIT, b = MX_BUF_INIT;
	sample(&text, 150007);
	noise(&rnd, 120000, 7);
	const struct mx_buf *bases[] = {&text, &rnd};
	for (size_t k = 0; k < 2; k++) {
		const struct mx_buf *a = bases[k];
		/* the difference at byte 0, just below and above the fork's
		 * threshold, across deflate's 32 KiB window and its blocks, near
		 * and at the very end */
		size_t at[] = {0,     1,          PHX_DIGEST_FORK_MIN - 1,
		               PHX_DIGEST_FORK_MIN, PHX_DIGEST_FORK_MIN + 1, 32768,
		               65536 + 13, 100000, a->len - 300, a->len - 1};
		for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
			variant(&b, a, at[i], "//# sourceMappingURL=app-0123456789abcdef.js.map\n");
			CHECK_INT(pair_mismatches(a, &b), 0);
			CHECK_INT(pair_mismatches(&b, a), 0);
		}
		/* an empty suffix: b is a prefix of a */
		variant(&b, a, a->len / 2, "");
		CHECK_INT(pair_mismatches(a, &b), 0);
		CHECK_INT(pair_mismatches(&b, a), 0);
		/* one empty content, and a single differing byte at the end */
		variant(&b, a, 0, "");
		CHECK_INT(pair_mismatches(a, &b), 0);
		variant(&b, a, a->len - 1, a->buf[a->len - 1] == 'x' ? "y" : "x");
		CHECK_INT(pair_mismatches(a, &b), 0);
	}
	mx_buf_release(&text);
	mx_buf_release(&rnd);
	mx_buf_release(&b);
}

TEST(common_prefix)
{
	CHECK_INT(phx_digest_common_prefix("", 0, "", 0), 0);
	CHECK_INT(phx_digest_common_prefix("abc", 3, "abd", 3), 2);
	CHECK_INT(phx_digest_common_prefix("abcdefghijklmnop", 16, "abcdefghijklmnop", 16), 16);
	CHECK_INT(phx_digest_common_prefix("abcdefghijklmnopq", 17, "abcdefghijklmnop", 16), 16);
	CHECK_INT(phx_digest_common_prefix("abcdefghiXklmnop", 16, "abcdefghijklmnop", 16), 9);
	CHECK_INT(phx_digest_common_prefix("x", 1, "y", 1), 0);
}

TEST(release_accepts_null)
{
	struct phx_digest_zstream z = PHX_DIGEST_ZSTREAM_INIT;
	phx_digest_z_release(NULL);
	phx_digest_z_release(&z); /* never begun */
	CHECK(z.state == NULL);
}

UNIT_MAIN()
