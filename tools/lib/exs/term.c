/*
 * term: Elixir values, their comparison, and their printing as inspect/1 and
 * to_string/1 print them (see term.h).
 */
#include "term.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Constructors ------------------------------------------------------ */

static struct mx_term *new_term(struct mx_arena *a, enum mx_term_type type)
{
	struct mx_term *t = MX_ARENA_NEW(a, struct mx_term);
	t->type = type;
	return t;
}

struct mx_term *mx_term_atomn(struct mx_arena *a, const char *name, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_ATOM);
	t->u.atom.name = mx_arena_strndup(a, name, n);
	t->u.atom.len = n;
	return t;
}

struct mx_term *mx_term_atom(struct mx_arena *a, const char *name)
{
	return mx_term_atomn(a, name, strlen(name));
}

struct mx_term *mx_term_nil(struct mx_arena *a)
{
	return mx_term_atomn(a, "nil", 3);
}

struct mx_term *mx_term_bool(struct mx_arena *a, bool v)
{
	return v ? mx_term_atomn(a, "true", 4) : mx_term_atomn(a, "false", 5);
}

struct mx_term *mx_term_int(struct mx_arena *a, int64_t v)
{
	struct mx_term *t = new_term(a, MX_TERM_INT);
	t->u.i = v;
	return t;
}

struct mx_term *mx_term_float(struct mx_arena *a, double v)
{
	struct mx_term *t = new_term(a, MX_TERM_FLOAT);
	t->u.f = v;
	return t;
}

struct mx_term *mx_term_binary(struct mx_arena *a, const char *s, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_BINARY);
	t->u.bin.data = mx_arena_strndup(a, s ? s : "", s ? n : 0);
	t->u.bin.len = s ? n : 0;
	return t;
}

struct mx_term *mx_term_string(struct mx_arena *a, const char *s)
{
	return mx_term_binary(a, s, strlen(s));
}

static struct mx_term **copy_items(struct mx_arena *a, struct mx_term **items, size_t n)
{
	if (!n)
		return NULL;
	return mx_arena_memdup(a, items, n * sizeof(*items));
}

struct mx_term *mx_term_list(struct mx_arena *a, struct mx_term **items, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_LIST);
	t->u.list.items = copy_items(a, items, n);
	t->u.list.n = n;
	return t;
}

struct mx_term *mx_term_tuple(struct mx_arena *a, struct mx_term **items, size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_TUPLE);
	t->u.tuple.items = copy_items(a, items, n);
	t->u.tuple.n = n;
	return t;
}

struct mx_term *mx_term_tuple2(struct mx_arena *a, struct mx_term *x, struct mx_term *y)
{
	struct mx_term *items[2] = {x, y};
	return mx_term_tuple(a, items, 2);
}

struct mx_term *mx_term_map(struct mx_arena *a, struct mx_term **keys, struct mx_term **vals,
                            size_t n)
{
	struct mx_term *t = new_term(a, MX_TERM_MAP);
	t->u.map.keys = copy_items(a, keys, n);
	t->u.map.vals = copy_items(a, vals, n);
	t->u.map.n = n;
	return t;
}

struct mx_term *mx_term_opaque(struct mx_arena *a, const char *what)
{
	struct mx_term *t = new_term(a, MX_TERM_OPAQUE);
	t->u.opaque.what = mx_arena_strdup(a, what);
	return t;
}

struct mx_term *mx_term_improper_list(struct mx_arena *a, struct mx_term **items, size_t n,
                                      struct mx_term *tail)
{
	/* [a | []] is the proper list [a]; [a | [b]] is [a, b]. */
	if (tail && tail->type == MX_TERM_LIST) {
		size_t m = tail->u.list.n;
		struct mx_term **all = MX_ARENA_NEWN(a, struct mx_term *, n + m + 1);
		if (n)
			memcpy(all, items, n * sizeof(*all));
		if (m)
			memcpy(all + n, tail->u.list.items, m * sizeof(*all));
		struct mx_term *t = new_term(a, MX_TERM_LIST);
		t->u.list.items = (n + m) ? all : NULL;
		t->u.list.n = n + m;
		t->u.list.tail = tail->u.list.tail;
		return t;
	}
	struct mx_term *t = mx_term_list(a, items, n);
	t->u.list.tail = tail;
	return t;
}

