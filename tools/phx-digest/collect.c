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

#include "arena.h"
#include "jobs.h"

/*
 * The walk goes level by level: every directory of a level is listed and
 * its entries stat()ed as one job on the pool (directories are independent,
 * and a stat() is mostly the kernel's time), then the next level's
 * directories are known. The tree is then put together depth first, in the
 * order a plain recursive walk gives, so the result does not depend on the
 * threads.
 */

/* One entry of a directory, as its job found it: of its stat, only what
 * a file of the tree keeps (a whole struct stat would double the size of
 * the 13k entries a large tree has, in fresh pages). */
struct entry {
	char *name;
	char kind; /* 'f' regular file, 'd' directory, 's' skipped, 'l' a loop */
	off_t size;
	struct timespec mtime, ctime;
	ino_t ino;
	dev_t dev;
	size_t child; /* 'd': its node */
};

/* One directory: where it is, and what its job found. */
struct node {
	char *rel;    /* "" for the input itself */
	dev_t dev;    /* identity, for cutting symlink loops */
	ino_t ino;
	long up;      /* parent node, -1 for the root */
	struct entry *e;
	size_t ne;
	struct mx_strvec badnames;
	int err;          /* errno of a failure, 0 */
	const char *what; /* ... "cannot open directory" or "cannot stat" */
	char *errpath;
};

struct walk {
	const struct mx_strvec *zexts;
	struct phx_digest_tree *t;
	const char *input;
	int root; /* the input, opened */
	struct node *nodes;
	size_t nn, nalloc;
};

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void join_rel(struct mx_buf *b, const char *dir, const char *name)
{
	mx_buf_reset(b);
	mx_buf_adds(b, dir);
	if (*dir)
		mx_buf_addch(b, '/');
	mx_buf_adds(b, name);
}

static void node_fail(struct node *n, const char *what, const char *path)
{
	n->err = errno;
	n->what = what;
	n->errpath = mx_xstrdup(path);
}

/* Lists one directory and stat()s what it keeps; a job on the pool. */
static void list_dir(size_t i, void *ctx)
{
	struct walk *w = ctx;
	struct node *n = &w->nodes[i];
	struct mx_buf path = MX_BUF_INIT;
	size_t alloc = 0;
	int fd = *n->rel ? openat(w->root, n->rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
	                 : dup(w->root);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		node_fail(n, "cannot open directory", *n->rel ? n->rel : w->input);
		if (fd >= 0)
			close(fd);
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
			join_rel(&path, n->rel, de->d_name);
			mx_strvec_push(&n->badnames, path.buf);
			continue;
		}
		/* judged by name before any stat: an output tree holds far more
		 * of Phoenix's outputs than inputs */
		if (de->d_type == DT_REG && phx_digest_is_compiled(de->d_name, w->zexts))
			continue;
		MX_ALLOC_GROW(n->e, n->ne + 1, alloc);
		n->e[n->ne++] = (struct entry){.name = mx_xstrdup(de->d_name)};
	}
	if (n->ne > 1)
		qsort(n->e, n->ne, sizeof(*n->e), cmp_entry);
	for (size_t k = 0; k < n->ne; k++) {
		struct entry *e = &n->e[k];
		struct stat st;
		if (fstatat(dirfd(d), e->name, &st, 0) < 0) {
			if (errno == ENOENT || errno == ELOOP) {
				/* a dangling symlink, or one that vanished meanwhile */
				e->kind = 's';
				continue;
			}
			join_rel(&path, n->rel, e->name);
			node_fail(n, "cannot stat", path.buf);
			n->ne = k + 1; /* what comes after the failure is not looked at */
			e->kind = 'x';
			break;
		}
		e->size = st.st_size;
		e->mtime = st.st_mtim;
		e->ctime = st.st_ctim;
		e->ino = st.st_ino;
		e->dev = st.st_dev;
		if (S_ISDIR(st.st_mode))
			e->kind = 'd';
		else if (!S_ISREG(st.st_mode))
			e->kind = 's';
		/* names we could not judge before the stat (symlinks) */
		else if (phx_digest_is_compiled(e->name, w->zexts))
			e->kind = 'l';
		else
			e->kind = 'f';
	}
	closedir(d);
out:
	mx_buf_release(&path);
}

/* The jobs of one level: nodes from.. of w. */
struct level {
	struct walk *w;
	size_t from;
};

static void list_level_dir(size_t i, void *ctx)
{
	struct level *l = ctx;
	list_dir(l->from + i, l->w);
}

static size_t add_node(struct walk *w, const char *rel, dev_t dev, ino_t ino, long up)
{
	MX_ALLOC_GROW(w->nodes, w->nn + 1, w->nalloc);
	w->nodes[w->nn] = (struct node){mx_xstrdup(rel), dev, ino, up, NULL, 0, MX_STRVEC_INIT,
	                                0, NULL, NULL};
	return w->nn++;
}

/* The next level: a node for each directory the level's jobs found, but
 * one that is its own ancestor (a symlink loop, cut). */
