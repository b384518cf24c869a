/*
 * json_escape: the JSON string literals of the tools' JSON output (reading
 * JSON is phx-digest's json_value.c, the only tool that needs it). Strings
 * are escaped exactly as Jason does by default (escape: :json), which is
 * what Phoenix's cache_manifest.json and ecto_sql's JSON-encoded map
 * defaults contain, so output written with it matches theirs byte for byte.
 */
#ifndef MX_JSON_ESCAPE_H
#define MX_JSON_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* Appends s[0..n) as a quoted JSON string: '"' and '\\' escaped, \b \t \n
 * \f \r by name, other control bytes as \u00XX (upper-case hex, as
 * Jason), everything else (UTF-8 included) as is. */
void mx_json_add_string(struct mx_buf *out, const char *s, size_t n);

#endif
