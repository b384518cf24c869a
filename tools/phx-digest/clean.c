/*
 * phx.digest.clean: Phoenix.Digester.clean/4 and clean_all/1.
 *
 * clean: every digest that is not a current `latest` value is grouped by its
 * logical_path, ranked newest first by the manifest's mtime, and removed when
 * it is older than --age OR ranked beyond --keep. (The task's moduledoc says
 * "keep the latest and 2 previous as well as anything from the last hour",
 * which reads as AND; the code, and its test with age 1 and keep 10, remove
 * on either.) The manifest is rewritten without them, with `latest` as it
 * was. Phoenix removes first and rewrites the manifest after; we rewrite it
 * first, so a manifest never names a removed file even if we are killed.
 *
 * --all: every digested file the manifest lists, their compressed copies,
 * the compressed copies of the originals, and the manifest itself go; the
 * uncompressed originals stay. Files the manifest does not name are never
 * touched.
 */
#include "clean.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fsutil.h"
#include "index.h"
#include "manifest.h"

struct version {
	size_t k; /* index in digests */
	const char *path;
	size_t plen;
	const char *logical; /* NULL when the entry has none */
	double mtime;        /* +inf when missing: nil sorts above every number */
};

static int by_group_then_newest(const void *x, const void *y)
{
	const struct version *a = x, *b = y;
	if (!a->logical != !b->logical)
		return a->logical ? -1 : 1;
	if (a->logical) {
		int c = strcmp(a->logical, b->logical);
		if (c)
			return c;
	}
	if (a->mtime != b->mtime)
		return a->mtime > b->mtime ? -1 : 1;
	/* Enum.sort_by(&>/2) puts equal mtimes in reverse of the map's (sorted)
	 * order */
	size_t n = a->plen < b->plen ? a->plen : b->plen;
	int c = memcmp(a->path, b->path, n);
	if (c)
		return -c;
	return a->plen < b->plen ? 1 : a->plen > b->plen ? -1 : 0;
}

/* Removes OUT/rel (unless only_compressed) and its compressed copies
 * (OUT/rel.gz ...); with --dry-run, lists those that exist instead. */
static void remove_files(const struct phx_digest_clean_opts *o, const char *rel,
                         bool only_compressed, struct mx_strvec *planned)
{
	struct mx_buf p = MX_BUF_INIT;
	mx_path_join(&p, o->output, rel);
	size_t base = p.len;
	for (size_t z = only_compressed ? 1 : 0; z <= o->zexts.n; z++) {
		mx_buf_setlen(&p, base);
		if (z)
			mx_buf_adds(&p, o->zexts.v[z - 1]);
		if (o->dry_run) {
			if (mx_fs_exists(p.buf))
				mx_strvec_push(planned, p.buf);
		} else {
			/* as File.rm/1, whose result Phoenix ignores */
			unlink(p.buf);
		}
	}
	mx_buf_release(&p);
}

static bool str_is(const struct phx_json *v)
{
	return v && v->type == PHX_JSON_STR && strlen(v->s) == v->len;
}

static int clean_all(const struct phx_digest_clean_opts *o, const char *mpath, struct phx_json *m,
                     struct mx_strvec *planned, struct mx_err *err)
{
	const struct phx_json *digests = phx_json_get(m, "digests");
	if (!digests || digests->type != PHX_JSON_OBJ)
		return mx_err_set(err, MX_ERR_OTHER, "%s: no \"digests\" object", mpath);
	/* the manifest goes first: then nothing names what we remove next */
	if (o->dry_run) {
		if (mx_fs_exists(mpath))
			mx_strvec_push(planned, mpath);
	} else if (mx_fs_unlink(mpath, err) < 0) {
		return -1;
	}
	for (size_t i = 0; i < digests->n; i++) {
		if (strlen(digests->keys[i]) != digests->keylens[i])
			continue;
		remove_files(o, digests->keys[i], false, planned);
		const struct phx_json *lp = phx_json_get(&digests->items[i], "logical_path");
		if (str_is(lp))
			remove_files(o, lp->s, true, planned);
	}
	return 0;
}

