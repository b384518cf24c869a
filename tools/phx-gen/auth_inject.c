/*
 * auth_inject: the edits phx.gen.auth makes to files the project owns
 * (Mix.Tasks.Phx.Gen.Auth.Injector of Phoenix 1.7.24), as pure functions
 * from the old text to the new. Phoenix expresses most of them as regular
 * expressions; each is matched here by hand, and where the regex has a
 * surprising corner (a lazy `^(\s*)` that may start on a blank line above
 * the anchor) the comment says how it is reproduced.
 */
#include <string.h>

#include "auth.h"

static bool has(const char *s, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; l <= n && i + l <= n; i++)
		if (!memcmp(s + i, needle, l))
			return true;
	return false;
}

/* The first occurrence of needle at or after from, or NULL. */
static const char *find(const char *s, size_t n, size_t from, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = from; i + l <= n; i++)
		if (!memcmp(s + i, needle, l))
			return s + i;
	return NULL;
}

static bool is_space(char c)
{
	/* PCRE's \s */
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int auth_inject_mix_dep(const char *file, size_t n, const char *dep, struct mx_buf *out)
{
	static const char split[] = "  defp deps do\n    [\n";
	if (has(file, n, dep))
		return AUTH_INJ_PRESENT;
	const char *at = find(file, n, 0, split);
	if (!at)
		return AUTH_INJ_UNABLE;
	size_t head = (size_t)(at - file) + strlen(split);
	mx_buf_add(out, file, head);
	mx_buf_addf(out, "      %s,\n", dep);
	mx_buf_add(out, file + head, n - head);
	return AUTH_INJ_DONE;
}

/* The file's first line ending (Regex.run(~r/\r\n|\n|$/)): "" without one. */
static const char *line_ending(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			return "\r\n";
		if (s[i] == '\n')
			return "\n";
	}
	return "";
}

void auth_test_config_code(const struct auth_hashing *h, const char *nl, struct mx_buf *out)
{
	mx_buf_addf(
	    out, "# Only in tests, remove the complexity from the password hashing algorithm%s%s",
	    nl, h->test_config);
}

int auth_inject_test_config(const char *file, size_t n, const struct auth_hashing *h,
                            struct mx_buf *out)
{
	struct mx_buf code = MX_BUF_INIT;
	const char *le = line_ending(file, n);
	int ret = AUTH_INJ_UNABLE;
	/* normalize_line_endings_to_file: "\n" becomes the file's ending
	 * (with none, the code's own newline disappears, as in Phoenix) */
	auth_test_config_code(h, le, &code);
	if (has(file, n, code.buf)) {
		ret = AUTH_INJ_PRESENT;
		goto out;
	}
	/* ~r/(use Mix\.Config|import Config)(\r\n|\n|$)/, the first match:
	 * `$` (no m flag) is the end of the text or just before a final "\n" */
	for (size_t i = 0; i < n; i++) {
		size_t l;
		if (n - i >= 14 && !memcmp(file + i, "use Mix.Config", 14))
			l = 14;
		else if (n - i >= 13 && !memcmp(file + i, "import Config", 13))
			l = 13;
		else
			continue;
		size_t e = i + l;
		const char *nl;
		if (e + 1 < n && file[e] == '\r' && file[e + 1] == '\n')
			nl = "\r\n";
		else if (e < n && file[e] == '\n')
			nl = "\n";
		else if (e == n)
			nl = "";
		else
			continue;
		size_t end = e + strlen(nl);
		mx_buf_add(out, file, end);
		mx_buf_adds(out, nl);
		mx_buf_add(out, code.buf, code.len);
		mx_buf_adds(out, nl);
		mx_buf_add(out, file + end, n - end);
		ret = AUTH_INJ_DONE;
		break;
	}
out:
	mx_buf_release(&code);
	return ret;
}

void auth_test_config_help(const char *path, const struct auth_hashing *h, struct mx_buf *out)
{
	mx_buf_addf(out, "Add the following to %s:\n\n    ", path);
	struct mx_buf code = MX_BUF_INIT;
	auth_test_config_code(h, "\n", &code);
	for (const char *p = code.buf; *p; p++) {
		mx_buf_addch(out, *p);
		if (*p == '\n')
			mx_buf_adds(out, "    ");
	}
	mx_buf_adds(out, "\n");
	mx_buf_release(&code);
}

/*
 * ~r/^(\s*)ANCHOR.*(\r\n|\n|$)/Um, the first match: the anchor line with
 * its line ending. Lazy `^(\s*)` starts at the earliest line start from
 * which only whitespace leads to the anchor, so a blank line just above
 * belongs to the match (and to \1). Sets *start, *indent_len (\1), *end
 * and *nl (\2). False when no line holds the anchor after whitespace.
 */
static bool anchor_line(const char *s, size_t n, const char *anchor, size_t *start,
                        size_t *indent_len, size_t *end, const char **nl)
{
	size_t al = strlen(anchor);
	for (size_t i = 0; i + al <= n; i++) {
		if (memcmp(s + i, anchor, al))
			continue;
		size_t b = i;
		while (b > 0 && is_space(s[b - 1]))
			b--;
		/* the earliest line start in [b, i] */
		size_t ls = (size_t)-1;
		for (size_t k = b; k <= i; k++)
			if (k == 0 || s[k - 1] == '\n') {
				ls = k;
				break;
			}
		if (ls == (size_t)-1)
			continue;
		size_t e = i + al;
		while (e < n && s[e] != '\n' && !(s[e] == '\r' && e + 1 < n && s[e + 1] == '\n'))
			e++;
		if (e < n && s[e] == '\r')
			*nl = "\r\n";
		else if (e < n)
			*nl = "\n";
		else
			*nl = "";
		*start = ls;
		*indent_len = i - ls;
		*end = e + strlen(*nl);
		return true;
	}
	return false;
}

