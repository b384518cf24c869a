/*
 * eval_stdlib: the builtins of the evaluator, each following the Elixir
 * function it names (results, and the messages of the errors it raises):
 *
 *   operators  + - * / ** ++ -- <> == != === !== < > <= >= in, not in,
 *              .. ..// =~ (strings only), unary - + ! not
 *   Kernel     hd tl length elem put_elem tuple_size map_size byte_size
 *              is_atom/binary/bitstring/boolean/float/integer/number/list/
 *              tuple/map/nil/function/struct is_map_key abs div rem max min
 *              round trunc floor ceil to_string to_charlist inspect apply
 *              then tap get_in config_env config_target
 *   Enum       map each flat_map filter reject join map_join concat
 *              with_index reverse reduce sort sort_by uniq uniq_by dedup
 *              into zip member? count empty? any? all? find find_index
 *              find_value sum max min min_by max_by at fetch! take drop
 *              take_while drop_while slice chunk_every unzip frequencies
 *              intersperse split_with group_by to_list
 *   String     upcase downcase capitalize split replace trim(_leading/
 *              _trailing) contains? starts_with? ends_with? to_integer
 *              to_float to_atom to_existing_atom to_charlist length
 *              duplicate slice at first last pad_leading pad_trailing reverse
 *              replace_prefix/suffix/leading/trailing graphemes codepoints
 *   Keyword    new keyword? get get_values fetch fetch! has_key? put
 *              put_new delete update merge/2,3 keys values take drop to_list
 *   Map        new/0,1,2 get fetch fetch! has_key? put put_new merge delete
 *              drop take keys values to_list from_struct update update!
 *   List       wrap duplicate flatten first last delete to_tuple to_string
 *              keyfind
 *   Path       join expand absname dirname basename extname rootname split
 *              wildcard (glob(3) patterns)
 *   File       exists? dir? regular? read!
 *   System     get_env/1,2 fetch_env fetch_env! schedulers_online tmp_dir
 *              user_home
 *   Integer    to_string parse;  Atom to_string to_charlist;
 *   Tuple      to_list;  Access get;  Mix env target;  Config config_env
 *              config_target
 *
 * Case conversion covers ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic; other scripts pass through unchanged, where Elixir would map
 * them too. Graphemes are approximated by code points.
 */
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../fsutil.h"
#include "eval_int.h"

#define A EV_A(ev)

static const char *const ordinals[] = {"1st", "2nd", "3rd", "4th", "5th"};

static char *insp(struct mx_eval *ev, const struct mx_term *t)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	if (b.len > 600) {
		mx_buf_setlen(&b, 600);
		mx_buf_adds(&b, "...");
	}
	char *s = mx_arena_strndup(A, b.buf, b.len);
	mx_buf_release(&b);
	return s;
}

static int badarg(struct mx_eval *ev, const struct mx_ast *at, size_t argi, const char *what)
{
	return ev_raise(ev, at, "ArgumentError",
	                "errors were found at the given arguments:\n\n  * %s argument: %s\n",
	                ordinals[argi < 5 ? argi : 4], what);
}

/* The trailing default argument of the Elixir functions that have one: a
 * call with fewer arguments fails in the full arity, the default among the
 * arguments ("String.upcase/2 ... # 2 :default"). Inspected text. */
static const struct {
	const char *mod, *name;
	size_t arity; /* as called, without the default */
	const char *dflt;
} trailing_defaults[] = {
    {"Enum", "at", 2, "nil"},
    {"Enum", "join", 1, "\"\""},
    {"Integer", "parse", 1, "10"},
    {"Keyword", "get", 2, "nil"},
    {"List", "first", 1, "nil"},
    {"List", "keyfind", 3, "nil"},
    {"List", "last", 1, "nil"},
    {"String", "capitalize", 1, ":default"},
    {"String", "downcase", 1, ":default"},
    {"String", "pad_leading", 2, "[\" \"]"},
    {"String", "pad_trailing", 2, "[\" \"]"},
    {"String", "replace", 3, "[]"},
    {"String", "split", 2, "[]"},
    {"String", "upcase", 1, ":default"},
    {"System", "get_env", 1, "nil"},
};

/* FunctionClauseError as Elixir blames it: each argument on its lines. */
static int fclause(struct mx_eval *ev, const struct mx_ast *at, const char *mod, const char *name,
                   size_t n, struct mx_term **args)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *dflt = NULL;
	for (size_t i = 0; i < sizeof(trailing_defaults) / sizeof(trailing_defaults[0]); i++)
		if (trailing_defaults[i].arity == n && !strcmp(trailing_defaults[i].mod, mod) &&
		    !strcmp(trailing_defaults[i].name, name))
			dflt = trailing_defaults[i].dflt;
	for (size_t i = 0; i < n; i++) {
		mx_buf_addf(&b, "\n    # %zu\n    ", i + 1);
		mx_term_inspect(args[i], &b);
		mx_buf_addch(&b, '\n');
	}
	if (dflt)
		mx_buf_addf(&b, "\n    # %zu\n    %s\n", ++n, dflt);
	int r = ev_raise(ev, at, "FunctionClauseError",
	                 "no function clause matching in %s.%s/%zu\n\n"
	                 "The following arguments were given to %s.%s/%zu:\n%s",
	                 mod, name, n, mod, name, n, b.buf);
	mx_buf_release(&b);
	return r;
}

static bool is_bin(const struct mx_term *t)
{
	return t && t->type == MX_TERM_BINARY;
}
static bool is_int(const struct mx_term *t)
{
	return t && t->type == MX_TERM_INT;
}
static bool is_num(const struct mx_term *t)
{
	return t && (t->type == MX_TERM_INT || t->type == MX_TERM_FLOAT);
}
static bool is_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST;
}
static bool is_proper(const struct mx_term *t)
{
	return is_list(t) && !t->u.list.tail;
}
static bool is_atom(const struct mx_term *t)
{
	return t && t->type == MX_TERM_ATOM;
}
static bool is_bool(const struct mx_term *t)
{
	return mx_term_is_atom(t, "true") || mx_term_is_atom(t, "false");
}
static double num(const struct mx_term *t)
{
	return t->type == MX_TERM_INT ? (double)t->u.i : t->u.f;
}

static struct mx_term *bin(struct mx_eval *ev, const char *s, size_t n)
{
	return mx_term_binary(A, s, n);
}
static struct mx_term *boolean(struct mx_eval *ev, bool v)
{
	return mx_term_bool(A, v);
}
static struct mx_term *nil_(struct mx_eval *ev)
{
	return mx_term_nil(A);
}
static struct mx_term *atom(struct mx_eval *ev, const char *s)
{
	return mx_term_atom(A, s);
}
static struct mx_term *empty_list(struct mx_eval *ev)
{
	return mx_term_list(A, NULL, 0);
}

bool ev_loose_equal(const struct mx_term *x, const struct mx_term *y)
{
	if (x->type == MX_TERM_FUN || y->type == MX_TERM_FUN)
		return mx_term_equal(x, y);
	return mx_term_compare(x, y) == 0;
}

struct mx_term *ev_range(struct mx_eval *ev, int64_t first, int64_t last, int64_t step)
{
	static const char *fields[] = {"first", "last", "step"};
	struct mx_term *vals[3] = {mx_term_int(A, first), mx_term_int(A, last),
	                           mx_term_int(A, step)};
	return mx_term_struct(A, "Elixir.Range", fields, vals, 3);
}

/* A %Range{} with integer bounds and step (a hand-built %Range{first: :a}
 * is just a map). */
static bool is_range(const struct mx_term *t)
{
	const char *s = mx_term_struct_name(t);
	return s && !strcmp(s, "Elixir.Range") && is_int(mx_term_map_get_atom(t, "first")) &&
	       is_int(mx_term_map_get_atom(t, "last")) && is_int(mx_term_map_get_atom(t, "step"));
}

/* Protocol.UndefinedError's message, as Elixir words it for protocols
 * that are not consolidated (the consolidated form also lists every type
 * the protocol is implemented for, which depends on the application). */
static int undefined_protocol(struct mx_eval *ev, const struct mx_ast *at, const char *proto,
                              const struct mx_term *t)
{
	char kind[300];
	const char *sn = mx_term_struct_name(t);
	if (sn)
		snprintf(kind, sizeof(kind), "%s (a struct)",
		         sn + (strncmp(sn, "Elixir.", 7) ? 0 : 7));
	else
		snprintf(kind, sizeof(kind), "%s",
		         t->type == MX_TERM_ATOM     ? "Atom"
		         : t->type == MX_TERM_BINARY ? "BitString"
		         : t->type == MX_TERM_FLOAT  ? "Float"
		         : t->type == MX_TERM_FUN    ? "Function"
		         : t->type == MX_TERM_INT    ? "Integer"
		         : t->type == MX_TERM_LIST   ? "List"
		         : t->type == MX_TERM_MAP    ? "Map"
		         : t->type == MX_TERM_TUPLE  ? "Tuple"
		                                     : "Reference");
	return ev_raise(ev, at, "Protocol.UndefinedError",
	                "protocol %s not implemented for type %s\n\nGot value:\n\n    %s\n", proto,
	                kind, insp(ev, t));
}

struct mx_term *ev_to_list(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at)
{
	if (is_list(t)) {
		if (t->u.list.tail) {
			ev_raise(ev, at, "ArgumentError", "expected a proper list, got: %s",
			         insp(ev, t));
			return NULL;
		}
		return (struct mx_term *)t;
	}
	if (is_range(t)) {
		const struct mx_term *f = mx_term_map_get_atom(t, "first");
		const struct mx_term *l = mx_term_map_get_atom(t, "last");
		const struct mx_term *s = mx_term_map_get_atom(t, "step");
		int64_t step = s->u.i;
		struct ev_vec v = {0};
		if (step == 0) {
			ev_raise(ev, at, "ArgumentError", "step must not be zero");
			return NULL;
		}
		/* The distance in unsigned arithmetic: bounds may be any
		 * int64 and their difference overflow a signed one. */
		uint64_t span = 0, st = step > 0 ? (uint64_t)step : 0 - (uint64_t)step;
		bool any = step > 0 ? l->u.i >= f->u.i : l->u.i <= f->u.i;
		if (any)
			span = step > 0 ? (uint64_t)l->u.i - (uint64_t)f->u.i
			                : (uint64_t)f->u.i - (uint64_t)l->u.i;
		uint64_t count = any ? span / st + 1 : 0;
		if (count > 10 * 1000 * 1000 || count > ev->steps_left) {
			ev_fail(ev, at, "range too large to enumerate");
			return NULL;
		}
		for (uint64_t i = 0; i < count; i++)
			ev_vec_push(
			    ev, &v,
			    mx_term_int(A, (int64_t)((uint64_t)f->u.i + i * (uint64_t)step)));
		return ev_vec_list(ev, &v);
	}
	if (t && t->type == MX_TERM_MAP && !mx_term_struct_name(t)) {
		/* Map.to_list order: sorted keys for small maps. */
		size_t n = t->u.map.n;
		struct mx_term **items = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
		for (size_t i = 0; i < n; i++)
			items[i] = mx_term_tuple2(A, t->u.map.keys[i], t->u.map.vals[i]);
		for (size_t i = 1; i < n; i++) {
			struct mx_term *x = items[i];
			size_t j = i;
			while (j > 0 && mx_term_compare(items[j - 1]->u.tuple.items[0],
			                                x->u.tuple.items[0]) > 0) {
				items[j] = items[j - 1];
				j--;
			}
			items[j] = x;
		}
		return mx_term_list(A, items, n);
	}
	undefined_protocol(ev, at, "Enumerable", t);
	return NULL;
}

int ev_to_string(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at,
                 struct mx_buf *out)
{
	if (mx_term_to_string(t, out) == 0)
		return 0;
	if (t->type == MX_TERM_OPAQUE) {
		mx_buf_adds(out, t->u.opaque.what);
		return 0;
	}
	return undefined_protocol(ev, at, "String.Chars", t);
}

/* ---- Text helpers -------------------------------------------------------- */

static bool ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Simple case mappings of the scripts config and generator text uses:
 * ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (Unicode's
 * UnicodeData simple mappings). Other code points map to themselves. */
static uint32_t cp_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c < 0x80)
		return c;
	if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
		return c - 0x20;
	if (c == 0xFF)
		return 0x178;
	if (c == 0xB5)
		return 0x39C;
	if (c == 0x131)
		return 'I';
	if (c == 0x17F)
		return 'S';
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c & ~1u;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c : c - 1;
	if ((c >= 0x3B1 && c <= 0x3C1) || (c >= 0x3C3 && c <= 0x3CB))
		return c - 0x20;
	if (c == 0x3C2)
		return 0x3A3;
	if (c == 0x3AC)
		return 0x386;
	if (c >= 0x3AD && c <= 0x3AF)
		return c - 0x25;
	if (c == 0x3CC)
		return 0x38C;
	if (c == 0x3CD || c == 0x3CE)
		return c - 0x3F;
	if (c >= 0x430 && c <= 0x44F)
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45F)
		return c - 0x50;
	return c;
}

static uint32_t cp_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0x80)
		return c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c == 0x178)
		return 0xFF;
	if ((c >= 0x100 && c <= 0x137 && c != 0x130) || (c >= 0x14A && c <= 0x177))
		return c | 1u;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB))
		return c + 0x20;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 0x25;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 0x3F;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

/* mode 0: String.upcase, 1: downcase, 2: capitalize (first up, rest down).
 * ß upcases to "SS" and İ downcases to "i̇", as Elixir's full mappings do. */
