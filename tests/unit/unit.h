/*
 * unit.h: the single-header harness for mixless's C unit tests.
 *
 *   #include "unit.h"
 *   TEST(buf_addf) { struct mx_buf b = MX_BUF_INIT; ...; CHECK_STR(b.buf, "x"); }
 *   int main(void) { return unit_run(); }  // or UNIT_MAIN()
 *
 * A test is a function registered by a constructor; a failed CHECK prints
 * file:line and the values, marks the test failed and returns from it. The
 * run ends with "N passed, N failed" and exits 1 on any failure, and also
 * when nothing ran: no test registered, UNIT_ONLY=name naming no test, or
 * more tests than the harness holds (a test silently dropped would pass).
 */
#ifndef MX_UNIT_H
#define MX_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(int *failed);
};

#define UNIT_MAX_TESTS 1024
static struct unit_test unit_tests_[UNIT_MAX_TESTS];
static int unit_ntests_;
static int unit_dropped_; /* registered beyond UNIT_MAX_TESTS */

static inline void unit_register_(const char *name, void (*fn)(int *))
{
	if (unit_ntests_ < UNIT_MAX_TESTS)
		unit_tests_[unit_ntests_++] = (struct unit_test){ name, fn };
	else
		unit_dropped_++;
}

#define TEST(name)                                                             \
	static void test_##name(int *unit_failed_);                            \
	__attribute__((constructor)) static void unit_reg_##name(void)         \
	{                                                                      \
		unit_register_(#name, test_##name);                            \
	}                                                                      \
	static void test_##name(int *unit_failed_)

#define UNIT_FAIL_(...)                                                        \
	do {                                                                   \
		fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                \
		fprintf(stderr, __VA_ARGS__);                                  \
		fputc('\n', stderr);                                           \
		*unit_failed_ = 1;                                             \
		return;                                                        \
	} while (0)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			UNIT_FAIL_("CHECK(%s) failed", #cond);                 \
	} while (0)

#define CHECK_INT(a, b)                                                        \
	do {                                                                   \
		long long unit_a_ = (long long)(a), unit_b_ = (long long)(b);  \
		if (unit_a_ != unit_b_)                                        \
			UNIT_FAIL_("%s == %s: got %lld, want %lld", #a, #b,    \
				   unit_a_, unit_b_);                          \
	} while (0)

#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *unit_a_ = (a), *unit_b_ = (b);                     \
		if (!unit_a_ || !unit_b_ || strcmp(unit_a_, unit_b_))          \
			UNIT_FAIL_("%s == %s:\n  got:  \"%s\"\n  want: \"%s\"", \
				   #a, #b, unit_a_ ? unit_a_ : "(null)",       \
				   unit_b_ ? unit_b_ : "(null)");              \
	} while (0)

static inline int unit_run(void)
{
	int passed = 0, failed = 0;
	const char *only = getenv("UNIT_ONLY");
	for (int i = 0; i < unit_ntests_; i++) {
		int f = 0;
		if (only && strcmp(only, unit_tests_[i].name))
			continue;
		unit_tests_[i].fn(&f);
		printf("%s - %s\n", f ? "not ok" : "ok", unit_tests_[i].name);
		if (f)
			failed++;
		else
			passed++;
	}
	printf("%d passed, %d failed\n", passed, failed);
	if (unit_dropped_) {
		printf("not ok - %d tests beyond UNIT_MAX_TESTS (%d) never ran\n", unit_dropped_,
		       UNIT_MAX_TESTS);
		return 1;
	}
	if (passed + failed == 0) {
		if (only)
			printf("not ok - UNIT_ONLY=%s names no test of this file\n", only);
		else
			printf("not ok - no test ran\n");
		return 1;
	}
	return failed ? 1 : 0;
}

#define UNIT_MAIN()                                                            \
	int main(void) { return unit_run(); }

#endif
