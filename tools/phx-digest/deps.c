/*
 * The depfile (gcc -MD format, plus -MP's rule per dependency) that makes
 * build-system dependency tracking exact: every input file, every directory
 * walked (a directory's mtime changes when an entry is added or removed) and
 * the project config files read.
 */
#include "deps.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"

/* Depfile entries are absolute: the build tool reads them from its own
 * directory, not from the project root we run in. */
static void add_dep(struct mx_depfile *d, const char *root, const char *rel)
{
	struct mx_buf p = MX_BUF_INIT, joined = MX_BUF_INIT;
	char cwd[PATH_MAX];
	mx_path_join(&joined, root, rel);
	if (joined.buf[0] != '/' && getcwd(cwd, sizeof(cwd)))
		mx_path_join(&p, cwd, joined.buf);
	else
		mx_buf_adds(&p, joined.buf);
	mx_buf_reset(&joined);
	mx_path_normalize(&joined, p.buf);
	mx_depfile_add(d, joined.buf);
	mx_buf_release(&p);
	mx_buf_release(&joined);
}

int phx_digest_depfile_write(const char *path, const char *target, const char *in, const char *out,
                             const struct phx_digest_tree *t, const struct mx_strvec *config_files,
                             struct mx_err *err)
{
	struct mx_depfile d = MX_DEPFILE_INIT;
	struct mx_buf text = MX_BUF_INIT, p = MX_BUF_INIT, old = MX_BUF_INIT;
	int ret = 0;
	if (target) {
		mx_depfile_add_target(&d, target);
	} else {
		char cwd[PATH_MAX];
		if (out[0] != '/' && getcwd(cwd, sizeof(cwd)))
			mx_path_join(&p, cwd, out);
		else
			mx_buf_adds(&p, out);
		mx_buf_adds(&p, "/cache_manifest.json");
		mx_depfile_add_target(&d, p.buf);
	}
	for (size_t i = 0; i < t->dirs.n; i++)
		add_dep(&d, in, t->dirs.v[i]);
	for (size_t i = 0; i < t->n; i++)
		add_dep(&d, in, t->files[i].src ? t->files[i].src : t->files[i].rel);
	for (size_t i = 0; i < config_files->n; i++)
		add_dep(&d, "", config_files->v[i]);
	mx_depfile_format(&d, &text);
	/* gcc -MP: a rule per dependency, so make does not stop when an input
	 * is deleted */
	struct mx_strvec sorted = MX_STRVEC_INIT;
	for (size_t i = 0; i < d.deps.n; i++)
		mx_strvec_push(&sorted, d.deps.v[i]);
	mx_strvec_sort(&sorted);
	for (size_t i = 0; i < sorted.n; i++) {
		if (i && !strcmp(sorted.v[i], sorted.v[i - 1]))
			continue;
		struct mx_depfile one = MX_DEPFILE_INIT;
		mx_depfile_add_target(&one, sorted.v[i]);
		mx_buf_addch(&text, '\n');
		mx_depfile_format(&one, &text);
		mx_depfile_clear(&one);
	}
	mx_strvec_clear(&sorted);
	/* an unchanged depfile is left alone, so nothing downstream sees it move */
	if (mx_fs_read(path, &old, NULL) == 0 && old.len == text.len &&
	    !memcmp(old.buf, text.buf, text.len))
		goto out;
	/* written after the manifest, which was made durable with every
	 * output; the depfile itself need not be (make reruns without it) */
	ret = mx_fs_write_atomic_flags(path, text.buf, text.len, MX_ATOMIC_NO_SYNC, err);
out:
	mx_depfile_clear(&d);
	mx_buf_release(&text);
	mx_buf_release(&p);
	mx_buf_release(&old);
	return ret;
}
