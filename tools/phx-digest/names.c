/*
 * Phoenix's names: which files are its own outputs (compiled_file?/1), the
 * digested name of a file, the kinds of file the rewriter handles, and
 * inspect/1, which quotes the paths in its messages. Also the UTF-8 check
 * that stands for the VM's file name mode.
 */
#include "names.h"

#include <string.h>

static bool is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool phx_digest_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p++;
		unsigned cp, need, min;
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			return false;
		while (need--) {
			if ((*p & 0xc0) != 0x80)
				return false; /* also stops at the NUL */
			cp = cp << 6 | (*p++ & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
	}
	return true;
}

const char *phx_digest_extname(const char *base)
{
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return base + strlen(base);
	return dot;
}

enum phx_digest_kind phx_digest_kind_of(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *ext = phx_digest_extname(slash ? slash + 1 : name);
	if (!strcmp(ext, ".css"))
		return PHX_KIND_CSS;
	if (!strcmp(ext, ".js"))
		return PHX_KIND_JS;
	if (!strcmp(ext, ".map"))
		return PHX_KIND_MAP;
	return PHX_KIND_PLAIN;
}

bool phx_digest_is_compiled(const char *base, const struct mx_strvec *zexts)
{
	/* ~r/(-[a-fA-F\d]{32})/ anywhere in the basename. */
	size_t n = strlen(base), run = 0;
	for (size_t i = n; i-- > 0;) {
		if (is_hex((unsigned char)base[i])) {
			run++;
		} else {
			if (base[i] == '-' && run >= 32)
				return true;
			run = 0;
		}
	}
	const char *ext = phx_digest_extname(base);
	for (size_t i = 0; i < zexts->n; i++)
		if (!strcmp(ext, zexts->v[i]))
			return true;
	return !strcmp(base, "cache_manifest.json");
}

void phx_digest_digested_name(struct mx_buf *out, const char *base, const char *md5hex)
{
	const char *ext = phx_digest_extname(base);
	mx_buf_add(out, base, (size_t)(ext - base));
	mx_buf_addch(out, '-');
	mx_buf_adds(out, md5hex);
	mx_buf_adds(out, ext);
}

void phx_digest_inspect(struct mx_buf *out, const char *s)
{
	mx_buf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"':
			mx_buf_adds(out, "\\\"");
			break;
		case '\\':
			mx_buf_adds(out, "\\\\");
			break;
		case '\n':
			mx_buf_adds(out, "\\n");
			break;
		case '\t':
			mx_buf_adds(out, "\\t");
			break;
		case '\r':
			mx_buf_adds(out, "\\r");
			break;
		case '\v':
			mx_buf_adds(out, "\\v");
			break;
		case '\b':
			mx_buf_adds(out, "\\b");
			break;
		case '\f':
			mx_buf_adds(out, "\\f");
			break;
		case 27:
			mx_buf_adds(out, "\\e");
			break;
		case 7:
			mx_buf_adds(out, "\\a");
			break;
		case '#':
			/* inspect escapes what would read back as interpolation */
			mx_buf_adds(out, s[1] == '{' ? "\\#" : "#");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				mx_buf_addf(out, "\\x%02X", c);
			else
				mx_buf_addch(out, (char)c);
		}
	}
	mx_buf_addch(out, '"');
}
