/*
 * The progress line's decisions, on a fake clock: nothing before the
 * threshold, at most one draw per interval after it, each file counted
 * once, the totals line only when something was drawn or the run was long,
 * and the exact text.
 */
#include <stdlib.h>

#include "diag.h"
#include "progress.h"
#include "unit.h"

static uint64_t fake_ms;

static uint64_t fake_clock(void)
{
	return fake_ms;
}

/* A run of 4 files started at t=5000 ms on the fake clock. */
static void start(struct phx_digest_progress *p, uint64_t after)
{
	fake_ms = 5000;
	phx_digest_progress_init(p, 4, after, fake_clock);
}

TEST(quiet_until_threshold)
{
	struct phx_digest_progress p;
	struct mx_buf line = MX_BUF_INIT;
	start(&p, 1000);
	CHECK(!phx_digest_progress_tick(&p, &line));
	fake_ms += 999;
	CHECK(!phx_digest_progress_tick(&p, &line));
	fake_ms += 1;
	CHECK(phx_digest_progress_tick(&p, &line));
	mx_buf_release(&line);
}

TEST(at_most_one_draw_per_interval)
{
	struct phx_digest_progress p;
	struct mx_buf line = MX_BUF_INIT;
	start(&p, 1000);
	fake_ms += 1000;
	CHECK(phx_digest_progress_tick(&p, &line));
	CHECK(!phx_digest_progress_tick(&p, &line));
	fake_ms += 99;
	CHECK(!phx_digest_progress_tick(&p, &line));
	fake_ms += 1;
	CHECK(phx_digest_progress_tick(&p, &line));
	/* a late tick draws at once, and the interval counts from it */
	fake_ms += 450;
	CHECK(phx_digest_progress_tick(&p, &line));
	fake_ms += 99;
	CHECK(!phx_digest_progress_tick(&p, &line));
	/* ten seconds of ticks every millisecond: at most ten draws a second */
	int draws = 0;
	for (int i = 0; i < 10000; i++) {
		fake_ms++;
		draws += phx_digest_progress_tick(&p, &line);
	}
	CHECK(draws <= 100 && draws >= 99);
	mx_buf_release(&line);
}

TEST(line_text)
{
	struct phx_digest_progress p;
	struct mx_buf line = MX_BUF_INIT;
	start(&p, 1000);
	phx_digest_progress_file_done(&p, 3 << 20);
	fake_ms += 2000;
	CHECK(phx_digest_progress_tick(&p, &line));
	CHECK_STR(line.buf, "\rphx-digest: 1/4 files, 1.5 MiB/s\033[K");
	phx_digest_progress_file_done(&p, 1 << 20);
	phx_digest_progress_file_done(&p, 0);
	phx_digest_progress_file_done(&p, 2 << 20);
	fake_ms += 1000;
	CHECK(phx_digest_progress_tick(&p, &line));
	CHECK_STR(line.buf, "\rphx-digest: 4/4 files, 2.0 MiB/s\033[K");
	/* the totals line: sizes, time and rate, and a newline to end on */
	fake_ms += 1000;
	CHECK(phx_digest_progress_final(&p, &line));
	CHECK_STR(line.buf, "\rphx-digest: 4/4 files, 6.0 MiB in 4.0 s, 1.5 MiB/s\033[K\n");
	mx_buf_release(&line);
}

TEST(final_only_for_a_long_run)
{
	struct phx_digest_progress p;
	struct mx_buf line = MX_BUF_INIT;
	/* a short run leaves the terminal alone */
	start(&p, 1000);
	fake_ms += 999;
	CHECK(!phx_digest_progress_final(&p, &line));
	/* a run that reached the threshold between two ticks still ends with
	 * its totals */
	start(&p, 1000);
	fake_ms += 1000;
	CHECK(phx_digest_progress_final(&p, &line));
	/* threshold 0 (the tests' hook): always, even for a run of 0 ms, whose
	 * rate is taken over a millisecond rather than divided by zero */
	start(&p, 0);
	phx_digest_progress_file_done(&p, 1024);
	CHECK(phx_digest_progress_final(&p, &line));
	CHECK_STR(line.buf, "\rphx-digest: 1/4 files, 0.0 MiB in 0.0 s, 1.0 MiB/s\033[K\n");
	mx_buf_release(&line);
}

TEST(threshold_from_environment)
{
	unsetenv("MIXLESS_TEST_PROGRESS_AFTER_MS");
	CHECK_INT(phx_digest_progress_after_ms(), 1000);
	setenv("MIXLESS_TEST_PROGRESS_AFTER_MS", "0", 1);
	CHECK_INT(phx_digest_progress_after_ms(), 0);
	setenv("MIXLESS_TEST_PROGRESS_AFTER_MS", "250", 1);
	CHECK_INT(phx_digest_progress_after_ms(), 250);
	/* anything but a number of milliseconds keeps the default */
	setenv("MIXLESS_TEST_PROGRESS_AFTER_MS", "-5", 1);
	CHECK_INT(phx_digest_progress_after_ms(), 1000);
	setenv("MIXLESS_TEST_PROGRESS_AFTER_MS", "1s", 1);
	CHECK_INT(phx_digest_progress_after_ms(), 1000);
	unsetenv("MIXLESS_TEST_PROGRESS_AFTER_MS");
}

TEST(wanted)
{
	/* the unit tests' stderr is not a terminal under ctest: never wanted;
	 * switched off or quiet: never, whatever stderr is */
	CHECK(!phx_digest_progress_wanted(false, false));
	CHECK(!phx_digest_progress_wanted(true, true));
}

int main(void)
{
	mx_diag_set_prog("phx-digest");
	return unit_run();
}
