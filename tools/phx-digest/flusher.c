/*
 * The background writeback of a run (flusher.h): one thread that calls
 * syncfs() every PERIOD_NS until told to stop.
 */
#include "flusher.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

/* Each sync also commits the journal, so not much more often; on issue
 * #15's tree, 60, 100 and 120 ms gave the same times, 250 ms less gain. */
#define PERIOD_NS 100000000L

static void sync_once(struct phx_digest_flusher *f)
{
	if (syncfs(f->fd) == 0)
		return;
	pthread_mutex_lock(&f->lock);
	if (!f->error)
		f->error = errno;
	pthread_mutex_unlock(&f->lock);
}

static void *flush_loop(void *arg)
{
	struct phx_digest_flusher *f = arg;
	pthread_mutex_lock(&f->lock);
	while (!f->stop) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += PERIOD_NS;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!f->stop && pthread_cond_timedwait(&f->wake, &f->lock, &until) != ETIMEDOUT)
			;
		if (f->stop)
			break;
		pthread_mutex_unlock(&f->lock);
		sync_once(f);
		pthread_mutex_lock(&f->lock);
		f->synced++;
	}
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

void phx_digest_flusher_start(struct phx_digest_flusher *f, int fd, const char *path)
{
	pthread_condattr_t attr;
	pthread_mutex_init(&f->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&f->wake, &attr);
	pthread_condattr_destroy(&attr);
	f->started = true;
	f->stop = false;
	f->fd = fd;
	f->error = 0;
	f->synced = 0;
	f->path = path;
	f->running = pthread_create(&f->thread, NULL, flush_loop, f) == 0;
}

static void stop(struct phx_digest_flusher *f)
{
	if (!f->running)
		return;
	pthread_mutex_lock(&f->lock);
	f->stop = true;
	pthread_cond_signal(&f->wake);
	pthread_mutex_unlock(&f->lock);
	pthread_join(f->thread, NULL);
	f->running = false;
}

int phx_digest_flusher_finish(struct phx_digest_flusher *f, struct mx_err *err)
{
	stop(f);
	sync_once(f);
	if (!f->error)
		return 0;
	errno = f->error;
	return mx_err_errno(err, "cannot sync", f->path);
}

void phx_digest_flusher_release(struct phx_digest_flusher *f)
{
	if (!f->started)
		return;
	stop(f);
	pthread_cond_destroy(&f->wake);
	pthread_mutex_destroy(&f->lock);
	f->started = false;
}