struct mx_term *mx_term_struct(struct mx_arena *a, const char *module, const char **fields,
                               struct mx_term **vals, size_t n)
{
	struct mx_term **k = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	struct mx_term **v = MX_ARENA_NEWN(a, struct mx_term *, n + 1);
	k[0] = mx_term_atom(a, "__struct__");
	v[0] = mx_term_atom(a, module);
	for (size_t i = 0; i < n; i++) {
		k[i + 1] = mx_term_atom(a, fields[i]);
		v[i + 1] = vals[i];
	}
	return mx_term_map(a, k, v, n + 1);
}

/* ---- Predicates and accessors ----------------------------------------- */

bool mx_term_is_atom(const struct mx_term *t, const char *name)
{
	return t && t->type == MX_TERM_ATOM && strlen(name) == t->u.atom.len &&
	       !memcmp(t->u.atom.name, name, t->u.atom.len);
}

bool mx_term_is_nil(const struct mx_term *t)
{
	return mx_term_is_atom(t, "nil");
}

bool mx_term_truthy(const struct mx_term *t)
{
	return t && !mx_term_is_atom(t, "nil") && !mx_term_is_atom(t, "false");
}

bool mx_term_is_string(const struct mx_term *t, const char *s)
{
	return t && t->type == MX_TERM_BINARY && strlen(s) == t->u.bin.len &&
	       !memcmp(t->u.bin.data, s, t->u.bin.len);
}

bool mx_term_is_keyword(const struct mx_term *t)
{
	if (!t || t->type != MX_TERM_LIST || t->u.list.tail)
		return false;
	for (size_t i = 0; i < t->u.list.n; i++) {
		const struct mx_term *e = t->u.list.items[i];
		if (e->type != MX_TERM_TUPLE || e->u.tuple.n != 2 ||
		    e->u.tuple.items[0]->type != MX_TERM_ATOM)
			return false;
	}
	return true;
}

bool mx_term_is_empty_list(const struct mx_term *t)
{
	return t && t->type == MX_TERM_LIST && !t->u.list.n && !t->u.list.tail;
}

static bool same_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && (!an || !memcmp(a, b, an));
}

static long map_find(const struct mx_term *m, const struct mx_term *key)
{
	for (size_t i = 0; i < m->u.map.n; i++)
		if (mx_term_equal(m->u.map.keys[i], key))
			return (long)i;
	return -1;
}

/* Terms the evaluator builds in a loop can nest deeper than any source
 * could ([acc] 100,000 times). The recursive walks below stop at these
 * depths instead of overflowing the C stack: equal says false, compare
 * says equal, inspect prints "...", to_string fails. */
enum { MAX_WALK_DEPTH = 10000, MAX_INSPECT_DEPTH = 2000 };
static unsigned walk_depth;

static bool equal_rec(const struct mx_term *x, const struct mx_term *y);

bool mx_term_equal(const struct mx_term *x, const struct mx_term *y)
{
	if (walk_depth >= MAX_WALK_DEPTH)
		return false;
	walk_depth++;
	bool r = equal_rec(x, y);
	walk_depth--;
	return r;
}

static bool equal_rec(const struct mx_term *x, const struct mx_term *y)
{
	if (x == y)
		return true;
	if (!x || !y || x->type != y->type)
		return false;
	switch (x->type) {
	case MX_TERM_ATOM:
		return same_bytes(x->u.atom.name, x->u.atom.len, y->u.atom.name, y->u.atom.len);
	case MX_TERM_INT:
		return x->u.i == y->u.i;
	case MX_TERM_FLOAT:
		return x->u.f == y->u.f && signbit(x->u.f) == signbit(y->u.f);
	case MX_TERM_BINARY:
		return same_bytes(x->u.bin.data, x->u.bin.len, y->u.bin.data, y->u.bin.len);
	case MX_TERM_LIST:
		if (x->u.list.n != y->u.list.n)
			return false;
		for (size_t i = 0; i < x->u.list.n; i++)
			if (!mx_term_equal(x->u.list.items[i], y->u.list.items[i]))
				return false;
		if (!x->u.list.tail || !y->u.list.tail)
			return !x->u.list.tail && !y->u.list.tail;
		return mx_term_equal(x->u.list.tail, y->u.list.tail);
	case MX_TERM_TUPLE:
		if (x->u.tuple.n != y->u.tuple.n)
			return false;
		for (size_t i = 0; i < x->u.tuple.n; i++)
			if (!mx_term_equal(x->u.tuple.items[i], y->u.tuple.items[i]))
				return false;
		return true;
	case MX_TERM_MAP:
		if (x->u.map.n != y->u.map.n)
			return false;
		for (size_t i = 0; i < x->u.map.n; i++) {
			long j = map_find(y, x->u.map.keys[i]);
			if (j < 0 || !mx_term_equal(x->u.map.vals[i], y->u.map.vals[j]))
				return false;
		}
		return true;
	case MX_TERM_FUN:
		return x->u.fun.node == y->u.fun.node && x->u.fun.env == y->u.fun.env;
	case MX_TERM_OPAQUE:
		return !strcmp(x->u.opaque.what, y->u.opaque.what);
	}
	return false;
}

