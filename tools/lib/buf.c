#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char mx_buf_empty[1];

static void die_oom(size_t n)
{
	/* The one place the library writes to stderr: nothing else can run now. */
	fprintf(stderr, "out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *mx_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

void *mx_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

void *mx_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom(n);
	return q;
}

char *mx_xstrdup(const char *s)
{
	return mx_xstrndup(s, strlen(s));
}

char *mx_xstrndup(const char *s, size_t n)
{
	char *p = mx_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void mx_buf_init(struct mx_buf *b, size_t hint)
{
	b->buf = mx_buf_empty;
	b->len = 0;
	b->alloc = 0;
	if (hint)
		mx_buf_grow(b, hint);
}

void mx_buf_release(struct mx_buf *b)
{
	if (!b)
		return;
	if (b->alloc)
		free(b->buf);
	mx_buf_init(b, 0);
}

void mx_buf_reset(struct mx_buf *b)
{
	mx_buf_setlen(b, 0);
}

void mx_buf_grow(struct mx_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	if (b->alloc) {
		b->buf = mx_xrealloc(b->buf, n);
	} else {
		b->buf = mx_xmalloc(n);
		b->buf[0] = '\0';
	}
	b->alloc = n;
}

void mx_buf_setlen(struct mx_buf *b, size_t len)
{
	if (!b->alloc && len == 0)
		return;
	if (len + 1 > b->alloc)
		mx_buf_grow(b, len - b->len);
	b->len = len;
	b->buf[len] = '\0';
}

char *mx_buf_detach(struct mx_buf *b, size_t *len)
{
	if (len)
		*len = b->len;
	if (!b->alloc)
		mx_buf_grow(b, 0);
	char *s = b->buf;
	mx_buf_init(b, 0);
	return s;
}

void mx_buf_add(struct mx_buf *b, const void *data, size_t n)
{
	if (!n)
		return;
	mx_buf_grow(b, n);
	memcpy(b->buf + b->len, data, n);
	mx_buf_setlen(b, b->len + n);
}

void mx_buf_adds(struct mx_buf *b, const char *s)
{
	mx_buf_add(b, s, strlen(s));
}

void mx_buf_addch(struct mx_buf *b, int c)
{
	mx_buf_grow(b, 1);
	b->buf[b->len] = (char)c;
	mx_buf_setlen(b, b->len + 1);
}

void mx_buf_addchars(struct mx_buf *b, int c, size_t n)
{
	mx_buf_grow(b, n);
	memset(b->buf + b->len, c, n);
	mx_buf_setlen(b, b->len + n);
}

void mx_buf_vaddf(struct mx_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	mx_buf_grow(b, (size_t)n);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	mx_buf_setlen(b, b->len + (size_t)n);
}

void mx_buf_addf(struct mx_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	mx_buf_vaddf(b, fmt, ap);
	va_end(ap);
}
