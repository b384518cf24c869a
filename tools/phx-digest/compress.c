/*
 * Compressors. gzip is :zlib.gzip/1 exactly: deflate level 6 (the default),
 * window bits 15 + 16 for the gzip wrapper, memLevel 8, default strategy,
 * which makes zlib write the header 1f 8b 08 00 00000000 00 03 (no name, mtime
 * 0, OS Unix), the same bytes Phoenix writes. Brotli and zstd are opt-in
 * extras, at the settings people use to precompress static files: brotli
 * quality 11 with a 4 MiB window (the brotli CLI's default), zstd level 19.
 */
#include "compress.h"

#include <stdlib.h>
#include <string.h>

#include <brotli/encode.h>
#include <zlib.h>
#include <zstd.h>

#include "jobs.h"

#define OUT_CHUNK (256 * 1024)

/*
 * A gzip stream's state is ~270 KiB that deflateInit2 allocates and clears;
 * for the many small files of a static tree that costs as much as the
 * compression. Each thread keeps the state of its last finished stream and
 * the next stream starts from it with deflateReset (which gives the same
 * output as a fresh state). The thread's exit frees it.
 */
static void spare_free(void *p)
{
	deflateEnd(p);
	free(p);
}

static struct phx_digest_slot spare = PHX_DIGEST_SLOT_INIT(spare_free);