/* Erlang's order of types: number < atom < reference < fun < port < pid <
 * tuple < map < nil < list < bitstring. Opaque values stand in for
 * references; [] and non-empty lists are both "list" (compared elementwise,
 * which puts [] first anyway). */
static int type_rank(const struct mx_term *t)
{
	switch (t->type) {
	case MX_TERM_INT:
	case MX_TERM_FLOAT:
		return 0;
	case MX_TERM_ATOM:
		return 1;
	case MX_TERM_OPAQUE:
		return 2;
	case MX_TERM_FUN:
		return 3;
	case MX_TERM_TUPLE:
		return 4;
	case MX_TERM_MAP:
		return 5;
	case MX_TERM_LIST:
		return 6;
	case MX_TERM_BINARY:
		return 7;
	}
	return 8;
}

static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, n) : 0;
	if (c)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn ? 1 : 0;
}

static int cmp_num(const struct mx_term *x, const struct mx_term *y)
{
	if (x->type == MX_TERM_INT && y->type == MX_TERM_INT)
		return x->u.i < y->u.i ? -1 : x->u.i > y->u.i ? 1 : 0;
	double a = x->type == MX_TERM_INT ? (double)x->u.i : x->u.f;
	double b = y->type == MX_TERM_INT ? (double)y->u.i : y->u.f;
	return a < b ? -1 : a > b ? 1 : 0;
}

/* Indices of a map's keys in term order (Erlang compares maps by their
 * sorted keys, then the values in that order). Caller frees. */
