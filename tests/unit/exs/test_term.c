/* Unit tests for term.c: construction, equality, ordering, inspect and
 * to_string as Elixir prints them. */
#include <math.h>
#include <string.h>

#include "exs/term.h"
#include "unit.h"

static struct mx_arena A = MX_ARENA_INIT;
static struct mx_buf B = MX_BUF_INIT;

static const char *insp(const struct mx_term *t)
{
	mx_buf_reset(&B);
	mx_term_inspect(t, &B);
	return B.buf;
}

static const char *tostr(const struct mx_term *t)
{
	mx_buf_reset(&B);
	if (mx_term_to_string(t, &B) < 0)
		return "<error>";
	return B.buf;
}

static const char *flt(double v)
{
	mx_buf_reset(&B);
	mx_term_format_float(v, &B);
	return B.buf;
}

static struct mx_term *kw(const char *k, struct mx_term *v)
{
	return mx_term_tuple2(&A, mx_term_atom(&A, k), v);
}

TEST(atoms)
{
	CHECK_STR(insp(mx_term_atom(&A, "foo")), ":foo");
	CHECK_STR(insp(mx_term_atom(&A, "foo?")), ":foo?");
	CHECK_STR(insp(mx_term_atom(&A, "valid!")), ":valid!");
	CHECK_STR(insp(mx_term_atom(&A, "Foo")), ":Foo");
	CHECK_STR(insp(mx_term_atom(&A, "foo bar")), ":\"foo bar\"");
	CHECK_STR(insp(mx_term_atom(&A, "foo-bar")), ":\"foo-bar\"");
	CHECK_STR(insp(mx_term_atom(&A, "")), ":\"\"");
	CHECK_STR(insp(mx_term_atom(&A, "1a")), ":\"1a\"");
	CHECK_STR(insp(mx_term_atom(&A, "+")), ":+");
	CHECK_STR(insp(mx_term_atom(&A, "::")), ":\"::\"");
	CHECK_STR(insp(mx_term_atom(&A, "%{}")), ":%{}");
	CHECK_STR(insp(mx_term_nil(&A)), "nil");
	CHECK_STR(insp(mx_term_bool(&A, true)), "true");
	CHECK_STR(insp(mx_term_bool(&A, false)), "false");
	CHECK_STR(insp(mx_term_atom(&A, "Elixir.Foo.Bar")), "Foo.Bar");
	CHECK_STR(insp(mx_term_atom(&A, "Elixir")), "Elixir");
	CHECK_STR(insp(mx_term_atom(&A, "Elixir.Elixir")), "Elixir.Elixir");
	CHECK_STR(insp(mx_term_atom(&A, "Elixir.Elixir.Foo")), "Elixir.Elixir.Foo");
	CHECK_STR(insp(mx_term_atom(&A, "node@host")), ":node@host");
	CHECK_STR(insp(mx_term_atom(&A, "@x")), ":\"@x\"");
	CHECK_STR(insp(mx_term_atom(&A, "Elixir.foo")), ":\"Elixir.foo\"");
	CHECK_STR(mx_term_alias_name(mx_term_atom(&A, "Elixir.Foo.Bar")), "Foo.Bar");
	CHECK_STR(mx_term_alias_name(mx_term_atom(&A, "foo")), "foo");
}

TEST(strings)
{
	CHECK_STR(insp(mx_term_string(&A, "hello")), "\"hello\"");
	CHECK_STR(insp(mx_term_string(&A, "a\"b\\c\n\t")), "\"a\\\"b\\\\c\\n\\t\"");
	CHECK_STR(insp(mx_term_string(&A, "#{x} #")), "\"\\#{x} #\"");
	CHECK_STR(insp(mx_term_string(&A, "\xc3\xa9t\xc3\xa9")), "\"\xc3\xa9t\xc3\xa9\"");
	CHECK_STR(insp(mx_term_binary(&A, "a\0b", 3)), "<<97, 0, 98>>");
	CHECK_STR(insp(mx_term_binary(&A, "\xff", 1)), "<<255>>");
	CHECK_STR(insp(mx_term_string(&A, "")), "\"\"");
	CHECK_STR(insp(mx_term_string(&A, "\x1b[0m")), "\"\\e[0m\"");
	CHECK_STR(insp(mx_term_string(&A, "del\x7f")), "\"del\\d\"");
	CHECK_STR(insp(mx_term_string(&A, "a\xc2\xa0"
	                                  "b")),
	          "\"a\\u00A0b\"");
	CHECK_STR(insp(mx_term_string(&A, "\xef\xbf\xbe")), "<<239, 191, 190>>");
	CHECK_STR(insp(mx_term_atom(&A, "a\nb")), ":\"a\\nb\"");
}

