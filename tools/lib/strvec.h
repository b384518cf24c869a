/*
 * strvec: a growable NULL-terminated array of owned strings (git's strvec).
 * v.v is never NULL; v.v[v.n] is NULL, so it can be passed to execv().
 */
#ifndef MX_STRVEC_H
#define MX_STRVEC_H

#include <stddef.h>

struct mx_strvec {
	char **v;
	size_t n;
	size_t alloc;
};

extern char *mx_strvec_empty[];
#define MX_STRVEC_INIT { mx_strvec_empty, 0, 0 }

/* Appends a copy of s. */
void mx_strvec_push(struct mx_strvec *sv, const char *s);
void mx_strvec_pushf(struct mx_strvec *sv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Takes ownership of s (malloc'd). */
void mx_strvec_push_owned(struct mx_strvec *sv, char *s);
/* Sorts by strcmp (byte order), which is what "a stable order" means here. */
void mx_strvec_sort(struct mx_strvec *sv);
/* Index of s, or -1. */
long mx_strvec_find(const struct mx_strvec *sv, const char *s);
/* Frees every string and the array; sv is left empty and reusable. Accepts
 * NULL. */
void mx_strvec_clear(struct mx_strvec *sv);

#endif
