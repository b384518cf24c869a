/*
 * stdlib_calendar: the clock and Elixir's calendar types, in Calendar.ISO
 * and UTC (the terms and their text are term_calendar.c's):
 *
 *   DateTime       utc_now/0,1 to_string to_iso8601 truncate to_naive
 *                  to_date to_unix/1 from_unix/1,2 from_unix!/1,2
 *   NaiveDateTime  utc_now/0,1 to_string to_iso8601 truncate to_date
 *   Date           utc_today to_string to_iso8601
 *   Time           utc_now to_string to_iso8601
 *
 * The clock is the system's real-time clock, read once per call (Elixir's
 * System.os_time), at microsecond precision as on Linux.
 */
#include <time.h>

#include "stdlib.h"

#define A EV_A(ev)

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* A time unit as utc_now/1 and truncate/2 take it: its precision, or -1. */
static int unit_precision(const struct mx_term *u)
{
	if (mx_term_is_atom(u, "second"))
		return 0;
	if (mx_term_is_atom(u, "millisecond"))
		return 3;
	if (mx_term_is_atom(u, "microsecond"))
		return 6;
	return -1;
}

static int utc_now_as(struct mx_eval *ev, const struct mx_eval_call *c, enum mx_calendar_kind k,
                      struct mx_term **out)
{
	int p = 6;
	if (c->nargs == 1 && (p = unit_precision(c->args[0])) < 0) {
		if (!mx_term_is_atom(c->args[0], "Elixir.Calendar.ISO"))
			return ev_fclause_call(ev, c);
		p = 6;
	}
	*out = mx_term_calendar(A, k, now_us(), (unsigned)p);
	return 0;
}

EV_BUILTIN_AS(dt_utc_now, utc_now_as(ev, c, MX_CAL_UTC, out))
EV_BUILTIN_AS(naive_utc_now, utc_now_as(ev, c, MX_CAL_NAIVE, out))
EV_BUILTIN_AS(date_utc_today, utc_now_as(ev, c, MX_CAL_DATE, out))
EV_BUILTIN_AS(time_utc_now, utc_now_as(ev, c, MX_CAL_TIME, out))

/* The struct the module's functions take (a DateTime for DateTime...). */
static bool is_kind(const struct mx_term *t, enum mx_calendar_kind k)
{
	return mx_term_calendar_kind(t) == k;
}

static int text_as(struct mx_eval *ev, const struct mx_eval_call *c, enum mx_calendar_kind k,
                   bool iso, struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	if (!is_kind(c->args[0], k)) {
		/* Another calendar struct in a zone or calendar of its own is a
		 * value this evaluator does not model. */
		if (mx_term_struct_name(c->args[0]) &&
		    mx_term_calendar_kind(c->args[0]) == MX_CAL_NONE &&
		    mx_term_map_get_atom(c->args[0], "calendar"))
			return MX_EVAL_UNKNOWN;
		return ev_fclause_call(ev, c);
	}
	mx_term_calendar_format(c->args[0], iso, &b);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

EV_BUILTIN_AS(dt_to_string, text_as(ev, c, MX_CAL_UTC, false, out))
EV_BUILTIN_AS(dt_to_iso8601, text_as(ev, c, MX_CAL_UTC, true, out))
EV_BUILTIN_AS(naive_to_string, text_as(ev, c, MX_CAL_NAIVE, false, out))
EV_BUILTIN_AS(naive_to_iso8601, text_as(ev, c, MX_CAL_NAIVE, true, out))
EV_BUILTIN_AS(date_to_string, text_as(ev, c, MX_CAL_DATE, false, out))
EV_BUILTIN_AS(date_to_iso8601, text_as(ev, c, MX_CAL_DATE, true, out))
EV_BUILTIN_AS(time_to_string, text_as(ev, c, MX_CAL_TIME, false, out))
EV_BUILTIN_AS(time_to_iso8601, text_as(ev, c, MX_CAL_TIME, true, out))

static int64_t field(const struct mx_term *t, const char *k)
{
	const struct mx_term *v = mx_term_map_get_atom(t, k);
	return v && v->type == MX_TERM_INT ? v->u.i : 0;
}

/* Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The instant t stands for, in microseconds since the epoch, and its
 * precision. */
static int64_t instant(const struct mx_term *t, unsigned *precision)
{
	const struct mx_term *us = mx_term_map_get_atom(t, "microsecond");
	int64_t s = days_from_civil(field(t, "year"), field(t, "month"), field(t, "day")) * 86400 +
	            field(t, "hour") * 3600 + field(t, "minute") * 60 + field(t, "second");
	int64_t u = 0;
	*precision = 0;
	if (us && us->type == MX_TERM_TUPLE && us->u.tuple.n == 2 &&
	    us->u.tuple.items[0]->type == MX_TERM_INT &&
	    us->u.tuple.items[1]->type == MX_TERM_INT) {
		u = us->u.tuple.items[0]->u.i;
		*precision = (unsigned)us->u.tuple.items[1]->u.i;
	}
	return s * 1000000 + u;
}

/* truncate/2: the precision only goes down. */
static int truncate_as(struct mx_eval *ev, const struct mx_eval_call *c, enum mx_calendar_kind k,
                       struct mx_term **out)
{
	unsigned p;
	int want = unit_precision(c->args[1]);
	if (!is_kind(c->args[0], k) || want < 0)
		return ev_fclause_call(ev, c);
	int64_t us = instant(c->args[0], &p);
	*out = mx_term_calendar(A, k, us, (unsigned)want < p ? (unsigned)want : p);
	return 0;
}

EV_BUILTIN_AS(dt_truncate, truncate_as(ev, c, MX_CAL_UTC, out))
EV_BUILTIN_AS(naive_truncate, truncate_as(ev, c, MX_CAL_NAIVE, out))

/* to_naive/to_date: the same instant as another kind. */
static int convert(struct mx_eval *ev, const struct mx_eval_call *c, enum mx_calendar_kind from,
                   enum mx_calendar_kind to, struct mx_term **out)
{
	unsigned p;
	if (!is_kind(c->args[0], from))
		return ev_fclause_call(ev, c);
	int64_t us = instant(c->args[0], &p);
	*out = mx_term_calendar(A, to, us, p);
	return 0;
}

EV_BUILTIN_AS(dt_to_naive, convert(ev, c, MX_CAL_UTC, MX_CAL_NAIVE, out))
EV_BUILTIN_AS(dt_to_date, convert(ev, c, MX_CAL_UTC, MX_CAL_DATE, out))
EV_BUILTIN_AS(naive_to_date, convert(ev, c, MX_CAL_NAIVE, MX_CAL_DATE, out))

EV_BUILTIN(dt_to_unix)
{
	unsigned p;
	if (!is_kind(c->args[0], MX_CAL_UTC))
		return ev_fclause_call(ev, c);
	int64_t us = instant(c->args[0], &p);
	*out = mx_term_int(A, us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000));
	return 0;
}