TEST(numbers)
{
	CHECK_STR(insp(mx_term_int(&A, 42)), "42");
	CHECK_STR(insp(mx_term_int(&A, -7)), "-7");
	CHECK_STR(flt(1.0), "1.0");
	CHECK_STR(flt(0.1), "0.1");
	CHECK_STR(flt(-2.5), "-2.5");
	CHECK_STR(flt(0.0), "0.0");
	CHECK_STR(flt(100.0), "100.0");
	CHECK_STR(flt(1.0e20), "1.0e20");
	CHECK_STR(flt(123456789.0), "123456789.0");
	CHECK_STR(flt(1.0e-5), "1.0e-5");
	CHECK_STR(flt(0.001), "0.001");
	CHECK_STR(flt(1.5e300), "1.5e300");
	CHECK_STR(flt(3.14159), "3.14159");
	CHECK_STR(flt(1.0e16), "1.0e16");
	CHECK_STR(flt(1.0e15), "1.0e15");
	CHECK_STR(flt(1234567.0), "1234567.0");
}

TEST(lists_and_keywords)
{
	struct mx_term *items[3] = {mx_term_int(&A, 1), mx_term_atom(&A, "a"),
	                            mx_term_string(&A, "s")};
	CHECK_STR(insp(mx_term_list(&A, items, 3)), "[1, :a, \"s\"]");
	CHECK_STR(insp(mx_term_list(&A, NULL, 0)), "[]");
	struct mx_term *kws[2] = {kw("null", mx_term_bool(&A, false)),
	                          kw("foo bar", mx_term_int(&A, 1))};
	struct mx_term *k = mx_term_list(&A, kws, 2);
	CHECK(mx_term_is_keyword(k));
	CHECK_STR(insp(k), "[null: false, \"foo bar\": 1]");
	CHECK(mx_term_is_atom(mx_term_kw_get(k, "null"), "false"));
	CHECK(mx_term_kw_get(k, "nope") == NULL);
	/* An alias key is not keyword syntax. */
	struct mx_term *ak[1] = {
	    mx_term_tuple2(&A, mx_term_atom(&A, "Elixir.Foo"), mx_term_int(&A, 1))};
	CHECK_STR(insp(mx_term_list(&A, ak, 1)), "[{Foo, 1}]");
	/* Charlists */
	struct mx_term *cs[3] = {mx_term_int(&A, 'a'), mx_term_int(&A, 'b'), mx_term_int(&A, '"')};
	CHECK_STR(insp(mx_term_list(&A, cs, 3)), "~c\"ab\\\"\"");
	/* Improper */
	struct mx_term *t = mx_term_improper_list(&A, items, 1, mx_term_int(&A, 2));
	CHECK_STR(insp(t), "[1 | 2]");
	struct mx_term *spliced =
	    mx_term_improper_list(&A, items, 1, mx_term_list(&A, items + 1, 2));
	CHECK_STR(insp(spliced), "[1, :a, \"s\"]");
	CHECK(spliced->u.list.tail == NULL);
}

TEST(tuples_maps_structs)
{
	struct mx_term *items[2] = {mx_term_int(&A, 1), mx_term_int(&A, 2)};
	CHECK_STR(insp(mx_term_tuple(&A, items, 2)), "{1, 2}");
	CHECK_STR(insp(mx_term_tuple(&A, NULL, 0)), "{}");
	struct mx_term *k[2] = {mx_term_atom(&A, "b"), mx_term_atom(&A, "a")};
	struct mx_term *v[2] = {mx_term_int(&A, 2), mx_term_int(&A, 1)};
	CHECK_STR(insp(mx_term_map(&A, k, v, 2)), "%{a: 1, b: 2}");
	struct mx_term *k2[2] = {mx_term_string(&A, "k"), mx_term_atom(&A, "a")};
	CHECK_STR(insp(mx_term_map(&A, k2, v, 2)), "%{:a => 1, \"k\" => 2}");
	CHECK_STR(insp(mx_term_map(&A, NULL, NULL, 0)), "%{}");
	const char *fields[2] = {"name", "prefix"};
	struct mx_term *fv[2] = {mx_term_atom(&A, "users"), mx_term_nil(&A)};
	struct mx_term *st = mx_term_struct(&A, "Elixir.Ecto.Migration.Table", fields, fv, 2);
	CHECK_STR(insp(st), "%Ecto.Migration.Table{name: :users, prefix: nil}");
	CHECK_STR(mx_term_struct_name(st), "Elixir.Ecto.Migration.Table");
	CHECK(mx_term_is_atom(mx_term_map_get_atom(st, "name"), "users"));
	CHECK(mx_term_struct_name(mx_term_map(&A, k, v, 2)) == NULL);
	CHECK_STR(insp(mx_term_opaque(&A, "~r/a+/i")), "~r/a+/i");
}

