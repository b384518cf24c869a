/*
 * progress: the line a long digest run shows on a terminal (progress.c).
 *
 *   phx-digest: 5120/12952 files, 48.3 MiB/s
 *
 * Nothing is drawn until the run has lasted a second; then the line is
 * redrawn at most ten times a second, in place (carriage return, clear to
 * the end of the line), and when the run ends a totals line closes it with a
 * newline, so that what is printed next starts on a fresh line.
 *
 * The worker threads only bump two atomic counters (phx_digest_progress_
 * file_done). One ticker thread draws (phx_digest_progress_start/stop):
 * nothing else writes to stderr while the workers run, so the line is never
 * interleaved with other output. The decisions (when to draw, what) are
 * phx_digest_progress_tick and _final, driven by an injectable clock so a
 * test can step through time.
 */
#ifndef PHX_DIGEST_PROGRESS_H
#define PHX_DIGEST_PROGRESS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"

/* Nothing is drawn before a run has lasted this long... */
#define PHX_DIGEST_PROGRESS_AFTER_MS 1000
/* ... and then at most once per this interval. */
#define PHX_DIGEST_PROGRESS_INTERVAL_MS 100

/* Milliseconds on a clock that never goes back. */
typedef uint64_t (*phx_digest_clock_fn)(void);

struct phx_digest_progress {
	phx_digest_clock_fn clock;
	uint64_t after_ms; /* quiet for this long after start */
	size_t total;      /* files in the run */
	atomic_size_t files;
	atomic_uint_least64_t bytes; /* input bytes of the files done */
	uint64_t start_ms, last_ms;  /* the run's start, the last draw */
	bool drawn;
	/* The ticker thread, between start and stop. */
	FILE *out;
	bool running, stopping;
	pthread_t thread;
	pthread_mutex_t mu; /* stopping, and the drawing itself */
	pthread_cond_t wake;
};

/* Whether a run shows progress: not when switched off (--no-progress),
 * not under --quiet, not when stderr is not a terminal or TERM is "dumb". */
bool phx_digest_progress_wanted(bool on, bool quiet);

/* PHX_DIGEST_PROGRESS_AFTER_MS, or the milliseconds in the environment
 * variable MIXLESS_TEST_PROGRESS_AFTER_MS, so that the tests can see the
 * line without a slow run. */
uint64_t phx_digest_progress_after_ms(void);

/* The monotonic clock, in milliseconds (the default clock). */
uint64_t phx_digest_progress_now(void);

/* Starts counting a run of total files now, by clock (NULL: the monotonic
 * clock). Needs no release unless started. */
void phx_digest_progress_init(struct phx_digest_progress *p, size_t total, uint64_t after_ms,
                              phx_digest_clock_fn clock);

/* One file is done, with its input size. Call once per file: a file
 * rewritten in the second phase counts there, not when it is hashed.
 * Thread-safe and lock-free. */
void phx_digest_progress_file_done(struct phx_digest_progress *p, uint64_t bytes);

/* If a redraw is due now (the run has lasted after_ms, and the last draw is
 * PHX_DIGEST_PROGRESS_INTERVAL_MS old), sets line to the progress line
 * (carriage return, text, clear to end of line) and returns true. The
 * caller writes it. Not thread-safe: one drawer. */
bool phx_digest_progress_tick(struct phx_digest_progress *p, struct mx_buf *line);

/* At the end of the run: if a line was drawn, or the run lasted after_ms,
 * sets line to the totals line, ending in a newline, and returns true. */
bool phx_digest_progress_final(struct phx_digest_progress *p, struct mx_buf *line);

/* Starts the ticker thread, which draws on out while the workers run.
 * Returns 0, or -1 if no thread could be made (then nothing is drawn and
 * stop does nothing). */
int phx_digest_progress_start(struct phx_digest_progress *p, FILE *out);

/* Stops and joins the ticker and writes the totals line if one is due.
 * Does nothing if the ticker is not running (so it may be called twice). */
void phx_digest_progress_stop(struct phx_digest_progress *p);

#endif
