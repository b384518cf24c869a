/*
 * term_calendar: Elixir's calendar structs (%Date{}, %Time{},
 * %NaiveDateTime{}, %DateTime{} in Calendar.ISO, UTC only for DateTime) as
 * terms: building them from a clock reading, and their String.Chars,
 * to_iso8601 and Inspect forms (see term.h).
 */
#include <stdio.h>
#include <string.h>

#include "term.h"

static const char *const date_fields[] = {"calendar", "month", "day", "year"};
static const char *const naive_fields[] = {"calendar", "month",  "day",    "year",
                                           "hour",     "minute", "second", "microsecond"};
static const char *const dt_fields[] = {"calendar",   "month",      "day",       "year",
                                        "hour",       "minute",     "second",    "microsecond",
                                        "std_offset", "utc_offset", "time_zone", "zone_abbr"};
static const char *const time_fields[] = {"calendar", "hour", "minute", "second", "microsecond"};

/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * civil_from_days). */
static void civil(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

struct mx_term *mx_term_calendar(struct mx_arena *a, enum mx_calendar_kind kind, int64_t unix_us,
                                 unsigned precision)
{
	int64_t secs = unix_us >= 0 ? unix_us / 1000000 : -((-unix_us + 999999) / 1000000);
	int64_t us = unix_us - secs * 1000000;
	int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	int64_t sod = secs - days * 86400;
	int64_t year;
	unsigned month, day;
	static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
	struct mx_term *v[12];
	const char *const *fields;
	size_t n;

	if (precision > 6)
		precision = 6;
	us = us / scale[precision] * scale[precision];
	civil(days, &year, &month, &day);
	v[0] = mx_term_atom(a, "Elixir.Calendar.ISO");
	if (kind == MX_CAL_TIME) {
		v[1] = mx_term_int(a, sod / 3600);
		v[2] = mx_term_int(a, sod / 60 % 60);
		v[3] = mx_term_int(a, sod % 60);
		v[4] = mx_term_tuple2(a, mx_term_int(a, us), mx_term_int(a, precision));
		return mx_term_struct(a, "Elixir.Time", time_fields, v, 5);
	}
	v[1] = mx_term_int(a, month);
	v[2] = mx_term_int(a, day);
	v[3] = mx_term_int(a, year);
	if (kind == MX_CAL_DATE)
		return mx_term_struct(a, "Elixir.Date", date_fields, v, 4);
	v[4] = mx_term_int(a, sod / 3600);
	v[5] = mx_term_int(a, sod / 60 % 60);
	v[6] = mx_term_int(a, sod % 60);
	v[7] = mx_term_tuple2(a, mx_term_int(a, us), mx_term_int(a, precision));
	if (kind == MX_CAL_NAIVE) {
		fields = naive_fields;
		n = 8;
		return mx_term_struct(a, "Elixir.NaiveDateTime", fields, v, n);
	}
	v[8] = mx_term_int(a, 0);
	v[9] = mx_term_int(a, 0);
	v[10] = mx_term_binary(a, "Etc/UTC", 7);
	v[11] = mx_term_binary(a, "UTC", 3);
	return mx_term_struct(a, "Elixir.DateTime", dt_fields, v, 12);
}

static bool get_int(const struct mx_term *t, const char *k, int64_t *v)
{
	const struct mx_term *x = mx_term_map_get_atom(t, k);
	if (!x || x->type != MX_TERM_INT)
		return false;
	*v = x->u.i;
	return true;
}

enum mx_calendar_kind mx_term_calendar_kind(const struct mx_term *t)
{
	const char *s = mx_term_struct_name(t);
	const struct mx_term *cal = t ? mx_term_map_get_atom(t, "calendar") : NULL;
	if (!s || !mx_term_is_atom(cal, "Elixir.Calendar.ISO"))
		return MX_CAL_NONE;
	if (!strcmp(s, "Elixir.Date"))
		return MX_CAL_DATE;
	if (!strcmp(s, "Elixir.Time"))
		return MX_CAL_TIME;
	if (!strcmp(s, "Elixir.NaiveDateTime"))
		return MX_CAL_NAIVE;
	if (!strcmp(s, "Elixir.DateTime")) {
		const struct mx_term *tz = mx_term_map_get_atom(t, "time_zone");
		int64_t off = -1, std = -1;
		/* Only UTC: other zones need a time zone database. */
		if (tz && tz->type == MX_TERM_BINARY && !strcmp(tz->u.bin.data, "Etc/UTC") &&
		    get_int(t, "utc_offset", &off) && get_int(t, "std_offset", &std) && !off &&
		    !std)
			return MX_CAL_UTC;
	}
	return MX_CAL_NONE;
}

/* Calendar.ISO's year: at least four digits, a sign for negative ones. */
static void add_date(const struct mx_term *t, struct mx_buf *out)
{
	int64_t y = 0, m = 0, d = 0;
	get_int(t, "year", &y);
	get_int(t, "month", &m);
	get_int(t, "day", &d);
	if (y < 0)
		mx_buf_addf(out, "-%04lld", (long long)-y);
	else
		mx_buf_addf(out, "%04lld", (long long)y);
	mx_buf_addf(out, "-%02lld-%02lld", (long long)m, (long long)d);
}

/* HH:MM:SS and the fraction its precision asks for. */
static bool add_time(const struct mx_term *t, struct mx_buf *out)
{
	int64_t h = 0, mi = 0, s = 0;
	const struct mx_term *us = mx_term_map_get_atom(t, "microsecond");
	get_int(t, "hour", &h);
	get_int(t, "minute", &mi);
	get_int(t, "second", &s);
	mx_buf_addf(out, "%02lld:%02lld:%02lld", (long long)h, (long long)mi, (long long)s);
	if (!us || us->type != MX_TERM_TUPLE || us->u.tuple.n != 2 ||
	    us->u.tuple.items[0]->type != MX_TERM_INT || us->u.tuple.items[1]->type != MX_TERM_INT)
		return false;
	int64_t v = us->u.tuple.items[0]->u.i, p = us->u.tuple.items[1]->u.i;
	if (p > 0 && p <= 6) {
		char frac[8];
		snprintf(frac, sizeof(frac), "%06lld", (long long)(v % 1000000));
		mx_buf_addf(out, ".%.*s", (int)p, frac);
	}
	return true;
}

bool mx_term_calendar_format(const struct mx_term *t, bool iso, struct mx_buf *out)
{
	enum mx_calendar_kind k = mx_term_calendar_kind(t);
	size_t mark = out->len;
	if (k == MX_CAL_NONE)
		return false;
	if (k != MX_CAL_TIME)
		add_date(t, out);
	if (k == MX_CAL_DATE)
		return true;
	if (k != MX_CAL_TIME)
		mx_buf_addch(out, iso ? 'T' : ' ');
	if (!add_time(t, out)) {
		mx_buf_setlen(out, mark);
		return false;
	}
	if (k == MX_CAL_UTC)
		mx_buf_addch(out, 'Z');
	return true;
}

bool mx_term_calendar_inspect(const struct mx_term *t, struct mx_buf *out)
{
	static const char sigil[] = {0, 'D', 'T', 'N', 'U'};
	enum mx_calendar_kind k = mx_term_calendar_kind(t);
	size_t mark = out->len;
	if (k == MX_CAL_NONE)
		return false;
	mx_buf_addf(out, "~%c[", sigil[k]);
	if (!mx_term_calendar_format(t, false, out)) {
		mx_buf_setlen(out, mark);
		return false;
	}
	mx_buf_addch(out, ']');
	return true;
}
