/*
 * format: the routes table as text (byte for byte what Phoenix 1.7.24's
 * Phoenix.Router.ConsoleFormatter prints), JSON or CSV.
 */
#ifndef PR_FORMAT_H
#define PR_FORMAT_H

#include "buf.h"
#include "route.h"

enum pr_format { PR_FORMAT_TEXT, PR_FORMAT_JSON, PR_FORMAT_CSV };

/* A filter: routes (and socket lines) kept; NULL pattern/method keep all.
 * pattern is a substring of the path, the module or the helper; method a
 * verb compared case-insensitively. */
struct pr_filter {
	const char *pattern;
	const char *method;
};

/* Where a long table goes while it is being formatted, so that it never
 * sits whole in memory: write gets each full chunk of out. */
struct pr_sink {
	void (*write)(void *ctx, const char *data, size_t n);
	void *ctx;
};

/* Appends the table to out. Widths are computed over every route and socket
 * (Phoenix counts even the hidden LiveReloader socket), before filtering,
 * so a filtered table lines up as the whole one does. With a sink, out is
 * handed to it (and emptied) whenever it holds 64 KiB or more; what is
 * left at the end stays in out. */
void pr_format(const struct pr_table *t, enum pr_format f, const struct pr_filter *filter,
               struct mx_buf *out);
void pr_format_to(const struct pr_table *t, enum pr_format f, const struct pr_filter *filter,
                  struct mx_buf *out, const struct pr_sink *sink);

#endif