TEST(equality_and_order)
{
	struct mx_term *one = mx_term_int(&A, 1), *onef = mx_term_float(&A, 1.0);
	CHECK(!mx_term_equal(one, onef));
	CHECK(mx_term_compare(one, onef) == 0);
	CHECK(mx_term_compare(one, mx_term_atom(&A, "a")) < 0);
	CHECK(mx_term_compare(mx_term_atom(&A, "a"), mx_term_string(&A, "a")) < 0);
	CHECK(mx_term_compare(mx_term_tuple(&A, NULL, 0), mx_term_list(&A, NULL, 0)) < 0);
	CHECK(mx_term_compare(mx_term_map(&A, NULL, NULL, 0), mx_term_list(&A, NULL, 0)) < 0);
	CHECK(mx_term_compare(mx_term_list(&A, NULL, 0), mx_term_string(&A, "")) < 0);
	CHECK(mx_term_compare(mx_term_string(&A, "ab"), mx_term_string(&A, "b")) < 0);
	CHECK(mx_term_compare(mx_term_string(&A, "a"), mx_term_string(&A, "ab")) < 0);
	struct mx_term *a[2] = {mx_term_int(&A, 1), mx_term_int(&A, 2)};
	struct mx_term *b[1] = {mx_term_int(&A, 1)};
	CHECK(mx_term_compare(mx_term_list(&A, b, 1), mx_term_list(&A, a, 2)) < 0);
	CHECK(mx_term_compare(mx_term_tuple(&A, a, 2), mx_term_tuple(&A, b, 1)) > 0);
	/* Maps compare equal whatever the insertion order. */
	struct mx_term *k1[2] = {mx_term_atom(&A, "a"), mx_term_atom(&A, "b")};
	struct mx_term *k2[2] = {mx_term_atom(&A, "b"), mx_term_atom(&A, "a")};
	struct mx_term *v1[2] = {mx_term_int(&A, 1), mx_term_int(&A, 2)};
	struct mx_term *v2[2] = {mx_term_int(&A, 2), mx_term_int(&A, 1)};
	CHECK(mx_term_equal(mx_term_map(&A, k1, v1, 2), mx_term_map(&A, k2, v2, 2)));
	CHECK(mx_term_compare(mx_term_map(&A, k1, v1, 2), mx_term_map(&A, k2, v2, 2)) == 0);
	CHECK(!mx_term_equal(mx_term_map(&A, k1, v1, 2), mx_term_map(&A, k1, v2, 2)));
	CHECK(mx_term_equal(mx_term_string(&A, "x"), mx_term_binary(&A, "x", 1)));
	CHECK(!mx_term_equal(mx_term_float(&A, 0.0), mx_term_float(&A, -0.0)));
}

TEST(predicates)
{
	CHECK(mx_term_truthy(mx_term_int(&A, 0)));
	CHECK(!mx_term_truthy(mx_term_nil(&A)));
	CHECK(!mx_term_truthy(mx_term_bool(&A, false)));
	CHECK(mx_term_is_string(mx_term_string(&A, "a"), "a"));
	CHECK(!mx_term_is_string(mx_term_atom(&A, "a"), "a"));
	CHECK(mx_term_is_keyword(mx_term_list(&A, NULL, 0)));
	struct mx_term *x[1] = {mx_term_int(&A, 1)};
	CHECK(!mx_term_is_keyword(mx_term_list(&A, x, 1)));
	CHECK(mx_term_is_empty_list(mx_term_list(&A, NULL, 0)));
}

TEST(to_string)
{
	CHECK_STR(tostr(mx_term_atom(&A, "foo")), "foo");
	CHECK_STR(tostr(mx_term_nil(&A)), "");
	CHECK_STR(tostr(mx_term_atom(&A, "Elixir.Foo")), "Elixir.Foo");
	CHECK_STR(tostr(mx_term_int(&A, -12)), "-12");
	CHECK_STR(tostr(mx_term_float(&A, 2.0)), "2.0");
	CHECK_STR(tostr(mx_term_string(&A, "raw \"x\"")), "raw \"x\"");
	struct mx_term *cl[3] = {mx_term_int(&A, 'h'), mx_term_int(&A, 0xe9),
	                         mx_term_string(&A, "!")};
	CHECK_STR(tostr(mx_term_list(&A, cl, 3)), "h\xc3\xa9!");
	struct mx_term *tup = mx_term_tuple(&A, cl, 2);
	mx_buf_reset(&B);
	CHECK_INT(mx_term_to_string(tup, &B), -1);
	CHECK_INT(B.len, 0);
	struct mx_term *bad[2] = {mx_term_string(&A, "ok"), mx_term_atom(&A, "x")};
	mx_buf_reset(&B);
	CHECK_INT(mx_term_to_string(mx_term_list(&A, bad, 2), &B), -1);
	CHECK_INT(B.len, 0);
}