static struct mx_term *str_case(struct mx_eval *ev, const struct mx_term *s, int mode)
{
	struct mx_buf b = MX_BUF_INIT;
	const char *d = s->u.bin.data;
	size_t n = s->u.bin.len;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = mx_term_utf8_decode(d + i, n - i, &cp);
		if (!l) {
			mx_buf_addch(&b, d[i++]);
			continue;
		}
		bool up = mode == 0 || (mode == 2 && i == 0);
		if (up && cp == 0xDF)
			mx_buf_adds(&b, mode == 0 ? "SS" : "Ss");
		else if (!up && cp == 0x130)
			mx_buf_adds(&b, "i\xcc\x87");
		else
			mx_term_utf8_encode(&b, up ? cp_upper(cp) : cp_lower(cp));
		i += l;
	}
	struct mx_term *r = bin(ev, b.buf, b.len);
	mx_buf_release(&b);
	return r;
}

static bool bin_has_prefix(const struct mx_term *s, const struct mx_term *p)
{
	return p->u.bin.len <= s->u.bin.len && !memcmp(s->u.bin.data, p->u.bin.data, p->u.bin.len);
}

static bool bin_has_suffix(const struct mx_term *s, const struct mx_term *p)
{
	return p->u.bin.len <= s->u.bin.len &&
	       !memcmp(s->u.bin.data + s->u.bin.len - p->u.bin.len, p->u.bin.data, p->u.bin.len);
}

static const char *memfind(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0)
		return h;
	if (nn > hn)
		return NULL;
	for (size_t i = 0; i + nn <= hn; i++)
		if (!memcmp(h + i, n, nn))
			return h + i;
	return NULL;
}

/* Patterns: a binary or a list of binaries (the first that matches at the
 * earliest position wins, as :binary.match does). */
static bool pattern_ok(const struct mx_term *p)
{
	if (is_bin(p))
		return true;
	if (!is_proper(p) || !p->u.list.n)
		return false;
	for (size_t i = 0; i < p->u.list.n; i++)
		if (!is_bin(p->u.list.items[i]))
			return false;
	return true;
}

static const char *find_pattern(const char *h, size_t hn, const struct mx_term *p, size_t *mlen)
{
	if (is_bin(p)) {
		*mlen = p->u.bin.len;
		return memfind(h, hn, p->u.bin.data, p->u.bin.len);
	}
	const char *best = NULL;
	for (size_t i = 0; i < p->u.list.n; i++) {
		const struct mx_term *q = p->u.list.items[i];
		const char *f = memfind(h, hn, q->u.bin.data, q->u.bin.len);
		if (f && (!best || f < best || (f == best && q->u.bin.len > *mlen))) {
			best = f;
			*mlen = q->u.bin.len;
		}
	}
	return best;
}

static int parse_int(const char *s, size_t n, int base, int64_t *v, size_t *used)
{
	size_t i = 0;
	bool neg = false;
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	size_t st = i;
	uint64_t acc = 0;
	for (; i < n; i++) {
		int c = (unsigned char)s[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'Z')
			d = c - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return -2;
		acc = acc * (uint64_t)base + (uint64_t)d;
	}
	if (i == st)
		return -1;
	if (acc > (uint64_t)INT64_MAX + (neg ? 1 : 0))
		return -2;
	*v = neg ? (int64_t)(0 - acc) : (int64_t)acc;
	*used = i;
	return 0;
}

/* ---- Sorting (stable merge sort with a fallible comparator) --------------- */

struct sorter {
	struct mx_eval *ev;
	const struct mx_term *fun; /* NULL: term order */
	bool desc;
	const struct mx_ast *at;
	int failed;
	bool by_key; /* items are {key, item}: compare the keys */
};

/* True when a must come before or with b (a <= b as the sorter says). */
static bool sort_le(struct sorter *s, struct mx_term *a, struct mx_term *b)
{
	if (s->failed)
		return true;
	if (s->by_key) {
		a = a->u.tuple.items[0];
		b = b->u.tuple.items[0];
	}
	if (!s->fun) {
		int c = mx_term_compare(a, b);
		return s->desc ? c >= 0 : c <= 0;
	}
	struct mx_term *args[2] = {a, b}, *r;
	if (ev_call_fun(s->ev, s->fun, args, 2, s->at, &r) < 0) {
		s->failed = 1;
		return true;
	}
	return mx_term_truthy(r);
}

static void merge_sort(struct sorter *s, struct mx_term **v, struct mx_term **tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(s, v, tmp, h);
	merge_sort(s, v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = sort_le(s, v[i], v[j]) ? v[i++] : v[j++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v)); /* n >= 2 here */
}

static int sort_list(struct mx_eval *ev, struct mx_term *list, const struct mx_term *fun, bool desc,
                     const struct mx_ast *at, struct mx_term **out)
{
	size_t n = list->u.list.n;
	if (ev_charge(ev, at, n * 4) < 0)
		return -1;
	struct mx_term **v = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	struct mx_term **tmp = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	if (n)
		memcpy(v, list->u.list.items, n * sizeof(*v));
	struct sorter s = {ev, fun, desc, at, 0, false};
	merge_sort(&s, v, tmp, n);
	if (s.failed)
		return -1;
	*out = mx_term_list(A, v, n);
	return 0;
}

/* ---- Operators and Kernel ------------------------------------------------- */

/* ArithmeticError as Elixir blames it: the failing operation follows the
 * message ("bad argument in arithmetic expression: 1 / 0"). */
static int arith_error(struct mx_eval *ev, const struct mx_ast *at, const char *op,
                       const struct mx_term *x, const struct mx_term *y)
{
	const char *msg = "bad argument in arithmetic expression";
	if (!y)
		return ev_raise(ev, at, "ArithmeticError", "%s: %s(%s)", msg, op, insp(ev, x));
	if (isalpha((unsigned char)op[0]))
		return ev_raise(ev, at, "ArithmeticError", "%s: %s(%s, %s)", msg, op, insp(ev, x),
		                insp(ev, y));
	return ev_raise(ev, at, "ArithmeticError", "%s: %s %s %s", msg, insp(ev, x), op,
	                insp(ev, y));
}

static int arith(struct mx_eval *ev, const char *op, struct mx_term *x, struct mx_term *y,
                 const struct mx_ast *at, struct mx_term **out)
{
	if (!is_num(x) || !is_num(y))
		return arith_error(ev, at, op, x, y);
	if (!strcmp(op, "/")) {
		if (num(y) == 0)
			return arith_error(ev, at, op, x, y);
		*out = mx_term_float(A, num(x) / num(y));
		return 0;
	}
	if (is_int(x) && is_int(y)) {
		int64_t a = x->u.i, b = y->u.i, r;
		bool ovf;
		switch (op[0]) {
		case '+':
			ovf = __builtin_add_overflow(a, b, &r);
			break;
		case '-':
			ovf = __builtin_sub_overflow(a, b, &r);
			break;
		default:
			ovf = __builtin_mul_overflow(a, b, &r);
			break;
		}
		if (ovf)
			return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
		*out = mx_term_int(A, r);
		return 0;
	}
	double a = num(x), b = num(y);
	*out = mx_term_float(A, op[0] == '+' ? a + b : op[0] == '-' ? a - b : a * b);
	return 0;
}

static int list_concat(struct mx_eval *ev, struct mx_term *x, struct mx_term *y,
                       const struct mx_ast *at, struct mx_term **out)
{
	if (!is_proper(x))
		return ev_raise(ev, at, "ArgumentError", "argument error");
	if (ev_charge(ev, at, x->u.list.n) < 0)
		return -1;
	/* [1] ++ 2 is the improper list [1 | 2]; [] ++ x is x. */
	*out = x->u.list.n ? mx_term_improper_list(A, x->u.list.items, x->u.list.n, y) : y;
	return 0;
}

