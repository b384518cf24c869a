/*
 * The three rewriters of Phoenix.Digester (CSS url(), JS sourceMappingURL,
 * the "file" field of a source map), and digested_url/4, which maps each
 * URL they find.
 *
 * Phoenix does this with PCRE regexes over bytes (no unicode flag). Each
 * matcher below is that regex, written out: the comments give the pattern and
 * say where PCRE's backtracking decides the match.
 */
#include "rewrite.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* PCRE's \s without UCP: space, \t, \n, \v, \f, \r. */
static bool is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ---- digested_url/4 ------------------------------------------------------ */

/* URI.parse's scheme: ^[a-z][a-z0-9+\-.]*: case-insensitively. */
static bool has_scheme(const char *u, size_t n)
{
	if (!n || !((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z'))
		return false;
	for (size_t i = 1; i < n; i++) {
		char c = u[i];
		if (c == ':')
			return true;
		if (!(((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ||
		      c == '+' || c == '-' || c == '.'))
			return false;
	}
	return false;
}

/*
 * Path.join(reldir, url) |> Path.expand() |> Path.relative_to_cwd(): a
 * lexical normalisation in which empty and "." segments vanish and ".." pops.
 * Path.expand works from the cwd (mix runs at the project root), so a path
 * that climbs above the input root is not lost at once: it walks up the
 * cwd's own components, and relative_to_cwd gives it back as a key when it
 * comes down into the cwd again ("../../app/images/logo.png" from css/ in a
 * project called "app" is "images/logo.png"). A path that ends outside the
 * cwd stays absolute and is never in `latest`; returns false for that.
 */
static bool expand_via_cwd(const char *joined, size_t n, struct mx_buf *key);

static bool expand_key(const char *reldir, const char *url, size_t n, struct mx_buf *key)
{
	struct mx_buf joined = MX_BUF_INIT;
	size_t *starts = NULL, depth = 0, alloc = 0;
	bool ok = true;
	if (strcmp(reldir, ".")) {
		mx_buf_adds(&joined, reldir);
		mx_buf_addch(&joined, '/');
	}
	mx_buf_add(&joined, url, n);
	const char *p = joined.buf, *end = joined.buf + joined.len;
	while (p < end) {
		const char *seg = p;
		while (p < end && *p != '/')
			p++;
		size_t len = (size_t)(p - seg);
		if (p < end)
			p++;
		if (!len || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (!depth) {
				mx_buf_setlen(key, 0);
				ok = expand_via_cwd(joined.buf, joined.len, key);
				break;
			}
			mx_buf_setlen(key, starts[--depth]);
			continue;
		}
		MX_ALLOC_GROW(starts, depth + 1, alloc);
		starts[depth++] = key->len;
		if (depth > 1)
			mx_buf_addch(key, '/');
		mx_buf_add(key, seg, len);
	}
	free(starts);
	mx_buf_release(&joined);
	return ok;
}

/* The slow path of expand_key, for the rare URL that climbs out of the
 * input: the whole path expanded under the cwd, then made relative to it. */
static bool expand_via_cwd(const char *joined, size_t n, struct mx_buf *key)
{
	char cwd[PATH_MAX];
	struct mx_buf abs = MX_BUF_INIT;
	size_t *starts = NULL, depth = 0, alloc = 0;
	bool ok = false;
	if (!getcwd(cwd, sizeof(cwd)) || cwd[0] != '/')
		goto out;
	mx_buf_adds(&abs, cwd);
	mx_buf_addch(&abs, '/');
	mx_buf_add(&abs, joined, n);
	/* normalise abs into key, "/a/b" style; ".." at the root stays there */
	for (size_t i = 1; i < abs.len;) {
		const char *seg = abs.buf + i;
		while (i < abs.len && abs.buf[i] != '/')
			i++;
		size_t len = (size_t)(abs.buf + i - seg);
		i++;
		if (!len || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (depth)
				mx_buf_setlen(key, starts[--depth]);
			continue;
		}
		MX_ALLOC_GROW(starts, depth + 1, alloc);
		starts[depth++] = key->len;
		mx_buf_addch(key, '/');
		mx_buf_add(key, seg, len);
	}
	/* relative_to_cwd: only what lies strictly below the cwd */
	size_t clen = strlen(cwd);
	while (clen > 1 && cwd[clen - 1] == '/')
		clen--;
	if (clen == 1)
		clen = 0; /* the cwd is "/": every path lies below it */
	if (key->len > clen + 1 && !memcmp(key->buf, cwd, clen) && key->buf[clen] == '/') {
		size_t rest = key->len - clen - 1;
		memmove(key->buf, key->buf + clen + 1, rest);
		mx_buf_setlen(key, rest);
		ok = true;
	}
out:
	free(starts);
	mx_buf_release(&abs);
	return ok;
}

/* :filename.dirname/1 of a relative URL ("a/b.png" -> "a", "b.png" -> "."). */
static size_t url_dirname(const char *u, size_t n, const char **dir)
{
	size_t i = n;
	while (i > 0 && u[i - 1] != '/')
		i--;
	if (!i) {
		*dir = ".";
		return 1;
	}
	/* drop the separator(s) before the basename */
	while (i > 1 && u[i - 1] == '/')
		i--;
	if (i == 1 && u[0] == '/') {
		*dir = "/";
		return 1;
	}
	*dir = u;
	return i;
}

static void add_lookup_key(const struct phx_digest_rewriter *rw, const char *k, size_t n)
{
	if (rw->keys) {
		char *s = mx_xstrndup(k, n);
		mx_strvec_push_owned(rw->keys, s);
	}
}

void phx_digest_rewrite_url(const char *url, size_t n, bool vsn,
                            const struct phx_digest_rewriter *rw, struct mx_buf *out)
{
	if (n && url[0] == '/') {
		add_lookup_key(rw, url + 1, n - 1);
		const char *d = rw->lookup(url + 1, n - 1, rw->ctx);
		if (!d) {
			mx_buf_add(out, url, n);
			return;
		}
		mx_buf_addch(out, '/');
		mx_buf_adds(out, d);
		if (vsn)
			mx_buf_adds(out, "?vsn=d");
		return;
	}
	if (has_scheme(url, n)) {
		mx_buf_add(out, url, n);
		return;
	}
	struct mx_buf key = MX_BUF_INIT;
	const char *d = NULL;
	if (expand_key(rw->reldir, url, n, &key)) {
		add_lookup_key(rw, key.buf, key.len);
		d = rw->lookup(key.buf, key.len, rw->ctx);
	}
	mx_buf_release(&key);
	if (!d) {
		mx_buf_add(out, url, n);
		return;
	}
	/* Path.join(Path.dirname(url), Path.basename(digested)) */
	const char *dir;
	size_t dlen = url_dirname(url, n, &dir);
	mx_buf_add(out, dir, dlen);
	if (!(dlen == 1 && dir[0] == '/'))
		mx_buf_addch(out, '/');
	const char *slash = strrchr(d, '/');
	mx_buf_adds(out, slash ? slash + 1 : d);
	if (vsn)
		mx_buf_adds(out, "?vsn=d");
}

/* ---- CSS: ~r{(url\(\s*)(\S+?)(\s*\))} ------------------------------------- */

/*
 * At a "url(" the greedy \s* takes all whitespace (giving some back cannot
 * help, \S+? cannot start on a space). \S+? then grows one byte at a time and
 * stops at the first point where \s*\) matches: a ")" right there, or a run
 * of whitespace followed by ")". Whitespace followed by anything else fails
 * the match at this "url(" (\S cannot cross it).
 */
static bool css_match(const char *s, size_t n, size_t at, size_t *u0, size_t *u1, size_t *end)
{
	size_t i = at + 4;
	while (i < n && is_space((unsigned char)s[i]))
		i++;
	if (i >= n)
		return false;
	size_t j = i;
	for (size_t k = j + 1; k <= n; k++) {
		if (k == n)
			return false;
		unsigned char c = (unsigned char)s[k];
		if (c == ')') {
			*u0 = j, *u1 = k, *end = k + 1;
			return true;
		}
		if (is_space(c)) {
			size_t m = k;
			while (m < n && is_space((unsigned char)s[m]))
				m++;
			if (m < n && s[m] == ')') {
				*u0 = j, *u1 = k, *end = m + 1;
				return true;
			}
			return false;
		}
	}
	return false;
}

static void rewrite_css(const char *s, size_t n, const struct phx_digest_rewriter *rw,
                        struct mx_buf *out)
{
	size_t pos = 0, copied = 0;
	while (pos + 4 <= n) {
		const char *hit = memmem(s + pos, n - pos, "url(", 4);
		if (!hit)
			break;
		size_t at = (size_t)(hit - s), u0, u1, end;
		if (!css_match(s, n, at, &u0, &u1, &end)) {
			pos = at + 1;
			continue;
		}
		mx_buf_add(out, s + copied, u0 - copied);
		/* ~r{\A(['"])(.+)\1\z}: a quote, at least one byte, the same quote */
		size_t len = u1 - u0;
		if (len >= 3 && (s[u0] == '"' || s[u0] == '\'') && s[u1 - 1] == s[u0]) {
			mx_buf_addch(out, s[u0]);
			phx_digest_rewrite_url(s + u0 + 1, len - 2, rw->vsn, rw, out);
			mx_buf_addch(out, s[u0]);
		} else {
			phx_digest_rewrite_url(s + u0, len, rw->vsn, rw, out);
		}
		mx_buf_add(out, s + u1, end - u1);
		copied = pos = end;
	}
	mx_buf_add(out, s + copied, n - copied);
}

/* ---- JS: ~r{(//#\s*sourceMappingURL=\s*)(\S+)} ---------------------------- */

static void rewrite_js(const char *s, size_t n, const struct phx_digest_rewriter *rw,
                       struct mx_buf *out)
{
	static const char word[] = "sourceMappingURL=";
	const size_t wlen = sizeof(word) - 1;
	size_t pos = 0, copied = 0;
	while (pos + 3 <= n) {
		const char *hit = memmem(s + pos, n - pos, "//#", 3);
		if (!hit)
			break;
		size_t at = (size_t)(hit - s), i = at + 3;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (n - i < wlen || memcmp(s + i, word, wlen)) {
			pos = at + 1;
			continue;
		}
		i += wlen;
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		size_t u0 = i;
		while (i < n && !is_space((unsigned char)s[i]))
			i++;
		if (i == u0) {
			pos = at + 1;
			continue;
		}
		mx_buf_add(out, s + copied, u0 - copied);
		phx_digest_rewrite_url(s + u0, i - u0, false, rw, out);
		copied = pos = i;
	}
	mx_buf_add(out, s + copied, n - copied);
}

/* ---- map: ~r{(['"]file['"]:['"])([^,"']+)(['"])} -------------------------- */

static bool is_quote(char c)
{
	return c == '"' || c == '\'';
}

static void rewrite_map(const char *s, size_t n, const struct phx_digest_rewriter *rw,
                        struct mx_buf *out)
{
	size_t pos = 0, copied = 0;
	while (pos + 8 <= n) {
		const char *hit = memmem(s + pos, n - pos, "file", 4);
		if (!hit)
			break;
		size_t at = (size_t)(hit - s);
		pos = at + 1;
		if (at == 0 || !is_quote(s[at - 1]) || at + 7 > n || !is_quote(s[at + 4]) ||
		    s[at + 5] != ':' || !is_quote(s[at + 6]))
			continue;
		size_t u0 = at + 7, i = u0;
		while (i < n && s[i] != ',' && !is_quote(s[i]))
			i++;
		if (i == u0 || i >= n || !is_quote(s[i]))
			continue;
		mx_buf_add(out, s + copied, u0 - copied);
		phx_digest_rewrite_url(s + u0, i - u0, false, rw, out);
		copied = i;
		/* the closing quote belongs to this match: the next one starts after it */
		pos = i + 2;
	}
	mx_buf_add(out, s + copied, n - copied);
}

void phx_digest_rewrite(enum phx_digest_kind kind, const char *s, size_t n,
                        const struct phx_digest_rewriter *rw, struct mx_buf *out)
{
	switch (kind) {
	case PHX_KIND_CSS:
		rewrite_css(s, n, rw, out);
		break;
	case PHX_KIND_JS:
		rewrite_js(s, n, rw, out);
		break;
	case PHX_KIND_MAP:
		rewrite_map(s, n, rw, out);
		break;
	default:
		mx_buf_add(out, s, n);
	}
}
