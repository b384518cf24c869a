/*
 * stdlib_path_file: Path and File, relative paths meaning ev->cwd (mix
 * runs from the project root):
 *
 *   Path  join expand absname dirname basename extname rootname split
 *         wildcard (glob(3) patterns)
 *   File  exists? dir? regular? read! cwd cwd!
 */
#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../fsutil.h"
#include "stdlib.h"

#define A EV_A(ev)

/* Every Path and File function takes strings (Path.join/1 a list of
 * them); no clause matches else. */
static int want_strings(struct mx_eval *ev, const struct mx_eval_call *c)
{
	for (size_t i = 0; i < c->nargs; i++)
		if (!is_bin(c->args[i]))
			return ev_fclause_call(ev, c);
	return 0;
}

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

/* The next segment of a path from p: its start, returned, and its end in
 * *end (separators skipped; start == *end when no segment is left). */
static const char *next_segment(const char *p, const char **end)
{
	while (*p == '/')
		p++;
	const char *e = p;
	while (*e && *e != '/')
		e++;
	*end = e;
	return p;
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
	const char *e;
	for (const char *s = next_segment(abs.buf, &e); s < e; s = next_segment(e, &e)) {
		size_t n = (size_t)(e - s);
		if (n == 1 && s[0] == '.')
			continue;
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = strrchr(out->buf, '/');
			mx_buf_setlen(out, slash ? (size_t)(slash - out->buf) : 0);
		} else {
			mx_buf_addch(out, '/');
			mx_buf_add(out, s, n);
		}
	}
	if (!out->len)
		mx_buf_addch(out, '/');
	mx_buf_release(&abs);
}

