/*
 * stdlib_string: String:
 *
 *   upcase downcase capitalize split replace trim trim_leading
 *   trim_trailing contains? starts_with? ends_with? to_integer to_float
 *   to_atom to_existing_atom to_charlist length duplicate slice at first
 *   last pad_leading pad_trailing reverse replace_prefix replace_suffix
 *   replace_leading replace_trailing graphemes codepoints
 *
 * Patterns are strings or lists of strings (a regex is not a constant).
 * Case conversion covers ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic; other scripts pass through unchanged, where Elixir would map
 * them too. Graphemes are approximated by code points.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib.h"

#define A EV_A(ev)

/* Every String function wants a string first; no clause matches else. */
#define WANT_STRING(c)                                                                             \
	do {                                                                                       \
		if (!is_bin((c)->args[0]))                                                         \
			return ev_fclause_call(ev, (c));                                           \
	} while (0)

/* Whether byte b starts a UTF-8 sequence (is no continuation byte). */
static bool cp_start(char b)
{
	return ((unsigned char)b & 0xC0) != 0x80;
}

/* ---- Case ------------------------------------------------------------- */

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

/* upcase (mode 0), downcase (1), capitalize (2). */
static int change_case(struct mx_eval *ev, const struct mx_eval_call *c, int mode,
                       struct mx_term **out)
{
	WANT_STRING(c);
	*out = str_case(ev, c->args[0], mode);
	return 0;
}

EV_BUILTIN_AS(str_upcase, change_case(ev, c, 0, out))

EV_BUILTIN_AS(str_downcase, change_case(ev, c, 1, out))

EV_BUILTIN_AS(str_capitalize, change_case(ev, c, 2, out))

/* ---- Patterns --------------------------------------------------------- */

static bool bin_has_prefix(const struct mx_term *s, const struct mx_term *p)
{
	return p->u.bin.len <= s->u.bin.len && !memcmp(s->u.bin.data, p->u.bin.data, p->u.bin.len);
}

static bool bin_has_suffix(const struct mx_term *s, const struct mx_term *p)
{
	return p->u.bin.len <= s->u.bin.len &&
	       !memcmp(s->u.bin.data + s->u.bin.len - p->u.bin.len, p->u.bin.data, p->u.bin.len);
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
		return ev_memfind(h, hn, p->u.bin.data, p->u.bin.len);
	}
	const char *best = NULL;
	for (size_t i = 0; i < p->u.list.n; i++) {
		const struct mx_term *q = p->u.list.items[i];
		const char *f = ev_memfind(h, hn, q->u.bin.data, q->u.bin.len);
		if (f && (!best || f < best || (f == best && q->u.bin.len > *mlen))) {
			best = f;
			*mlen = q->u.bin.len;
		}
	}
	return best;
}

/* ---- split and replace ------------------------------------------------ */

/* split/1: on runs of whitespace, no empty parts. */
EV_BUILTIN(str_split1)
{
	const struct mx_term *s = c->args[0];
	struct ev_vec v = {0};
	if (!is_bin(s))
		return ev_badarg(ev, c->node, 0, "not a binary");
	size_t i = 0;
	while (i < s->u.bin.len) {
		while (i < s->u.bin.len && ev_is_space((unsigned char)s->u.bin.data[i]))
			i++;
		size_t st = i;
		while (i < s->u.bin.len && !ev_is_space((unsigned char)s->u.bin.data[i]))
			i++;
		if (i > st)
			ev_vec_push(ev, &v, bin(ev, s->u.bin.data + st, i - st));
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* Pushes d's code points (invalid bytes one by one) as strings. */
static void push_codepoints(struct mx_eval *ev, const char *d, size_t len, struct ev_vec *v)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t l = mx_term_utf8_decode(d + i, len - i, &cp);
		if (!l)
			l = 1;
		ev_vec_push(ev, v, bin(ev, d + i, l));
		i += l;
	}
}

/* Splitting on "" gives the code points (graphemes in Elixir), with "" at
 * both ends unless trimmed. */
