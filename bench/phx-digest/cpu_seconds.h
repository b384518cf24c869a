/*
 * The CPU seconds a bounds.sh helper spent: user + system time of the whole
 * process, its threads' and the kernel's work on their behalf. bounds.sh
 * sums them into the exact-output floor.
 */
#ifndef BENCH_PHX_DIGEST_CPU_SECONDS_H
#define BENCH_PHX_DIGEST_CPU_SECONDS_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static inline double cpu_seconds(void)
{
	struct rusage ru;
	/* a zero here would lower the floor without a word */
	if (getrusage(RUSAGE_SELF, &ru) < 0) {
		perror("getrusage");
		exit(1);
	}
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

#endif