static size_t *sorted_key_order(const struct mx_term *m)
{
	size_t n = m->u.map.n;
	size_t *idx = mx_xmalloc((n ? n : 1) * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	/* Insertion sort: maps here are small, and this keeps it stable. */
	for (size_t i = 1; i < n; i++) {
		size_t v = idx[i], j = i;
		while (j > 0 && mx_term_compare(m->u.map.keys[idx[j - 1]], m->u.map.keys[v]) > 0) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = v;
	}
	return idx;
}

static int cmp_map(const struct mx_term *x, const struct mx_term *y)
{
	if (x->u.map.n != y->u.map.n)
		return x->u.map.n < y->u.map.n ? -1 : 1;
	size_t *ix = sorted_key_order(x), *iy = sorted_key_order(y);
	int c = 0;
	for (size_t i = 0; !c && i < x->u.map.n; i++)
		c = mx_term_compare(x->u.map.keys[ix[i]], y->u.map.keys[iy[i]]);
	for (size_t i = 0; !c && i < x->u.map.n; i++)
		c = mx_term_compare(x->u.map.vals[ix[i]], y->u.map.vals[iy[i]]);
	free(ix);
	free(iy);
	return c;
}

static int compare_rec(const struct mx_term *x, const struct mx_term *y);

int mx_term_compare(const struct mx_term *x, const struct mx_term *y)
{
	if (walk_depth >= MAX_WALK_DEPTH)
		return 0;
	walk_depth++;
	int r = compare_rec(x, y);
	walk_depth--;
	return r;
}

static int compare_rec(const struct mx_term *x, const struct mx_term *y)
{
	if (x == y)
		return 0;
	int rx = type_rank(x), ry = type_rank(y);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	switch (x->type) {
	case MX_TERM_INT:
	case MX_TERM_FLOAT:
		return cmp_num(x, y);
	case MX_TERM_ATOM:
		return cmp_bytes(x->u.atom.name, x->u.atom.len, y->u.atom.name, y->u.atom.len);
	case MX_TERM_BINARY:
		return cmp_bytes(x->u.bin.data, x->u.bin.len, y->u.bin.data, y->u.bin.len);
	case MX_TERM_TUPLE: {
		if (x->u.tuple.n != y->u.tuple.n)
			return x->u.tuple.n < y->u.tuple.n ? -1 : 1;
		for (size_t i = 0; i < x->u.tuple.n; i++) {
			int c = mx_term_compare(x->u.tuple.items[i], y->u.tuple.items[i]);
			if (c)
				return c;
		}
		return 0;
	}
	case MX_TERM_LIST: {
		size_t n = x->u.list.n < y->u.list.n ? x->u.list.n : y->u.list.n;
		for (size_t i = 0; i < n; i++) {
			int c = mx_term_compare(x->u.list.items[i], y->u.list.items[i]);
			if (c)
				return c;
		}
		if (x->u.list.n == y->u.list.n) {
			if (x->u.list.tail && y->u.list.tail)
				return mx_term_compare(x->u.list.tail, y->u.list.tail);
			return x->u.list.tail ? 1 : y->u.list.tail ? -1 : 0;
		}
		/* The shorter one ends first: its tail ([] or an improper
		 * tail) is compared with the longer one's next element. */
		if (x->u.list.n < y->u.list.n)
			return x->u.list.tail ? mx_term_compare(x->u.list.tail, y->u.list.items[n])
			                      : -1;
		return y->u.list.tail ? mx_term_compare(x->u.list.items[n], y->u.list.tail) : 1;
	}
	case MX_TERM_MAP:
		return cmp_map(x, y);
	case MX_TERM_FUN: {
		uintptr_t a = (uintptr_t)x->u.fun.node, b = (uintptr_t)y->u.fun.node;
		return a < b ? -1 : a > b ? 1 : 0;
	}
	case MX_TERM_OPAQUE: {
		int c = strcmp(x->u.opaque.what, y->u.opaque.what);
		return c < 0 ? -1 : c > 0 ? 1 : 0;
	}
	}
	return 0;
}

const struct mx_term *mx_term_kw_get(const struct mx_term *kw, const char *key)
{
	if (!kw || kw->type != MX_TERM_LIST)
		return NULL;
	for (size_t i = 0; i < kw->u.list.n; i++) {
		const struct mx_term *e = kw->u.list.items[i];
		if (e->type == MX_TERM_TUPLE && e->u.tuple.n == 2 &&
		    mx_term_is_atom(e->u.tuple.items[0], key))
			return e->u.tuple.items[1];
	}
	return NULL;
}

const struct mx_term *mx_term_map_get_atom(const struct mx_term *m, const char *key)
{
	if (!m || m->type != MX_TERM_MAP)
		return NULL;
	for (size_t i = 0; i < m->u.map.n; i++)
		if (mx_term_is_atom(m->u.map.keys[i], key))
			return m->u.map.vals[i];
	return NULL;
}

const struct mx_term *mx_term_map_get(const struct mx_term *m, const struct mx_term *key)
{
	if (!m || m->type != MX_TERM_MAP)
		return NULL;
	long i = map_find(m, key);
	return i < 0 ? NULL : m->u.map.vals[i];
}

const char *mx_term_struct_name(const struct mx_term *t)
{
	const struct mx_term *s = mx_term_map_get_atom(t, "__struct__");
	return s && s->type == MX_TERM_ATOM ? s->u.atom.name : NULL;
}

const char *mx_term_alias_name(const struct mx_term *atom)
{
	const char *n = atom->u.atom.name;
	if (!strncmp(n, "Elixir.", 7) && n[7])
		return n + 7;
	return n;
}

/* ---- inspect ------------------------------------------------------------ */

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}
static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}
static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}
static bool is_ident_char(int c)
{
	return is_upper(c) || is_lower(c) || is_digit(c) || c == '_' || c >= 0x80;
}

/* foo, foo?, Foo, _x, élan: what Elixir prints without quotes after ':'
 * and before ':' in keyword keys. Non-ASCII letters are accepted as Elixir
 * accepts Unicode identifiers (a simplification: any byte >= 0x80). */
static bool plain_identifier(const char *s, size_t n)
{
	if (!n)
		return false;
	unsigned char c0 = (unsigned char)s[0];
	if (!(is_lower(c0) || is_upper(c0) || c0 == '_' || c0 >= 0x80))
		return false;
	size_t i = 1;
	/* '@' is allowed after the first character (:foo@host). */
	while (i < n && (is_ident_char((unsigned char)s[i]) || s[i] == '@'))
		i++;
	if (i < n && (s[i] == '?' || s[i] == '!'))
		i++;
	return i == n;
}

/* "Elixir.Foo.Bar": every segment an alias (Upper then word chars). */
static bool alias_atom(const char *s, size_t n)
{
	if (n < 8 || strncmp(s, "Elixir.", 7))
		return false;
	size_t i = 7;
	for (;;) {
		if (i >= n || !is_upper((unsigned char)s[i]))
			return false;
		i++;
		while (i < n && (is_ident_char((unsigned char)s[i]) && (unsigned char)s[i] < 0x80))
			i++;
		if (i == n)
			return true;
		if (s[i] != '.')
			return false;
		i++;
	}
}

