/*
 * fswrite: the file-system bound of a phx-digest run, for bounds.sh. Reads
 * "SIZE PATH" lines on stdin (the outputs a run makes, relative paths) and
 * creates each file under DEST with that many bytes (a fixed non-zero
 * pattern, no compression, no hashing), making directories as needed, with
 * THREADS threads taking files in turn. Plain open/write/close: no temp
 * file, no rename, no fsync. Prints the wall-clock seconds, the bytes and
 * the process's CPU seconds (user + system: nearly all system).
 *
 *   fswrite THREADS DEST <list
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cpu_seconds.h"

struct item {
	long long size;
	char *path;
};

static struct item *items;
static size_t nitems;
static atomic_size_t next_item;
static atomic_ullong written;
static const char *dest;
static char pattern[1 << 20];

/* mkdir -p of the directories above path */
static void make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			perror(path);
			exit(1);
		}
		*s = '/';
	}
}

static void *worker(void *unused)
{
	char path[8192];
	(void)unused;
	for (;;) {
		size_t i = atomic_fetch_add(&next_item, 1);
		if (i >= nitems)
			break;
		snprintf(path, sizeof(path), "%s/%s", dest, items[i].path);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 && errno == ENOENT) {
			make_parents(path);
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		}
		if (fd < 0) {
			perror(path);
			exit(1);
		}
		long long left = items[i].size;
		while (left > 0) {
			size_t n =
			    left < (long long)sizeof(pattern) ? (size_t)left : sizeof(pattern);
			ssize_t w = write(fd, pattern, n);
			if (w < 0) {
				perror(path);
				exit(1);
			}
			left -= w;
		}
		close(fd);
		atomic_fetch_add(&written, (unsigned long long)items[i].size);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3 || atoi(argv[1]) < 1 || atoi(argv[1]) > 256) {
		fprintf(stderr, "usage: fswrite THREADS DEST <list\n");
		return 2;
	}
	int threads = atoi(argv[1]);
	dest = argv[2];
	for (size_t i = 0; i < sizeof(pattern); i++)
		pattern[i] = (char)('a' + i % 23);
	size_t cap = 1024;
	items = malloc(cap * sizeof(*items));
	char line[8192];
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		char *sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp = '\0';
		if (nitems == cap)
			items = realloc(items, (cap *= 2) * sizeof(*items));
		items[nitems].size = atoll(line);
		items[nitems++].path = strdup(sp + 1);
	}
	mkdir(dest, 0777);
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pthread_t t[256];
	for (int i = 0; i < threads; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.3f %llu %.3f\n",
	       (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9,
	       (unsigned long long)written, cpu_seconds());
	return 0;
}
