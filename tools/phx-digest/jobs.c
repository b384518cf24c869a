/*
 * A parallel for over file indices: worker threads take the next index from
 * a shared counter, so a few large files do not hold up the rest. This is
 * the role Task.async_stream plays in Phoenix.Digester, one task per file.
 */
#include "jobs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"

struct pool {
	size_t n;
	const size_t *order;
	void (*fn)(size_t i, void *ctx);
	void *ctx;
	atomic_size_t next;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		size_t k = atomic_fetch_add(&p->next, 1);
		if (k >= p->n)
			break;
		p->fn(p->order ? p->order[k] : k, p->ctx);
	}
	return NULL;
}

long phx_digest_ncpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

void phx_digest_parallel(size_t n, long nthreads, const size_t *order,
                         void (*fn)(size_t i, void *ctx), void *ctx)
{
	struct pool p = {n, order, fn, ctx, 0};
	if (nthreads < 1)
		nthreads = 1;
	if ((size_t)nthreads > n)
		nthreads = (long)n;
	if (nthreads <= 1) {
		worker(&p);
		return;
	}
	pthread_t *t = mx_xcalloc((size_t)nthreads, sizeof(*t));
	long started = 0;
	/* the calling thread works too: start one thread fewer */
	for (long i = 1; i < nthreads; i++) {
		if (pthread_create(&t[i], NULL, worker, &p) != 0)
			break;
		started = i;
	}
	worker(&p);
	for (long i = 1; i <= started; i++)
		pthread_join(t[i], NULL);
	free(t);
}

/* Keys are made under one lock, once per slot. */
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;

static bool slot_ready(struct phx_digest_slot *s)
{
	int st = atomic_load(&s->state);
	if (st == 0) {
		pthread_mutex_lock(&slot_lock);
		st = atomic_load(&s->state);
		if (st == 0) {
			st = pthread_key_create(&s->key, s->destroy) == 0 ? 1 : -1;
			atomic_store(&s->state, st);
		}
		pthread_mutex_unlock(&slot_lock);
	}
	return st == 1;
}

void *phx_digest_slot_get(struct phx_digest_slot *s)
{
	return slot_ready(s) ? pthread_getspecific(s->key) : NULL;
}

int phx_digest_slot_set(struct phx_digest_slot *s, void *p)
{
	return slot_ready(s) && pthread_setspecific(s->key, p) == 0 ? 0 : -1;
}