TEST(utf8)
{
	uint32_t cp;
	CHECK_INT(mx_term_utf8_decode("\xc3\xa9", 2, &cp), 2);
	CHECK_INT(cp, 0xe9);
	CHECK_INT(mx_term_utf8_decode("\xc3", 1, &cp), 0);
	CHECK_INT(mx_term_utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	mx_buf_reset(&B);
	mx_term_utf8_encode(&B, 0x1F600);
	CHECK_STR(B.buf, "\xf0\x9f\x98\x80");
}

/* Keyword's and Map's updates as the tools call them: options that were
 * not given (NULL, no list) count as [], items that are no pair stay. */
TEST(keyword_and_map_updates)
{
	struct mx_term *a = mx_term_atom(&A, "a"), *b = mx_term_atom(&A, "b");
	struct mx_term *one = mx_term_int(&A, 1), *two = mx_term_int(&A, 2);
	struct mx_term *items[3] = {kw("a", one), kw("b", two), kw("a", two)};
	struct mx_term *l = mx_term_list(&A, items, 3);
	CHECK_INT(mx_term_kw_index(l, a), 0);
	CHECK_INT(mx_term_kw_index(l, b), 1);
	CHECK_INT(mx_term_kw_index(l, mx_term_atom(&A, "z")), -1);
	CHECK_INT(mx_term_kw_index(NULL, a), -1);
	CHECK_STR(insp(mx_term_kw_put(&A, l, a, b)), "[a: :b, b: 2]");
	CHECK_STR(insp(mx_term_kw_put(&A, NULL, a, b)), "[a: :b]");
	CHECK(mx_term_kw_put_new(&A, l, a, b) == l);
	CHECK_STR(insp(mx_term_kw_put_new(&A, mx_term_nil(&A), a, b)), "[a: :b]");
	CHECK_STR(insp(mx_term_kw_delete(&A, l, a)), "[b: 2]");
	CHECK_STR(insp(mx_term_kw_delete(&A, NULL, a)), "[]");
	struct mx_term *mixed_items[2] = {one, kw("a", one)};
	struct mx_term *mixed = mx_term_list(&A, mixed_items, 2);
	CHECK_STR(insp(mx_term_kw_put(&A, mixed, a, two)), "[{:a, 2}, 1]");
	struct mx_term *second[1] = {kw("a", b)};
	CHECK_STR(insp(mx_term_kw_merge(&A, l, mx_term_list(&A, second, 1))), "[b: 2, a: :b]");
	CHECK_STR(insp(mx_term_kw_merge(&A, NULL, l)), "[a: 1, b: 2, a: 2]");
	CHECK_STR(insp(mx_term_kw_merge(&A, l, NULL)), "[a: 1, b: 2, a: 2]");

	struct mx_term *keys[2] = {a, b}, *vals[2] = {one, two};
	struct mx_term *m = mx_term_map(&A, keys, vals, 2);
	CHECK_STR(insp(mx_term_map_put(&A, m, b, a)), "%{a: 1, b: :a}");
	CHECK_STR(insp(mx_term_map_put(&A, m, mx_term_atom(&A, "c"), a)), "%{a: 1, b: 2, c: :a}");
	CHECK_STR(insp(m), "%{a: 1, b: 2}");
	struct mx_term *k2[2] = {b, mx_term_atom(&A, "c")}, *v2[2] = {a, b};
	CHECK_STR(insp(mx_term_map_merge(&A, m, mx_term_map(&A, k2, v2, 2))),
	          "%{a: 1, b: :a, c: :b}");
	CHECK_STR(insp(mx_term_map_put_pairs(&A, m, l)), "%{a: 2, b: 2}");
	CHECK_STR(insp(mx_term_map_replace(&A, m, a, b)), "%{a: :b, b: 2}");
	CHECK(mx_term_map_replace(&A, m, mx_term_atom(&A, "z"), b) == m);
}

int main(void)
{
	int r = unit_run();
	mx_arena_release(&A);
	mx_buf_release(&B);
	return r;
}