static const char *const operator_atoms[] = {
    "+",   "-",   "*",   "/",   "++",  "--",   "**",   "==",  "!=",  "===",  "!==", "<",  ">",
    "<=",  ">=",  "&&",  "||",  "!",   "<>",   "|>",   "<<<", ">>>", "<<~",  "~>>", "<~", "~>",
    "<~>", "|||", "&&&", "=~",  "->",  "<-",   "\\\\", "=",   "|",   "&",    "^",   "@",  ".",
    "..",  "...", "//",  "+++", "---", "..//", "%",    "%{}", "{}",  "<<>>", NULL,
};

static bool operator_atom(const char *s, size_t n)
{
	for (size_t i = 0; operator_atoms[i]; i++)
		if (strlen(operator_atoms[i]) == n && !memcmp(operator_atoms[i], s, n))
			return true;
	return false;
}

/* Decodes one UTF-8 sequence at s[0..n); returns its length and the code
 * point, or 0 when the bytes are not valid UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (!n)
		return 0;
	unsigned c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

static void utf8_encode(struct mx_buf *out, uint32_t cp)
{
	if (cp < 0x80) {
		mx_buf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		mx_buf_addch(out, 0xC0 | (cp >> 6));
		mx_buf_addch(out, 0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		mx_buf_addch(out, 0xE0 | (cp >> 12));
		mx_buf_addch(out, 0x80 | ((cp >> 6) & 0x3F));
		mx_buf_addch(out, 0x80 | (cp & 0x3F));
	} else {
		mx_buf_addch(out, 0xF0 | (cp >> 18));
		mx_buf_addch(out, 0x80 | ((cp >> 12) & 0x3F));
		mx_buf_addch(out, 0x80 | ((cp >> 6) & 0x3F));
		mx_buf_addch(out, 0x80 | (cp & 0x3F));
	}
}

void mx_term_utf8_encode(struct mx_buf *out, uint32_t cp)
{
	utf8_encode(out, cp);
}

size_t mx_term_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	return utf8_decode((const unsigned char *)s, n, cp);
}

/* The escapes inspect writes, as String.Chars/Inspect of Elixir's Inspect.BitString. */
static const char *escape_of(uint32_t cp)
{
	switch (cp) {
	case '\a':
		return "\\a";
	case '\b':
		return "\\b";
	case 0x1B:
		return "\\e";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '\v':
		return "\\v";
	case '\\':
		return "\\\\";
	case 0x7F:
		return "\\d";
	default:
		return NULL;
	}
}

/* String.printable?/1: valid UTF-8 whose code points are printable or one
 * of the escapable controls. */
static bool printable_binary(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(p + i, n - i, &cp);
		if (!l)
			return false;
		if (!((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF) ||
		      (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000 ||
		      (escape_of(cp) && cp != '\\')))
			return false;
		i += l;
	}
	return true;
}

/* Code points Code.Identifier.escape shows as \uXXXX because they are
 * invisible or confusing (zero-width spaces, bidi controls...). */
static bool confusable(uint32_t c)
{
	return c == 0xFEFF || (c >= 0x2061 && c <= 0x2064) || c == 0x061C || c == 0x200E ||
	       c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       (c >= 0xFFF9 && c <= 0xFFFC) || c == 0x200C || c == 0x200D || c == 0x034F ||
	       c == 0x00A0 || c == 0x200B || c == 0x2060 || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x205F;
}

/* Writes the body of a quoted literal as Code.Identifier.escape/2 does:
 * the quote character and #{ escaped, controls as \n \t..., confusing
 * spaces as \uXXXX, other unprintables as \xHH. */
static void quote_body(struct mx_buf *out, const char *s, size_t n, char quote)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(p + i, n - i, &cp);
		if (!l) {
			mx_buf_addf(out, "\\x%02X", p[i]);
			i++;
			continue;
		}
		const char *e = escape_of(cp);
		if (cp == (uint32_t)quote)
			mx_buf_addf(out, "\\%c", quote);
		else if (cp == '#' && i + 1 < n && p[i + 1] == '{')
			mx_buf_adds(out, "\\#");
		else if (e)
			mx_buf_adds(out, e);
		else if (cp == 0)
			mx_buf_adds(out, "\\0");
		else if (confusable(cp))
			mx_buf_addf(out, "\\u%04X", cp);
		else if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF) ||
		         (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)
			mx_buf_add(out, s + i, l);
		else if (cp < 0x100)
			mx_buf_addf(out, "\\x%02X", cp);
		else
			mx_buf_addf(out, "\\x{%04X}", cp);
		i += l;
	}
}