EV_BUILTIN(path_join1)
{
	const struct mx_term *l = c->args[0];
	if (!is_proper(l) || !l->u.list.n)
		return ev_fclause_call(ev, c);
	for (size_t i = 0; i < l->u.list.n; i++)
		if (!is_bin(l->u.list.items[i]))
			return ev_fclause_call(ev, c);
	struct mx_buf b = MX_BUF_INIT;
	/* Path.join(["a/"]) is "a/", as given. */
	mx_buf_add(&b, l->u.list.items[0]->u.bin.data, l->u.list.items[0]->u.bin.len);
	for (size_t i = 1; i < l->u.list.n; i++) {
		char *left = mx_arena_strndup(A, b.buf, b.len);
		path_join2(&b, left, strlen(left), l->u.list.items[i]->u.bin.data,
		           l->u.list.items[i]->u.bin.len);
	}
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

/* The path functions that make one string of their string arguments. */
static int path_text(struct mx_eval *ev, const struct mx_eval_call *c,
                     void (*make)(struct mx_eval *ev, const struct mx_eval_call *c,
                                  struct mx_buf *b),
                     struct mx_term **out)
{
	if (want_strings(ev, c) < 0)
		return -1;
	struct mx_buf b = MX_BUF_INIT;
	make(ev, c, &b);
	*out = buf_bin(ev, &b);
	mx_buf_release(&b);
	return 0;
}

static void make_join(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	(void)ev;
	path_join2(b, c->args[0]->u.bin.data, c->args[0]->u.bin.len, c->args[1]->u.bin.data,
	           c->args[1]->u.bin.len);
}

static void make_expand(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	path_expand(ev, b, c->args[0]->u.bin.data, c->nargs == 2 ? c->args[1]->u.bin.data : NULL);
}

static void make_absname(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	path_absname(ev, b, c->args[0]->u.bin.data);
}

static void make_dirname(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	(void)ev;
	path_dirname(c->args[0]->u.bin.data, b);
}

/* basename/1, and basename/2 without the extension when it ends the name
 * (all of it too: Path.basename(".ex", ".ex") is ""). */
static void make_basename(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	(void)ev;
	const char *s = c->args[0]->u.bin.data;
	size_t len = c->args[0]->u.bin.len;
	while (len > 1 && s[len - 1] == '/')
		len--;
	size_t st = len;
	while (st > 0 && s[st - 1] != '/')
		st--;
	mx_buf_add(b, s + st, len - st);
	const struct mx_term *ext = c->nargs == 2 ? c->args[1] : NULL;
	if (ext && ext->u.bin.len <= b->len &&
	    !memcmp(b->buf + b->len - ext->u.bin.len, ext->u.bin.data, ext->u.bin.len))
		mx_buf_setlen(b, b->len - ext->u.bin.len);
}

static void make_extname(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	(void)ev;
	mx_buf_adds(b, mx_path_ext(c->args[0]->u.bin.data));
}

static void make_rootname(struct mx_eval *ev, const struct mx_eval_call *c, struct mx_buf *b)
{
	(void)ev;
	const char *ext = mx_path_ext(c->args[0]->u.bin.data);
	mx_buf_add(b, c->args[0]->u.bin.data, c->args[0]->u.bin.len - strlen(ext));
}

EV_BUILTIN_AS(path_join, path_text(ev, c, make_join, out))

EV_BUILTIN_AS(path_expand_b, path_text(ev, c, make_expand, out))

EV_BUILTIN_AS(path_absname_b, path_text(ev, c, make_absname, out))

EV_BUILTIN_AS(path_dirname_b, path_text(ev, c, make_dirname, out))

EV_BUILTIN_AS(path_basename, path_text(ev, c, make_basename, out))

EV_BUILTIN_AS(path_extname, path_text(ev, c, make_extname, out))

EV_BUILTIN_AS(path_rootname, path_text(ev, c, make_rootname, out))

EV_BUILTIN(path_split)
{
	if (want_strings(ev, c) < 0)
		return -1;
	struct ev_vec v = {0};
	const char *p = c->args[0]->u.bin.data, *e;
	if (p[0] == '/')
		ev_vec_push(ev, &v, bin(ev, "/", 1));
	for (const char *s = next_segment(p, &e); s < e; s = next_segment(e, &e))
		ev_vec_push(ev, &v, bin(ev, s, (size_t)(e - s)));
	*out = ev_vec_list(ev, &v);
	return 0;
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

/* Path.wildcard/1 over the file system, sorted as Elixir returns it. Glob
 * syntax is glob(3)'s (* ? [..]); Elixir's ** and {a,b} are not handled. */
EV_BUILTIN(path_wildcard)
{
	const struct mx_term *pat = c->args[0];
	if (want_strings(ev, c) < 0)
		return -1;
	if (strstr(pat->u.bin.data, "**") || strchr(pat->u.bin.data, '{'))
		return ev_fail(ev, c->node, "Path.wildcard with ** or {} is not supported");
	struct mx_buf p = MX_BUF_INIT;
	glob_t g;
	struct ev_vec v = {0};
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

/* ---- File ------------------------------------------------------------- */

/* exists? (0), dir? (1), regular? (2). */
static int file_test(struct mx_eval *ev, const struct mx_eval_call *c, int what,
                     struct mx_term **out)
{
	if (want_strings(ev, c) < 0)
		return -1;
	struct mx_buf p = MX_BUF_INIT;
	resolve(ev, c->args[0]->u.bin.data, &p);
	*out = boolean(ev, what == 0   ? mx_fs_exists(p.buf)
	                   : what == 1 ? mx_fs_is_dir(p.buf)
	                               : mx_fs_is_file(p.buf));
	mx_buf_release(&p);
	return 0;
}

EV_BUILTIN_AS(file_exists, file_test(ev, c, 0, out))

EV_BUILTIN_AS(file_dir, file_test(ev, c, 1, out))

EV_BUILTIN_AS(file_regular, file_test(ev, c, 2, out))

EV_BUILTIN(file_read_bang)
{
	if (want_strings(ev, c) < 0)
		return -1;
	struct mx_buf p = MX_BUF_INIT, data = MX_BUF_INIT;
	struct mx_err e = MX_ERR_INIT;
	int ret = 0;
	resolve(ev, c->args[0]->u.bin.data, &p);
	if (mx_fs_read(p.buf, &data, &e) < 0)
		ret = ev_raise(ev, c->node, "File.Error", "could not read file %s: %s",
		               ev_insp(ev, c->args[0]),
		               mx_fs_is_dir(p.buf) ? "illegal operation on a directory"
		                                   : "no such file or directory");
	else
		*out = buf_bin(ev, &data);
	mx_buf_release(&data);
	mx_buf_release(&p);
	return ret;
}

/* File.cwd/0 and cwd!/0: the working directory, as Elixir reports it. */
static int file_cwd_term(struct mx_eval *ev, const struct mx_eval_call *c, bool bang,
                         struct mx_term **out)
{
	char cwd[4096];

	if (!getcwd(cwd, sizeof(cwd))) {
		if (bang)
			return ev_raise(ev, c->node, "File.Error",
			                "could not get current working directory: %s",
			                strerror(errno));
		*out = mx_term_tuple2(A, atom(ev, "error"), atom(ev, "enoent"));
		return 0;
	}
	*out = cstr(ev, cwd);
	if (!bang)
		*out = mx_term_tuple2(A, atom(ev, "ok"), *out);
	return 0;
}

EV_BUILTIN_AS(file_cwd, file_cwd_term(ev, c, false, out))
EV_BUILTIN_AS(file_cwd_bang, file_cwd_term(ev, c, true, out))

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_path_file[] = {
	{"Path", "join", 1, path_join1},
	{"Path", "join", 2, path_join},
	{"Path", "expand", 1, path_expand_b},
	{"Path", "expand", 2, path_expand_b},
	{"Path", "absname", 1, path_absname_b},
	{"Path", "dirname", 1, path_dirname_b},
	{"Path", "basename", 1, path_basename},
	{"Path", "basename", 2, path_basename},
	{"Path", "extname", 1, path_extname},
	{"Path", "rootname", 1, path_rootname},
	{"Path", "split", 1, path_split},
	{"Path", "wildcard", 1, path_wildcard},
	{"File", "exists?", 1, file_exists},
	{"File", "dir?", 1, file_dir},
	{"File", "regular?", 1, file_regular},
	{"File", "read!", 1, file_read_bang},
	{"File", "cwd", 0, file_cwd},
	{"File", "cwd!", 0, file_cwd_bang},
};
/* clang-format on */
const size_t ev_builtins_path_file_n = EV_NROWS(ev_builtins_path_file);