/* from_unix/1,2 and from_unix!/1,2: an integer in a unit (:second by
 * default) to a UTC DateTime whose precision is the unit's. */
static int from_unix(struct mx_eval *ev, const struct mx_eval_call *c, bool bang,
                     struct mx_term **out)
{
	const struct mx_term *n = c->args[0];
	int p = c->nargs == 2 ? unit_precision(c->args[1]) : 0;
	static const int64_t per_us[] = {1000000, 0, 0, 1000, 0, 0, 1};
	if (!is_int(n) || p < 0)
		return MX_EVAL_UNKNOWN;
	/* Calendar.ISO's range: years -9999..9999. */
	if (n->u.i < -377705116800LL * (1000000 / per_us[p]) ||
	    n->u.i > 253402300799LL * (1000000 / per_us[p])) {
		if (bang)
			return ev_raise(ev, c->node, "ArgumentError", "invalid Unix time %lld",
			                (long long)n->u.i);
		*out = mx_term_tuple2(A, atom(ev, "error"), atom(ev, "invalid_unix_time"));
		return 0;
	}
	struct mx_term *dt = mx_term_calendar(A, MX_CAL_UTC, n->u.i * per_us[p], (unsigned)p);
	*out = bang ? dt : mx_term_tuple2(A, atom(ev, "ok"), dt);
	return 0;
}

EV_BUILTIN_AS(dt_from_unix, from_unix(ev, c, false, out))
EV_BUILTIN_AS(dt_from_unix_bang, from_unix(ev, c, true, out))

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_calendar[] = {
	{"DateTime", "utc_now", 0, dt_utc_now},
	{"DateTime", "utc_now", 1, dt_utc_now},
	{"DateTime", "to_string", 1, dt_to_string},
	{"DateTime", "to_iso8601", 1, dt_to_iso8601},
	{"DateTime", "truncate", 2, dt_truncate},
	{"DateTime", "to_naive", 1, dt_to_naive},
	{"DateTime", "to_date", 1, dt_to_date},
	{"DateTime", "to_unix", 1, dt_to_unix},
	{"DateTime", "from_unix", 1, dt_from_unix},
	{"DateTime", "from_unix", 2, dt_from_unix},
	{"DateTime", "from_unix!", 1, dt_from_unix_bang},
	{"DateTime", "from_unix!", 2, dt_from_unix_bang},
	{"NaiveDateTime", "utc_now", 0, naive_utc_now},
	{"NaiveDateTime", "utc_now", 1, naive_utc_now},
	{"NaiveDateTime", "to_string", 1, naive_to_string},
	{"NaiveDateTime", "to_iso8601", 1, naive_to_iso8601},
	{"NaiveDateTime", "truncate", 2, naive_truncate},
	{"NaiveDateTime", "to_date", 1, naive_to_date},
	{"Date", "utc_today", 0, date_utc_today},
	{"Date", "to_string", 1, date_to_string},
	{"Date", "to_iso8601", 1, date_to_iso8601},
	{"Time", "utc_now", 0, time_utc_now},
	{"Time", "to_string", 1, time_to_string},
	{"Time", "to_iso8601", 1, time_to_iso8601},
};
/* clang-format on */
const size_t ev_builtins_calendar_n = EV_NROWS(ev_builtins_calendar);