static void inspect_binary(const char *s, size_t n, struct mx_buf *out)
{
	if (printable_binary(s, n)) {
		mx_buf_addch(out, '"');
		quote_body(out, s, n, '"');
		mx_buf_addch(out, '"');
		return;
	}
	mx_buf_adds(out, "<<");
	for (size_t i = 0; i < n; i++)
		mx_buf_addf(out, "%s%u", i ? ", " : "", (unsigned char)s[i]);
	mx_buf_adds(out, ">>");
}

static void inspect_atom_body(const char *s, size_t n, struct mx_buf *out)
{
	/* Only called for the quoted forms. */
	mx_buf_addch(out, '"');
	quote_body(out, s, n, '"');
	mx_buf_addch(out, '"');
}

static void inspect_atom(const struct mx_term *t, struct mx_buf *out)
{
	const char *s = t->u.atom.name;
	size_t n = t->u.atom.len;
	if (mx_term_is_atom(t, "nil") || mx_term_is_atom(t, "true") ||
	    mx_term_is_atom(t, "false")) {
		mx_buf_add(out, s, n);
		return;
	}
	if (alias_atom(s, n)) {
		/* Elixir.Elixir.Foo prints whole, as Macro.inspect_atom does. */
		if (n >= 13 && !memcmp(s + 7, "Elixir", 6) && (n == 13 || s[13] == '.'))
			mx_buf_add(out, s, n);
		else
			mx_buf_add(out, s + 7, n - 7);
		return;
	}
	if (n == 6 && !memcmp(s, "Elixir", 6)) {
		mx_buf_adds(out, "Elixir");
		return;
	}
	mx_buf_addch(out, ':');
	if (plain_identifier(s, n) || operator_atom(s, n))
		mx_buf_add(out, s, n);
	else
		inspect_atom_body(s, n, out);
}

/* The key of a keyword pair: `foo: ` or `"foo bar": `. */
static void inspect_kw_key(const struct mx_term *k, struct mx_buf *out)
{
	const char *s = k->u.atom.name;
	size_t n = k->u.atom.len;
	if (plain_identifier(s, n) || operator_atom(s, n))
		mx_buf_add(out, s, n);
	else
		inspect_atom_body(s, n, out);
	mx_buf_adds(out, ": ");
}

/* Inspect's default `charlists: :infer`: a list of ASCII-printable integers
 * prints as ~c"...". */
static bool printable_charlist(const struct mx_term *t)
{
	if (!t->u.list.n || t->u.list.tail)
		return false;
	for (size_t i = 0; i < t->u.list.n; i++) {
		const struct mx_term *e = t->u.list.items[i];
		if (e->type != MX_TERM_INT)
			return false;
		int64_t c = e->u.i;
		if (!((c >= 0x20 && c <= 0x7E) || escape_of((uint32_t)c)))
			return false;
	}
	return true;
}

static void inspect_list(const struct mx_term *t, struct mx_buf *out)
{
	if (printable_charlist(t)) {
		mx_buf_adds(out, "~c\"");
		for (size_t i = 0; i < t->u.list.n; i++) {
			char c = (char)t->u.list.items[i]->u.i;
			quote_body(out, &c, 1, '"');
		}
		mx_buf_addch(out, '"');
		return;
	}
	bool kw = mx_term_is_keyword(t);
	for (size_t i = 0; kw && i < t->u.list.n; i++)
		if (!strncmp(t->u.list.items[i]->u.tuple.items[0]->u.atom.name, "Elixir.", 7))
			kw = false;
	mx_buf_addch(out, '[');
	for (size_t i = 0; i < t->u.list.n; i++) {
		const struct mx_term *e = t->u.list.items[i];
		if (i)
			mx_buf_adds(out, ", ");
		if (kw) {
			inspect_kw_key(e->u.tuple.items[0], out);
			mx_term_inspect(e->u.tuple.items[1], out);
		} else {
			mx_term_inspect(e, out);
		}
	}
	if (t->u.list.tail) {
		mx_buf_adds(out, " | ");
		mx_term_inspect(t->u.list.tail, out);
	}
	mx_buf_addch(out, ']');
}

/* Inspect.List.keyword?/1: {atom, _} pairs whose keys are not aliases. */
static bool keyword_pairs(struct mx_term *const *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i]->type != MX_TERM_ATOM || !strncmp(keys[i]->u.atom.name, "Elixir.", 7))
			return false;
	return true;
}

/*
 * Maps print in key order (Erlang's small maps are sorted by key, and that is
 * the order Map.to_list/1 and so inspect walk). When every key is a non-alias
 * atom the keyword form is used, otherwise `=>` for every pair, as
 * Inspect.Map does.
 */