static int list_subtract(struct mx_eval *ev, struct mx_term *x, struct mx_term *y,
                         const struct mx_ast *at, struct mx_term **out)
{
	if (!is_proper(x) || !is_proper(y))
		return ev_raise(ev, at, "ArgumentError", "argument error");
	size_t n = x->u.list.n;
	if (ev_charge(ev, at, n + y->u.list.n) < 0 || ev_charge(ev, at, n / 16 * y->u.list.n) < 0)
		return -1;
	bool *gone = MX_ARENA_NEWN(A, bool, n + 1);
	for (size_t j = 0; j < y->u.list.n; j++)
		for (size_t i = 0; i < n; i++)
			if (!gone[i] && mx_term_equal(x->u.list.items[i], y->u.list.items[j])) {
				gone[i] = true;
				break;
			}
	struct ev_vec v = {0};
	for (size_t i = 0; i < n; i++)
		if (!gone[i])
			ev_vec_push(ev, &v, x->u.list.items[i]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

static bool member(struct mx_eval *ev, const struct mx_term *coll, const struct mx_term *x,
                   const struct mx_ast *at, int *err)
{
	*err = 0;
	if (is_range(coll)) {
		if (!is_int(x))
			return false;
		int64_t f = mx_term_map_get_atom(coll, "first")->u.i;
		int64_t l = mx_term_map_get_atom(coll, "last")->u.i;
		int64_t s = mx_term_map_get_atom(coll, "step")->u.i;
		uint64_t st = s > 0 ? (uint64_t)s : 0 - (uint64_t)s;
		if (s > 0)
			return x->u.i >= f && x->u.i <= l &&
			       ((uint64_t)x->u.i - (uint64_t)f) % st == 0;
		return x->u.i <= f && x->u.i >= l && ((uint64_t)f - (uint64_t)x->u.i) % st == 0;
	}
	const struct mx_term *l = ev_to_list(ev, coll, at);
	if (!l) {
		*err = -1;
		return false;
	}
	for (size_t i = 0; i < l->u.list.n; i++)
		if (mx_term_equal(l->u.list.items[i], x))
			return true;
	return false;
}

static int inspect_term(struct mx_eval *ev, const struct mx_term *t, const struct mx_ast *at,
                        struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_term_inspect(t, &b);
	int r = ev_charge(ev, at, b.len / 16);
	if (r == 0)
		*out = bin(ev, b.buf, b.len);
	mx_buf_release(&b);
	return r;
}

static int round_float(struct mx_eval *ev, const struct mx_term *x, int mode,
                       const struct mx_ast *at, struct mx_term **out)
{
	if (is_int(x)) {
		*out = (struct mx_term *)x;
		return 0;
	}
	if (!is_num(x))
		return badarg(ev, at, 0, "not a number");
	double v = mode == 0   ? round(x->u.f)
	           : mode == 1 ? trunc(x->u.f)
	           : mode == 2 ? floor(x->u.f)
	                       : ceil(x->u.f);
	if (v > 9.2e18 || v < -9.2e18)
		return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
	*out = mx_term_int(A, (int64_t)v);
	return 0;
}

static int kernel(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                  const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (n == 2 &&
	    (!strcmp(name, "+") || !strcmp(name, "-") || !strcmp(name, "*") || !strcmp(name, "/")))
		return arith(ev, name, a[0], a[1], at, out);
	if (IS("**", 2)) {
		if (!is_num(a[0]) || !is_num(a[1]))
			return fclause(ev, at, "Kernel", "**", 2, a);
		if (is_int(a[0]) && is_int(a[1]) && a[1]->u.i >= 0) {
			/* Square and multiply: 1 ** huge must not loop. */
			int64_t r = 1, b = a[0]->u.i, e = a[1]->u.i;
			while (e) {
				if ((e & 1) && __builtin_mul_overflow(r, b, &r))
					return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
				e >>= 1;
				if (e && __builtin_mul_overflow(b, b, &b))
					return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
			}
			*out = mx_term_int(A, r);
		} else {
			*out = mx_term_float(A, pow(num(a[0]), num(a[1])));
		}
		return 0;
	}
	if (IS("-/1", 1) || IS("+/1", 1)) {
		if (!is_num(a[0]))
			return arith_error(ev, at, name[0] == '-' ? "-" : "+", a[0], NULL);
		if (name[0] == '+')
			*out = a[0];
		else if (is_int(a[0]) && a[0]->u.i == INT64_MIN)
			return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
		else if (is_int(a[0]))
			*out = mx_term_int(A, -a[0]->u.i);
		else
			*out = mx_term_float(A, -a[0]->u.f);
		return 0;
	}
	if (IS("!/1", 1)) {
		*out = boolean(ev, !mx_term_truthy(a[0]));
		return 0;
	}
	if (IS("not/1", 1) || IS("not", 1)) {
		if (!is_bool(a[0]))
			return ev_raise(ev, at, "ArgumentError", "argument error");
		*out = boolean(ev, mx_term_is_atom(a[0], "false"));
		return 0;
	}
	if (IS("<>", 2)) {
		for (int i = 0; i < 2; i++)
			if (!is_bin(a[i]))
				return ev_raise(
				    ev, at, "ArgumentError",
				    "expected binary argument in <> operator but got: %s",
				    insp(ev, a[i]));
		if (ev_charge(ev, at, (a[0]->u.bin.len + a[1]->u.bin.len) / 16) < 0)
			return -1;
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_add(&b, a[0]->u.bin.data, a[0]->u.bin.len);
		mx_buf_add(&b, a[1]->u.bin.data, a[1]->u.bin.len);
		*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	if (IS("++", 2))
		return list_concat(ev, a[0], a[1], at, out);
	if (IS("--", 2))
		return list_subtract(ev, a[0], a[1], at, out);
	if (IS("==", 2) || IS("!=", 2)) {
		bool eq = ev_loose_equal(a[0], a[1]);
		*out = boolean(ev, name[0] == '=' ? eq : !eq);
		return 0;
	}
	if (IS("===", 2) || IS("!==", 2)) {
		bool eq = mx_term_equal(a[0], a[1]);
		*out = boolean(ev, name[0] == '=' ? eq : !eq);
		return 0;
	}
	if (IS("<", 2) || IS(">", 2) || IS("<=", 2) || IS(">=", 2)) {
		int c = mx_term_compare(a[0], a[1]);
		bool r = name[0] == '<' ? (name[1] ? c <= 0 : c < 0) : (name[1] ? c >= 0 : c > 0);
		*out = boolean(ev, r);
		return 0;
	}
	if (IS("in", 2) || IS("not in", 2)) {
		int err;
		bool m = member(ev, a[1], a[0], at, &err);
		if (err)
			return -1;
		*out = boolean(ev, name[0] == 'i' ? m : !m);
		return 0;
	}
	if (IS("..", 2) || IS("..//", 3)) {
		if (n == 2 && (!is_int(a[0]) || !is_int(a[1])))
			return ev_raise(ev, at, "ArgumentError",
			                "ranges (first..last) expect both sides to be integers, "
			                "got: %s..%s",
			                insp(ev, a[0]), insp(ev, a[1]));
		if (n == 3 && (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]) || !a[2]->u.i))
			return ev_raise(
			    ev, at, "ArgumentError",
			    "ranges (first..last//step) expect both sides to be integers "
			    "and the step to be a non-zero integer, got: %s..%s//%s",
			    insp(ev, a[0]), insp(ev, a[1]), insp(ev, a[2]));
		int64_t step = n == 3 ? a[2]->u.i : (a[0]->u.i <= a[1]->u.i ? 1 : -1);
		*out = ev_range(ev, a[0]->u.i, a[1]->u.i, step);
		return 0;
	}
	if (IS("=~", 2)) {
		if (is_bin(a[0]) && is_bin(a[1])) {
			*out = boolean(ev, memfind(a[0]->u.bin.data, a[0]->u.bin.len,
			                           a[1]->u.bin.data, a[1]->u.bin.len) != NULL);
			return 0;
		}
		return ev_fail(ev, at, "=~ with a regex is not a constant");
	}
	if (IS("hd", 1) || IS("tl", 1)) {
		if (!is_list(a[0]) || !a[0]->u.list.n)
			return badarg(ev, at, 0, "not a nonempty list");
		if (name[0] == 'h')
			*out = a[0]->u.list.items[0];
		else if (a[0]->u.list.n == 1 && a[0]->u.list.tail)
			*out = a[0]->u.list.tail;
		else
			*out = mx_term_improper_list(A, a[0]->u.list.items + 1, a[0]->u.list.n - 1,
			                             a[0]->u.list.tail);
		return 0;
	}
	if (IS("length", 1)) {
		if (!is_proper(a[0]))
			return badarg(ev, at, 0, "not a list");
		*out = mx_term_int(A, (int64_t)a[0]->u.list.n);
		return 0;
	}
	/* elem and put_elem are :erlang.element(index + 1, tuple) and
	 * setelement: the index is the BIF's 1st argument, the tuple its 2nd. */
	if (IS("elem", 2)) {
		if (!a[0] || a[0]->type != MX_TERM_TUPLE)
			return badarg(ev, at, 1, "not a tuple");
		if (!is_int(a[1]) || a[1]->u.i < 0 || (size_t)a[1]->u.i >= a[0]->u.tuple.n)
			return badarg(ev, at, 0, "out of range");
		*out = a[0]->u.tuple.items[a[1]->u.i];
		return 0;
	}
	if (IS("put_elem", 3)) {
		if (!a[0] || a[0]->type != MX_TERM_TUPLE)
			return badarg(ev, at, 1, "not a tuple");
		if (!is_int(a[1]) || a[1]->u.i < 0 || (size_t)a[1]->u.i >= a[0]->u.tuple.n)
			return badarg(ev, at, 0, "out of range");
		struct mx_term *t = mx_term_tuple(A, a[0]->u.tuple.items, a[0]->u.tuple.n);
		t->u.tuple.items[a[1]->u.i] = a[2];
		*out = t;
		return 0;
	}
	if (IS("tuple_size", 1) || IS("map_size", 1) || IS("byte_size", 1)) {
		const struct mx_term *t = a[0];
		enum mx_term_type want = name[0] == 't'   ? MX_TERM_TUPLE
		                         : name[0] == 'm' ? MX_TERM_MAP
		                                          : MX_TERM_BINARY;
		if (t->type != want && want == MX_TERM_MAP)
			return ev_raise(ev, at, "BadMapError", "expected a map, got: %s",
			                insp(ev, t));
		if (t->type != want)
			return badarg(ev, at, 0,
			              want == MX_TERM_TUPLE ? "not a tuple" : "not a bitstring");
		*out = mx_term_int(A, (int64_t)(want == MX_TERM_TUPLE ? t->u.tuple.n
		                                : want == MX_TERM_MAP ? t->u.map.n
		                                                      : t->u.bin.len));
		return 0;
	}
	if (n == 1 && !strncmp(name, "is_", 3)) {
		const struct mx_term *t = a[0];
		const char *k = name + 3;
		bool r;
		if (!strcmp(k, "atom"))
			r = is_atom(t);
		else if (!strcmp(k, "binary") || !strcmp(k, "bitstring"))
			r = is_bin(t);
		else if (!strcmp(k, "boolean"))
			r = is_bool(t);
		else if (!strcmp(k, "float"))
			r = t->type == MX_TERM_FLOAT;
		else if (!strcmp(k, "integer"))
			r = is_int(t);
		else if (!strcmp(k, "number"))
			r = is_num(t);
		else if (!strcmp(k, "list"))
			r = is_list(t);
		else if (!strcmp(k, "tuple"))
			r = t->type == MX_TERM_TUPLE;
		else if (!strcmp(k, "map"))
			r = t->type == MX_TERM_MAP;
		else if (!strcmp(k, "nil"))
			r = mx_term_is_nil(t);
		else if (!strcmp(k, "function"))
			r = t->type == MX_TERM_FUN;
		else if (!strcmp(k, "struct"))
			r = mx_term_struct_name(t) != NULL;
		else if (!strcmp(k, "exception"))
			r = false;
		else
			return 1;
		*out = boolean(ev, r);
		return 0;
	}
	if (IS("is_map_key", 2)) {
		if (a[0]->type != MX_TERM_MAP)
			return ev_raise(ev, at, "BadMapError", "expected a map, got: %s",
			                insp(ev, a[0]));
		*out = boolean(ev, mx_term_map_get(a[0], a[1]) != NULL);
		return 0;
	}
	if (IS("is_function", 2)) {
		*out = boolean(ev, a[0]->type == MX_TERM_FUN);
		return 0;
	}
	if (IS("is_struct", 2)) {
		const char *s = mx_term_struct_name(a[0]);
		*out = boolean(ev, s && is_atom(a[1]) && !strcmp(s, a[1]->u.atom.name));
		return 0;
	}
	if (IS("abs", 1)) {
		if (!is_num(a[0]))
			return badarg(ev, at, 0, "not a number");
		if (is_int(a[0]) && a[0]->u.i == INT64_MIN)
			return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
		*out = is_int(a[0]) ? mx_term_int(A, a[0]->u.i < 0 ? -a[0]->u.i : a[0]->u.i)
		                    : mx_term_float(A, fabs(a[0]->u.f));
		return 0;
	}
	if (IS("div", 2) || IS("rem", 2)) {
		if (!is_int(a[0]) || !is_int(a[1]) || a[1]->u.i == 0)
			return arith_error(ev, at, name, a[0], a[1]);
		if (a[0]->u.i == INT64_MIN && a[1]->u.i == -1)
			return ev_fail(ev, at, "integer overflow (beyond 64 bits)");
		*out =
		    mx_term_int(A, name[0] == 'd' ? a[0]->u.i / a[1]->u.i : a[0]->u.i % a[1]->u.i);
		return 0;
	}
	if (IS("max", 2) || IS("min", 2)) {
		int c = mx_term_compare(a[0], a[1]);
		/* Kernel.max/min return the first argument when equal. */
		*out = name[1] == 'a' ? (c >= 0 ? a[0] : a[1]) : (c <= 0 ? a[0] : a[1]);
		return 0;
	}
	if (IS("round", 1))
		return round_float(ev, a[0], 0, at, out);
	if (IS("trunc", 1))
		return round_float(ev, a[0], 1, at, out);
	if (IS("floor", 1))
		return round_float(ev, a[0], 2, at, out);
	if (IS("ceil", 1))
		return round_float(ev, a[0], 3, at, out);
	if (IS("to_string", 1)) {
		struct mx_buf b = MX_BUF_INIT;
		int r = ev_to_string(ev, a[0], at, &b);
		if (r == 0)
			*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return r;
	}
	if (IS("to_charlist", 1)) {
		struct mx_buf b = MX_BUF_INIT;
		int r = ev_to_string(ev, a[0], at, &b);
		if (r == 0) {
			*out = mx_eval_charlist(ev, b.buf, b.len);
		}
		mx_buf_release(&b);
		return r;
	}
	if (IS("inspect", 1) || IS("inspect", 2))
		return inspect_term(ev, a[0], at, out);
	if (IS("apply", 2)) {
		if (!is_proper(a[1]))
			return badarg(ev, at, 1, "not a list");
		return ev_call_fun(ev, a[0], a[1]->u.list.items, a[1]->u.list.n, at, out);
	}
	if (IS("then", 2)) {
		return ev_call_fun(ev, a[1], a, 1, at, out);
	}
	if (IS("tap", 2)) {
		struct mx_term *ignored;
		if (ev_call_fun(ev, a[1], a, 1, at, &ignored) < 0)
			return -1;
		*out = a[0];
		return 0;
	}
	if (IS("get_in", 2)) {
		if (!is_proper(a[1]) || !a[1]->u.list.n)
			return fclause(ev, at, "Kernel", "get_in", 2, a);
		struct mx_term *cur = a[0];
		for (size_t i = 0; i < a[1]->u.list.n; i++) {
			struct mx_term *args[2] = {cur, a[1]->u.list.items[i]};
			if (ev_builtin(ev, "Access", "get", args, 2, at, &cur) < 0)
				return -1;
		}
		*out = cur;
		return 0;
	}
	if (IS("config_env", 0)) {
		*out = atom(ev, ev->mix_env);
		return 0;
	}
	if (IS("config_target", 0)) {
		*out = atom(ev, ev->mix_target);
		return 0;
	}
	if (IS("self", 0) || IS("make_ref", 0) || IS("node", 0))
		return ev_fail(ev, at, "%s() is not a constant", name);
#undef IS
	return 1;
}

/* ---- Enum ------------------------------------------------------------------ */

static int call1(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x,
                 const struct mx_ast *at, struct mx_term **out)
{
	struct mx_term *args[1] = {x};
	return ev_call_fun(ev, f, args, 1, at, out);
}

static int call2(struct mx_eval *ev, const struct mx_term *f, struct mx_term *x, struct mx_term *y,
                 const struct mx_ast *at, struct mx_term **out)
{
	struct mx_term *args[2] = {x, y};
	return ev_call_fun(ev, f, args, 2, at, out);
}

static int join_list(struct mx_eval *ev, struct mx_term *l, const char *sep, size_t seplen,
                     const struct mx_term *mapper, const struct mx_ast *at, struct mx_term **out)
{
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *x = l->u.list.items[i];
		if (i)
			mx_buf_add(&b, sep, seplen);
		if (mapper && call1(ev, mapper, x, at, &x) < 0)
			goto out;
		if (ev_to_string(ev, x, at, &b) < 0)
			goto out;
	}
	*out = bin(ev, b.buf, b.len);
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

/* Enum.into/2,3 and Map.new of the items l. A pair that is not {k, v} fails
 * as :maps.from_list does ("argument error"), or, when the items came from
 * a struct (a range), through the Collectable protocol (by_protocol). */
static int into(struct mx_eval *ev, struct mx_term *l, struct mx_term *coll,
                const struct mx_term *mapper, bool by_protocol, const struct mx_ast *at,
                struct mx_term **out)
{
	if (mapper) {
		struct ev_vec v = {0};
		for (size_t i = 0; i < l->u.list.n; i++) {
			struct mx_term *x;
			if (call1(ev, mapper, l->u.list.items[i], at, &x) < 0)
				return -1;
			ev_vec_push(ev, &v, x);
		}
		l = ev_vec_list(ev, &v);
	}
	if (is_list(coll)) {
		return list_concat(ev, coll, l, at, out);
	}
	if (coll->type == MX_TERM_MAP) {
		size_t n = coll->u.map.n + l->u.list.n;
		if (ev_charge(ev, at, n) < 0)
			return -1;
		struct mx_term **k = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
		struct mx_term **v = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
		size_t cnt = coll->u.map.n;
		if (cnt) {
			memcpy(k, coll->u.map.keys, cnt * sizeof(*k));
			memcpy(v, coll->u.map.vals, cnt * sizeof(*v));
		}
		for (size_t i = 0; i < l->u.list.n; i++) {
			struct mx_term *e = l->u.list.items[i];
			if ((e->type != MX_TERM_TUPLE || e->u.tuple.n != 2) && !by_protocol)
				return ev_raise(ev, at, "ArgumentError", "argument error");
			if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2)
				return ev_raise(ev, at, "ArgumentError",
				                "collecting into a map requires {key, value} "
				                "tuples, got: %s",
				                insp(ev, e));
			size_t j;
			for (j = 0; j < cnt; j++)
				if (mx_term_equal(k[j], e->u.tuple.items[0]))
					break;
			k[j] = e->u.tuple.items[0];
			v[j] = e->u.tuple.items[1];
			if (j == cnt)
				cnt++;
		}
		*out = mx_term_map(A, k, v, cnt);
		return 0;
	}
	return ev_fail(ev, at, "unsupported collectable %s", insp(ev, coll));
}