static struct mx_term *split_chars(struct mx_eval *ev, const char *d, size_t len, bool trim)
{
	struct ev_vec v = {0};
	if (!trim)
		ev_vec_push(ev, &v, bin(ev, "", 0));
	push_codepoints(ev, d, len, &v);
	if (!trim)
		ev_vec_push(ev, &v, bin(ev, "", 0));
	return ev_vec_list(ev, &v);
}

/* split/2,3 with the options parts: and trim:. */
EV_BUILTIN(str_split)
{
	struct mx_term **a = c->args;
	struct ev_vec v = {0};
	WANT_STRING(c);
	if (!pattern_ok(a[1]))
		return ev_fclause_call(ev, c);
	int64_t parts = 0;
	bool trim = false;
	if (c->nargs == 3) {
		const struct mx_term *p = mx_term_kw_get(a[2], "parts");
		if (p && is_int(p))
			parts = p->u.i;
		trim = mx_term_truthy(mx_term_kw_get(a[2], "trim"));
	}
	const char *d = a[0]->u.bin.data;
	size_t len = a[0]->u.bin.len, pos = 0;
	if (is_bin(a[1]) && a[1]->u.bin.len == 0) {
		*out = split_chars(ev, d, len, trim);
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

/* replace/3,4 (global: true unless told): a string replacement or a fun
 * given each match. */
EV_BUILTIN(str_replace)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	if (!pattern_ok(a[1]))
		return a[1]->type == MX_TERM_OPAQUE
		           ? ev_fail(ev, c->node, "String.replace with a regex is not a constant")
		           : ev_fclause_call(ev, c);
	bool global = true;
	if (c->nargs == 4) {
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
			if (ev_call1(ev, a[2], bin(ev, f, mlen), c->node, &r) < 0 ||
			    ev_to_string(ev, r, c->node, &b) < 0)
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
	*out = buf_bin(ev, &b);
	ret = 0;
out:
	mx_buf_release(&b);
	return ret;
}

/* replace_prefix/suffix (one match, an empty one too) and replace_leading/
 * trailing (every repetition; an empty match raises). */
static int replace_ends(struct mx_eval *ev, const struct mx_eval_call *c, bool pre, bool repeat,
                        struct mx_term **out)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	if (!is_bin(a[1]) || !is_bin(a[2]))
		return ev_fclause_call(ev, c);
	const char *d = a[0]->u.bin.data, *m = a[1]->u.bin.data;
	size_t len = a[0]->u.bin.len, ml = a[1]->u.bin.len, st = 0, en = len, count = 0;
	if (repeat && !ml)
		return ev_raise(ev, c->node, "ArgumentError",
		                "cannot use an empty string as the match to replace");
	do {
		if (en - st < ml || memcmp(pre ? d + st : d + en - ml, m, ml))
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
	if (ev_charge(ev, c->node, count * a[2]->u.bin.len / 16) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; pre && i < count; i++)
		mx_buf_add(&b, a[2]->u.bin.data, a[2]->u.bin.len);
	mx_buf_add(&b, d + st, en - st);
	for (size_t i = 0; !pre && i < count; i++)
		mx_buf_add(&b, a[2]->u.bin.data, a[2]->u.bin.len);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

EV_BUILTIN_AS(str_replace_prefix, replace_ends(ev, c, true, false, out))

EV_BUILTIN_AS(str_replace_suffix, replace_ends(ev, c, false, false, out))

EV_BUILTIN_AS(str_replace_leading, replace_ends(ev, c, true, true, out))

EV_BUILTIN_AS(str_replace_trailing, replace_ends(ev, c, false, true, out))

/* ---- trim ------------------------------------------------------------- */

/* trim/1 family: whitespace off the start (lead) and/or the end (trail). */
static int trim_space(struct mx_eval *ev, const struct mx_eval_call *c, bool lead, bool trail,
                      struct mx_term **out)
{
	WANT_STRING(c);
	const char *d = c->args[0]->u.bin.data;
	size_t st = 0, en = c->args[0]->u.bin.len;
	while (lead && st < en && ev_is_space((unsigned char)d[st]))
		st++;
	while (trail && en > st && ev_is_space((unsigned char)d[en - 1]))
		en--;
	*out = bin(ev, d + st, en - st);
	return 0;
}

/* trim/2 family: every repetition of a string off the start and/or end. */
static int trim_text(struct mx_eval *ev, const struct mx_eval_call *c, bool lead, bool trail,
                     struct mx_term **out)
{
	WANT_STRING(c);
	const struct mx_term *p = c->args[1];
	if (!is_bin(p))
		return ev_fclause_call(ev, c);
	if (!p->u.bin.len)
		return ev_raise(ev, c->node, "ArgumentError",
		                "cannot use an empty string as the match to replace");
	const char *d = c->args[0]->u.bin.data;
	size_t st = 0, en = c->args[0]->u.bin.len, pl = p->u.bin.len;
	while (lead && en - st >= pl && !memcmp(d + st, p->u.bin.data, pl))
		st += pl;
	while (trail && en - st >= pl && !memcmp(d + en - pl, p->u.bin.data, pl))
		en -= pl;
	*out = bin(ev, d + st, en - st);
	return 0;
}

EV_BUILTIN(str_trim)
{
	return c->nargs == 1 ? trim_space(ev, c, true, true, out)
	                     : trim_text(ev, c, true, true, out);
}

EV_BUILTIN(str_trim_leading)
{
	return c->nargs == 1 ? trim_space(ev, c, true, false, out)
	                     : trim_text(ev, c, true, false, out);
}

EV_BUILTIN(str_trim_trailing)
{
	return c->nargs == 1 ? trim_space(ev, c, false, true, out)
	                     : trim_text(ev, c, false, true, out);
}

/* ---- Questions -------------------------------------------------------- */

/* contains? (where 0), starts_with? (1) and ends_with? (2): a pattern or
 * a list of them, any of which may hold. */
static int has_part(struct mx_eval *ev, const struct mx_eval_call *c, int where,
                    struct mx_term **out)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	struct mx_term *one[1] = {a[1]};
	struct mx_term *const *pats = is_list(a[1]) ? a[1]->u.list.items : one;
	size_t np = is_list(a[1]) ? a[1]->u.list.n : 1;
	bool r = false;
	for (size_t i = 0; i < np && !r; i++) {
		if (!is_bin(pats[i]))
			return pats[i]->type == MX_TERM_OPAQUE
			           ? ev_fail(ev, c->node,
			                     "String.%s with a regex is not a constant", c->name)
			           : ev_fclause_call(ev, c);
		r = where == 0 ? ev_memfind(a[0]->u.bin.data, a[0]->u.bin.len, pats[i]->u.bin.data,
		                            pats[i]->u.bin.len) != NULL
		    : where == 1 ? bin_has_prefix(a[0], pats[i])
		                 : bin_has_suffix(a[0], pats[i]);
	}
	*out = boolean(ev, r);
	return 0;
}

EV_BUILTIN_AS(str_contains, has_part(ev, c, 0, out))

EV_BUILTIN_AS(str_starts_with, has_part(ev, c, 1, out))

EV_BUILTIN_AS(str_ends_with, has_part(ev, c, 2, out))

/* ---- Conversions ------------------------------------------------------ */

EV_BUILTIN(str_to_integer)
{
	WANT_STRING(c);
	int base = c->nargs == 2 && is_int(c->args[1]) ? (int)c->args[1]->u.i : 10;
	int64_t v;
	size_t used;
	int r = ev_parse_int(c->args[0]->u.bin.data, c->args[0]->u.bin.len, base, &v, &used);
	if (r == -2)
		return ev_fail(ev, c->node, "integer does not fit in 64 bits");
	if (r < 0 || used != c->args[0]->u.bin.len)
		return ev_badarg(ev, c->node, 0, "not a textual representation of an integer");
	*out = mx_term_int(A, v);
	return 0;
}

EV_BUILTIN(str_to_float)
{
	WANT_STRING(c);
	size_t len = c->args[0]->u.bin.len;
	char *tmp = mx_arena_strndup(A, c->args[0]->u.bin.data, len), *end;
	errno = 0;
	double f = strtod(tmp, &end);
	if (!len || *end || !strchr(tmp, '.') || errno)
		return ev_badarg(ev, c->node, 0, "not a textual representation of a float");
	*out = mx_term_float(A, f);
	return 0;
}

/* to_atom and to_existing_atom: every atom exists here. */
EV_BUILTIN(str_to_atom)
{
	WANT_STRING(c);
	*out = mx_term_atomn(A, c->args[0]->u.bin.data, c->args[0]->u.bin.len);
	return 0;
}

EV_BUILTIN(str_to_charlist)
{
	WANT_STRING(c);
	*out = ev_charlist(ev, c->args[0]->u.bin.data, c->args[0]->u.bin.len);
	return 0;
}

/* ---- Code points ------------------------------------------------------ */

EV_BUILTIN(str_length)
{
	WANT_STRING(c);
	int64_t n = 0;
	for (size_t i = 0; i < c->args[0]->u.bin.len; i++)
		n += cp_start(c->args[0]->u.bin.data[i]);
	*out = mx_term_int(A, n);
	return 0;
}

/* The byte offsets where d's code points start, and len after them; *ncp
 * gets their number. */
static size_t *cp_starts(struct mx_eval *ev, const char *d, size_t len, size_t *ncp)
{
	size_t *starts = MX_ARENA_NEWN(A, size_t, len + 2);
	*ncp = 0;
	for (size_t i = 0; i < len; i++)
		if (cp_start(d[i]))
			starts[(*ncp)++] = i;
	starts[*ncp] = len;
	return starts;
}

/* slice/3: code point positions, a start before the beginning being the
 * beginning. */
EV_BUILTIN(str_slice)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	if (!is_int(a[1]) || !is_int(a[2]) || a[2]->u.i < 0)
		return ev_fclause_call(ev, c);
	const char *d = a[0]->u.bin.data;
	size_t ncp, *starts = cp_starts(ev, d, a[0]->u.bin.len, &ncp);
	int64_t from = a[1]->u.i < 0 ? (int64_t)ncp + a[1]->u.i : a[1]->u.i;
	if (from < 0)
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

EV_BUILTIN(str_at)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	if (!is_int(a[1]))
		return ev_fclause_call(ev, c);
	const char *d = a[0]->u.bin.data;
	size_t ncp, *starts = cp_starts(ev, d, a[0]->u.bin.len, &ncp);
	int64_t k = a[1]->u.i < 0 ? (int64_t)ncp + a[1]->u.i : a[1]->u.i;
	*out = k >= 0 && (size_t)k < ncp ? bin(ev, d + starts[k], starts[k + 1] - starts[k])
	                                 : ev_nil(ev);
	return 0;
}

EV_BUILTIN(str_first)
{
	WANT_STRING(c);
	const char *d = c->args[0]->u.bin.data;
	size_t len = c->args[0]->u.bin.len, en = 1;
	if (!len) {
		*out = ev_nil(ev);
		return 0;
	}
	while (en < len && !cp_start(d[en]))
		en++;
	*out = bin(ev, d, en);
	return 0;
}

EV_BUILTIN(str_last)
{
	WANT_STRING(c);
	const char *d = c->args[0]->u.bin.data;
	size_t len = c->args[0]->u.bin.len;
	if (!len) {
		*out = ev_nil(ev);
		return 0;
	}
	size_t st = len - 1;
	while (st > 0 && !cp_start(d[st]))
		st--;
	*out = bin(ev, d + st, len - st);
	return 0;
}

EV_BUILTIN(str_reverse)
{
	WANT_STRING(c);
	const char *d = c->args[0]->u.bin.data;
	struct mx_buf b = MX_BUF_INIT;
	size_t en = c->args[0]->u.bin.len;
	while (en > 0) {
		size_t st = en - 1;
		while (st > 0 && !cp_start(d[st]))
			st--;
		mx_buf_add(&b, d + st, en - st);
		en = st;
	}
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

/* graphemes and codepoints: the code points as strings. */
EV_BUILTIN(str_codepoints)
{
	WANT_STRING(c);
	struct ev_vec v = {0};
	push_codepoints(ev, c->args[0]->u.bin.data, c->args[0]->u.bin.len, &v);
	*out = ev_vec_list(ev, &v);
	return 0;
}

/* ---- Building --------------------------------------------------------- */

EV_BUILTIN(str_duplicate)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	size_t len = a[0]->u.bin.len;
	if (!is_int(a[1]) || a[1]->u.i < 0)
		return ev_fclause_call(ev, c);
	if (len && (uint64_t)a[1]->u.i > 64u * 1024 * 1024 / len)
		return ev_fail(ev, c->node, "String.duplicate result too large");
	if (!len) {
		*out = a[0];
		return 0;
	}
	if (ev_charge(ev, c->node, (size_t)a[1]->u.i * len / 16) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	for (int64_t i = 0; i < a[1]->u.i; i++)
		mx_buf_add(&b, a[0]->u.bin.data, len);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

/* pad_leading/pad_trailing (2 and 3): padding repeated up to count code
 * points. */
static int pad(struct mx_eval *ev, const struct mx_eval_call *c, bool lead, struct mx_term **out)
{
	struct mx_term **a = c->args;
	WANT_STRING(c);
	if (!is_int(a[1]) || (c->nargs == 3 && (!is_bin(a[2]) || !a[2]->u.bin.len)))
		return ev_fclause_call(ev, c);
	const char *d = a[0]->u.bin.data;
	size_t len = a[0]->u.bin.len;
	int64_t cps = 0;
	for (size_t i = 0; i < len; i++)
		cps += cp_start(d[i]);
	const char *padding = c->nargs == 3 ? a[2]->u.bin.data : " ";
	size_t padlen = c->nargs == 3 ? a[2]->u.bin.len : 1;
	int64_t need = a[1]->u.i - cps;
	if (need > 0 && ev_charge(ev, c->node, (size_t)need / 16) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	if (!lead)
		mx_buf_add(&b, d, len);
	for (int64_t i = 0; i < need && i < 1000000; i++)
		mx_buf_addch(&b, padding[(size_t)i % padlen]);
	if (lead)
		mx_buf_add(&b, d, len);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

EV_BUILTIN_AS(str_pad_leading, pad(ev, c, true, out))

EV_BUILTIN_AS(str_pad_trailing, pad(ev, c, false, out))

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_string[] = {
	{"String", "upcase", 1, str_upcase},
	{"String", "downcase", 1, str_downcase},
	{"String", "capitalize", 1, str_capitalize},
	{"String", "split", 1, str_split1},
	{"String", "split", 2, str_split},
	{"String", "split", 3, str_split},
	{"String", "replace", 3, str_replace},
	{"String", "replace", 4, str_replace},
	{"String", "replace_prefix", 3, str_replace_prefix},
	{"String", "replace_suffix", 3, str_replace_suffix},
	{"String", "replace_leading", 3, str_replace_leading},
	{"String", "replace_trailing", 3, str_replace_trailing},
	{"String", "trim", 1, str_trim},
	{"String", "trim", 2, str_trim},
	{"String", "trim_leading", 1, str_trim_leading},
	{"String", "trim_leading", 2, str_trim_leading},
	{"String", "trim_trailing", 1, str_trim_trailing},
	{"String", "trim_trailing", 2, str_trim_trailing},
	{"String", "contains?", 2, str_contains},
	{"String", "starts_with?", 2, str_starts_with},
	{"String", "ends_with?", 2, str_ends_with},
	{"String", "to_integer", 1, str_to_integer},
	{"String", "to_integer", 2, str_to_integer},
	{"String", "to_float", 1, str_to_float},
	{"String", "to_atom", 1, str_to_atom},
	{"String", "to_existing_atom", 1, str_to_atom},
	{"String", "to_charlist", 1, str_to_charlist},
	{"String", "length", 1, str_length},
	{"String", "slice", 3, str_slice},
	{"String", "at", 2, str_at},
	{"String", "first", 1, str_first},
	{"String", "last", 1, str_last},
	{"String", "reverse", 1, str_reverse},
	{"String", "graphemes", 1, str_codepoints},
	{"String", "codepoints", 1, str_codepoints},
	{"String", "duplicate", 2, str_duplicate},
	{"String", "pad_leading", 2, str_pad_leading},
	{"String", "pad_leading", 3, str_pad_leading},
	{"String", "pad_trailing", 2, str_pad_trailing},
	{"String", "pad_trailing", 3, str_pad_trailing},
};
/* clang-format on */
const size_t ev_builtins_string_n = EV_NROWS(ev_builtins_string);