static void inspect_map_fields(const struct mx_term *t, struct mx_buf *out, bool skip_struct,
                               bool sort)
{
	size_t n = t->u.map.n;
	size_t *idx = sort ? sorted_key_order(t) : NULL;
	bool kw = skip_struct || keyword_pairs(t->u.map.keys, n);
	bool first = true;
	for (size_t j = 0; j < n; j++) {
		size_t i = idx ? idx[j] : j;
		const struct mx_term *k = t->u.map.keys[i];
		if (skip_struct && mx_term_is_atom(k, "__struct__"))
			continue;
		if (!first)
			mx_buf_adds(out, ", ");
		first = false;
		if (kw && k->type == MX_TERM_ATOM) {
			inspect_kw_key(k, out);
		} else {
			mx_term_inspect(k, out);
			mx_buf_adds(out, " => ");
		}
		mx_term_inspect(t->u.map.vals[i], out);
	}
	free(idx);
}

static void inspect_map(const struct mx_term *t, struct mx_buf *out)
{
	const struct mx_term *s = mx_term_map_get_atom(t, "__struct__");
	if (mx_term_is_atom(s, "Elixir.Range") && t->u.map.n == 4) {
		/* Inspect.Range: first..last, with //step unless it is 1. */
		const struct mx_term *f = mx_term_map_get_atom(t, "first");
		const struct mx_term *l = mx_term_map_get_atom(t, "last");
		const struct mx_term *st = mx_term_map_get_atom(t, "step");
		if (f && l && st && f->type == MX_TERM_INT && l->type == MX_TERM_INT &&
		    st->type == MX_TERM_INT) {
			mx_buf_addf(out, "%lld..%lld", (long long)f->u.i, (long long)l->u.i);
			if (st->u.i != 1)
				mx_buf_addf(out, "//%lld", (long long)st->u.i);
			return;
		}
	}
	if (s && s->type == MX_TERM_ATOM) {
		/* A struct prints its fields in definition order, which is the
		 * order the struct term was built in. */
		mx_buf_adds(out, "%");
		mx_buf_adds(out, mx_term_alias_name(s));
		mx_buf_addch(out, '{');
		inspect_map_fields(t, out, true, false);
		mx_buf_addch(out, '}');
		return;
	}
	mx_buf_adds(out, "%{");
	inspect_map_fields(t, out, false, t->u.map.n <= 32);
	mx_buf_addch(out, '}');
}

/* Shortest digits that read back as v (like Erlang's float_to_list(F,
 * [short])): ds gets the digits without dot, *exp10 the decimal exponent
 * such that v = 0.DIGITS * 10^exp10. v is finite and > 0. */
static void shortest_digits(double v, char *ds, int *exp10)
{
	char tmp[64];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	/* tmp is "d.ddde[+-]xx" */
	size_t k = 0;
	const char *p = tmp;
	for (; *p && *p != 'e'; p++)
		if (is_digit((unsigned char)*p))
			ds[k++] = *p;
	/* Trailing zeros carry no information. */
	while (k > 1 && ds[k - 1] == '0')
		k--;
	ds[k] = '\0';
	int e = atoi(p + 1);
	*exp10 = e + 1;
}

void mx_term_format_float(double v, struct mx_buf *out)
{
	if (isnan(v) || isinf(v)) {
		/* Not BEAM values; print something recognisable. */
		mx_buf_adds(out, isnan(v) ? "nan" : v < 0 ? "-inf" : "inf");
		return;
	}
	if (signbit(v)) {
		mx_buf_addch(out, '-');
		v = -v;
	}
	if (v == 0) {
		mx_buf_adds(out, "0.0");
		return;
	}
	char ds[32];
	int place;
	shortest_digits(v, ds, &place);
	int len = (int)strlen(ds);
	/* io_lib_format:fwrite_g/1's insert_decimal: fixed notation unless
	 * the exponent form is shorter. */
	if (place == 0) {
		mx_buf_adds(out, "0.");
		mx_buf_adds(out, ds);
		return;
	}
	if (place < 0 || place >= len) {
		char expl[16];
		snprintf(expl, sizeof(expl), "%d", place - 1);
		int expdot = len == 1 ? 2 : 1;
		int expcost = (int)strlen(expl) + 1 + expdot;
		if (place < 0 && 2 - place <= expcost) {
			mx_buf_adds(out, "0.");
			mx_buf_addchars(out, '0', (size_t)-place);
			mx_buf_adds(out, ds);
			return;
		}
		if (place >= len && place - len + 2 <= expcost) {
			mx_buf_adds(out, ds);
			mx_buf_addchars(out, '0', (size_t)(place - len));
			mx_buf_adds(out, ".0");
			return;
		}
		mx_buf_addch(out, ds[0]);
		mx_buf_addch(out, '.');
		mx_buf_adds(out, len == 1 ? "0" : ds + 1);
		mx_buf_addf(out, "e%s", expl);
		return;
	}
	mx_buf_add(out, ds, (size_t)place);
	mx_buf_addch(out, '.');
	mx_buf_adds(out, ds + place);
}

