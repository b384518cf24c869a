/*
 * The three rewriters of Phoenix.Digester (rewrite.c): CSS url(), JS
 * sourceMappingURL and a source map's "file", each URL mapped as
 * digested_url/4 does.
 */
#ifndef PHX_DIGEST_REWRITE_H
#define PHX_DIGEST_REWRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "names.h"
#include "strvec.h"

/* Looks key (a logical path, "css/app.css") up in `latest`; returns the
 * digested path or NULL. The returned string belongs to the table. */
typedef const char *(*phx_digest_lookup_fn)(const char *key, size_t len, void *ctx);

struct phx_digest_rewriter {
	const char *reldir; /* the file's directory relative to the input, "." at the root */
	bool vsn;           /* append ?vsn=d (CSS only) */
	phx_digest_lookup_fn lookup;
	void *ctx;
	struct mx_strvec *keys; /* when not NULL, every key looked up is pushed */
};

/* Appends the rewritten content to out. Content may hold any bytes. */
void phx_digest_rewrite(enum phx_digest_kind kind, const char *s, size_t n,
                        const struct phx_digest_rewriter *rw, struct mx_buf *out);
/* One URL as Phoenix's digested_url/4 maps it (appended to out). */
void phx_digest_rewrite_url(const char *url, size_t n, bool vsn,
                            const struct phx_digest_rewriter *rw, struct mx_buf *out);

#endif