/* A gzip state at Phoenix's settings: the thread's spare, reset, or a new one. */
static z_stream *gzip_state(void)
{
	z_stream *s = phx_digest_slot_get(&spare);
	if (s) {
		phx_digest_slot_set(&spare, NULL);
		if (deflateReset(s) == Z_OK)
			return s;
		spare_free(s);
	}
	s = mx_xcalloc(1, sizeof(*s));
	if (deflateInit2(s, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		free(s);
		return NULL;
	}
	return s;
}

/* Keeps a finished state as the thread's spare, or frees it. */
static void gzip_state_done(z_stream *s)
{
	if (!phx_digest_slot_get(&spare) && phx_digest_slot_set(&spare, s) == 0)
		return;
	spare_free(s);
}

const char *phx_digest_z_ext(enum phx_digest_z z)
{
	static const char *const ext[PHX_Z_COUNT] = {".gz", ".br", ".zst"};
	return ext[z];
}

int phx_digest_z_begin(struct phx_digest_zstream *z, enum phx_digest_z kind, long long size,
                       phx_digest_sink_fn sink, void *ctx, struct mx_err *err)
{
	*z = (struct phx_digest_zstream)PHX_DIGEST_ZSTREAM_INIT;
	z->kind = kind;
	z->sink = sink;
	z->sink_ctx = ctx;
	z->out_size = OUT_CHUNK;
	z->out = mx_xmalloc(z->out_size);
	switch (kind) {
	case PHX_Z_GZIP:
		if (!(z->state = gzip_state()))
			goto fail;
		break;
	case PHX_Z_BROTLI: {
		BrotliEncoderState *s = BrotliEncoderCreateInstance(NULL, NULL, NULL);
		if (!s)
			goto fail;
		BrotliEncoderSetParameter(s, BROTLI_PARAM_QUALITY, 11);
		BrotliEncoderSetParameter(s, BROTLI_PARAM_LGWIN, 22);
		z->state = s;
		break;
	}
	case PHX_Z_ZSTD: {
		ZSTD_CCtx *s = ZSTD_createCCtx();
		if (!s)
			goto fail;
		ZSTD_CCtx_setParameter(s, ZSTD_c_compressionLevel, 19);
		ZSTD_CCtx_setParameter(s, ZSTD_c_checksumFlag, 1);
		if (size >= 0)
			ZSTD_CCtx_setPledgedSrcSize(s, (unsigned long long)size);
		z->state = s;
		break;
	}
	default:
		goto fail;
	}
	return 0;
fail:
	free(z->out);
	z->out = NULL;
	return mx_err_set(err, MX_ERR_OTHER, "cannot start the %s compressor",
	                  phx_digest_z_ext(kind));
}

static int feed_gzip(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                     struct mx_err *err)
{
	z_stream *s = z->state;
	const unsigned char *p = data;
	/* avail_in is 32-bit: feed huge buffers in slices */
	do {
		size_t slice = n > (1u << 30) ? (1u << 30) : n;
		bool fin = last && slice == n;
		s->next_in = (unsigned char *)p;
		s->avail_in = (uInt)slice;
		int r;
		do {
			s->next_out = z->out;
			s->avail_out = (uInt)z->out_size;
			r = deflate(s, fin ? Z_FINISH : Z_NO_FLUSH);
			if (r == Z_STREAM_ERROR)
				return mx_err_set(err, MX_ERR_OTHER, "gzip failed");
			size_t have = z->out_size - s->avail_out;
			if (have)
				z->sink(z->out, have, z->sink_ctx);
		} while (s->avail_out == 0 || (fin && r != Z_STREAM_END));
		p += slice;
		n -= slice;
	} while (n);
	return 0;
}

static int feed_brotli(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                       struct mx_err *err)
{
	BrotliEncoderState *s = z->state;
	size_t avail_in = n;
	const uint8_t *next_in = data;
	BrotliEncoderOperation op = last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS;
	for (;;) {
		size_t avail_out = z->out_size;
		uint8_t *next_out = z->out;
		if (!BrotliEncoderCompressStream(s, op, &avail_in, &next_in, &avail_out, &next_out,
		                                 NULL))
			return mx_err_set(err, MX_ERR_OTHER, "brotli failed");
		size_t have = z->out_size - avail_out;
		if (have)
			z->sink(z->out, have, z->sink_ctx);
		if (last ? BrotliEncoderIsFinished(s)
		         : (!avail_in && !BrotliEncoderHasMoreOutput(s)))
			return 0;
	}
}

static int feed_zstd(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                     struct mx_err *err)
{
	ZSTD_inBuffer in = {data, n, 0};
	for (;;) {
		ZSTD_outBuffer out = {z->out, z->out_size, 0};
		size_t r =
		    ZSTD_compressStream2(z->state, &out, &in, last ? ZSTD_e_end : ZSTD_e_continue);
		if (ZSTD_isError(r))
			return mx_err_set(err, MX_ERR_OTHER, "zstd failed: %s",
			                  ZSTD_getErrorName(r));
		if (out.pos)
			z->sink(z->out, out.pos, z->sink_ctx);
		if (last ? r == 0 : in.pos == in.size)
			return 0;
	}
}

int phx_digest_z_feed(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                      struct mx_err *err)
{
	switch (z->kind) {
	case PHX_Z_GZIP:
		return feed_gzip(z, data, n, last, err);
	case PHX_Z_BROTLI:
		return feed_brotli(z, data, n, last, err);
	case PHX_Z_ZSTD:
		return feed_zstd(z, data, n, last, err);
	default:
		return mx_err_set(err, MX_ERR_OTHER, "unknown compressor");
	}
}

void phx_digest_z_release(struct phx_digest_zstream *z)
{
	if (!z)
		return;
	if (z->state) {
		switch (z->kind) {
		case PHX_Z_GZIP:
			gzip_state_done(z->state);
			break;
		case PHX_Z_BROTLI:
			BrotliEncoderDestroyInstance(z->state);
			break;
		case PHX_Z_ZSTD:
			ZSTD_freeCCtx(z->state);
			break;
		default:
			break;
		}
	}
	free(z->out);
	*z = (struct phx_digest_zstream)PHX_DIGEST_ZSTREAM_INIT;
}

size_t phx_digest_common_prefix(const void *a, size_t na, const void *b, size_t nb)
{
	const unsigned char *x = a, *y = b;
	size_t n = na < nb ? na : nb, i = 0;
	/* word by word while they agree, then byte by byte */
	while (i + sizeof(size_t) <= n) {
		size_t u, v;
		memcpy(&u, x + i, sizeof(u));
		memcpy(&v, y + i, sizeof(v));
		if (u != v)
			break;
		i += sizeof(size_t);
	}
	while (i < n && x[i] == y[i])
		i++;
	return i;
}

struct tee {
	phx_digest_sink_fn a;
	void *actx;
	phx_digest_sink_fn b;
	void *bctx;
};

static void tee_sink(const void *data, size_t n, void *ctx)
{
	struct tee *t = ctx;
	t->a(data, n, t->actx);
	t->b(data, n, t->bctx);
}

/* A second gzip stream in the state of src, writing to its own sink. */
static int gzip_fork(const struct phx_digest_zstream *src, struct phx_digest_zstream *dst,
                     phx_digest_sink_fn sink, void *ctx, struct mx_err *err)
{
	*dst = (struct phx_digest_zstream)PHX_DIGEST_ZSTREAM_INIT;
	z_stream *s = mx_xcalloc(1, sizeof(*s));
	if (deflateCopy(s, src->state) != Z_OK) {
		free(s);
		return mx_err_set(err, MX_ERR_OTHER, "cannot copy the .gz compressor");
	}
	dst->kind = PHX_Z_GZIP;
	dst->state = s;
	dst->sink = sink;
	dst->sink_ctx = ctx;
	dst->out_size = OUT_CHUNK;
	dst->out = mx_xmalloc(dst->out_size);
	return 0;
}

int phx_digest_gzip_pair(const void *a, size_t na, phx_digest_sink_fn sink_a, void *ctx_a,
                         const void *b, size_t nb, phx_digest_sink_fn sink_b, void *ctx_b,
                         struct mx_err *err)
{
	struct phx_digest_zstream za = PHX_DIGEST_ZSTREAM_INIT, zb = PHX_DIGEST_ZSTREAM_INIT;
	size_t p = phx_digest_common_prefix(a, na, b, nb);
	int ret = -1;
	if (p < PHX_DIGEST_FORK_MIN) {
		/* a fork costs a copy of deflate's ~270 KiB state: not worth it */
		if (phx_digest_z_begin(&za, PHX_Z_GZIP, (long long)na, sink_a, ctx_a, err) < 0 ||
		    phx_digest_z_feed(&za, a, na, true, err) < 0 ||
		    phx_digest_z_begin(&zb, PHX_Z_GZIP, (long long)nb, sink_b, ctx_b, err) < 0 ||
		    phx_digest_z_feed(&zb, b, nb, true, err) < 0)
			goto out;
		ret = 0;
		goto out;
	}
	/* Z_NO_FLUSH keeps the last MIN_LOOKAHEAD bytes of the prefix
	 * undecided until more input comes: nothing the suffixes change has
	 * been emitted when the state is copied. What the prefix emits is
	 * both streams' (the header first); what is still pending in deflate's
	 * buffer is copied with its state. */
	struct tee t = {sink_a, ctx_a, sink_b, ctx_b};
	if (phx_digest_z_begin(&za, PHX_Z_GZIP, -1, tee_sink, &t, err) < 0 ||
	    phx_digest_z_feed(&za, a, p, false, err) < 0 ||
	    gzip_fork(&za, &zb, sink_b, ctx_b, err) < 0)
		goto out;
	za.sink = sink_a;
	za.sink_ctx = ctx_a;
	if (phx_digest_z_feed(&za, (const char *)a + p, na - p, true, err) < 0 ||
	    phx_digest_z_feed(&zb, (const char *)b + p, nb - p, true, err) < 0)
		goto out;
	ret = 0;
out:
	phx_digest_z_release(&za);
	phx_digest_z_release(&zb);
	return ret;
}

static void buf_sink(const void *data, size_t n, void *ctx)
{
	mx_buf_add(ctx, data, n);
}

int phx_digest_z_buf(enum phx_digest_z kind, const void *data, size_t n, struct mx_buf *out,
                     struct mx_err *err)
{
	struct phx_digest_zstream z;
	if (phx_digest_z_begin(&z, kind, (long long)n, buf_sink, out, err) < 0)
		return -1;
	int r = phx_digest_z_feed(&z, data, n, true, err);
	phx_digest_z_release(&z);
	return r;
}
