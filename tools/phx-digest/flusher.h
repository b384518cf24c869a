/*
 * Background writeback (flusher.c). A run makes its outputs durable with one
 * syncfs() before the manifest that names them. Done only at the end, that
 * sync waits for every byte of the run to reach the disk (0.8 s of a 5 s
 * run on issue #15's tree, with the disk idle until then). The flusher
 * syncs the output's file system every tenth of a second while the run works,
 * so the disk writes beside the compression and the last sync finds little
 * left. Durability is the same: the manifest still waits for the last one.
 */
#ifndef PHX_DIGEST_FLUSHER_H
#define PHX_DIGEST_FLUSHER_H

#include <pthread.h>
#include <stdbool.h>

#include "diag.h"

struct phx_digest_flusher {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool started; /* by phx_digest_flusher_start: lock and wake made */
	bool running; /* the thread runs */
	bool stop;
	int fd;       /* the output directory, opened when the run began */
	int error;    /* errno of the first sync that failed, 0 */
	unsigned long synced; /* syncs done in the background, for the trace */
	const char *path; /* for the message */
};

/* Starts syncing in the background the file system of fd, an open
 * directory of path (the output, opened before any output was written, so
 * that a write error met by any sync is reported: syncfs reports the errors
 * that happened since its descriptor was opened). f starts zeroed. Where no
 * thread can be had, nothing runs until the finish. */
void phx_digest_flusher_start(struct phx_digest_flusher *f, int fd, const char *path);
/* Stops the thread and syncs once more; -1 with err when this sync or one
 * in the background failed. f must have been started. */
int phx_digest_flusher_finish(struct phx_digest_flusher *f, struct mx_err *err);
/* Stops the thread (no last sync: for a run that failed) and frees what
 * start made; a zeroed f is left alone. */
void phx_digest_flusher_release(struct phx_digest_flusher *f);

#endif
