/*
 * The line format shared by the cache and the manifest memo (cache_lines.h).
 */
#include "cache_lines.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"

void phx_cache_add_esc_n(struct mx_buf *b, const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end) {
		const char *q = s;
		while (q < end && *q != '\t' && *q != '\n' && *q != '\\')
			q++;
		mx_buf_add(b, s, (size_t)(q - s));
		if (q == end)
			return;
		mx_buf_adds(b, *q == '\t' ? "\\t" : *q == '\n' ? "\\n" : "\\\\");
		s = q + 1;
	}
}

void phx_cache_add_esc(struct mx_buf *b, const char *s)
{
	phx_cache_add_esc_n(b, s, strlen(s));
}

size_t phx_cache_split(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		char *w = p;
		while (*p && *p != '\t') {
			if (*p == '\\' && p[1]) {
				p++;
				*w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
				p++;
			} else {
				*w++ = *p++;
			}
		}
		bool more = *p == '\t';
		*w = '\0';
		if (!more)
			break;
		p++;
	}
	return n;
}

static uint64_t line_sum(const char *s, size_t n)
{
	return phx_digest_hash(s, n, PHX_DIGEST_HASH_SEED);
}

void phx_cache_end_line(struct mx_buf *b, size_t start)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = line_sum(b->buf + start, b->len - start);
	char s[19];
	s[0] = '\t';
	s[1] = '#';
	for (int i = 0; i < 16; i++)
		s[2 + i] = hex[(h >> (60 - 4 * i)) & 15];
	s[18] = '\n';
	mx_buf_add(b, s, sizeof(s));
}

bool phx_cache_line_ok(char *line)
{
	char *tab = strrchr(line, '\t');
	if (!tab || tab[1] != '#' || strlen(tab + 2) != 16)
		return false;
	uint64_t want = 0;
	for (int i = 0; i < 16; i++) {
		char c = tab[2 + i];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (v < 0)
			return false;
		want = want << 4 | (uint64_t)v;
	}
	if (line_sum(line, (size_t)(tab - line)) != want)
		return false;
	*tab = '\0';
	return true;
}

char *phx_cache_next_line(char **p, char *end)
{
	char *line = *p;
	if (line >= end)
		return NULL;
	char *nl = memchr(line, '\n', (size_t)(end - line));
	if (!nl)
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return line;
}
