/* The evaluator's :timer, :crypto and Base builtins (see test_stdlib.h). */
#include "test_stdlib.h"

TEST(timer)
{
	EX(":timer.seconds(5)", "5000");
	EX(":timer.minutes(2)", "120000");
	EX(":timer.hours(1)", "3600000");
	EX(":timer.hours(24 * 7)", "604800000");
	EX(":timer.seconds(1.5)", "1500.0");
	EX(":timer.seconds(:a)", "error: t.exs:1:1: ** (ArithmeticError) bad argument in "
	                         "arithmetic expression: :a * 1000");
}

TEST(crypto_and_base)
{
	OWN("byte_size(:crypto.strong_rand_bytes(16))", "16");
	OWN(":crypto.strong_rand_bytes(0)", "\"\"");
	OWN(":crypto.strong_rand_bytes(32) == :crypto.strong_rand_bytes(32)", "false");
	OWN("String.length(Base.url_encode64(:crypto.strong_rand_bytes(32), padding: false))",
	    "43");
	OWN("String.length(Base.encode16(:crypto.strong_rand_bytes(8)))", "16");
	EX("Base.encode16(\"\\x01\\xAB\\xff\")", "\"01ABFF\"");
	EX("Base.encode16(\"\\x01\\xAB\\xff\", case: :lower)", "\"01abff\"");
	EX("Base.encode64(\"hello\")", "\"aGVsbG8=\"");
	EX("Base.encode64(\"hell\")", "\"aGVsbA==\"");
	EX("Base.encode64(\"hel\")", "\"aGVs\"");
	EX("Base.encode64(\"hello\", padding: false)", "\"aGVsbG8\"");
	EX("Base.encode64(\"\\xfb\\xff\")", "\"+/8=\"");
	EX("Base.url_encode64(\"\\xfb\\xff\")", "\"-_8=\"");
	EX("Base.url_encode64(\"\\xfb\\xff\", padding: false)", "\"-_8\"");
	EX("Base.encode64(\"\")", "\"\"");
}

int main(void)
{
	return stdlib_main();
}
