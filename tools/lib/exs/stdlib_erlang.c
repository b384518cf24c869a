/*
 * stdlib_erlang: Erlang functions migrations and configs call, and
 * Elixir's Base encoders that go with the random bytes:
 *
 *   :timer   seconds minutes hours  (milliseconds, as Erlang computes them)
 *   :crypto  strong_rand_bytes      (OpenSSL's RAND_bytes, as OTP's is)
 *   Base     encode16/1,2 (case:) encode64/1,2 url_encode64/1,2 (padding:)
 */
#include <openssl/rand.h>

#include "stdlib.h"

#define A EV_A(ev)

/* :timer.seconds(n) is n * 1000, and so on: integers stay integers, a
 * float gives a float; anything else is badarith, as in Erlang. */
static int timer_ms(struct mx_eval *ev, const struct mx_eval_call *c, int64_t factor,
                    struct mx_term **out)
{
	return ev_arith(ev, "*", c->args[0], mx_term_int(A, factor), c->node, out);
}

EV_BUILTIN_AS(timer_seconds, timer_ms(ev, c, 1000, out))
EV_BUILTIN_AS(timer_minutes, timer_ms(ev, c, 60 * 1000, out))
EV_BUILTIN_AS(timer_hours, timer_ms(ev, c, 60 * 60 * 1000, out))

EV_BUILTIN(crypto_strong_rand_bytes)
{
	const struct mx_term *n = c->args[0];
	if (!is_int(n) || n->u.i < 0 || n->u.i > (1 << 24))
		return ev_badarg(ev, c->node, 0, "not a non-negative integer");
	unsigned char *buf = MX_ARENA_NEWN(A, unsigned char, (size_t)n->u.i + 1);
	if (n->u.i && RAND_bytes(buf, (int)n->u.i) != 1)
		/* OTP raises this when the generator has no entropy. */
		return ev_raise(ev, c->node, "ErlangError", "Erlang error: :low_entropy");
	*out = bin(ev, (const char *)buf, (size_t)n->u.i);
	return 0;
}

/* The option of a Base encoder: case: :upper/:lower, padding: true/false.
 * 0, or -1 after raising for a value Base rejects. */
static int base_opts(struct mx_eval *ev, const struct mx_eval_call *c, bool *lower, bool *pad)
{
	*lower = false;
	*pad = true;
	if (c->nargs < 2)
		return 0;
	if (!is_proper(c->args[1]))
		return ev_fclause_call(ev, c);
	const struct mx_term *cs = mx_term_kw_get(c->args[1], "case");
	const struct mx_term *pd = mx_term_kw_get(c->args[1], "padding");
	if (cs && !mx_term_is_atom(cs, "upper") && !mx_term_is_atom(cs, "lower") &&
	    !mx_term_is_atom(cs, "mixed"))
		return ev_fclause_call(ev, c);
	*lower = cs && mx_term_is_atom(cs, "lower");
	*pad = !pd || mx_term_truthy(pd);
	return 0;
}

EV_BUILTIN(base_encode16)
{
	static const char up[] = "0123456789ABCDEF", low[] = "0123456789abcdef";
	bool lower, pad;
	if (!is_bin(c->args[0]))
		return ev_fclause_call(ev, c);
	if (base_opts(ev, c, &lower, &pad) < 0)
		return -1;
	const char *digits = lower ? low : up;
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < c->args[0]->u.bin.len; i++) {
		unsigned char x = (unsigned char)c->args[0]->u.bin.data[i];
		mx_buf_addch(&b, digits[x >> 4]);
		mx_buf_addch(&b, digits[x & 15]);
	}
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

static int encode64(struct mx_eval *ev, const struct mx_eval_call *c, bool url,
                    struct mx_term **out)
{
	static const char std[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	static const char urls[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const char *al = url ? urls : std;
	bool lower, pad;
	if (!is_bin(c->args[0]))
		return ev_fclause_call(ev, c);
	if (base_opts(ev, c, &lower, &pad) < 0)
		return -1;
	const unsigned char *s = (const unsigned char *)c->args[0]->u.bin.data;
	size_t n = c->args[0]->u.bin.len, i = 0;
	struct mx_buf b = MX_BUF_INIT;
	for (; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		mx_buf_addch(&b, al[v >> 18]);
		mx_buf_addch(&b, al[v >> 12 & 63]);
		mx_buf_addch(&b, al[v >> 6 & 63]);
		mx_buf_addch(&b, al[v & 63]);
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)s[i] << 16;
		mx_buf_addch(&b, al[v >> 18]);
		mx_buf_addch(&b, al[v >> 12 & 63]);
		if (pad)
			mx_buf_adds(&b, "==");
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8;
		mx_buf_addch(&b, al[v >> 18]);
		mx_buf_addch(&b, al[v >> 12 & 63]);
		mx_buf_addch(&b, al[v >> 6 & 63]);
		if (pad)
			mx_buf_addch(&b, '=');
	}
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

EV_BUILTIN_AS(base_encode64, encode64(ev, c, false, out))
EV_BUILTIN_AS(base_url_encode64, encode64(ev, c, true, out))

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_erlang[] = {
	{":timer", "seconds", 1, timer_seconds},
	{":timer", "minutes", 1, timer_minutes},
	{":timer", "hours", 1, timer_hours},
	{":crypto", "strong_rand_bytes", 1, crypto_strong_rand_bytes},
	{"Base", "encode16", 1, base_encode16},
	{"Base", "encode16", 2, base_encode16},
	{"Base", "encode64", 1, base_encode64},
	{"Base", "encode64", 2, base_encode64},
	{"Base", "url_encode64", 1, base_url_encode64},
	{"Base", "url_encode64", 2, base_url_encode64},
};
/* clang-format on */
const size_t ev_builtins_erlang_n = EV_NROWS(ev_builtins_erlang);