static int clean_old(const struct phx_digest_clean_opts *o, const char *mpath, struct phx_json *m,
                     struct mx_strvec *planned, struct mx_err *err)
{
	const struct phx_json *latest = phx_json_get(m, "latest");
	struct phx_json *digests = (struct phx_json *)phx_json_get(m, "digests");
	struct version *v = NULL;
	bool *drop = NULL;
	size_t n = 0;
	int ret = 0;
	if (!latest || latest->type != PHX_JSON_OBJ || !digests || digests->type != PHX_JSON_OBJ)
		return mx_err_set(err, MX_ERR_OTHER,
		                  "%s: expected \"latest\" and \"digests\" objects", mpath);
	/* a digested path that appears twice counts once, the last winning */
	phx_json_obj_normalize(digests);
	drop = mx_xcalloc(digests->n + 1, sizeof(*drop));
	v = mx_xcalloc(digests->n + 1, sizeof(*v));
	struct mx_strvec values = MX_STRVEC_INIT;
	struct phx_digest_index cur = PHX_DIGEST_INDEX_INIT;
	for (size_t k = 0; k < latest->n; k++)
		if (str_is(&latest->items[k]))
			mx_strvec_push(&values, latest->items[k].s);
	phx_digest_index_build(&cur, values.n, phx_digest_strvec_key, &values);
	for (size_t i = 0; i < digests->n; i++) {
		if (phx_digest_index_find(&cur, digests->keys[i], digests->keylens[i]) >= 0)
			continue;
		const struct phx_json *attrs = &digests->items[i];
		const struct phx_json *lp = phx_json_get(attrs, "logical_path");
		double mt;
		v[n].k = i;
		v[n].path = digests->keys[i];
		v[n].plen = digests->keylens[i];
		v[n].logical = str_is(lp) ? lp->s : NULL;
		v[n].mtime = phx_json_number(phx_json_get(attrs, "mtime"), &mt) ? mt : INFINITY;
		n++;
	}
	qsort(v, n, sizeof(*v), by_group_then_newest);
	double max_age = (double)(o->now - o->age);
	for (size_t i = 0, rank = 0; i < n; i++) {
		bool same =
		    i &&
		    ((!v[i].logical && !v[i - 1].logical) ||
		     (v[i].logical && v[i - 1].logical && !strcmp(v[i].logical, v[i - 1].logical)));
		rank = same ? rank + 1 : 1;
		if (!(max_age > v[i].mtime || (long)rank > o->keep))
			continue;
		drop[v[i].k] = true;
	}
	/* the manifest without them, written before anything is removed */
	struct phx_json kept;
	phx_json_obj_init(&kept);
	for (size_t k = 0; k < digests->n; k++) {
		if (drop[k])
			continue;
		struct phx_json item = digests->items[k];
		digests->items[k] = (struct phx_json)PHX_JSON_INIT;
		phx_json_obj_put(&kept, digests->keys[k], digests->keylens[k], &item);
	}
	struct mx_buf text = MX_BUF_INIT;
	phx_digest_manifest_format(&text, latest, &kept);
	phx_json_release(&kept);
	if (o->dry_run) {
		mx_strvec_push(planned, mpath);
	} else if (mx_fs_write_atomic(mpath, text.buf, text.len, err) < 0) {
		mx_buf_release(&text);
		ret = -1;
		goto out;
	}
	mx_buf_release(&text);
	for (size_t k = 0; k < digests->n; k++)
		if (drop[k] && strlen(digests->keys[k]) == digests->keylens[k])
			remove_files(o, digests->keys[k], false, planned);
out:
	phx_digest_index_release(&cur);
	mx_strvec_clear(&values);
	free(v);
	free(drop);
	return ret;
}

static int remove_temps_in(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	if (S_ISDIR(st->st_mode))
		mx_atomic_remove_stale(path, time(NULL) + 1);
	return MX_WALK_CONTINUE;
}

enum phx_digest_result phx_digest_clean(const struct phx_digest_clean_opts *o, struct mx_err *err)
{
	struct phx_json m = PHX_JSON_INIT;
	struct mx_buf mpath = MX_BUF_INIT;
	struct mx_strvec planned = MX_STRVEC_INIT;
	int ret, lock_fd = -1;
	if (!mx_fs_exists(o->output))
		return PHX_DIGEST_MISSING;
	if (!o->dry_run && mx_fs_is_dir(o->output)) {
		/* as a digest run does: no run writes here meanwhile, so every
		 * temp file of our writer in the output is a killed run's debris */
		if ((lock_fd = mx_fs_lock_dir(o->output, err)) < 0) {
			ret = -1;
			goto out;
		}
		mx_fs_walk(o->output, MX_WALK_DIRS | MX_WALK_HIDDEN, remove_temps_in, NULL, NULL);
	}
	mx_path_join(&mpath, o->output, "cache_manifest.json");
	if (phx_digest_manifest_load(mpath.buf, &m, err) < 0) {
		ret = -1;
		goto out;
	}
	ret = o->all ? clean_all(o, mpath.buf, &m, &planned, err)
	             : clean_old(o, mpath.buf, &m, &planned, err);
	/* an earlier version's cache, inside the output: it must not ship */
	if (ret == 0 && !o->dry_run)
		phx_digest_cache_remove_legacy(o->output);
	if (ret == 0 && o->dry_run) {
		mx_strvec_sort(&planned);
		for (size_t i = 0; i < planned.n; i++)
			if (!i || strcmp(planned.v[i], planned.v[i - 1]))
				printf("%s\n", planned.v[i]);
	}
out:
	if (lock_fd >= 0)
		close(lock_fd);
	phx_json_release(&m);
	mx_buf_release(&mpath);
	mx_strvec_clear(&planned);
	return ret < 0 ? PHX_DIGEST_FAILED : PHX_DIGEST_DONE;
}
