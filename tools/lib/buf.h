/*
 * buf: a growable, always NUL-terminated byte buffer (after git's strbuf).
 *
 *   struct mx_buf b = MX_BUF_INIT;
 *   mx_buf_addf(&b, "%s:%u", file, line);
 *   ... use b.buf / b.len ...
 *   mx_buf_release(&b);
 *
 * b.buf is never NULL: an empty buffer points at a shared "" so it can be
 * printed without checks. Allocation failure aborts the process (there is no
 * sensible recovery for a command-line tool, and it keeps every caller simple).
 */
#ifndef MX_BUF_H
#define MX_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct mx_buf {
	char *buf;
	size_t len;
	size_t alloc; /* 0 while buf points at the shared empty string */
};

extern char mx_buf_empty[];
#define MX_BUF_INIT { mx_buf_empty, 0, 0 }

void mx_buf_init(struct mx_buf *b, size_t hint);
/* Frees the storage and leaves b empty and reusable. Accepts NULL and a
 * released buffer. */
void mx_buf_release(struct mx_buf *b);
/* Keeps the storage, sets the length to 0. */
void mx_buf_reset(struct mx_buf *b);
/* Makes room for at least extra more bytes (plus the NUL). */
void mx_buf_grow(struct mx_buf *b, size_t extra);
void mx_buf_setlen(struct mx_buf *b, size_t len);
/* Returns the malloc'd string (caller frees) and leaves b empty. */
char *mx_buf_detach(struct mx_buf *b, size_t *len);

void mx_buf_add(struct mx_buf *b, const void *data, size_t n);
void mx_buf_adds(struct mx_buf *b, const char *s);
void mx_buf_addch(struct mx_buf *b, int c);
void mx_buf_addf(struct mx_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mx_buf_vaddf(struct mx_buf *b, const char *fmt, va_list ap);
/* Appends n copies of c. */
void mx_buf_addchars(struct mx_buf *b, int c, size_t n);

/* Allocation helpers that abort on failure; the lib uses nothing else. */
void *mx_xmalloc(size_t n);
void *mx_xcalloc(size_t n, size_t size);
void *mx_xrealloc(void *p, size_t n);
char *mx_xstrdup(const char *s);
char *mx_xstrndup(const char *s, size_t n);
/* Grows *p (holding *alloc elements of size sz) to fit need elements. */
#define MX_ALLOC_GROW(p, need, alloc)                                          \
	do {                                                                   \
		if ((need) > (alloc)) {                                        \
			size_t mx_ag_n_ = (alloc) ? (alloc) * 2 : 8;           \
			while (mx_ag_n_ < (need))                              \
				mx_ag_n_ *= 2;                                 \
			(p) = mx_xrealloc((p), mx_ag_n_ * sizeof(*(p)));       \
			(alloc) = mx_ag_n_;                                    \
		}                                                              \
	} while (0)

#endif