int auth_inject_router_plug(const char *file, size_t n, const char *singular, struct mx_buf *out)
{
	struct mx_buf code = MX_BUF_INIT;
	size_t start, ind, end;
	const char *nl;
	int ret = AUTH_INJ_PRESENT;
	mx_buf_addf(&code, "plug :fetch_current_%s", singular);
	if (has(file, n, code.buf))
		goto out;
	ret = AUTH_INJ_UNABLE;
	if (!anchor_line(file, n, AUTH_ROUTER_PLUG_ANCHOR, &start, &ind, &end, &nl))
		goto out;
	/* "\\0\\1#{code}\\2" */
	mx_buf_add(out, file, end);
	mx_buf_add(out, file + start, ind);
	mx_buf_add(out, code.buf, code.len);
	mx_buf_adds(out, nl);
	mx_buf_add(out, file + end, n - end);
	ret = AUTH_INJ_DONE;
out:
	mx_buf_release(&code);
	return ret;
}

int auth_inject_router_import(const char *file, size_t n, const char *web_module,
                              const char *auth_module, struct mx_buf *out)
{
	struct mx_buf use = MX_BUF_INIT, imp = MX_BUF_INIT;
	int ret = AUTH_INJ_PRESENT;
	mx_buf_addf(&imp, "import %s", auth_module);
	mx_buf_addf(&use, "use %s, :router", web_module);
	if (has(file, n, imp.buf))
		goto out;
	/* String.replace/3: every occurrence */
	ret = AUTH_INJ_UNABLE;
	for (size_t i = 0; i < n;) {
		if (i + use.len <= n && !memcmp(file + i, use.buf, use.len)) {
			mx_buf_addf(out, "%s\n\n  %s", use.buf, imp.buf);
			i += use.len;
			ret = AUTH_INJ_DONE;
		} else {
			mx_buf_addch(out, file[i++]);
		}
	}
out:
	mx_buf_release(&use);
	mx_buf_release(&imp);
	return ret;
}

/*
 * formatting_info(template, tag): ~r/<?(([\r\n]{1})\s*)TAG/m, the first
 * match: the indentation of the tag's line plus two spaces, and the line
 * ending. A newline right before the whitespace run that leads to the tag.
 */
static void formatting_info(const char *s, size_t n, const char *tag, size_t *padding,
                            const char **nl)
{
	size_t tl = strlen(tag);
	*padding = 0;
	*nl = "\n";
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n' && s[i] != '\r')
			continue;
		size_t j = i + 1;
		while (j < n && is_space(s[j]))
			j++;
		/* \s* is greedy but gives back: the tag must follow some prefix */
		size_t k = j;
		for (;;) {
			if (k + tl <= n && !memcmp(s + k, tag, tl))
				break;
			if (k == i + 1) {
				k = (size_t)-1;
				break;
			}
			k--;
		}
		if (k == (size_t)-1)
			continue;
		if (s[i] == '\n') {
			/* trim_leading(pre, "\n") <> "  " */
			size_t a = i;
			while (a < k && s[a] == '\n')
				a++;
			*padding = (k - a) + 2;
		} else if (i + 1 < n && s[i + 1] == '\n') {
			*padding = (k - (i + 2)) + 2;
			*nl = "\r\n";
		}
		return;
	}
}

/* indent_spaces(template, padding, newline) of the rendered menu */
static void indent_menu(const char *menu, size_t padding, const char *nl, struct mx_buf *out)
{
	const char *p = menu;
	for (;;) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		for (size_t i = 0; i < padding; i++)
			mx_buf_addch(out, ' ');
		mx_buf_add(out, p, l);
		if (!e)
			break;
		mx_buf_adds(out, nl);
		p = e + 1;
	}
}

int auth_inject_layout_menu(const char *file, size_t n, const char *dup_check, const char *menu,
                            struct mx_buf *out)
{
	size_t padding, start, ind, end;
	const char *nl;
	if (has(file, n, dup_check))
		return AUTH_INJ_PRESENT;
	/* at the end of <nav>: (\s*)</nav> becomes newline, menu, \0 */
	const char *nav = find(file, n, 0, "</nav>");
	if (nav) {
		size_t at = (size_t)(nav - file);
		while (at > 0 && is_space(file[at - 1]))
			at--;
		formatting_info(file, n, "</nav>", &padding, &nl);
		mx_buf_add(out, file, at);
		mx_buf_adds(out, nl);
		indent_menu(menu, padding, nl, out);
		mx_buf_add(out, file + at, n - at);
		return AUTH_INJ_DONE;
	}
	/* after the <body line: "\\0#{menu}\\2" */
	if (!anchor_line(file, n, "<body", &start, &ind, &end, &nl))
		return AUTH_INJ_UNABLE;
	const char *fnl;
	formatting_info(file, n, "<body", &padding, &fnl);
	mx_buf_add(out, file, end);
	indent_menu(menu, padding, fnl, out);
	mx_buf_adds(out, nl);
	mx_buf_add(out, file + end, n - end);
	return AUTH_INJ_DONE;
}
