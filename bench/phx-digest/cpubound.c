/*
 * cpubound: the CPU bound of a phx-digest run, for bounds.sh. Reads the
 * files named on stdin (one path a line), takes the MD5 of every one and
 * one gzip -6 pass (zlib, as :zlib.gzip) over those with a gzippable
 * extension (Phoenix's defaults), with THREADS threads taking files in
 * turn, and prints the wall-clock seconds, the bytes seen (all, gzipped)
 * and the process's CPU seconds (user + system).
 *
 *   cpubound THREADS [fresh] <list
 *
 * Each thread keeps one deflate state and resets it per file (deflateReset,
 * the same output as a new state): the bound is the work, not the
 * allocator's. With `fresh`, a new state per file (deflateInit2/deflateEnd,
 * as a naive loop does), which on this machine costs about a quarter more:
 * 270 KiB allocated, cleared and given back per file.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zlib.h>

#include "cpu_seconds.h"

static char **paths;
static size_t npaths;
static atomic_size_t next_file;
static atomic_ullong all_bytes, gz_bytes;
static int fresh;

static int gzippable(const char *p)
{
	static const char *const ext[] = {".js",   ".map",  ".css", ".txt", ".text",
	                                  ".html", ".json", ".svg", ".eot", ".ttf"};
	const char *dot = strrchr(p, '.');
	for (size_t i = 0; dot && i < sizeof(ext) / sizeof(ext[0]); i++)
		if (!strcmp(dot, ext[i]))
			return 1;
	return 0;
}

static void *worker(void *unused)
{
	size_t cap = 1 << 20, zcap = 1 << 20;
	unsigned char *buf = malloc(cap), *zout = malloc(zcap);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	z_stream s;
	memset(&s, 0, sizeof(s));
	if (!fresh)
		deflateInit2(&s, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
	(void)unused;
	for (;;) {
		size_t i = atomic_fetch_add(&next_file, 1);
		if (i >= npaths)
			break;
		int fd = open(paths[i], O_RDONLY);
		if (fd < 0) {
			perror(paths[i]);
			exit(1);
		}
		size_t len = 0;
		ssize_t n;
		for (;;) {
			if (len == cap)
				buf = realloc(buf, cap *= 2);
			n = read(fd, buf + len, cap - len);
			if (n <= 0)
				break;
			len += (size_t)n;
		}
		close(fd);
		unsigned char d[EVP_MAX_MD_SIZE];
		unsigned dn;
		EVP_DigestInit_ex(md, EVP_md5(), NULL);
		EVP_DigestUpdate(md, buf, len);
		EVP_DigestFinal_ex(md, d, &dn);
		atomic_fetch_add(&all_bytes, len);
		if (!gzippable(paths[i]))
			continue;
		/* the output thrown away */
		if (fresh) {
			memset(&s, 0, sizeof(s));
			deflateInit2(&s, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
		} else {
			deflateReset(&s);
		}
		s.next_in = buf;
		s.avail_in = (uInt)len;
		int r;
		do {
			s.next_out = zout;
			s.avail_out = (uInt)zcap;
			r = deflate(&s, Z_FINISH);
		} while (r == Z_OK);
		if (fresh)
			deflateEnd(&s);
		atomic_fetch_add(&gz_bytes, len);
	}
	if (!fresh)
		deflateEnd(&s);
	EVP_MD_CTX_free(md);
	free(buf);
	free(zout);
	return NULL;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 ? atoi(argv[1]) : 1;
	fresh = argc > 2 && !strcmp(argv[2], "fresh");
	size_t cap = 1024;
	char line[4096];
	if (threads < 1 || threads > 256) {
		fprintf(stderr, "usage: cpubound THREADS [fresh] <list\n");
		return 2;
	}
	paths = malloc(cap * sizeof(*paths));
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (npaths == cap)
			paths = realloc(paths, (cap *= 2) * sizeof(*paths));
		paths[npaths++] = strdup(line);
	}
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pthread_t t[256];
	for (int i = 0; i < threads; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.3f %llu %llu %.3f\n",
	       (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9,
	       (unsigned long long)all_bytes, (unsigned long long)gz_bytes, cpu_seconds());
	return 0;
}
