/*
 * cache_manifest.json (manifest.c), read and written as Phoenix.Digester
 * does.
 */
#ifndef PHX_DIGEST_MANIFEST_H
#define PHX_DIGEST_MANIFEST_H

#include <stdbool.h>

#include "buf.h"
#include "collect.h"
#include "diag.h"
#include "flusher.h"
#include "json_value.h"
#include "manifest_memo.h"
#include "strvec.h"

/* The "!comment!" Phoenix writes at the top. */
extern const char phx_digest_comment[];

/* Loads OUT/cache_manifest.json into m (an object). A missing file or a
 * version other than 1 gives the empty manifest, as Phoenix's
 * migrate_manifest/2. Returns 0 or -1 with err (unreadable or invalid). */
int phx_digest_manifest_load(const char *path, struct phx_json *m, struct mx_err *err);
/* The text Phoenix writes for latest and digests (both objects). */
void phx_digest_manifest_format(struct mx_buf *out, const struct phx_json *latest,
                                const struct phx_json *digests);
/* Loads the manifest memo at memo_path (manifest_memo.h) into m and keeps
 * it valid only while OUT/cache_manifest.json is still the text it
 * describes. Reads the whole manifest, but needs nothing of the run: it
 * runs beside the walk. */
void phx_digest_manifest_memo_check(struct phx_digest_manifest_memo *m, const char *out,
                                    const char *memo_path);
/* Writes OUT/cache_manifest.json for the files of t (digested names, digests,
 * SHA-512, sizes; mtime = now, Gregorian seconds), with the old manifest's
 * entries whose file still exists. sync (NULL when nothing new was
 * written): the run's flusher, finished first, so that nothing the manifest
 * names can be lost after it (the manifest itself is always written
 * durably). With planned set (--dry-run) nothing is written; the path is
 * pushed there instead. memo (NULL: none), checked by
 * phx_digest_manifest_memo_check(), spares parsing the old manifest when it
 * can; the memo of this manifest is then saved at memo_path (NULL: not). */
int phx_digest_manifest_write(const char *out, const struct phx_digest_tree *t, long long now,
                              struct phx_digest_flusher *sync, struct mx_strvec *planned,
                              const struct phx_digest_manifest_memo *memo, const char *memo_path,
                              struct mx_err *err);

#endif