static void inspect_rec(const struct mx_term *t, struct mx_buf *out);

void mx_term_inspect(const struct mx_term *t, struct mx_buf *out)
{
	if (walk_depth >= MAX_INSPECT_DEPTH) {
		mx_buf_adds(out, "...");
		return;
	}
	walk_depth++;
	inspect_rec(t, out);
	walk_depth--;
}

static void inspect_rec(const struct mx_term *t, struct mx_buf *out)
{
	if (!t) {
		mx_buf_adds(out, "nil");
		return;
	}
	switch (t->type) {
	case MX_TERM_ATOM:
		inspect_atom(t, out);
		break;
	case MX_TERM_INT:
		mx_buf_addf(out, "%lld", (long long)t->u.i);
		break;
	case MX_TERM_FLOAT:
		/* Inspect.Float: whole numbers below 1.0e16 in full (1000.0),
		 * the rest as Float.to_string/1 (1.0e16, 0.001). */
		if (fabs(t->u.f) >= 1.0 && fabs(t->u.f) < 1.0e16 && t->u.f == trunc(t->u.f))
			mx_buf_addf(out, "%.0f.0", t->u.f);
		else
			mx_term_format_float(t->u.f, out);
		break;
	case MX_TERM_BINARY:
		inspect_binary(t->u.bin.data, t->u.bin.len, out);
		break;
	case MX_TERM_LIST:
		inspect_list(t, out);
		break;
	case MX_TERM_TUPLE:
		mx_buf_addch(out, '{');
		for (size_t i = 0; i < t->u.tuple.n; i++) {
			if (i)
				mx_buf_adds(out, ", ");
			mx_term_inspect(t->u.tuple.items[i], out);
		}
		mx_buf_addch(out, '}');
		break;
	case MX_TERM_MAP:
		inspect_map(t, out);
		break;
	case MX_TERM_FUN:
		mx_buf_adds(out, "#Function<>");
		break;
	case MX_TERM_OPAQUE:
		mx_buf_adds(out, t->u.opaque.what);
		break;
	}
}

/* ---- to_string ---------------------------------------------------------- */

/* chardata: binaries, code points and nested lists of them. */
static int chardata_rec(const struct mx_term *t, struct mx_buf *out);
static int chardata(const struct mx_term *t, struct mx_buf *out)
{
	if (walk_depth >= MAX_WALK_DEPTH)
		return -1;
	walk_depth++;
	int r = chardata_rec(t, out);
	walk_depth--;
	return r;
}

static int chardata_rec(const struct mx_term *t, struct mx_buf *out)
{
	switch (t->type) {
	case MX_TERM_BINARY:
		mx_buf_add(out, t->u.bin.data, t->u.bin.len);
		return 0;
	case MX_TERM_INT:
		if (t->u.i < 0 || t->u.i > 0x10FFFF)
			return -1;
		utf8_encode(out, (uint32_t)t->u.i);
		return 0;
	case MX_TERM_LIST:
		for (size_t i = 0; i < t->u.list.n; i++)
			if (chardata(t->u.list.items[i], out) < 0)
				return -1;
		if (t->u.list.tail)
			return t->u.list.tail->type == MX_TERM_BINARY
			           ? chardata(t->u.list.tail, out)
			           : -1;
		return 0;
	default:
		return -1;
	}
}

int mx_term_to_string(const struct mx_term *t, struct mx_buf *out)
{
	size_t mark = out->len;
	switch (t->type) {
	case MX_TERM_ATOM:
		if (!mx_term_is_atom(t, "nil"))
			mx_buf_add(out, t->u.atom.name, t->u.atom.len);
		return 0;
	case MX_TERM_INT:
		mx_buf_addf(out, "%lld", (long long)t->u.i);
		return 0;
	case MX_TERM_FLOAT:
		mx_term_format_float(t->u.f, out);
		return 0;
	case MX_TERM_BINARY:
	case MX_TERM_LIST:
		if (chardata(t, out) < 0) {
			mx_buf_setlen(out, mark);
			return -1;
		}
		return 0;
	default:
		return -1;
	}
}
