/*
 * killshim: an LD_PRELOAD library that SIGKILLs the process at a chosen
 * system call, so that tests can kill a tool at an exact point of its work
 * instead of after a random delay.
 *
 *   MIXLESS_KILL_AT=publish:N        before the N-th publishing call
 *   MIXLESS_KILL_AT=publish@SUFFIX   before the first publishing call whose
 *                                    destination path ends with SUFFIX
 *   MIXLESS_KILL_AT=write:N          before the N-th write call
 *   MIXLESS_KILL_COUNT=FILE          at exit, write "publish N\nwrite N\n"
 *                                    to FILE (how many calls a run made)
 *
 * "Publishing" is how a finished file gets its name: rename, renameat,
 * renameat2, link and linkat (an O_TMPFILE file is published by linkat).
 * "Write" is write, pwrite and writev. Calls are counted across threads.
 * Only calls the program makes itself are seen: stdio's own writes happen
 * inside libc and are not counted.
 *
 * Built without sanitizers, so that it can be preloaded into sanitized
 * binaries too (with ASAN_OPTIONS=verify_asan_link_order=0).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_NEXT, renameat2 */
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum kind { PUBLISH, WRITE, NKINDS };

static const char *const kind_names[NKINDS] = {"publish", "write"};
static unsigned long counts[NKINDS];

static enum kind kill_kind = NKINDS; /* NKINDS: no kill */
static unsigned long kill_at;        /* the N of kind:N, or 0 */
static const char *kill_suffix;      /* the SUFFIX of kind@SUFFIX */

__attribute__((constructor)) static void setup(void)
{
	const char *spec = getenv("MIXLESS_KILL_AT");
	if (!spec || !*spec)
		return;
	for (int k = 0; k < NKINDS; k++) {
		size_t n = strlen(kind_names[k]);
		if (strncmp(spec, kind_names[k], n))
			continue;
		if (spec[n] == ':') {
			kill_at = strtoul(spec + n + 1, NULL, 10);
			kill_kind = (enum kind)k;
		} else if (spec[n] == '@' && spec[n + 1]) {
			kill_suffix = spec + n + 1;
			kill_kind = (enum kind)k;
		}
	}
	if (kill_kind == NKINDS) {
		fprintf(stderr, "killshim: bad MIXLESS_KILL_AT '%s'\n", spec);
		_exit(125);
	}
}

__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("MIXLESS_KILL_COUNT");
	FILE *f;
	if (!path || !*path || !(f = fopen(path, "w")))
		return;
	for (int k = 0; k < NKINDS; k++)
		fprintf(f, "%s %lu\n", kind_names[k], __atomic_load_n(&counts[k], __ATOMIC_SEQ_CST));
	fclose(f);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = s ? strlen(s) : 0, m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

/* Counts one call of kind k (destination path dest, if any) and dies here
 * if it is the chosen one. */
static void hit(enum kind k, const char *dest)
{
	unsigned long n = __atomic_add_fetch(&counts[k], 1, __ATOMIC_SEQ_CST);
	if (k != kill_kind)
		return;
	if ((kill_at && n == kill_at) || (kill_suffix && ends_with(dest, kill_suffix)))
		kill(getpid(), SIGKILL);
}

/* The next definition of a symbol (libc's, or a sanitizer's interceptor). */
static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f) {
		fprintf(stderr, "killshim: no %s\n", name);
		_exit(125);
	}
	return f;
}

typedef int (*rename_fn)(const char *, const char *);
typedef int (*renameat_fn)(int, const char *, int, const char *);
typedef int (*renameat2_fn)(int, const char *, int, const char *, unsigned int);
typedef int (*linkat_fn)(int, const char *, int, const char *, int);
typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);

/* The real function, looked up once (a race only looks it up twice). */
#define NEXT(type, name)                                                                           \
	static type real_;                                                                         \
	if (!real_)                                                                                \
		real_ = (type)next(name)

int rename(const char *from, const char *to)
{
	NEXT(rename_fn, "rename");
	hit(PUBLISH, to);
	return real_(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to)
{
	NEXT(renameat_fn, "renameat");
	hit(PUBLISH, to);
	return real_(fromfd, from, tofd, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags)
{
	NEXT(renameat2_fn, "renameat2");
	hit(PUBLISH, to);
	return real_(fromfd, from, tofd, to, flags);
}

int link(const char *from, const char *to)
{
	NEXT(rename_fn, "link");
	hit(PUBLISH, to);
	return real_(from, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	NEXT(linkat_fn, "linkat");
	hit(PUBLISH, to);
	return real_(fromfd, from, tofd, to, flags);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	NEXT(write_fn, "write");
	hit(WRITE, NULL);
	return real_(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	NEXT(pwrite_fn, "pwrite");
	hit(WRITE, NULL);
	return real_(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	NEXT(writev_fn, "writev");
	hit(WRITE, NULL);
	return real_(fd, iov, n);
}
