/*
 * The line format of phx-digest's files outside the output (cache_lines.c):
 * the incremental cache (cache.c) and the manifest memo (manifest_memo.c).
 * One record a line, fields separated by tabs, with tab, newline and
 * backslash escaped, each line ending in a checksum of itself so that a
 * damaged line (a copy cut short, an edit) is dropped instead of believed.
 */
#ifndef PHX_DIGEST_CACHE_LINES_H
#define PHX_DIGEST_CACHE_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Appends s with tab, newline and backslash escaped. */
void phx_cache_add_esc(struct mx_buf *b, const char *s);
/* The same for the n bytes at s. */
void phx_cache_add_esc_n(struct mx_buf *b, const char *s, size_t n);
/* Splits line (modified in place) on tabs into at most max fields and
 * unescapes each; returns how many. */
size_t phx_cache_split(char *line, char **fields, size_t max);
/* Ends the line begun at offset start of b with its checksum and '\n'. */
void phx_cache_end_line(struct mx_buf *b, size_t start);
/* Checks and strips the checksum of line (NUL-terminated, no newline). */
bool phx_cache_line_ok(char *line);
/* The next whole line of [*p, end), NUL-terminated in place, *p moved past
 * it; NULL at the end (a last line without its newline is torn: dropped). */
char *phx_cache_next_line(char **p, char *end);

#endif