static void add_children(struct walk *w, size_t from, size_t to)
{
	struct mx_buf rel = MX_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		for (size_t k = 0; k < w->nodes[i].ne; k++) {
			struct entry *e = &w->nodes[i].e[k];
			if (e->kind != 'd')
				continue;
			bool loop = false;
			for (long u = (long)i; u >= 0 && !loop; u = w->nodes[u].up)
				loop = w->nodes[u].dev == e->dev && w->nodes[u].ino == e->ino;
			if (loop) {
				e->kind = 'l';
				continue;
			}
			join_rel(&rel, w->nodes[i].rel, e->name);
			e->child = add_node(w, rel.buf, e->dev, e->ino, (long)i);
		}
	}
	mx_buf_release(&rel);
}

static void add_file(struct phx_digest_tree *t, const char *rel, const struct entry *e)
{
	MX_ALLOC_GROW(t->files, t->n + 1, t->alloc);
	struct phx_digest_file *f = &t->files[t->n++];
	memset(f, 0, sizeof(*f));
	f->rel = mx_xstrdup(rel);
	const char *slash = strrchr(f->rel, '/');
	f->base = slash ? slash + 1 : f->rel;
	f->reldir = slash ? mx_xstrndup(f->rel, (size_t)(slash - f->rel)) : mx_xstrdup(".");
	f->kind = phx_digest_kind_of(f->base);
	f->size = e->size;
	f->mtime = e->mtime;
	f->ctime = e->ctime;
	f->ino = e->ino;
	f->dev = e->dev;
	f->cache = -1;
	f->keys = (struct mx_strvec)MX_STRVEC_INIT;
}

/* Puts the tree together depth first, in each directory's name order, as
 * a recursive walk meets it; stops at the first failure met so. */
static int assemble(struct walk *w, size_t i, struct mx_buf *rel, struct mx_err *err)
{
	struct node *n = &w->nodes[i];
	struct phx_digest_tree *t = w->t;
	for (size_t k = 0; k < n->badnames.n; k++)
		mx_strvec_push(&t->badnames, n->badnames.v[k]);
	for (size_t k = 0; k < n->ne; k++) {
		struct entry *e = &n->e[k];
		join_rel(rel, n->rel, e->name);
		switch (e->kind) {
		case 'f':
			add_file(t, rel->buf, e);
			break;
		case 's':
			mx_strvec_push(&t->skipped, rel->buf);
			break;
		case 'd':
			if (w->nodes[e->child].err) {
				errno = w->nodes[e->child].err;
				return mx_err_errno(err, w->nodes[e->child].what,
				                    w->nodes[e->child].errpath);
			}
			mx_strvec_push(&t->dirs, rel->buf);
			if (assemble(w, e->child, rel, err) < 0)
				return -1;
			break;
		case 'x':
			errno = n->err;
			return mx_err_errno(err, n->what, n->errpath);
		default:
			break;
		}
	}
	return 0;
}

static void walk_release(struct walk *w)
{
	for (size_t i = 0; i < w->nn; i++) {
		struct node *n = &w->nodes[i];
		for (size_t k = 0; k < n->ne; k++)
			free(n->e[k].name);
		free(n->e);
		free(n->rel);
		free(n->errpath);
		mx_strvec_clear(&n->badnames);
	}
	free(w->nodes);
}

int phx_digest_collect(const char *input, const struct mx_strvec *zexts, long jobs,
                       struct phx_digest_tree *t, struct mx_err *err)
{
	struct walk w = {zexts, t, input, -1, NULL, 0, 0};
	struct mx_buf rel = MX_BUF_INIT;
	struct stat st;
	int ret = -1;
	w.root = open(input, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w.root < 0)
		return mx_err_errno(err, "cannot open directory", input);
	if (fstat(w.root, &st) < 0) {
		mx_err_errno(err, "cannot stat", input);
		goto out;
	}
	add_node(&w, "", st.st_dev, st.st_ino, -1);
	for (size_t from = 0, to = 1; from < to; from = to, to = w.nn) {
		struct level l = {&w, from};
		/* a thread costs more than listing a directory or two */
		phx_digest_parallel(to - from, to - from < 4 ? 1 : jobs, NULL, list_level_dir, &l);
		add_children(&w, from, to);
	}
	if (w.nodes[0].err) {
		errno = w.nodes[0].err;
		mx_err_errno(err, w.nodes[0].what, w.nodes[0].errpath);
		goto out;
	}
	mx_strvec_push(&t->dirs, "");
	/* the files array at its size at once: growing it by doubling would
	 * copy it into fresh pages again and again */
	size_t nfiles = t->n;
	for (size_t i = 0; i < w.nn; i++)
		for (size_t k = 0; k < w.nodes[i].ne; k++)
			nfiles += w.nodes[i].e[k].kind == 'f';
	if (!t->files && nfiles) {
		t->files = phx_digest_huge_alloc(nfiles * sizeof(*t->files));
		t->alloc = nfiles;
	}
	MX_ALLOC_GROW(t->files, nfiles, t->alloc);
	ret = assemble(&w, 0, &rel, err);
out:
	close(w.root);
	walk_release(&w);
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

void phx_digest_file_release(struct phx_digest_file *f)
{
	free(f->rel);
	free(f->src);
	free(f->reldir);
	free(f->digested);
	if (!f->content_arena)
		free(f->content);
	mx_strvec_clear(&f->keys);
}

void phx_digest_tree_release(struct phx_digest_tree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		phx_digest_file_release(&t->files[i]);
	free(t->files);
	t->files = NULL;
	t->n = t->alloc = 0;
	mx_strvec_clear(&t->dirs);
	mx_strvec_clear(&t->skipped);
	mx_strvec_clear(&t->badnames);
}
