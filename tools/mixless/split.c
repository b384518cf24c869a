/*
 * split: OptionParser.split/1 for alias steps.
 */
#include "split.h"

#include <stdbool.h>

#include "buf.h"

void mixless_split_words(const char *s, struct mx_strvec *out)
{
	struct mx_buf w = MX_BUF_INIT;
	bool in_word = false;
	char quote = 0;
	for (const char *p = s; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			else if (*p == '\\' && p[1] && quote == '"')
				mx_buf_addch(&w, *++p);
			else
				mx_buf_addch(&w, *p);
		} else if (*p == ' ' || *p == '\t' || *p == '\n') {
			if (in_word)
				mx_strvec_push(out, w.buf ? w.buf : "");
			mx_buf_reset(&w);
			in_word = false;
			continue;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '\\' && p[1]) {
			mx_buf_addch(&w, *++p);
		} else {
			mx_buf_addch(&w, *p);
		}
		in_word = true;
	}
	if (in_word)
		mx_strvec_push(out, w.buf ? w.buf : "");
	mx_buf_release(&w);
}
