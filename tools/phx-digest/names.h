/*
 * Phoenix's names (names.c): which files are its own outputs, how a digested
 * file is named, the file kinds the rewriter knows, and how its messages
 * quote a path.
 */
#ifndef PHX_DIGEST_NAMES_H
#define PHX_DIGEST_NAMES_H

#include <stdbool.h>

#include "buf.h"
#include "strvec.h"

enum phx_digest_kind { PHX_KIND_PLAIN, PHX_KIND_CSS, PHX_KIND_JS, PHX_KIND_MAP };
/* By Path.extname, case-sensitive: ".css", ".js", ".map". */
enum phx_digest_kind phx_digest_kind_of(const char *name);

/* True for names Phoenix treats as its own output: "-<32 hex>" anywhere in
 * the basename, an extension in zexts, or "cache_manifest.json". */
bool phx_digest_is_compiled(const char *base, const struct mx_strvec *zexts);
/* True when s is well-formed UTF-8 (no overlong forms, surrogates or code
 * points above U+10FFFF), the names Erlang's file:list_dir/1 returns. */
bool phx_digest_valid_utf8(const char *s);
/* Path.extname: last ".x" of the basename, "" for none or a dotfile. */
const char *phx_digest_extname(const char *base);
/* "<root>-<md5><ext>" appended to out, from a basename. */
void phx_digest_digested_name(struct mx_buf *out, const char *base, const char *md5hex);
/* Elixir's inspect/1 of a string, quotes included. */
void phx_digest_inspect(struct mx_buf *out, const char *s);

#endif
