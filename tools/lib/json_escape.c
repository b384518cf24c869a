#include "json_escape.h"

#include <stdio.h>

/* Copies runs of plain bytes at once; only the bytes that need escaping
 * cost a branch and an append of their own. */
void mx_json_add_string(struct mx_buf *out, const char *s, size_t n)
{
	mx_buf_addch(out, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char tmp[8];
		switch (c) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			if (c < 0x20) {
				snprintf(tmp, sizeof(tmp), "\\u%04X", c);
				esc = tmp;
			}
		}
		if (!esc) {
			run++;
			continue;
		}
		mx_buf_add(out, s + i - run, run);
		run = 0;
		mx_buf_adds(out, esc);
	}
	mx_buf_add(out, s + n - run, run);
	mx_buf_addch(out, '"');
}
