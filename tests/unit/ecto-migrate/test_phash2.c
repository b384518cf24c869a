/*
 * phash2: ecto-migrate's advisory lock key must equal
 * :erlang.phash2({:ecto, prefix, repo}) bit for bit, or a fleet mixing mix
 * and ecto-migrate would not serialize. The expected values below are the
 * ones erts' own test suite (erts/emulator/test/hash_SUITE.erl, phash2_test)
 * pins for erlang:phash2(Term, 1 bsl 32), so each term kind the key uses
 * (atom, binary, tuple) is checked against Erlang itself.
 */
#include <string.h>

#include "ecto_migrate.h"
#include "unit.h"

#define ATOM(x)                                                                                    \
	{                                                                                          \
		.kind = EM_T_ATOM, .s = (x), .len = sizeof(x) - 1                                  \
	}
#define BIN(x)                                                                                     \
	{                                                                                          \
		.kind = EM_T_BINARY, .s = (x), .len = sizeof(x) - 1                                \
	}
#define INT(x)                                                                                     \
	{                                                                                          \
		.kind = EM_T_INT, .i = (x)                                                         \
	}

static unsigned long h(struct em_term t)
{
	return em_phash2_full(&t);
}

TEST(atoms)
{
	CHECK_INT(h((struct em_term)ATOM("abc")), 26499);
	CHECK_INT(h((struct em_term)ATOM("abd")), 26500);
	/* 'åäö' in UTF-8: the latin1 clutch folds each pair back */
	CHECK_INT(h((struct em_term)ATOM("\xc3\xa5\xc3\xa4\xc3\xb6")), 62518);
	/* '😃': four-byte UTF-8, no folding */
	CHECK_INT(h((struct em_term)ATOM("\xf0\x9f\x98\x83")), 1026307);
}

TEST(binaries)
{
	CHECK_INT(h((struct em_term)BIN("")), 147926629);
	CHECK_INT(h((struct em_term){.kind = EM_T_BINARY, .s = "\0", .len = 1}), 2914887855u);
	CHECK_INT(h((struct em_term){.kind = EM_T_BINARY, .s = "\0\0\0\0", .len = 4}), 2014511533u);
	CHECK_INT(h((struct em_term)BIN("abc")), 1306188027);
	CHECK_INT(h((struct em_term)BIN("12345678901234567890")), 3021061640u);
}

TEST(small_integers_and_nil)
{
	CHECK_INT(h((struct em_term)INT(0)), 3175731469u);
	CHECK_INT(h((struct em_term)INT(1)), 539485162);
	CHECK_INT(h((struct em_term)INT(-1)), 1117813597);
	CHECK_INT(h((struct em_term)INT(1 << 20)), 1477815345);
	CHECK_INT(h((struct em_term)INT(-(1 << 20))), 3076904293u);
	CHECK_INT(h((struct em_term){.kind = EM_T_NIL}), 3468870702u);
}

TEST(tuples)
{
	struct em_term empty = {.kind = EM_T_TUPLE, .arity = 0};
	struct em_term abc[] = {ATOM("abc")};
	struct em_term bin[] = {BIN("")};
	struct em_term nil[] = {{.kind = EM_T_NIL}};
	struct em_term a_bin[] = {ATOM("a"), BIN("")};
	struct em_term b_bin[] = {ATOM("b"), BIN("")};
	struct em_term inner[] = {empty};

	CHECK_INT(h(empty), 221703996);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = inner, .arity = 1}), 2165044361u);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = abc, .arity = 1}), 2032039329);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = bin, .arity = 1}), 682464809);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = nil, .arity = 1}), 1775079505);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = a_bin, .arity = 2}), 2724468891u);
	CHECK_INT(h((struct em_term){.kind = EM_T_TUPLE, .elems = b_bin, .arity = 2}), 2702508511u);
}

TEST(advisory_key_is_phash2_of_the_ecto_tuple)
{
	/* {:ecto, nil, Hello.Repo}: the atoms are "ecto", "nil" and
	 * "Elixir.Hello.Repo"; phash2/1 keeps 27 bits. */
	struct em_term elems[] = {ATOM("ecto"), ATOM("nil"), ATOM("Elixir.Hello.Repo")};
	struct em_term t = {.kind = EM_T_TUPLE, .elems = elems, .arity = 3};
	struct em_term pelems[] = {ATOM("ecto"), BIN("tenant"), ATOM("Elixir.Hello.Repo")};
	struct em_term pt = {.kind = EM_T_TUPLE, .elems = pelems, .arity = 3};
	uint32_t key = em_advisory_key(NULL, "Hello.Repo");

	CHECK_INT(key, em_phash2_full(&t) & ((1u << 27) - 1));
	CHECK(key < (1u << 27));
	CHECK_INT(em_advisory_key("tenant", "Hello.Repo"), em_phash2_full(&pt) & ((1u << 27) - 1));
	CHECK(em_advisory_key("tenant", "Hello.Repo") != key);
	CHECK(em_advisory_key(NULL, "Other.Repo") != key);
	/* The values themselves, so a change shows (README lists them). */
	CHECK_INT(key, 126456510);
	CHECK_INT(em_advisory_key("tenant", "Hello.Repo"), 42445597);
	CHECK_INT(em_advisory_key(NULL, "MyApp.Repo"), 41811489);
}

UNIT_MAIN()
