/*
 * Compressors (compress.c): gzip exactly as :zlib.gzip/1, plus the opt-in
 * brotli and zstd copies, streaming or one-shot.
 */
#ifndef PHX_DIGEST_COMPRESS_H
#define PHX_DIGEST_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

enum phx_digest_z { PHX_Z_GZIP, PHX_Z_BROTLI, PHX_Z_ZSTD, PHX_Z_COUNT };

/* ".gz", ".br", ".zst" */
const char *phx_digest_z_ext(enum phx_digest_z z);

/* A streaming compressor; data comes out through sink as it is produced. */
typedef void (*phx_digest_sink_fn)(const void *data, size_t n, void *ctx);
struct phx_digest_zstream {
	enum phx_digest_z kind;
	void *state;
	phx_digest_sink_fn sink;
	void *sink_ctx;
	unsigned char *out;
	size_t out_size;
};
#define PHX_DIGEST_ZSTREAM_INIT                                                                    \
	{                                                                                          \
		PHX_Z_GZIP, NULL, NULL, NULL, NULL, 0                                              \
	}

/* size: the number of bytes that will be fed, or -1 when unknown (zstd
 * records it in the frame header, as a one-shot compression does). */
int phx_digest_z_begin(struct phx_digest_zstream *z, enum phx_digest_z kind, long long size,
                       phx_digest_sink_fn sink, void *ctx, struct mx_err *err);
/* Feeds n bytes; last finishes the stream. */
int phx_digest_z_feed(struct phx_digest_zstream *z, const void *data, size_t n, bool last,
                      struct mx_err *err);
/* Frees the compressor's state; accepts NULL and a released stream. */
void phx_digest_z_release(struct phx_digest_zstream *z);
/*
 * gzip of two contents that start alike (a rewritten JS file and its
 * original differ only in the sourceMappingURL line at the end): the common
 * prefix is deflated once, the stream is copied (deflateCopy), and each copy
 * finishes with its own suffix. Each of the two streams is byte for byte
 * what phx_digest_z_buf gives for its content, as zlib's output depends only
 * on the input and the flushes, not on how the input is split. Below
 * PHX_DIGEST_FORK_MIN bytes of common prefix it just compresses twice.
 */
#define PHX_DIGEST_FORK_MIN 4096
int phx_digest_gzip_pair(const void *a, size_t na, phx_digest_sink_fn sink_a, void *ctx_a,
                         const void *b, size_t nb, phx_digest_sink_fn sink_b, void *ctx_b,
                         struct mx_err *err);

/* How many bytes a and b have in common from the start. */
size_t phx_digest_common_prefix(const void *a, size_t na, const void *b, size_t nb);

/* One-shot into out (appended). */
int phx_digest_z_buf(enum phx_digest_z kind, const void *data, size_t n, struct mx_buf *out,
                     struct mx_err *err);

#endif
