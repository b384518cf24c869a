/*
 * stdlib_uri: URI.parse/1, as Elixir 1.17 splits a string: RFC 3986's
 * appendix B pattern (scheme, //authority, path, ?query, #fragment), the
 * authority into userinfo@host:port, the scheme downcased and the port
 * defaulted from Elixir's table (http 80, https 443...). Nothing is decoded
 * or validated, as in Elixir. Migrations call it to pick a host out of an
 * environment variable (firezone's URI.parse(url).host).
 */
#include <ctype.h>
#include <stdlib.h>

#include "stdlib.h"

#define A EV_A(ev)

/* The order of URI's defstruct, which inspect prints. */
static const char *const uri_fields[] = {"scheme", "authority", "userinfo", "host",
                                         "port",   "path",      "query",    "fragment"};
enum { F_SCHEME, F_AUTHORITY, F_USERINFO, F_HOST, F_PORT, F_PATH, F_QUERY, F_FRAGMENT, F_N };

/* The ports Elixir registers at boot (elixir.erl's URIConfig). */
static int64_t default_port(const char *scheme)
{
	static const struct {
		const char *scheme;
		int64_t port;
	} ports[] = {{"ftp", 21},  {"sftp", 22},  {"tftp", 69}, {"http", 80},
	             {"https", 443}, {"ldap", 389}, {"ws", 80},   {"wss", 443}};
	for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++)
		if (!strcmp(scheme, ports[i].scheme))
			return ports[i].port;
	return -1;
}

/* A binary, or nil for an empty span (Elixir's nilify). */
static struct mx_term *span_or_nil(struct mx_eval *ev, const char *s, size_t n)
{
	return n ? bin(ev, s, n) : ev_nil(ev);
}

/* "userinfo@host:port" (the part after "//"): ~r/(^(.*)@)?(\[[a-zA-Z0-9:.]*\]|[^:]*)(:(\d*))?/,
 * the host's brackets trimmed. */
static int split_authority(struct mx_eval *ev, const char *s, size_t n, struct mx_term **v)
{
	const char *at = NULL, *host, *end = s + n, *h_end;

	for (const char *p = s; p < end; p++)
		if (*p == '@')
			at = p; /* (.*)@ is greedy: the last @ */
	v[F_USERINFO] = at ? span_or_nil(ev, s, (size_t)(at - s)) : ev_nil(ev);
	host = at ? at + 1 : s;
	h_end = host;
	if (h_end < end && *h_end == '[') {
		const char *q = h_end + 1;
		while (q < end && (isalnum((unsigned char)*q) || *q == ':' || *q == '.'))
			q++;
		if (q < end && *q == ']')
			h_end = q + 1;
	}
	if (h_end == host)
		while (h_end < end && *h_end != ':')
			h_end++;
	v[F_PORT] = ev_nil(ev);
	if (h_end < end && *h_end == ':') {
		const char *d = h_end + 1;
		int64_t port = 0;
		while (d < end && isdigit((unsigned char)*d)) {
			if (port > 1000000000)
				return -1; /* a bignum port: not ours */
			port = port * 10 + (*d - '0');
			d++;
		}
		if (d > h_end + 1)
			v[F_PORT] = mx_term_int(A, port);
	}
	/* String.trim_leading("[") and trim_trailing("]") */
	const char *hs = host, *he = h_end;
	while (hs < he && *hs == '[')
		hs++;
	while (he > hs && he[-1] == ']')
		he--;
	v[F_HOST] = h_end > host ? bin(ev, hs, (size_t)(he - hs)) : ev_nil(ev);
	return 0;
}

EV_BUILTIN(uri_parse)
{
	const struct mx_term *t = c->args[0];
	struct mx_term *v[F_N];
	const char *s, *p, *end;
	size_t n;

	if (!is_bin(t))
		return MX_EVAL_UNKNOWN; /* a %URI{} passes through in Elixir: not carried */
	s = t->u.bin.data;
	n = t->u.bin.len;
	end = s + n;
	/* '.' in Elixir's pattern stops at a newline, which would drop the
	 * rest of the string: such input stays Elixir's to judge. */
	if (memchr(s, '\n', n))
		return MX_EVAL_UNKNOWN;
	for (size_t i = 0; i < F_N; i++)
		v[i] = ev_nil(ev);
	p = s;
	/* ([a-z][a-z0-9+\-.]*): case-insensitively */
	if (p < end && isalpha((unsigned char)*p)) {
		const char *q = p + 1;
		while (q < end && (isalnum((unsigned char)*q) || *q == '+' || *q == '-' || *q == '.'))
			q++;
		if (q < end && *q == ':') {
			char *lower = mx_arena_alloc(A, (size_t)(q - p) + 1);
			for (size_t i = 0; i < (size_t)(q - p); i++)
				lower[i] = (char)tolower((unsigned char)p[i]);
			lower[q - p] = '\0';
			v[F_SCHEME] = cstr(ev, lower);
			p = q + 1;
		}
	}
	if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
		const char *a = p + 2, *q = a;
		while (q < end && *q != '/' && *q != '?' && *q != '#')
			q++;
		v[F_AUTHORITY] = bin(ev, a, (size_t)(q - a));
		if (q == a) {
			v[F_HOST] = bin(ev, "", 0); /* split_authority("//") */
		} else if (split_authority(ev, a, (size_t)(q - a), v) < 0) {
			return MX_EVAL_UNKNOWN;
		}
		p = q;
	}
	{
		const char *q = p;
		while (q < end && *q != '?' && *q != '#')
			q++;
		v[F_PATH] = span_or_nil(ev, p, (size_t)(q - p));
		p = q;
	}
	if (p < end && *p == '?') {
		const char *q = ++p;
		while (q < end && *q != '#')
			q++;
		v[F_QUERY] = bin(ev, p, (size_t)(q - p)); /* "?" alone gives "" */
		p = q;
	}
	if (p < end && *p == '#')
		v[F_FRAGMENT] = bin(ev, p + 1, (size_t)(end - p - 1));
	if (mx_term_is_nil(v[F_PORT]) && !mx_term_is_nil(v[F_SCHEME])) {
		int64_t port = default_port(v[F_SCHEME]->u.bin.data);
		if (port >= 0)
			v[F_PORT] = mx_term_int(A, port);
	}
	*out = mx_term_struct(A, "Elixir.URI", uri_fields, v, F_N);
	return 0;
}

/* clang-format off */
const struct mx_eval_builtin ev_builtins_uri[] = {
	{"URI", "parse", 1, uri_parse},
};
/* clang-format on */
const size_t ev_builtins_uri_n = EV_NROWS(ev_builtins_uri);
