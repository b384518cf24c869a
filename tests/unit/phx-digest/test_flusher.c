/*
 * The background writeback: it syncs while the run works, its last sync
 * and any failed one in the background are reported by the finish, and
 * release is safe on a flusher never started or already finished.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "flusher.h"
#include "unit.h"

static void wait_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0)
		;
}

static unsigned long synced(struct phx_digest_flusher *f)
{
	pthread_mutex_lock(&f->lock);
	unsigned long n = f->synced;
	pthread_mutex_unlock(&f->lock);
	return n;
}

TEST(syncs_meanwhile_and_at_the_end)
{
	struct phx_digest_flusher f;
	struct mx_err err = MX_ERR_INIT;
	memset(&f, 0, sizeof(f));
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	phx_digest_flusher_start(&f, fd, ".");
	CHECK(f.running);
	/* a few periods: even a slow machine gets one sync done (up to 10 s) */
	for (int i = 0; i < 100 && synced(&f) == 0; i++)
		wait_ms(100);
	CHECK(synced(&f) >= 1);
	CHECK_INT(phx_digest_flusher_finish(&f, &err), 0);
	CHECK(!f.running);
	phx_digest_flusher_release(&f);
	phx_digest_flusher_release(&f); /* twice: nothing left to do */
	close(fd);
}

TEST(a_failed_sync_is_reported)
{
	struct phx_digest_flusher f;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf msg = MX_BUF_INIT;
	memset(&f, 0, sizeof(f));
	/* no such descriptor: every sync fails with EBADF */
	phx_digest_flusher_start(&f, -1, "out/dir");
	CHECK_INT(phx_digest_flusher_finish(&f, &err), -1);
	mx_err_format(&err, &msg);
	CHECK(strstr(msg.buf, "cannot sync") != NULL);
	CHECK(strstr(msg.buf, "out/dir") != NULL);
	phx_digest_flusher_release(&f);
	mx_buf_release(&msg);
	mx_err_clear(&err);
}

TEST(release_without_start)
{
	struct phx_digest_flusher f;
	memset(&f, 0, sizeof(f));
	phx_digest_flusher_release(&f);
	CHECK(!f.started);
}

UNIT_MAIN()
