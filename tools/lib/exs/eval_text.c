/*
 * eval_text: strings as the evaluator builds them: interpolation
 * ("#{x}" through String.Chars), charlists and sigils (~s ~c ~w; the
 * others, ~r ~D ~N..., are kept as opaque values that print as written).
 */
#include <string.h>

#include "eval_int.h"

/* The text of parts (literal text and #{} interpolations) into b. */
int ev_eval_parts(struct mx_eval *ev, const struct mx_ast_part *parts, size_t n, struct mx_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (!parts[i].expr) {
			mx_buf_add(b, parts[i].text, parts[i].len);
			continue;
		}
		struct mx_term *t;
		if (ev_eval(ev, parts[i].expr, &t) < 0)
			return -1;
		if (ev_to_string(ev, t, parts[i].expr, b) < 0)
			return -1;
		/* Building text costs in proportion, so doubling a string in
		 * a loop runs out of steps before memory. */
		if (ev_charge(ev, parts[i].expr, b->len / 16) < 0)
			return -1;
	}
	return 0;
}

struct mx_term *ev_charlist(struct mx_eval *ev, const char *s, size_t n)
{
	struct ev_vec v = {0};
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = mx_term_utf8_decode(s + i, n - i, &cp);
		if (!l) {
			cp = (unsigned char)s[i];
			l = 1;
		}
		ev_vec_push(ev, &v, mx_term_int(EV_A(ev), cp));
		i += l;
	}
	return ev_vec_list(ev, &v);
}

/* ~w(a b c), with its modifier: s (strings), a (atoms), c (charlists). */
static int sigil_words(struct mx_eval *ev, const struct mx_ast *n, const struct mx_buf *b,
                       struct mx_term **out)
{
	const char *mods = n->u.sigil.mods ? n->u.sigil.mods : "";
	char mod = mods[0] ? mods[0] : 's';
	if (strlen(mods) > 1 || !strchr("sac", mod))
		return ev_fail(ev, n, "modifier must be one of: s, a, c");
	struct ev_vec v = {0};
	size_t i = 0;
	while (i < b->len) {
		while (i < b->len && ev_is_space((unsigned char)b->buf[i]))
			i++;
		size_t st = i;
		while (i < b->len && !ev_is_space((unsigned char)b->buf[i]))
			i++;
		if (i == st)
			break;
		struct mx_term *w = mod == 'a'   ? mx_term_atomn(EV_A(ev), b->buf + st, i - st)
		                    : mod == 'c' ? ev_charlist(ev, b->buf + st, i - st)
		                                 : mx_term_binary(EV_A(ev), b->buf + st, i - st);
		ev_vec_push(ev, &v, w);
	}
	*out = ev_vec_list(ev, &v);
	return 0;
}

int ev_eval_sigil(struct mx_eval *ev, const struct mx_ast *n, struct mx_term **out)
{
	const char *name = n->u.sigil.name;
	const char *mods = n->u.sigil.mods ? n->u.sigil.mods : "";
	struct mx_buf b = MX_BUF_INIT;
	int ret = -1;
	if (ev_eval_parts(ev, n->u.sigil.parts, n->u.sigil.nparts, &b) < 0)
		goto out;
	ret = 0;
	if (!strcmp(name, "s") || !strcmp(name, "S")) {
		*out = mx_term_binary(EV_A(ev), b.buf, b.len);
	} else if (!strcmp(name, "c") || !strcmp(name, "C")) {
		*out = ev_charlist(ev, b.buf, b.len);
	} else if (!strcmp(name, "w") || !strcmp(name, "W")) {
		ret = sigil_words(ev, n, &b, out);
	} else {
		/* ~r, ~D, ~N, ~U, ~T and user sigils: kept as opaque values that
		 * print as written, so they can be passed around and inspected. */
		struct mx_buf w = MX_BUF_INIT;
		mx_buf_addf(&w, "~%s%c%s%c%s", name, n->u.sigil.open, b.buf, n->u.sigil.close,
		            mods);
		*out = mx_term_opaque(EV_A(ev), w.buf);
		mx_buf_release(&w);
	}
out:
	mx_buf_release(&b);
	return ret;
}
