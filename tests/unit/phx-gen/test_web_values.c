/*
 * The web generators' value conversions: what a sample value becomes after
 * Jason's round trip (phx.gen.json's tests) and in a LiveView form
 * (Schema.live_form_value/1, invalid_form_value/1).
 */
#include "unit.h"

#include "buf.h"
#include "web_model.h"

static const char *json(const char *v)
{
	static struct mx_buf b = MX_BUF_INIT;
	mx_buf_reset(&b);
	phx_gen_json_value(v, &b);
	return b.buf;
}

static const char *live(const char *v)
{
	static struct mx_buf b = MX_BUF_INIT;
	mx_buf_reset(&b);
	phx_gen_live_value(v, &b);
	return b.buf;
}

TEST(json_calendar_values_become_iso_strings)
{
	CHECK_STR(json("~D[2026-12-04]"), "\"2026-12-04\"");
	CHECK_STR(json("~T[14:00:00]"), "\"14:00:00\"");
	CHECK_STR(json("~T[14:00:00.000000]"), "\"14:00:00.000000\"");
	CHECK_STR(json("~N[2026-12-04 05:01:00]"), "\"2026-12-04T05:01:00\"");
	CHECK_STR(json("~U[2026-12-04 05:01:00Z]"), "\"2026-12-04T05:01:00Z\"");
	CHECK_STR(json("~U[2026-12-04 05:01:00.000000Z]"), "\"2026-12-04T05:01:00.000000Z\"");
}

TEST(json_atoms_become_strings_other_values_stay)
{
	CHECK_STR(json(":published"), "\"published\"");
	CHECK_STR(json(":\"in progress\""), "\"in progress\"");
	CHECK_STR(json("42"), "42");
	CHECK_STR(json("120.5"), "120.5");
	CHECK_STR(json("\"120.5\""), "\"120.5\"");
	CHECK_STR(json("[\"option1\", \"option2\"]"), "[\"option1\", \"option2\"]");
	CHECK_STR(json("%{}"), "%{}");
	CHECK_STR(json("true"), "true");
}

TEST(live_form_values)
{
	CHECK_STR(live("~D[2026-12-04]"), "\"2026-12-04\"");
	CHECK_STR(live("~T[14:00:00]"), "\"14:00\"");
	CHECK_STR(live("~T[15:01:01.000000]"), "\"15:01\"");
	CHECK_STR(live("~N[2026-12-04 05:01:00]"), "\"2026-12-04T05:01:00\"");
	CHECK_STR(live("~U[2026-12-04 05:01:00Z]"), "\"2026-12-04T05:01:00Z\"");
	CHECK_STR(live(":published"), ":published");
	CHECK_STR(live("42"), "42");
}

TEST(invalid_form_values)
{
	CHECK_STR(phx_gen_invalid_value("[1, 2]"), "[]");
	CHECK_STR(phx_gen_invalid_value("[]"), "[]");
	CHECK_STR(phx_gen_invalid_value("true"), "false");
	CHECK_STR(phx_gen_invalid_value("false"), "nil");
	CHECK_STR(phx_gen_invalid_value("\"2026-12-04\""), "nil");
	CHECK_STR(phx_gen_invalid_value("42"), "nil");
}

UNIT_MAIN()
