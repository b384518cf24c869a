/*
 * term_text: terms as text: inspect/1 (Inspect's rules for atoms, strings,
 * charlists, keyword lists, maps and structs, floats), to_string/1
 * (String.Chars), and the UTF-8 helpers they use (see term.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "term_int.h"

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
	size_t *idx = sort ? mx_term_sorted_key_order(t) : NULL;
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
	if (s && mx_term_calendar_inspect(t, out))
		return;
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
	if (mx_term_walk_depth >= MX_TERM_MAX_INSPECT_DEPTH) {
		mx_buf_adds(out, "...");
		return;
	}
	mx_term_walk_depth++;
	inspect_rec(t, out);
	mx_term_walk_depth--;
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
	if (mx_term_walk_depth >= MX_TERM_MAX_WALK_DEPTH)
		return -1;
	mx_term_walk_depth++;
	int r = chardata_rec(t, out);
	mx_term_walk_depth--;
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
	case MX_TERM_MAP:
		/* String.Chars of Date, Time, NaiveDateTime and DateTime. */
		return mx_term_calendar_format(t, false, out) ? 0 : -1;
	default:
		return -1;
	}
}
