/* The evaluator's calendar builtins (DateTime, NaiveDateTime, Date, Time)
 * and the calendar structs' text (see test_stdlib.h). The clock's answers
 * are checked by their shape (OWN); everything else against Elixir (EX). */
#include "test_stdlib.h"

TEST(from_unix)
{
	EX("DateTime.from_unix!(1700000000)", "~U[2023-11-14 22:13:20Z]");
	EX("DateTime.from_unix!(0)", "~U[1970-01-01 00:00:00Z]");
	EX("DateTime.from_unix!(-1)", "~U[1969-12-31 23:59:59Z]");
	EX("DateTime.from_unix!(1700000000123, :millisecond)", "~U[2023-11-14 22:13:20.123Z]");
	EX("DateTime.from_unix!(1700000000000007, :microsecond)",
	   "~U[2023-11-14 22:13:20.000007Z]");
	EX("DateTime.from_unix(951782400)", "{:ok, ~U[2000-02-29 00:00:00Z]}");
	EX("DateTime.from_unix(1, :millisecond)", "{:ok, ~U[1970-01-01 00:00:00.001Z]}");
	EX("DateTime.from_unix(253402300800)", "{:error, :invalid_unix_time}");
	EX("DateTime.from_unix!(253402300800)",
	   "error: t.exs:1:1: ** (ArgumentError) invalid Unix time 253402300800");
	EX("DateTime.to_unix(DateTime.from_unix!(1700000000123, :millisecond))", "1700000000");
}

TEST(to_string_and_iso8601)
{
	EX("DateTime.to_string(DateTime.from_unix!(1700000000123, :millisecond))",
	   "\"2023-11-14 22:13:20.123Z\"");
	EX("DateTime.to_iso8601(DateTime.from_unix!(1700000000))", "\"2023-11-14T22:13:20Z\"");
	EX("\"at #{DateTime.from_unix!(1700000000)}\"", "\"at 2023-11-14 22:13:20Z\"");
	EX("to_string(DateTime.from_unix!(1, :microsecond))", "\"1970-01-01 00:00:00.000001Z\"");
	EX("DateTime.to_naive(DateTime.from_unix!(1700000000123, :millisecond))",
	   "~N[2023-11-14 22:13:20.123]");
	EX("NaiveDateTime.to_iso8601(DateTime.to_naive(DateTime.from_unix!(1700000000)))",
	   "\"2023-11-14T22:13:20\"");
	EX("\"#{DateTime.to_naive(DateTime.from_unix!(1700000000))}\"", "\"2023-11-14 22:13:20\"");
	EX("NaiveDateTime.to_string(DateTime.to_naive(DateTime.from_unix!(1700000000)))",
	   "\"2023-11-14 22:13:20\"");
	EX("DateTime.to_date(DateTime.from_unix!(1700000000))", "~D[2023-11-14]");
	EX("Date.to_string(DateTime.to_date(DateTime.from_unix!(1700000000)))", "\"2023-11-14\"");
	EX("Date.to_iso8601(DateTime.to_date(DateTime.from_unix!(1700000000)))", "\"2023-11-14\"");
	EX("NaiveDateTime.to_date(DateTime.to_naive(DateTime.from_unix!(-86400)))",
	   "~D[1969-12-31]");
	EX("DateTime.to_string(:nope)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "DateTime.to_string/1\n\n"
	   "The following arguments were given to DateTime.to_string/1:\n\n    # 1\n    :nope\n");
}

TEST(truncate)
{
	EX("DateTime.truncate(DateTime.from_unix!(1700000000123456, :microsecond), :second)",
	   "~U[2023-11-14 22:13:20Z]");
	EX("DateTime.truncate(DateTime.from_unix!(1700000000123456, :microsecond), :millisecond)",
	   "~U[2023-11-14 22:13:20.123Z]");
	EX("DateTime.truncate(DateTime.from_unix!(1700000000), :microsecond)",
	   "~U[2023-11-14 22:13:20Z]");
	EX("NaiveDateTime.truncate(DateTime.to_naive(DateTime.from_unix!(1700000000123456, "
	   ":microsecond)), :second)",
	   "~N[2023-11-14 22:13:20]");
}

TEST(clock)
{
	/* Now, at microsecond precision: "YYYY-MM-DD HH:MM:SS.ffffffZ". */
	OWN("String.length(DateTime.to_string(DateTime.utc_now()))", "27");
	OWN("DateTime.utc_now().time_zone", "\"Etc/UTC\"");
	OWN("elem(DateTime.utc_now().microsecond, 1)", "6");
	OWN("elem(DateTime.utc_now(:second).microsecond, 1)", "0");
	OWN("String.length(NaiveDateTime.to_iso8601(NaiveDateTime.utc_now()))", "26");
	OWN("elem(NaiveDateTime.utc_now(:millisecond).microsecond, 1)", "3");
	OWN("String.length(Date.to_string(Date.utc_today()))", "10");
	OWN("String.length(Time.to_string(Time.utc_now()))", "15");
	OWN("Time.to_iso8601(Time.utc_now()) == Time.to_string(Time.utc_now())", "false");
	OWN("DateTime.to_unix(DateTime.utc_now()) > 1700000000", "true");
	OWN("Date.utc_today().year >= 2024", "true");
}

int main(void)
{
	return stdlib_main();
}
