/*
 * The progress line. A ticker thread rather than the workers draws it: a
 * worker busy with one large file would leave the line frozen, and a worker
 * that drew would write to stderr from any thread at any time. The ticker
 * wakes every interval, asks phx_digest_progress_tick whether to draw, and
 * is the only writer until it is joined.
 */
#include "progress.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

bool phx_digest_progress_wanted(bool on, bool quiet)
{
	const char *term = getenv("TERM");
	/* a dumb terminal has no clear-to-end-of-line: the line would pile up */
	return on && !quiet && isatty(STDERR_FILENO) && !(term && !strcmp(term, "dumb"));
}

uint64_t phx_digest_progress_after_ms(void)
{
	const char *s = getenv("MIXLESS_TEST_PROGRESS_AFTER_MS");
	char *end;
	if (!s || !*s)
		return PHX_DIGEST_PROGRESS_AFTER_MS;
	errno = 0;
	unsigned long long ms = strtoull(s, &end, 10);
	if (errno || *end || *s == '-')
		return PHX_DIGEST_PROGRESS_AFTER_MS;
	return ms;
}

uint64_t phx_digest_progress_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

void phx_digest_progress_init(struct phx_digest_progress *p, size_t total, uint64_t after_ms,
                              phx_digest_clock_fn clock)
{
	memset(p, 0, sizeof(*p));
	p->clock = clock ? clock : phx_digest_progress_now;
	p->after_ms = after_ms;
	p->total = total;
	atomic_init(&p->files, 0);
	atomic_init(&p->bytes, 0);
	p->start_ms = p->clock();
}

void phx_digest_progress_file_done(struct phx_digest_progress *p, uint64_t bytes)
{
	/* relaxed: the counts only feed a display, and stop() joins the ticker
	 * after the workers have been joined */
	atomic_fetch_add_explicit(&p->files, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&p->bytes, bytes, memory_order_relaxed);
}

/* MiB per second, over at least a millisecond (a run of 0 ms has no rate). */
static double mib_per_s(uint64_t bytes, uint64_t ms)
{
	return (double)bytes / (1024.0 * 1024.0) / ((double)(ms ? ms : 1) / 1000.0);
}

bool phx_digest_progress_tick(struct phx_digest_progress *p, struct mx_buf *line)
{
	uint64_t now = p->clock(), elapsed = now - p->start_ms;
	if (elapsed < p->after_ms)
		return false;
	if (p->drawn && now - p->last_ms < PHX_DIGEST_PROGRESS_INTERVAL_MS)
		return false;
	size_t files = atomic_load_explicit(&p->files, memory_order_relaxed);
	uint64_t bytes = atomic_load_explicit(&p->bytes, memory_order_relaxed);
	mx_buf_reset(line);
	mx_buf_addf(line, "\r%s: %zu/%zu files, %.1f MiB/s\033[K", mx_diag_prog(), files, p->total,
	            mib_per_s(bytes, elapsed));
	p->drawn = true;
	p->last_ms = now;
	return true;
}

bool phx_digest_progress_final(struct phx_digest_progress *p, struct mx_buf *line)
{
	uint64_t elapsed = p->clock() - p->start_ms;
	if (!p->drawn && elapsed < p->after_ms)
		return false;
	size_t files = atomic_load_explicit(&p->files, memory_order_relaxed);
	uint64_t bytes = atomic_load_explicit(&p->bytes, memory_order_relaxed);
	mx_buf_reset(line);
	mx_buf_addf(line, "\r%s: %zu/%zu files, %.1f MiB in %.1f s, %.1f MiB/s\033[K\n",
	            mx_diag_prog(), files, p->total, (double)bytes / (1024.0 * 1024.0),
	            (double)elapsed / 1000.0, mib_per_s(bytes, elapsed));
	return true;
}

static void draw(struct phx_digest_progress *p, const struct mx_buf *line)
{
	fwrite(line->buf, 1, line->len, p->out);
	fflush(p->out);
}

/* The deadline of the next wake-up, an interval from now. */
static void next_wake(struct timespec *t)
{
	clock_gettime(CLOCK_MONOTONIC, t);
	t->tv_nsec += PHX_DIGEST_PROGRESS_INTERVAL_MS * 1000000L;
	if (t->tv_nsec >= 1000000000L) {
		t->tv_sec += t->tv_nsec / 1000000000L;
		t->tv_nsec %= 1000000000L;
	}
}

static void *ticker(void *arg)
{
	struct phx_digest_progress *p = arg;
	struct mx_buf line = MX_BUF_INIT;
	struct timespec t;
	pthread_mutex_lock(&p->mu);
	/* The first tick comes before any stop is seen: with a threshold of 0
	 * (the tests' hook) the line is drawn at least once, however short the
	 * run. */
	if (phx_digest_progress_tick(p, &line))
		draw(p, &line);
	while (!p->stopping) {
		next_wake(&t);
		/* a timeout, a spurious wake-up or stop: the loop tells them apart */
		pthread_cond_timedwait(&p->wake, &p->mu, &t);
		if (!p->stopping && phx_digest_progress_tick(p, &line))
			draw(p, &line);
	}
	pthread_mutex_unlock(&p->mu);
	mx_buf_release(&line);
	return NULL;
}

int phx_digest_progress_start(struct phx_digest_progress *p, FILE *out)
{
	pthread_condattr_t ca;
	p->out = out;
	p->stopping = false;
	pthread_mutex_init(&p->mu, NULL);
	/* the wake-ups count on the monotonic clock, as the line's times do */
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&p->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&p->thread, NULL, ticker, p) != 0) {
		pthread_cond_destroy(&p->wake);
		pthread_mutex_destroy(&p->mu);
		return -1;
	}
	p->running = true;
	return 0;
}

void phx_digest_progress_stop(struct phx_digest_progress *p)
{
	struct mx_buf line = MX_BUF_INIT;
	if (!p->running)
		return;
	pthread_mutex_lock(&p->mu);
	p->stopping = true;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	p->running = false;
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->mu);
	if (phx_digest_progress_final(p, &line))
		draw(p, &line);
	mx_buf_release(&line);
}
