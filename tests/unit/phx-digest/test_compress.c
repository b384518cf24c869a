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

TEST(release_accepts_null)
{
	struct phx_digest_zstream z = PHX_DIGEST_ZSTREAM_INIT;
	phx_digest_z_release(NULL);
	phx_digest_z_release(&z); /* never begun */
	CHECK(z.state == NULL);
}

UNIT_MAIN()