static int enum_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                   const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (n == 0)
		return 1;
	if (IS("to_list", 1) && is_list(a[0])) {
		*out = a[0]; /* the list itself, as Elixir: [1 | 2] too */
		return 0;
	}
	struct mx_term *l = ev_to_list(ev, a[0], at);
	if (!l)
		return -1;
	size_t len = l->u.list.n;
	struct mx_term **it = l->u.list.items;
	struct ev_vec v = {0};
	if (ev_charge(ev, at, len) < 0)
		return -1;
	if (IS("map", 2) || IS("flat_map", 2) || IS("filter", 2) || IS("reject", 2)) {
		for (size_t i = 0; i < len; i++) {
			struct mx_term *x;
			if (call1(ev, a[1], it[i], at, &x) < 0)
				return -1;
			if (name[0] == 'm') {
				ev_vec_push(ev, &v, x);
			} else if (name[1] == 'l') {
				struct mx_term *xl = ev_to_list(ev, x, at);
				if (!xl)
					return -1;
				for (size_t j = 0; j < xl->u.list.n; j++)
					ev_vec_push(ev, &v, xl->u.list.items[j]);
			} else if (mx_term_truthy(x) == (name[0] == 'f')) {
				ev_vec_push(ev, &v, it[i]);
			}
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("each", 2)) {
		for (size_t i = 0; i < len; i++) {
			struct mx_term *x;
			if (call1(ev, a[1], it[i], at, &x) < 0)
				return -1;
		}
		*out = atom(ev, "ok");
		return 0;
	}
	if (IS("join", 1) || IS("join", 2)) {
		if (n == 2 && !is_bin(a[1]))
			return fclause(ev, at, "Enum", "join", n, a);
		return join_list(ev, l, n == 2 ? a[1]->u.bin.data : "",
		                 n == 2 ? a[1]->u.bin.len : 0, NULL, at, out);
	}
	if (IS("map_join", 2) || IS("map_join", 3)) {
		const struct mx_term *sep = n == 3 ? a[1] : NULL;
		if (sep && !is_bin(sep))
			return fclause(ev, at, "Enum", "map_join", n, a);
		return join_list(ev, l, sep ? sep->u.bin.data : "", sep ? sep->u.bin.len : 0,
		                 a[n - 1], at, out);
	}
	if (IS("concat", 1)) {
		for (size_t i = 0; i < len; i++) {
			struct mx_term *xl = ev_to_list(ev, it[i], at);
			if (!xl)
				return -1;
			for (size_t j = 0; j < xl->u.list.n; j++)
				ev_vec_push(ev, &v, xl->u.list.items[j]);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("concat", 2)) {
		struct mx_term *r = ev_to_list(ev, a[1], at);
		if (!r)
			return -1;
		return list_concat(ev, l, r, at, out);
	}
	if (IS("with_index", 1) || IS("with_index", 2)) {
		int64_t off = 0;
		const struct mx_term *f = NULL;
		if (n == 2) {
			if (is_int(a[1]))
				off = a[1]->u.i;
			else
				f = a[1];
		}
		for (size_t i = 0; i < len; i++) {
			struct mx_term *idx = mx_term_int(A, off + (int64_t)i), *x;
			if (f) {
				if (call2(ev, f, it[i], idx, at, &x) < 0)
					return -1;
			} else {
				x = mx_term_tuple2(A, it[i], idx);
			}
			ev_vec_push(ev, &v, x);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("reverse", 1) || IS("reverse", 2)) {
		for (size_t i = len; i-- > 0;)
			ev_vec_push(ev, &v, it[i]);
		*out = ev_vec_list(ev, &v);
		if (n == 2)
			return list_concat(ev, *out, a[1], at, out);
		return 0;
	}
	if (IS("reduce", 2) || IS("reduce", 3)) {
		size_t i = 0;
		struct mx_term *acc;
		if (n == 3) {
			acc = a[1];
		} else {
			if (!len)
				return ev_raise(ev, at, "Enum.EmptyError", "empty error");
			acc = it[i++];
		}
		for (; i < len; i++)
			if (call2(ev, a[n - 1], it[i], acc, at, &acc) < 0)
				return -1;
		*out = acc;
		return 0;
	}
	if (IS("sort", 1))
		return sort_list(ev, l, NULL, false, at, out);
	if (IS("sort", 2)) {
		if (mx_term_is_atom(a[1], "asc") || mx_term_is_atom(a[1], "desc"))
			return sort_list(ev, l, NULL, a[1]->u.atom.name[0] == 'd', at, out);
		return sort_list(ev, l, a[1], false, at, out);
	}
	if (IS("sort_by", 2) || IS("sort_by", 3)) {
		/* Sort {key, item} pairs by key, then unwrap. */
		struct mx_term **pairs = MX_ARENA_NEWN(A, struct mx_term *, len + 1);
		for (size_t i = 0; i < len; i++) {
			struct mx_term *k;
			if (call1(ev, a[1], it[i], at, &k) < 0)
				return -1;
			pairs[i] = mx_term_tuple2(A, k, it[i]);
		}
		bool desc = n == 3 && mx_term_is_atom(a[2], "desc");
		struct mx_term **tmp = MX_ARENA_NEWN(A, struct mx_term *, len + 1);
		struct sorter s = {ev, NULL, desc, at, 0, true};
		merge_sort(&s, pairs, tmp, len);
		for (size_t i = 0; i < len; i++)
			ev_vec_push(ev, &v, pairs[i]->u.tuple.items[1]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("uniq", 1) || IS("uniq_by", 2) || IS("dedup", 1)) {
		struct ev_vec keys = {0};
		for (size_t i = 0; i < len; i++) {
			struct mx_term *k = it[i];
			if (n == 2 && call1(ev, a[1], it[i], at, &k) < 0)
				return -1;
			bool seen = false;
			if (name[0] == 'd')
				seen = keys.n && mx_term_equal(keys.v[keys.n - 1], k);
			else
				for (size_t j = 0; j < keys.n && !seen; j++)
					seen = mx_term_equal(keys.v[j], k);
			if (name[0] == 'd' || !seen)
				ev_vec_push(ev, &keys, k);
			if (!seen)
				ev_vec_push(ev, &v, it[i]);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("into", 2) || IS("into", 3))
		return into(ev, l, a[1], n == 3 ? a[2] : NULL, mx_term_struct_name(a[0]) != NULL,
		            at, out);
	if (IS("to_list", 1)) {
		*out = l;
		return 0;
	}
	if (IS("zip", 2)) {
		struct mx_term *r = ev_to_list(ev, a[1], at);
		if (!r)
			return -1;
		for (size_t i = 0; i < len && i < r->u.list.n; i++)
			ev_vec_push(ev, &v, mx_term_tuple2(A, it[i], r->u.list.items[i]));
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("member?", 2)) {
		int err;
		bool m = member(ev, a[0], a[1], at, &err);
		if (err)
			return -1;
		*out = boolean(ev, m);
		return 0;
	}
	if (IS("count", 1) || IS("count", 2)) {
		int64_t c = 0;
		for (size_t i = 0; i < len; i++) {
			struct mx_term *x = NULL;
			if (n == 2 && call1(ev, a[1], it[i], at, &x) < 0)
				return -1;
			if (n == 1 || mx_term_truthy(x))
				c++;
		}
		*out = mx_term_int(A, c);
		return 0;
	}
	if (IS("empty?", 1)) {
		*out = boolean(ev, len == 0);
		return 0;
	}
	if (IS("any?", 1) || IS("all?", 1) || IS("any?", 2) || IS("all?", 2) || IS("find", 2) ||
	    IS("find", 3) || IS("find_index", 2) || IS("find_value", 2)) {
		bool any = !strcmp(name, "any?"), all = !strcmp(name, "all?");
		for (size_t i = 0; i < len; i++) {
			struct mx_term *x = it[i];
			if (n >= 2 && call1(ev, a[n - 1], it[i], at, &x) < 0)
				return -1;
			bool t = mx_term_truthy(x);
			if (any && t) {
				*out = boolean(ev, true);
				return 0;
			}
			if (all && !t) {
				*out = boolean(ev, false);
				return 0;
			}
			if (!any && !all && t) {
				*out = !strcmp(name, "find")         ? it[i]
				       : !strcmp(name, "find_index") ? mx_term_int(A, (int64_t)i)
				                                     : x;
				return 0;
			}
		}
		*out = any             ? boolean(ev, false)
		       : all           ? boolean(ev, true)
		       : IS("find", 3) ? a[1]
		                       : nil_(ev);
		return 0;
	}
	if (IS("sum", 1)) {
		struct mx_term *acc = mx_term_int(A, 0);
		for (size_t i = 0; i < len; i++)
			if (arith(ev, "+", it[i], acc, at, &acc) < 0) /* x + acc, as Elixir */
				return -1;
		*out = acc;
		return 0;
	}
	if (IS("max", 1) || IS("min", 1)) {
		if (!len)
			return ev_raise(ev, at, "Enum.EmptyError", "empty error");
		struct mx_term *best = it[0];
		for (size_t i = 1; i < len; i++) {
			int c = mx_term_compare(it[i], best);
			if (name[1] == 'a' ? c > 0 : c < 0)
				best = it[i];
		}
		*out = best;
		return 0;
	}
	if (IS("at", 2) || IS("at", 3) || IS("fetch!", 2)) {
		if (!is_int(a[1]))
			return fclause(ev, at, "Enum", name, n, a);
		int64_t i = a[1]->u.i;
		if (i < 0)
			i += (int64_t)len;
		if (i >= 0 && (size_t)i < len)
			*out = it[i];
		else if (name[0] == 'f')
			return ev_raise(ev, at, "Enum.OutOfBoundsError", "out of bounds error");
		else
			*out = n == 3 ? a[2] : nil_(ev);
		return 0;
	}
	if (IS("take", 2) || IS("drop", 2)) {
		if (!is_int(a[1]))
			return fclause(ev, at, "Enum", name, n, a);
		int64_t k = a[1]->u.i;
		size_t from = 0, to = len;
		if (name[0] == 't') {
			if (k >= 0)
				to = (size_t)k < len ? (size_t)k : len;
			else
				from = (size_t)-k < len ? len - (size_t)-k : 0;
		} else {
			if (k >= 0)
				from = (size_t)k < len ? (size_t)k : len;
			else
				to = (size_t)-k < len ? len - (size_t)-k : 0;
		}
		for (size_t i = from; i < to; i++)
			ev_vec_push(ev, &v, it[i]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("intersperse", 2)) {
		for (size_t i = 0; i < len; i++) {
			if (i)
				ev_vec_push(ev, &v, a[1]);
			ev_vec_push(ev, &v, it[i]);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("split_with", 2)) {
		struct ev_vec no = {0};
		for (size_t i = 0; i < len; i++) {
			struct mx_term *x;
			if (call1(ev, a[1], it[i], at, &x) < 0)
				return -1;
			ev_vec_push(ev, mx_term_truthy(x) ? &v : &no, it[i]);
		}
		*out = mx_term_tuple2(A, ev_vec_list(ev, &v), ev_vec_list(ev, &no));
		return 0;
	}
	if (IS("min_by", 2) || IS("max_by", 2)) {
		if (!len)
			return ev_raise(ev, at, "Enum.EmptyError", "empty error");
		struct mx_term *best = it[0], *bk;
		if (call1(ev, a[1], it[0], at, &bk) < 0)
			return -1;
		for (size_t i = 1; i < len; i++) {
			struct mx_term *k;
			if (call1(ev, a[1], it[i], at, &k) < 0)
				return -1;
			int c = mx_term_compare(k, bk);
			if (name[1] == 'a' ? c > 0 : c < 0)
				best = it[i], bk = k;
		}
		*out = best;
		return 0;
	}
	if (IS("take_while", 2) || IS("drop_while", 2)) {
		size_t i = 0;
		for (; i < len; i++) {
			struct mx_term *x;
			if (call1(ev, a[1], it[i], at, &x) < 0)
				return -1;
			if (!mx_term_truthy(x))
				break;
		}
		size_t from = name[0] == 't' ? 0 : i, to = name[0] == 't' ? i : len;
		for (size_t j = from; j < to; j++)
			ev_vec_push(ev, &v, it[j]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("slice", 3)) {
		if (!is_int(a[1]) || !is_int(a[2]) || a[2]->u.i < 0)
			return fclause(ev, at, "Enum", name, n, a);
		int64_t from = a[1]->u.i < 0 ? (int64_t)len + a[1]->u.i : a[1]->u.i;
		for (int64_t j = from < 0 ? 0 : from; j < from + a[2]->u.i && (size_t)j < len; j++)
			ev_vec_push(ev, &v, it[j]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("chunk_every", 2)) {
		if (!is_int(a[1]) || a[1]->u.i <= 0)
			return fclause(ev, at, "Enum", name, n, a);
		size_t k = (size_t)a[1]->u.i;
		for (size_t i = 0; i < len; i += k) {
			size_t m = len - i < k ? len - i : k;
			ev_vec_push(ev, &v, mx_term_list(A, it + i, m));
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("unzip", 1)) {
		struct ev_vec l2 = {0};
		for (size_t i = 0; i < len; i++) {
			if (it[i]->type != MX_TERM_TUPLE || it[i]->u.tuple.n != 2)
				return fclause(ev, at, "Enum", name, n, a);
			ev_vec_push(ev, &v, it[i]->u.tuple.items[0]);
			ev_vec_push(ev, &l2, it[i]->u.tuple.items[1]);
		}
		*out = mx_term_tuple2(A, ev_vec_list(ev, &v), ev_vec_list(ev, &l2));
		return 0;
	}
	if (IS("frequencies", 1)) {
		struct ev_vec keys = {0}, counts = {0};
		for (size_t i = 0; i < len; i++) {
			size_t j;
			for (j = 0; j < keys.n; j++)
				if (mx_term_equal(keys.v[j], it[i]))
					break;
			if (j == keys.n) {
				ev_vec_push(ev, &keys, it[i]);
				ev_vec_push(ev, &counts, mx_term_int(A, 1));
			} else {
				counts.v[j] = mx_term_int(A, counts.v[j]->u.i + 1);
			}
		}
		*out = mx_term_map(A, keys.v, counts.v, keys.n);
		return 0;
	}
	if (IS("group_by", 2)) {
		/* %{key => [items...]} keeping item order. */
		struct ev_vec keys = {0}, groups = {0};
		struct ev_vec *lists = NULL;
		size_t alists = 0;
		for (size_t i = 0; i < len; i++) {
			struct mx_term *k;
			if (call1(ev, a[1], it[i], at, &k) < 0)
				return -1;
			size_t j;
			for (j = 0; j < keys.n; j++)
				if (mx_term_equal(keys.v[j], k))
					break;
			if (j == keys.n) {
				ev_vec_push(ev, &keys, k);
				if (keys.n > alists) {
					size_t na = alists ? alists * 2 : 8;
					struct ev_vec *nl = MX_ARENA_NEWN(A, struct ev_vec, na);
					if (alists)
						memcpy(nl, lists, alists * sizeof(*nl));
					lists = nl;
					alists = na;
				}
			}
			ev_vec_push(ev, &lists[j], it[i]);
		}
		for (size_t j = 0; j < keys.n; j++)
			ev_vec_push(ev, &groups, ev_vec_list(ev, &lists[j]));
		*out = mx_term_map(A, keys.v, groups.v, keys.n);
		return 0;
	}
#undef IS
	return 1;
}

/* ---- String ------------------------------------------------------------------ */

static int string_split(struct mx_eval *ev, struct mx_term **a, size_t n, const struct mx_ast *at,
                        struct mx_term **out)
{
	const struct mx_term *s = a[0];
	struct ev_vec v = {0};
	if (n == 1) {
		size_t i = 0;
		while (i < s->u.bin.len) {
			while (i < s->u.bin.len && ws((unsigned char)s->u.bin.data[i]))
				i++;
			size_t st = i;
			while (i < s->u.bin.len && !ws((unsigned char)s->u.bin.data[i]))
				i++;
			if (i > st)
				ev_vec_push(ev, &v, bin(ev, s->u.bin.data + st, i - st));
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (!pattern_ok(a[1]))
		return fclause(ev, at, "String", "split", n, a);
	int64_t parts = 0;
	bool trim = false;
	if (n == 3) {
		const struct mx_term *p = mx_term_kw_get(a[2], "parts");
		const struct mx_term *t = mx_term_kw_get(a[2], "trim");
		if (p && is_int(p))
			parts = p->u.i;
		trim = mx_term_truthy(t);
	}
	const char *d = s->u.bin.data;
	size_t len = s->u.bin.len, pos = 0;
	bool empty_pat = is_bin(a[1]) && a[1]->u.bin.len == 0;
	if (empty_pat) {
		/* Splitting on "" gives the code points (graphemes in Elixir),
		 * with "" at both ends unless trimmed. */
		if (!trim)
			ev_vec_push(ev, &v, bin(ev, "", 0));
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t l = mx_term_utf8_decode(d + i, len - i, &cp);
			if (!l)
				l = 1;
			ev_vec_push(ev, &v, bin(ev, d + i, l));
			i += l;
		}
		if (!trim)
			ev_vec_push(ev, &v, bin(ev, "", 0));
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	for (;;) {
		size_t mlen = 0;
		const char *f = (parts > 0 && (int64_t)v.n + 1 >= parts)
		                    ? NULL
		                    : find_pattern(d + pos, len - pos, a[1], &mlen);
		size_t end = f ? (size_t)(f - d) : len;
		if (!(trim && end == pos))
			ev_vec_push(ev, &v, bin(ev, d + pos, end - pos));
		if (!f)
			break;
		pos = end + mlen;
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

static int string_replace(struct mx_eval *ev, struct mx_term **a, size_t n, const struct mx_ast *at,
                          struct mx_term **out)
{
	if (!pattern_ok(a[1]))
		return a[1]->type == MX_TERM_OPAQUE
		           ? ev_fail(ev, at, "String.replace with a regex is not a constant")
		           : fclause(ev, at, "String", "replace", n, a);
	bool global = true;
	if (n == 4) {
		const struct mx_term *g = mx_term_kw_get(a[3], "global");
		if (g)
			global = mx_term_truthy(g);
	}
	const char *d = a[0]->u.bin.data;
	size_t len = a[0]->u.bin.len, pos = 0;
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	bool done = false;
	while (!done) {
		size_t mlen = 0;
		const char *f = find_pattern(d + pos, len - pos, a[1], &mlen);
		if (!f)
			break;
		size_t at_ = (size_t)(f - d);
		mx_buf_add(&b, d + pos, at_ - pos);
		if (is_bin(a[2])) {
			mx_buf_add(&b, a[2]->u.bin.data, a[2]->u.bin.len);
		} else {
			struct mx_term *r;
			if (call1(ev, a[2], bin(ev, f, mlen), at, &r) < 0 ||
			    ev_to_string(ev, r, at, &b) < 0)
				goto out;
		}
		pos = at_ + mlen;
		if (mlen == 0) {
			/* An empty pattern matches between every character. */
			if (pos < len)
				mx_buf_addch(&b, d[pos]);
			pos++;
			if (pos > len)
				break;
		}
		if (!global)
			done = true;
	}
	if (pos < len)
		mx_buf_add(&b, d + pos, len - pos);
	*out = bin(ev, b.buf, b.len);
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

static int string_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                     const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("split", 1) && !is_bin(a[0]))
		return badarg(ev, at, 0, "not a binary");
	if (!n || !is_bin(a[0]))
		return n ? fclause(ev, at, "String", name, n, a) : 1;
	const char *d = a[0]->u.bin.data;
	size_t len = a[0]->u.bin.len;
	if (IS("upcase", 1) || IS("downcase", 1) || IS("capitalize", 1)) {
		*out = str_case(ev, a[0], name[0] == 'u' ? 0 : name[0] == 'd' ? 1 : 2);
		return 0;
	}
	if (IS("split", 1) || IS("split", 2) || IS("split", 3))
		return string_split(ev, a, n, at, out);
	if (IS("replace", 3) || IS("replace", 4))
		return string_replace(ev, a, n, at, out);
	if (IS("trim", 1) || IS("trim_leading", 1) || IS("trim_trailing", 1)) {
		size_t st = 0, en = len;
		if (strcmp(name, "trim_trailing"))
			while (st < en && ws((unsigned char)d[st]))
				st++;
		if (strcmp(name, "trim_leading"))
			while (en > st && ws((unsigned char)d[en - 1]))
				en--;
		*out = bin(ev, d + st, en - st);
		return 0;
	}
	if (IS("trim", 2) || IS("trim_leading", 2) || IS("trim_trailing", 2)) {
		if (!is_bin(a[1]))
			return fclause(ev, at, "String", name, n, a);
		if (!a[1]->u.bin.len)
			return ev_raise(ev, at, "ArgumentError",
			                "cannot use an empty string as the match to replace");
		size_t st = 0, en = len, pl = a[1]->u.bin.len;
		if (strcmp(name, "trim_trailing"))
			while (en - st >= pl && !memcmp(d + st, a[1]->u.bin.data, pl))
				st += pl;
		if (strcmp(name, "trim_leading"))
			while (en - st >= pl && !memcmp(d + en - pl, a[1]->u.bin.data, pl))
				en -= pl;
		*out = bin(ev, d + st, en - st);
		return 0;
	}
	if (IS("contains?", 2) || IS("starts_with?", 2) || IS("ends_with?", 2)) {
		struct mx_term *one[1] = {a[1]};
		struct mx_term *const *pats = is_list(a[1]) ? a[1]->u.list.items : one;
		size_t np = is_list(a[1]) ? a[1]->u.list.n : 1;
		bool r = false;
		for (size_t i = 0; i < np && !r; i++) {
			if (!is_bin(pats[i]))
				return pats[i]->type == MX_TERM_OPAQUE
				           ? ev_fail(ev, at,
				                     "String.%s with a regex is not "
				                     "a constant",
				                     name)
				           : fclause(ev, at, "String", name, n, a);
			r = name[0] == 'c'
			        ? memfind(d, len, pats[i]->u.bin.data, pats[i]->u.bin.len) != NULL
			    : name[0] == 's' ? bin_has_prefix(a[0], pats[i])
			                     : bin_has_suffix(a[0], pats[i]);
		}
		*out = boolean(ev, r);
		return 0;
	}
	if (IS("to_integer", 1) || IS("to_integer", 2)) {
		int base = n == 2 && is_int(a[1]) ? (int)a[1]->u.i : 10;
		int64_t v;
		size_t used;
		int r = parse_int(d, len, base, &v, &used);
		if (r == -2)
			return ev_fail(ev, at, "integer does not fit in 64 bits");
		if (r < 0 || used != len)
			return badarg(ev, at, 0, "not a textual representation of an integer");
		*out = mx_term_int(A, v);
		return 0;
	}
	if (IS("to_float", 1)) {
		char *tmp = mx_arena_strndup(A, d, len), *end;
		errno = 0;
		double f = strtod(tmp, &end);
		if (!len || *end || !strchr(tmp, '.') || errno)
			return badarg(ev, at, 0, "not a textual representation of a float");
		*out = mx_term_float(A, f);
		return 0;
	}
	if (IS("to_atom", 1) || IS("to_existing_atom", 1)) {
		*out = mx_term_atomn(A, d, len);
		return 0;
	}
	if (IS("to_charlist", 1)) {
		*out = mx_eval_charlist(ev, d, len);
		return 0;
	}
	if (IS("length", 1)) {
		int64_t c = 0;
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)d[i] & 0xC0) != 0x80)
				c++;
		*out = mx_term_int(A, c);
		return 0;
	}
	if (IS("duplicate", 2)) {
		if (!is_int(a[1]) || a[1]->u.i < 0)
			return fclause(ev, at, "String", name, n, a);
		if (len && (uint64_t)a[1]->u.i > 64u * 1024 * 1024 / len)
			return ev_fail(ev, at, "String.duplicate result too large");
		if (!len) {
			*out = a[0];
			return 0;
		}
		if (ev_charge(ev, at, (size_t)a[1]->u.i * len / 16) < 0)
			return -1;
		struct mx_buf b = MX_BUF_INIT;
		for (int64_t i = 0; i < a[1]->u.i; i++)
			mx_buf_add(&b, d, len);
		*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	if (IS("slice", 3)) {
		/* Code point positions. */
		if (!is_int(a[1]) || !is_int(a[2]) || a[2]->u.i < 0)
			return fclause(ev, at, "String", name, n, a);
		size_t *starts = MX_ARENA_NEWN(A, size_t, len + 2), ncp = 0;
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)d[i] & 0xC0) != 0x80)
				starts[ncp++] = i;
		starts[ncp] = len;
		int64_t from = a[1]->u.i < 0 ? (int64_t)ncp + a[1]->u.i : a[1]->u.i;
		if (from < 0) /* a start before the beginning is the beginning */
			from = 0;
		if ((size_t)from > ncp) {
			*out = bin(ev, "", 0);
			return 0;
		}
		int64_t to = from + a[2]->u.i;
		if ((size_t)to > ncp)
			to = (int64_t)ncp;
		*out = bin(ev, d + starts[from], starts[to] - starts[from]);
		return 0;
	}
	if (IS("first", 1) || IS("last", 1)) {
		if (!len) {
			*out = nil_(ev);
			return 0;
		}
		size_t st = 0, en = len;
		if (name[0] == 'f') {
			en = 1;
			while (en < len && ((unsigned char)d[en] & 0xC0) == 0x80)
				en++;
		} else {
			st = len - 1;
			while (st > 0 && ((unsigned char)d[st] & 0xC0) == 0x80)
				st--;
		}
		*out = bin(ev, d + st, en - st);
		return 0;
	}
	if (IS("pad_leading", 2) || IS("pad_trailing", 2) || IS("pad_leading", 3) ||
	    IS("pad_trailing", 3)) {
		if (!is_int(a[1]) || (n == 3 && (!is_bin(a[2]) || !a[2]->u.bin.len)))
			return fclause(ev, at, "String", name, n, a);
		int64_t cps = 0;
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)d[i] & 0xC0) != 0x80)
				cps++;
		const char *pad = n == 3 ? a[2]->u.bin.data : " ";
		size_t padlen = n == 3 ? a[2]->u.bin.len : 1;
		struct mx_buf b = MX_BUF_INIT;
		int64_t need = a[1]->u.i - cps;
		if (need > 0 && ev_charge(ev, at, (size_t)need / 16) < 0)
			return -1;
		if (name[4] == 't')
			mx_buf_add(&b, d, len);
		for (int64_t i = 0; i < need && i < 1000000; i++)
			mx_buf_addch(&b, pad[(size_t)i % padlen]);
		if (name[4] == 'l')
			mx_buf_add(&b, d, len);
		*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	if (IS("reverse", 1)) {
		struct mx_buf b = MX_BUF_INIT;
		size_t en = len;
		while (en > 0) {
			size_t st = en - 1;
			while (st > 0 && ((unsigned char)d[st] & 0xC0) == 0x80)
				st--;
			mx_buf_add(&b, d + st, en - st);
			en = st;
		}
		*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	if (IS("replace_prefix", 3) || IS("replace_suffix", 3) || IS("replace_leading", 3) ||
	    IS("replace_trailing", 3)) {
		if (!is_bin(a[1]) || !is_bin(a[2]))
			return fclause(ev, at, "String", name, n, a);
		bool pre = name[8] == 'p' || name[8] == 'l';
		bool repeat = name[8] == 'l' || name[8] == 't';
		const char *m = a[1]->u.bin.data;
		size_t ml = a[1]->u.bin.len, st = 0, en = len, count = 0;
		if (repeat && !ml)
			return ev_raise(ev, at, "ArgumentError",
			                "cannot use an empty string as the match to replace");
		/* _prefix/_suffix replace one match (an empty one too),
		 * _leading/_trailing every repetition. */
		do {
			bool hit = en - st >= ml && !memcmp(pre ? d + st : d + en - ml, m, ml);
			if (!hit)
				break;
			count++;
			if (pre)
				st += ml;
			else
				en -= ml;
		} while (repeat);
		if (!count) {
			*out = a[0];
			return 0;
		}
		if (ev_charge(ev, at, count * a[2]->u.bin.len / 16) < 0)
			return -1;
		struct mx_buf b = MX_BUF_INIT;
		for (size_t i = 0; pre && i < count; i++)
			mx_buf_add(&b, a[2]->u.bin.data, a[2]->u.bin.len);
		mx_buf_add(&b, d + st, en - st);
		for (size_t i = 0; !pre && i < count; i++)
			mx_buf_add(&b, a[2]->u.bin.data, a[2]->u.bin.len);
		*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return 0;
	}
	if (IS("at", 2)) {
		if (!is_int(a[1]))
			return fclause(ev, at, "String", name, n, a);
		size_t *starts = MX_ARENA_NEWN(A, size_t, len + 2), ncp = 0;
		for (size_t i = 0; i < len; i++)
			if (((unsigned char)d[i] & 0xC0) != 0x80)
				starts[ncp++] = i;
		starts[ncp] = len;
		int64_t k = a[1]->u.i < 0 ? (int64_t)ncp + a[1]->u.i : a[1]->u.i;
		*out = k >= 0 && (size_t)k < ncp ? bin(ev, d + starts[k], starts[k + 1] - starts[k])
		                                 : nil_(ev);
		return 0;
	}
	if (IS("graphemes", 1) || IS("codepoints", 1)) {
		struct ev_vec v = {0};
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t l = mx_term_utf8_decode(d + i, len - i, &cp);
			if (!l)
				l = 1;
			ev_vec_push(ev, &v, bin(ev, d + i, l));
			i += l;
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
#undef IS
	return 1;
}

/* ---- Keyword / Map / List / Access --------------------------------------------- */

/* The shared tail of Keyword and Map get/get/3/fetch/fetch!/has_key?, once the
 * value v for key a[1] in container c is looked up (NULL when absent). */
static int lookup_result(struct mx_eval *ev, const struct mx_ast *at, const char *name, size_t n,
                         struct mx_term **a, const struct mx_term *c, struct mx_term *v,
                         struct mx_term **out)
{
	if (!strcmp(name, "has_key?"))
		*out = boolean(ev, v != NULL);
	else if (!strcmp(name, "fetch"))
		*out = v ? mx_term_tuple2(A, atom(ev, "ok"), v) : atom(ev, "error");
	else if (v)
		*out = v;
	else if (name[0] == 'f')
		return ev_raise(ev, at, "KeyError", "key %s not found in: %s", insp(ev, a[1]),
		                insp(ev, c));
	else
		*out = n == 3 ? a[2] : nil_(ev);
	return 0;
}

static long kw_index(const struct mx_term *kw, const struct mx_term *key)
{
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *e = kw->u.list.items[i];
		if (e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		    mx_term_equal(e->u.tuple.items[0], key))
			return (long)i;
	}
	return -1;
}

/* kw without every pair whose key is key. */
static struct mx_term *kw_delete(struct mx_eval *ev, const struct mx_term *kw,
                                 const struct mx_term *key)
{
	struct ev_vec v = {0};
	for (size_t i = 0; i < kw->u.list.n; i++) {
		struct mx_term *e = kw->u.list.items[i];
		if (!(e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		      mx_term_equal(e->u.tuple.items[0], key)))
			ev_vec_push(ev, &v, e);
	}
	return ev_vec_list(ev, &v);
}

/* Keyword.merge/2: a's pairs whose key is not in b, then b. */
struct mx_term *mx_eval_kw_merge(struct mx_eval *ev, const struct mx_term *a,
                                 const struct mx_term *b)
{
	struct ev_vec v = {0};
	for (size_t i = 0; i < a->u.list.n; i++) {
		struct mx_term *e = a->u.list.items[i];
		if (kw_index(b, e->u.tuple.items[0]) < 0)
			ev_vec_push(ev, &v, e);
	}
	for (size_t i = 0; i < b->u.list.n; i++)
		ev_vec_push(ev, &v, b->u.list.items[i]);
	return ev_vec_list(ev, &v);
}

static int kw_merge3(struct mx_eval *ev, struct mx_term *k1, struct mx_term *k2,
                     const struct mx_term *fun, const struct mx_ast *at, struct mx_term **out)
{
	/* Keyword.merge/3: as do_merge in Keyword: k1's untouched pairs, then
	 * k2's pairs in order, each merged with k1's value when present. */
	struct ev_vec acc = {0};
	struct mx_term *rest = k1, *orig = k1;
	for (size_t i = 0; i < k2->u.list.n; i++) {
		struct mx_term *e = k2->u.list.items[i];
		struct mx_term *key = e->u.tuple.items[0];
		long j = kw_index(orig, key);
		if (j >= 0) {
			struct mx_term *args[3] = {key, orig->u.list.items[j]->u.tuple.items[1],
			                           e->u.tuple.items[1]};
			struct mx_term *mv;
			if (ev_call_fun(ev, fun, args, 3, at, &mv) < 0)
				return -1;
			ev_vec_push(ev, &acc, mx_term_tuple2(A, key, mv));
			/* keydelete removes the first occurrence only. */
			struct ev_vec o = {0};
			for (size_t k = 0; k < orig->u.list.n; k++)
				if ((long)k != j)
					ev_vec_push(ev, &o, orig->u.list.items[k]);
			orig = ev_vec_list(ev, &o);
			rest = kw_delete(ev, rest, key);
		} else {
			ev_vec_push(ev, &acc, e);
		}
	}
	struct ev_vec v = {0};
	for (size_t i = 0; i < rest->u.list.n; i++)
		ev_vec_push(ev, &v, rest->u.list.items[i]);
	for (size_t i = 0; i < acc.n; i++)
		ev_vec_push(ev, &v, acc.v[i]);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* Keyword.merge/2,3, with Elixir's checks in Elixir's order: lists (and a
 * fun of arity 3) or no clause matches; then which side is not a keyword
 * list (merge/2 looks at the second first, merge/3 at the first). */
static int kw_merge(struct mx_eval *ev, struct mx_term **a, size_t n, const struct mx_ast *at,
                    struct mx_term **out)
{
	if (!is_list(a[0]) || !is_list(a[1]) || (n == 3 && (a[2]->type != MX_TERM_FUN)))
		return fclause(ev, at, "Keyword", "merge", n, a);
	bool first_ok = mx_term_is_keyword(a[0]), second_ok = mx_term_is_keyword(a[1]);
	if ((n == 2 && second_ok && !first_ok) || (n == 3 && !first_ok))
		return ev_raise(ev, at, "ArgumentError",
		                "expected a keyword list as the first argument, got: %s",
		                insp(ev, a[0]));
	if (!second_ok)
		return ev_raise(ev, at, "ArgumentError",
		                "expected a keyword list as the second argument, got: %s",
		                insp(ev, a[1]));
	if (ev_charge(ev, at, a[0]->u.list.n + a[1]->u.list.n) < 0)
		return -1;
	if (n == 3)
		return kw_merge3(ev, a[0], a[1], a[2], at, out);
	*out = mx_eval_kw_merge(ev, a[0], a[1]);
	return 0;
}

static int keyword_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                      const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("new", 0)) {
		*out = empty_list(ev);
		return 0;
	}
	if (IS("keyword?", 1)) {
		*out = boolean(ev, mx_term_is_keyword(a[0]));
		return 0;
	}
	if (IS("merge", 2) || IS("merge", 3))
		return kw_merge(ev, a, n, at, out);
	if (!n || !mx_term_is_keyword(a[0]))
		return n ? fclause(ev, at, "Keyword", name, n, a) : 1;
	struct mx_term *kw = a[0];
	if (ev_charge(ev, at, kw->u.list.n) < 0)
		return -1;
	if (IS("new", 1) || IS("to_list", 1)) {
		*out = kw;
		return 0;
	}
	if (IS("get", 2) || IS("get", 3) || IS("fetch!", 2) || IS("fetch", 2) ||
	    IS("has_key?", 2)) {
		long i = kw_index(kw, a[1]);
		struct mx_term *v = i >= 0 ? kw->u.list.items[i]->u.tuple.items[1] : NULL;
		return lookup_result(ev, at, name, n, a, kw, v, out);
	}
	if (IS("put", 3)) {
		struct mx_term *rest = kw_delete(ev, kw, a[1]);
		struct mx_term *pair = mx_term_tuple2(A, a[1], a[2]);
		*out = mx_term_improper_list(A, &pair, 1, rest);
		return 0;
	}
	if (IS("put_new", 3)) {
		if (kw_index(kw, a[1]) >= 0) {
			*out = kw;
			return 0;
		}
		struct mx_term *pair = mx_term_tuple2(A, a[1], a[2]);
		*out = mx_term_improper_list(A, &pair, 1, kw);
		return 0;
	}
	if (IS("delete", 2)) {
		*out = kw_delete(ev, kw, a[1]);
		return 0;
	}
	if (IS("keys", 1) || IS("values", 1)) {
		struct ev_vec v = {0};
		for (size_t i = 0; i < kw->u.list.n; i++)
			ev_vec_push(ev, &v,
			            kw->u.list.items[i]->u.tuple.items[name[0] == 'k' ? 0 : 1]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("get_values", 2)) {
		struct ev_vec v = {0};
		for (size_t i = 0; i < kw->u.list.n; i++)
			if (mx_term_equal(kw->u.list.items[i]->u.tuple.items[0], a[1]))
				ev_vec_push(ev, &v, kw->u.list.items[i]->u.tuple.items[1]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("update", 4)) {
		/* Keyword.update(kw, key, default, fun): the first value updated,
		 * later duplicates dropped; default appended when missing. */
		long i = kw_index(kw, a[1]);
		if (i < 0) {
			struct mx_term *pair = mx_term_tuple2(A, a[1], a[2]);
			struct mx_term *one = mx_term_list(A, &pair, 1);
			return list_concat(ev, kw, one, at, out);
		}
		struct mx_term *nv;
		if (call1(ev, a[3], kw->u.list.items[i]->u.tuple.items[1], at, &nv) < 0)
			return -1;
		struct ev_vec v = {0};
		for (size_t j = 0; j < kw->u.list.n; j++) {
			struct mx_term *e = kw->u.list.items[j];
			if ((long)j == i)
				ev_vec_push(ev, &v, mx_term_tuple2(A, a[1], nv));
			else if (!mx_term_equal(e->u.tuple.items[0], a[1]))
				ev_vec_push(ev, &v, e);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("take", 2) || IS("drop", 2)) {
		if (!is_proper(a[1]))
			return fclause(ev, at, "Keyword", name, n, a);
		struct ev_vec v = {0};
		for (size_t i = 0; i < kw->u.list.n; i++) {
			struct mx_term *e = kw->u.list.items[i];
			bool in = false;
			for (size_t j = 0; j < a[1]->u.list.n && !in; j++)
				in = mx_term_equal(a[1]->u.list.items[j], e->u.tuple.items[0]);
			if (in == (name[0] == 't'))
				ev_vec_push(ev, &v, e);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
#undef IS
	return 1;
}

static struct mx_term *map_put(struct mx_eval *ev, const struct mx_term *m, struct mx_term *k,
                               struct mx_term *v)
{
	size_t n = m->u.map.n;
	struct mx_term **ks = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	struct mx_term **vs = MX_ARENA_NEWN(A, struct mx_term *, n + 1);
	if (n) {
		memcpy(ks, m->u.map.keys, n * sizeof(*ks));
		memcpy(vs, m->u.map.vals, n * sizeof(*vs));
	}
	size_t i;
	for (i = 0; i < n; i++)
		if (mx_term_equal(ks[i], k))
			break;
	ks[i] = k;
	vs[i] = v;
	return mx_term_map(A, ks, vs, i == n ? n + 1 : n);
}

static int map_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                  const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("new", 0)) {
		*out = mx_term_map(A, NULL, NULL, 0);
		return 0;
	}
	if (IS("new", 1) || IS("new", 2)) {
		struct mx_term *l = ev_to_list(ev, a[0], at);
		if (!l)
			return -1;
		return into(ev, l, mx_term_map(A, NULL, NULL, 0), n == 2 ? a[1] : NULL, false, at,
		            out);
	}
	if (!n || a[0]->type != MX_TERM_MAP)
		return n ? ev_raise(ev, at, "BadMapError", "expected a map, got: %s",
		                    insp(ev, a[0]))
		         : 1;
	struct mx_term *m = a[0];
	if (ev_charge(ev, at, m->u.map.n) < 0)
		return -1;
	if (IS("get", 2) || IS("get", 3) || IS("fetch!", 2) || IS("fetch", 2) ||
	    IS("has_key?", 2)) {
		return lookup_result(ev, at, name, n, a, m,
		                     (struct mx_term *)mx_term_map_get(m, a[1]), out);
	}
	if (IS("put", 3)) {
		*out = map_put(ev, m, a[1], a[2]);
		return 0;
	}
	if (IS("put_new", 3)) {
		*out = mx_term_map_get(m, a[1]) ? m : map_put(ev, m, a[1], a[2]);
		return 0;
	}
	if (IS("merge", 2)) {
		if (a[1]->type != MX_TERM_MAP)
			return ev_raise(ev, at, "BadMapError", "expected a map, got: %s",
			                insp(ev, a[1]));
		struct mx_term *r = m;
		for (size_t i = 0; i < a[1]->u.map.n; i++)
			r = map_put(ev, r, a[1]->u.map.keys[i], a[1]->u.map.vals[i]);
		*out = r;
		return 0;
	}
	if (IS("delete", 2) || IS("drop", 2) || IS("take", 2)) {
		struct ev_vec ks = {0}, vs = {0};
		for (size_t i = 0; i < m->u.map.n; i++) {
			bool hit;
			if (name[0] == 'd' && name[1] == 'e') {
				hit = mx_term_equal(m->u.map.keys[i], a[1]);
			} else {
				if (!is_proper(a[1]))
					return fclause(ev, at, "Map", name, n, a);
				hit = false;
				for (size_t j = 0; j < a[1]->u.list.n && !hit; j++)
					hit =
					    mx_term_equal(a[1]->u.list.items[j], m->u.map.keys[i]);
			}
			if (hit == (name[0] == 't')) {
				ev_vec_push(ev, &ks, m->u.map.keys[i]);
				ev_vec_push(ev, &vs, m->u.map.vals[i]);
			}
		}
		*out = mx_term_map(A, ks.v, vs.v, ks.n);
		return 0;
	}
	if (IS("keys", 1) || IS("values", 1) || IS("to_list", 1)) {
		struct mx_term *l = ev_to_list(ev, m, at);
		if (!l)
			return -1;
		if (name[0] == 't') {
			*out = l;
			return 0;
		}
		struct ev_vec v = {0};
		for (size_t i = 0; i < l->u.list.n; i++)
			ev_vec_push(ev, &v,
			            l->u.list.items[i]->u.tuple.items[name[0] == 'k' ? 0 : 1]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("from_struct", 1)) {
		if (!mx_term_struct_name(m))
			return fclause(ev, at, "Map", name, n, a);
		struct mx_term *key = atom(ev, "__struct__");
		struct mx_term *args[2] = {m, key};
		return map_fn(ev, "delete", args, 2, at, out);
	}
	if (IS("update!", 3) || IS("update", 4)) {
		const struct mx_term *v = mx_term_map_get(m, a[1]);
		struct mx_term *nv;
		if (!v && n == 3)
			return ev_raise(ev, at, "KeyError", "key %s not found in: %s",
			                insp(ev, a[1]), insp(ev, m));
		if (!v)
			nv = a[2];
		else if (call1(ev, a[n - 1], (struct mx_term *)v, at, &nv) < 0)
			return -1;
		*out = map_put(ev, m, a[1], nv);
		return 0;
	}
#undef IS
	return 1;
}

/* Nesting deeper than this (only a loop can build it) is an error rather
 * than a stack overflow. */
enum { MAX_FLATTEN_DEPTH = 10000 };

static int flatten_into(struct mx_eval *ev, const struct mx_term *l, struct ev_vec *v,
                        unsigned depth, const struct mx_ast *at)
{
	if (depth > MAX_FLATTEN_DEPTH)
		return ev_fail(ev, at, "List.flatten: list nested too deeply");
	for (size_t i = 0; i < l->u.list.n; i++) {
		struct mx_term *e = l->u.list.items[i];
		if (is_proper(e)) {
			if (flatten_into(ev, e, v, depth + 1, at) < 0)
				return -1;
		} else {
			ev_vec_push(ev, v, e);
		}
	}
	return 0;
}

static int list_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                   const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("wrap", 1)) {
		if (mx_term_is_nil(a[0]))
			*out = empty_list(ev);
		else if (is_list(a[0]))
			*out = a[0];
		else
			*out = mx_term_list(A, a, 1);
		return 0;
	}
	if (IS("duplicate", 2)) {
		if (!is_int(a[1]) || a[1]->u.i < 0)
			return fclause(ev, at, "List", name, n, a);
		if ((uint64_t)a[1]->u.i > ev->steps_left || a[1]->u.i > 10000000)
			return ev_fail(ev, at, "List.duplicate result too large");
		struct ev_vec v = {0};
		for (int64_t i = 0; i < a[1]->u.i; i++)
			ev_vec_push(ev, &v, a[0]);
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (!n || !is_proper(a[0]))
		return n ? fclause(ev, at, "List", name, n, a) : 1;
	struct mx_term *l = a[0];
	if (IS("flatten", 1)) {
		struct ev_vec v = {0};
		if (flatten_into(ev, l, &v, 0, at) < 0)
			return -1;
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("first", 1) || IS("first", 2) || IS("last", 1) || IS("last", 2)) {
		if (!l->u.list.n)
			*out = n == 2 ? a[1] : nil_(ev);
		else
			*out = l->u.list.items[name[0] == 'f' ? 0 : l->u.list.n - 1];
		return 0;
	}
	if (IS("delete", 2)) {
		struct ev_vec v = {0};
		bool done = false;
		for (size_t i = 0; i < l->u.list.n; i++) {
			if (!done && mx_term_equal(l->u.list.items[i], a[1])) {
				done = true;
				continue;
			}
			ev_vec_push(ev, &v, l->u.list.items[i]);
		}
		*out = ev_vec_list(ev, &v);
		return 0;
	}
	if (IS("to_tuple", 1)) {
		*out = mx_term_tuple(A, l->u.list.items, l->u.list.n);
		return 0;
	}
	if (IS("to_string", 1)) {
		struct mx_buf b = MX_BUF_INIT;
		int r = ev_to_string(ev, l, at, &b);
		if (r == 0)
			*out = bin(ev, b.buf, b.len);
		mx_buf_release(&b);
		return r;
	}
	if (IS("keyfind", 3)) {
		if (!is_int(a[2]))
			return fclause(ev, at, "List", name, n, a);
		for (size_t i = 0; i < l->u.list.n; i++) {
			struct mx_term *e = l->u.list.items[i];
			if (e->type == MX_TERM_TUPLE && a[2]->u.i >= 0 &&
			    (size_t)a[2]->u.i < e->u.tuple.n &&
			    mx_term_equal(e->u.tuple.items[a[2]->u.i], a[1])) {
				*out = e;
				return 0;
			}
		}
		*out = nil_(ev);
		return 0;
	}
#undef IS
	return 1;
}

static int access_get(struct mx_eval *ev, struct mx_term **a, const struct mx_ast *at,
                      struct mx_term **out)
{
	struct mx_term *c = a[0];
	if (mx_term_is_nil(c)) {
		*out = c;
		return 0;
	}
	if (c->type == MX_TERM_MAP) {
		const char *sn = mx_term_struct_name(c);
		if (sn) {
			const char *mod = strncmp(sn, "Elixir.", 7) ? sn : sn + 7;
			/* Elixir adds the alias hint for a name of one segment. */
			return ev_raise(
			    ev, at, "UndefinedFunctionError",
			    "function %s.fetch/2 is undefined (%s does not implement the Access "
			    "behaviour\n\nYou can use the \"struct.field\" syntax to access struct "
			    "fields. You can also use Access.key!/1 to access struct fields "
			    "dynamically inside get_in/put_in/update_in)%s",
			    mod, mod,
			    strchr(mod, '.')
			        ? ""
			        : ". Make sure the module name is correct and has been "
			          "specified in full (or that an alias has been defined)");
		}
		const struct mx_term *v = mx_term_map_get(c, a[1]);
		*out = v ? (struct mx_term *)v : nil_(ev);
		return 0;
	}
	if (is_list(c)) {
		if (is_int(a[1]))
			return ev_raise(
			    ev, at, "ArgumentError",
			    "the Access module does not support accessing lists by index, "
			    "got: %s\n\nAccessing a list by index is typically discouraged "
			    "in Elixir, instead we prefer to use the Enum module to "
			    "manipulate lists as a whole. If you really must access a list "
			    "element by index, you can use Enum.at/2 or the functions in "
			    "the List module",
			    insp(ev, a[1]));
		if (!is_atom(a[1]))
			return ev_raise(
			    ev, at, "ArgumentError",
			    "the Access module supports only keyword lists (with atom "
			    "keys), got: %s\n\nIf you want to search lists of tuples, use "
			    "List.keyfind/3",
			    insp(ev, a[1]));
		long i = kw_index(c, a[1]);
		*out = i >= 0 ? c->u.list.items[i]->u.tuple.items[1] : nil_(ev);
		return 0;
	}
	struct mx_term *args[3] = {c, a[1], nil_(ev)};
	return fclause(ev, at, "Access", "get", 3, args);
}

/* ---- Path ------------------------------------------------------------------ */

static void path_relative(const char *s, size_t n, const char **o, size_t *on)
{
	while (n && *s == '/')
		s++, n--;
	*o = s;
	*on = n;
}

static void path_join2(struct mx_buf *b, const char *l, size_t ln, const char *r, size_t rn)
{
	const char *rr;
	size_t rrn;
	path_relative(r, rn, &rr, &rrn);
	struct mx_buf t = MX_BUF_INIT;
	if (rn == 1 && r[0] == '/') {
		mx_buf_add(&t, l, ln);
	} else if (ln == 0) {
		mx_buf_add(&t, rr, rrn);
	} else if (ln == 1 && l[0] == '/') {
		mx_buf_addch(&t, '/');
		mx_buf_add(&t, rr, rrn);
	} else {
		mx_buf_add(&t, l, ln);
		if (t.len > 1 && t.buf[t.len - 1] == '/')
			mx_buf_setlen(&t, t.len - 1);
		mx_buf_addch(&t, '/');
		mx_buf_add(&t, rr, rrn);
	}
	/* remove_dir_sep on the result */
	if (t.len > 1 && t.buf[t.len - 1] == '/')
		mx_buf_setlen(&t, t.len - 1);
	mx_buf_reset(b);
	mx_buf_add(b, t.buf, t.len);
	mx_buf_release(&t);
}

/* The directory relative paths are relative to: ev->cwd, itself relative
 * to the process's working directory unless absolute. */
static void working_dir(struct mx_eval *ev, struct mx_buf *out)
{
	if (ev->cwd && ev->cwd[0] == '/') {
		mx_buf_adds(out, ev->cwd);
	} else {
		char cwd[4096];
		mx_buf_adds(out, getcwd(cwd, sizeof(cwd)) ? cwd : "/");
		if (ev->cwd)
			mx_buf_addf(out, "/%s", ev->cwd);
	}
}

/* Path.absname/1: made absolute against the working directory, with
 * repeated separators and "./" segments dropped and no trailing separator,
 * but ".." kept (Elixir's absname_join). */
static void path_absname(struct mx_eval *ev, struct mx_buf *out, const char *p)
{
	struct mx_buf full = MX_BUF_INIT;
	if (p[0] != '/') {
		working_dir(ev, &full);
		mx_buf_addch(&full, '/');
	}
	mx_buf_adds(&full, p);
	mx_buf_reset(out);
	for (size_t i = 0; i < full.len; i++) {
		char c = full.buf[i];
		if (c == '/' && out->len >= 2 && out->buf[out->len - 1] == '.' &&
		    out->buf[out->len - 2] == '/')
			mx_buf_setlen(out, out->len - 1);
		else if (c == '/' && out->len && out->buf[out->len - 1] == '/')
			continue;
		else
			mx_buf_addch(out, c);
	}
	if (out->len > 1 && out->buf[out->len - 1] == '/')
		mx_buf_setlen(out, out->len - 1);
	mx_buf_release(&full);
}

/* Path.dirname/1 is Erlang's filename:dirname/1: the path up to its last
 * separator, without trailing separators ("a/b/" gives "a/b"), "/" for a
 * name in the root and "." for a bare name. */
static void path_dirname(const char *p, struct mx_buf *out)
{
	const char *last = strrchr(p, '/');
	size_t dir = last ? (size_t)(last - p) : 0;
	while (dir > 0 && p[dir - 1] == '/')
		dir--;
	mx_buf_reset(out);
	/* Nothing but separators before the last one: the root. */
	if (dir)
		mx_buf_add(out, p, dir);
	else
		mx_buf_adds(out, last ? "/" : ".");
}

/* Path.expand: absolute (relative to base, or the cwd), ~ expanded, "." and
 * ".." resolved. */
static void path_expand(struct mx_eval *ev, struct mx_buf *out, const char *p, const char *base)
{
	struct mx_buf abs = MX_BUF_INIT;
	const char *home = ev_getenv(ev, "HOME");
	if (p[0] == '~' && (p[1] == '/' || !p[1])) {
		mx_buf_adds(&abs, home ? home : "");
		mx_buf_adds(&abs, p + 1);
	} else if (p[0] == '/') {
		mx_buf_adds(&abs, p);
	} else {
		struct mx_buf b2 = MX_BUF_INIT;
		if (base)
			path_expand(ev, &b2, base, NULL);
		else
			working_dir(ev, &b2);
		mx_buf_addf(&abs, "%s/%s", b2.buf, p);
		mx_buf_release(&b2);
	}
	/* Resolve segments. */
	mx_buf_reset(out);
	const char *s = abs.buf;
	while (*s) {
		while (*s == '/')
			s++;
		const char *e = s;
		while (*e && *e != '/')
			e++;
		size_t n = (size_t)(e - s);
		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* skip */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = strrchr(out->buf, '/');
			mx_buf_setlen(out, slash ? (size_t)(slash - out->buf) : 0);
		} else {
			mx_buf_addch(out, '/');
			mx_buf_add(out, s, n);
		}
		s = e;
	}
	if (!out->len)
		mx_buf_addch(out, '/');
	mx_buf_release(&abs);
}

static int path_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                   const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	struct mx_buf b = MX_BUF_INIT;
	int ret = 1;
	for (size_t i = 0; i < n; i++)
		if (!is_bin(a[i]) && !(i == 0 && IS("join", 1) && is_proper(a[0])))
			goto unknown_args;
	if (IS("join", 1)) {
		const struct mx_term *l = a[0];
		if (!is_proper(l) || !l->u.list.n) {
			ret = fclause(ev, at, "Path", "join", 1, a);
			goto out;
		}
		for (size_t i = 0; i < l->u.list.n; i++) {
			const struct mx_term *e = l->u.list.items[i];
			if (!is_bin(e)) {
				ret = fclause(ev, at, "Path", "join", 1, a);
				goto out;
			}
			if (i == 0) {
				/* Path.join(["a/"]) is "a/", as given. */
				mx_buf_add(&b, e->u.bin.data, e->u.bin.len);
			} else {
				char *left = mx_arena_strndup(A, b.buf, b.len);
				path_join2(&b, left, strlen(left), e->u.bin.data, e->u.bin.len);
			}
		}
	} else if (IS("join", 2)) {
		path_join2(&b, a[0]->u.bin.data, a[0]->u.bin.len, a[1]->u.bin.data,
		           a[1]->u.bin.len);
	} else if (IS("expand", 1) || IS("expand", 2)) {
		path_expand(ev, &b, a[0]->u.bin.data, n == 2 ? a[1]->u.bin.data : NULL);
	} else if (IS("absname", 1)) {
		path_absname(ev, &b, a[0]->u.bin.data);
	} else if (IS("dirname", 1)) {
		path_dirname(a[0]->u.bin.data, &b);
	} else if (IS("basename", 1) || IS("basename", 2)) {
		const char *s = a[0]->u.bin.data;
		size_t len = a[0]->u.bin.len;
		while (len > 1 && s[len - 1] == '/')
			len--;
		size_t st = len;
		while (st > 0 && s[st - 1] != '/')
			st--;
		mx_buf_add(&b, s + st, len - st);
		if (n == 2 && a[1]->u.bin.len <= b.len &&
		    !memcmp(b.buf + b.len - a[1]->u.bin.len, a[1]->u.bin.data, a[1]->u.bin.len))
			mx_buf_setlen(&b, b.len - a[1]->u.bin.len);
	} else if (IS("extname", 1)) {
		mx_buf_adds(&b, mx_path_ext(a[0]->u.bin.data));
	} else if (IS("rootname", 1)) {
		const char *ext = mx_path_ext(a[0]->u.bin.data);
		mx_buf_add(&b, a[0]->u.bin.data, a[0]->u.bin.len - strlen(ext));
	} else if (IS("split", 1)) {
		struct ev_vec v = {0};
		const char *s = a[0]->u.bin.data;
		if (s[0] == '/')
			ev_vec_push(ev, &v, bin(ev, "/", 1));
		while (*s) {
			while (*s == '/')
				s++;
			const char *e = s;
			while (*e && *e != '/')
				e++;
			if (e > s)
				ev_vec_push(ev, &v, bin(ev, s, (size_t)(e - s)));
			s = e;
		}
		*out = ev_vec_list(ev, &v);
		ret = 0;
		goto out;
	} else {
		goto out;
	}
	*out = bin(ev, b.buf, b.len);
	ret = 0;
	goto out;
unknown_args:
	ret = fclause(ev, at, "Path", name, n, a);
out:
	mx_buf_release(&b);
	return ret;
#undef IS
}

/* A path as the evaluated code means it: relative ones against ev->cwd. */
static void resolve(struct mx_eval *ev, const char *p, struct mx_buf *out)
{
	if (p[0] == '/' || !ev->cwd)
		mx_buf_adds(out, p);
	else
		mx_path_join(out, ev->cwd, p);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int file_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                   const struct mx_ast *at, struct mx_term **out)
{
	if (n != 1 || !is_bin(a[0]))
		return n == 1 ? fclause(ev, at, "File", name, n, a) : 1;
	struct mx_buf p = MX_BUF_INIT;
	int ret = 0;
	resolve(ev, a[0]->u.bin.data, &p);
	if (!strcmp(name, "exists?"))
		*out = boolean(ev, mx_fs_exists(p.buf));
	else if (!strcmp(name, "dir?"))
		*out = boolean(ev, mx_fs_is_dir(p.buf));
	else if (!strcmp(name, "regular?"))
		*out = boolean(ev, mx_fs_is_file(p.buf));
	else if (!strcmp(name, "read!")) {
		struct mx_buf data = MX_BUF_INIT;
		struct mx_err e = MX_ERR_INIT;
		if (mx_fs_read(p.buf, &data, &e) < 0)
			ret = ev_raise(ev, at, "File.Error", "could not read file %s: %s",
			               insp(ev, a[0]),
			               mx_fs_is_dir(p.buf) ? "illegal operation on a directory"
			                                   : "no such file or directory");
		else
			*out = bin(ev, data.buf, data.len);
		mx_buf_release(&data);
	} else
		ret = 1;
	mx_buf_release(&p);
	return ret;
}

/* Path.wildcard/1 over the file system, sorted as Elixir returns it. Glob
 * syntax is glob(3)'s (* ? [..]); Elixir's ** and {a,b} are not handled. */
static int path_wildcard(struct mx_eval *ev, struct mx_term *pat, const struct mx_ast *at,
                         struct mx_term **out)
{
	struct mx_buf p = MX_BUF_INIT;
	glob_t g;
	struct ev_vec v = {0};
	if (!is_bin(pat))
		return fclause(ev, at, "Path", "wildcard", 1, &pat);
	if (strstr(pat->u.bin.data, "**") || strchr(pat->u.bin.data, '{')) {
		return ev_fail(ev, at, "Path.wildcard with ** or {} is not supported");
	}
	resolve(ev, pat->u.bin.data, &p);
	memset(&g, 0, sizeof(g));
	if (glob(p.buf, 0, NULL, &g) == 0) {
		qsort(g.gl_pathv, g.gl_pathc, sizeof(char *), cmp_str);
		size_t skip = 0;
		/* Results are spelled as the pattern was (relative stays relative). */
		if (pat->u.bin.data[0] != '/' && ev->cwd)
			skip = strlen(ev->cwd) + 1;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *r = g.gl_pathv[i];
			if (strlen(r) >= skip)
				r += skip;
			ev_vec_push(ev, &v, bin(ev, r, strlen(r)));
		}
	}
	globfree(&g);
	mx_buf_release(&p);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* ---- System / Mix / Atom / Integer / Tuple ------------------------------------------ */

static int system_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                     const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("get_env", 1) || IS("get_env", 2) || IS("fetch_env!", 1) || IS("fetch_env", 1)) {
		if (!is_bin(a[0]))
			return fclause(ev, at, "System", name, n, a);
		const char *v = ev_getenv(ev, a[0]->u.bin.data);
		if (!strcmp(name, "fetch_env!") && !v)
			return ev_raise(ev, at, "System.EnvError",
			                "could not fetch environment variable %s because it is "
			                "not set",
			                insp(ev, a[0]));
		if (!strcmp(name, "fetch_env"))
			*out = v ? mx_term_tuple2(A, atom(ev, "ok"), bin(ev, v, strlen(v)))
			         : atom(ev, "error");
		else
			*out = v ? bin(ev, v, strlen(v)) : n == 2 ? a[1] : nil_(ev);
		return 0;
	}
	if (IS("schedulers_online", 0) || IS("schedulers", 0)) {
		long c = sysconf(_SC_NPROCESSORS_ONLN);
		*out = mx_term_int(A, c > 0 ? c : 1);
		return 0;
	}
	if (IS("tmp_dir", 0) || IS("tmp_dir!", 0)) {
		const char *t = ev_getenv(ev, "TMPDIR");
		*out = bin(ev, t ? t : "/tmp", strlen(t ? t : "/tmp"));
		return 0;
	}
	if (IS("user_home", 0) || IS("user_home!", 0)) {
		const char *h = ev_getenv(ev, "HOME");
		*out = h ? bin(ev, h, strlen(h)) : nil_(ev);
		return 0;
	}
#undef IS
	return 1;
}

static int integer_fn(struct mx_eval *ev, const char *name, struct mx_term **a, size_t n,
                      const struct mx_ast *at, struct mx_term **out)
{
#define IS(s, k) (n == (k) && !strcmp(name, (s)))
	if (IS("to_string", 1) || IS("to_string", 2)) {
		if (!is_int(a[0]))
			return badarg(ev, at, 0, "not an integer");
		int64_t base = n == 2 && is_int(a[1]) ? a[1]->u.i : 10;
		if (base < 2 || base > 36)
			return fclause(ev, at, "Integer", name, n, a);
		char buf[80];
		size_t k = sizeof(buf);
		buf[--k] = '\0';
		uint64_t v = a[0]->u.i < 0 ? 0 - (uint64_t)a[0]->u.i : (uint64_t)a[0]->u.i;
		do {
			buf[--k] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[v % (uint64_t)base];
			v /= (uint64_t)base;
		} while (v);
		if (a[0]->u.i < 0)
			buf[--k] = '-';
		*out = bin(ev, buf + k, strlen(buf + k));
		return 0;
	}
	if (IS("parse", 1) || IS("parse", 2)) {
		if (!is_bin(a[0]))
			return fclause(ev, at, "Integer", name, n, a);
		int base = n == 2 && is_int(a[1]) ? (int)a[1]->u.i : 10;
		int64_t v;
		size_t used;
		int r = parse_int(a[0]->u.bin.data, a[0]->u.bin.len, base, &v, &used);
		if (r == -2)
			return ev_fail(ev, at, "integer does not fit in 64 bits");
		if (r < 0) {
			*out = atom(ev, "error");
			return 0;
		}
		*out = mx_term_tuple2(A, mx_term_int(A, v),
		                      bin(ev, a[0]->u.bin.data + used, a[0]->u.bin.len - used));
		return 0;
	}
#undef IS
	return 1;
}

int ev_builtin(struct mx_eval *ev, const char *module, const char *name, struct mx_term **args,
               size_t n, const struct mx_ast *at, struct mx_term **out)
{
	if (!module || !strcmp(module, "Kernel"))
		return kernel(ev, name, args, n, at, out);
	if (!strcmp(module, "Enum"))
		return enum_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "String"))
		return string_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "Keyword"))
		return keyword_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "Map"))
		return map_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "List"))
		return list_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "Path") && n == 1 && !strcmp(name, "wildcard"))
		return path_wildcard(ev, args[0], at, out);
	if (!strcmp(module, "Path"))
		return path_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "File"))
		return file_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "System"))
		return system_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "Integer"))
		return integer_fn(ev, name, args, n, at, out);
	if (!strcmp(module, "Access") && n == 2 && !strcmp(name, "get"))
		return access_get(ev, args, at, out);
	if ((!strcmp(module, "Mix") && n == 0) || (!strcmp(module, "Config") && n == 0)) {
		if (!strcmp(name, "env") || !strcmp(name, "config_env")) {
			*out = atom(ev, ev->mix_env);
			return 0;
		}
		if (!strcmp(name, "target") || !strcmp(name, "config_target")) {
			*out = atom(ev, ev->mix_target);
			return 0;
		}
		return 1;
	}
	if (!strcmp(module, "Atom") && n == 1 && is_atom(args[0])) {
		if (!strcmp(name, "to_string")) {
			*out = bin(ev, args[0]->u.atom.name, args[0]->u.atom.len);
			return 0;
		}
		if (!strcmp(name, "to_charlist")) {
			*out = mx_eval_charlist(ev, args[0]->u.atom.name, args[0]->u.atom.len);
			return 0;
		}
		return 1;
	}
	if (!strcmp(module, "Tuple") && n == 1 && args[0]->type == MX_TERM_TUPLE &&
	    !strcmp(name, "to_list")) {
		*out = mx_term_list(A, args[0]->u.tuple.items, args[0]->u.tuple.n);
		return 0;
	}
	return 1;
}
