/*
 * Collecting the input files as Phoenix does with
 * Path.wildcard(Path.join(input, "**")): Elixir's wildcard skips every name
 * starting with a dot (files and whole directories), follows symlinks to
 * directories and files, and keeps non-directories; Phoenix then drops its
 * own outputs (compiled_file?/1).
 *
 * The walk works on directory file descriptors (openat/fstatat) and decides
 * on names before it stats anything, so a tree already full of digested and
 * compressed copies costs a readdir, not a stat, per output.
 *
 * Two things differ from Phoenix on purpose: a symlink loop is cut (Erlang's
 * filelib would follow it until the path is too long), and a dangling
 * symlink or a special file is skipped with a warning (File.stat!/File.read!
 * would crash the task).
 */
#include "collect.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct seen {
	dev_t dev;
	ino_t ino;
	const struct seen *up;
};

struct walk {
	const struct mx_strvec *zexts;
	struct phx_digest_tree *t;
	const char *input;
	struct mx_err *err;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_file(struct walk *w, const char *rel, const struct stat *st)
{
	struct phx_digest_tree *t = w->t;
	MX_ALLOC_GROW(t->files, t->n + 1, t->alloc);
	struct phx_digest_file *f = &t->files[t->n++];
	memset(f, 0, sizeof(*f));
	f->rel = mx_xstrdup(rel);
	const char *slash = strrchr(f->rel, '/');
	f->base = slash ? slash + 1 : f->rel;
	f->reldir = slash ? mx_xstrndup(f->rel, (size_t)(slash - f->rel)) : mx_xstrdup(".");
	f->kind = phx_digest_kind_of(f->base);
	f->size = st->st_size;
	f->mtime = st->st_mtim;
	f->ctime = st->st_ctim;
	f->ino = st->st_ino;
	f->dev = st->st_dev;
	f->cache = -1;
	f->keys = (struct mx_strvec)MX_STRVEC_INIT;
}

static int walk_dir(struct walk *w, int dfd, struct mx_buf *rel, const struct seen *up)
{
	struct mx_strvec names = MX_STRVEC_INIT;
	size_t rlen = rel->len;
	int ret = 0;
	int fd = dup(dfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		ret = mx_err_errno(w->err, "cannot open directory", rel->len ? rel->buf : w->input);
		goto out;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		/* Elixir's wildcard never matches a leading dot, "." and ".." included */
		if (de->d_name[0] == '.')
			continue;
		/* the VM (in its UTF-8 file name mode, the one Elixir supports)
		 * silently leaves such names out of a directory listing */
		if (!phx_digest_valid_utf8(de->d_name)) {
			struct mx_buf b = MX_BUF_INIT;
			mx_buf_add(&b, rel->buf, rel->len);
			if (rel->len)
				mx_buf_addch(&b, '/');
			mx_buf_adds(&b, de->d_name);
			mx_strvec_push_owned(&w->t->badnames, mx_buf_detach(&b, NULL));
			continue;
		}
		if (de->d_type == DT_REG && phx_digest_is_compiled(de->d_name, w->zexts))
			continue;
		mx_strvec_push(&names, de->d_name);
	}
	closedir(d);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof(*names.v), cmp_str);

	for (size_t i = 0; i < names.n; i++) {
		struct stat st;
		const char *name = names.v[i];
		mx_buf_setlen(rel, rlen);
		if (rlen)
			mx_buf_addch(rel, '/');
		mx_buf_adds(rel, name);
		if (fstatat(dfd, name, &st, 0) < 0) {
			if (errno == ENOENT || errno == ELOOP) {
				/* a dangling symlink, or one that vanished meanwhile */
				mx_strvec_push(&w->t->skipped, rel->buf);
				continue;
			}
			ret = mx_err_errno(w->err, "cannot stat", rel->buf);
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			bool loop = false;
			for (const struct seen *s = up; s; s = s->up)
				if (s->dev == st.st_dev && s->ino == st.st_ino)
					loop = true;
			if (loop)
				continue;
			int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (sub < 0) {
				ret = mx_err_errno(w->err, "cannot open directory", rel->buf);
				goto out;
			}
			mx_strvec_push(&w->t->dirs, rel->buf);
			struct seen here = {st.st_dev, st.st_ino, up};
			ret = walk_dir(w, sub, rel, &here);
			close(sub);
			if (ret < 0)
				goto out;
		} else if (S_ISREG(st.st_mode)) {
			/* names we could not judge before the stat (symlinks) */
			if (phx_digest_is_compiled(name, w->zexts))
				continue;
			add_file(w, rel->buf, &st);
		} else {
			mx_strvec_push(&w->t->skipped, rel->buf);
		}
	}
out:
	mx_buf_setlen(rel, rlen);
	mx_strvec_clear(&names);
	return ret;
}

int phx_digest_collect(const char *input, const struct mx_strvec *zexts, struct phx_digest_tree *t,
                       struct mx_err *err)
{
	struct walk w = {zexts, t, input, err};
	struct mx_buf rel = MX_BUF_INIT;
	struct stat st;
	int ret;
	int fd = open(input, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open directory", input);
	fstat(fd, &st);
	mx_strvec_push(&t->dirs, "");
	struct seen top = {st.st_dev, st.st_ino, NULL};
	ret = walk_dir(&w, fd, &rel, &top);
	close(fd);
	mx_buf_release(&rel);
	return ret;
}

bool phx_digest_input_prefix(const char *input, struct mx_buf *prefix)
{
	bool dot = false;
	mx_buf_reset(prefix);
	if (input[0] == '/')
		return false;
	for (const char *p = input; *p;) {
		const char *seg = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - seg);
		while (*p == '/')
			p++;
		if (!len)
			continue;
		if (len == 1 && seg[0] == '.') {
			dot = true;
			continue;
		}
		if (len == 2 && seg[0] == '.' && seg[1] == '.')
			return false;
		if (prefix->len)
			mx_buf_addch(prefix, '/');
		mx_buf_add(prefix, seg, len);
	}
	/* "." or "./.": the wildcard's paths are relative to the input already */
	return dot && prefix->len;
}

void phx_digest_tree_prefix(struct phx_digest_tree *t, const char *prefix)
{
	for (size_t i = 0; i < t->n; i++) {
		struct phx_digest_file *f = &t->files[i];
		struct mx_buf b = MX_BUF_INIT;
		mx_buf_addf(&b, "%s/%s", prefix, f->rel);
		free(f->src);
		f->src = f->rel;
		f->rel = mx_buf_detach(&b, NULL);
		f->base = strrchr(f->rel, '/') + 1;
		free(f->reldir);
		f->reldir = mx_xstrndup(f->rel, (size_t)(f->base - 1 - f->rel));
	}
}

void phx_digest_tree_release(struct phx_digest_tree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		struct phx_digest_file *f = &t->files[i];
		free(f->rel);
		free(f->src);
		free(f->reldir);
		free(f->digested);
		free(f->content);
		mx_strvec_clear(&f->keys);
	}
	free(t->files);
	t->files = NULL;
	t->n = t->alloc = 0;
	mx_strvec_clear(&t->dirs);
	mx_strvec_clear(&t->skipped);
	mx_strvec_clear(&t->badnames);
}
