#include "strvec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

char *mx_strvec_empty[] = { NULL };

void mx_strvec_push_owned(struct mx_strvec *sv, char *s)
{
	if (sv->v == mx_strvec_empty)
		sv->v = NULL;
	MX_ALLOC_GROW(sv->v, sv->n + 2, sv->alloc);
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void mx_strvec_push(struct mx_strvec *sv, const char *s)
{
	mx_strvec_push_owned(sv, mx_xstrdup(s));
}

void mx_strvec_pushf(struct mx_strvec *sv, const char *fmt, ...)
{
	struct mx_buf b = MX_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	mx_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	mx_strvec_push_owned(sv, mx_buf_detach(&b, NULL));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void mx_strvec_sort(struct mx_strvec *sv)
{
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof(*sv->v), cmp_str);
}

long mx_strvec_find(const struct mx_strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return (long)i;
	return -1;
}

void mx_strvec_clear(struct mx_strvec *sv)
{
	if (!sv)
		return;
	if (sv->v != mx_strvec_empty) {
		for (size_t i = 0; i < sv->n; i++)
			free(sv->v[i]);
		free(sv->v);
	}
	sv->v = mx_strvec_empty;
	sv->n = sv->alloc = 0;
}
