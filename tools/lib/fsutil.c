#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/random.h>
#include <time.h>

int mx_fs_read(const char *path, struct mx_buf *out, struct mx_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open", path);
	struct stat st;
	/* room for the whole file and a byte more, so that the read after the
	 * last one sees the end without growing the buffer: growing copies it,
	 * and touching new memory costs a page fault per 4 KiB */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		mx_buf_grow(out, (size_t)st.st_size + 1);
	for (;;) {
		if (!out->alloc || out->alloc - out->len - 1 == 0)
			mx_buf_grow(out, 65536);
		ssize_t n = read(fd, out->buf + out->len, out->alloc - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			mx_err_errno(err, "cannot read", path);
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		mx_buf_setlen(out, out->len + (size_t)n);
	}
	close(fd);
	return 0;
}

ssize_t mx_fs_read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

bool mx_fs_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

bool mx_fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool mx_fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int mx_fs_mkdir_p(const char *path, mode_t mode, struct mx_err *err)
{
	struct mx_buf p = MX_BUF_INIT;
	int ret = 0;
	mx_buf_adds(&p, path);
	/* Create each prefix in turn; EEXIST on a directory is fine. */
	for (size_t i = 1; i <= p.len; i++) {
		if (i < p.len && p.buf[i] != '/')
			continue;
		char saved = p.buf[i];
		p.buf[i] = '\0';
		if (mkdir(p.buf, mode) < 0 && errno != EEXIST) {
			ret = mx_err_errno(err, "cannot create directory", p.buf);
			goto out;
		}
		p.buf[i] = saved;
	}
	if (!mx_fs_is_dir(path)) {
		errno = ENOTDIR;
		ret = mx_err_errno(err, "cannot create directory", path);
	}
out:
	mx_buf_release(&p);
	return ret;
}

int mx_fs_unlink(const char *path, struct mx_err *err)
{
	if (unlink(path) < 0 && errno != ENOENT)
		return mx_err_errno(err, "cannot remove", path);
	return 0;
}

/* ---- Atomic writes ---------------------------------------------------- */

int mx_fs_lock_dir(const char *path, struct mx_err *err)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open directory", path);
	while (flock(fd, LOCK_EX) < 0) {
		if (errno == EINTR)
			continue;
		mx_err_errno(err, "cannot lock", path);
		close(fd);
		return -1;
	}
	return fd;
}

int mx_fs_syncfs(const char *path, struct mx_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mx_err_errno(err, "cannot open", path);
	int r = syncfs(fd);
	if (r < 0)
		mx_err_errno(err, "cannot sync", path);
	close(fd);
	return r < 0 ? -1 : 0;
}

/* Six letters or digits for a temp name. Drawn from a per-process
 * generator seeded once (one getrandom per process, not per file): the names
 * only need to differ, O_EXCL settles any clash. */
static void temp_letters(char out[6])
{
	static const char chars[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static _Atomic unsigned long long state;
	unsigned long long seed = atomic_load(&state);
	if (!seed) {
		if (getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed))
			seed = (unsigned long long)getpid() * 2654435761u ^
			       (unsigned long long)time(NULL);
		seed |= 1;
		unsigned long long zero = 0;
		atomic_compare_exchange_strong(&state, &zero, seed);
	}
	/* splitmix64 over a shared counter: distinct per call and per thread */
	unsigned long long x = atomic_fetch_add(&state, 0x9E3779B97F4A7C15ull);
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	x ^= x >> 31;
	for (int i = 0; i < 6; i++, x >>= 6)
		out[i] = chars[(x & 63) % (sizeof(chars) - 1)];
}

/* A named temp file ".<name>.tmp-XXXXXX" beside path: fd, or -1. */
static int open_named_temp(const char *path, mode_t mode, struct mx_buf *tmp)
{
	char *dir = mx_path_dirname(path);
	/* A hidden name keeps half-written files out of Phoenix's wildcard and
	 * of our own walks. */
	mx_buf_reset(tmp);
	mx_path_join(tmp, dir, ".");
	mx_buf_adds(tmp, mx_path_basename(path));
	mx_buf_adds(tmp, ".tmp-XXXXXX");
	free(dir);
	size_t stem = tmp->len - 6;
	/* open(O_CREAT | O_EXCL, mode) lets the kernel apply the umask: reading
	 * it with umask() would race with other threads doing the same. */
	for (int attempt = 0;; attempt++) {
		temp_letters(tmp->buf + stem);
		int fd = open(tmp->buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST || attempt >= 100)
			return fd;
	}
}

/* O_TMPFILE needs /proc to give the file a name at commit (linkat of
 * /proc/self/fd/N: AT_EMPTY_PATH would need CAP_DAC_READ_SEARCH).
 * MIXLESS_TEST_NO_O_TMPFILE=1 forces named temp files, for the tests of
 * that path. */
static bool tmpfile_usable(void)
{
	static int proc = -1;
	const char *no = getenv("MIXLESS_TEST_NO_O_TMPFILE");
	if (no && *no && strcmp(no, "0"))
		return false;
	if (proc < 0)
		proc = access("/proc/self/fd", X_OK) == 0;
	return proc;
}

int mx_atomic_open(struct mx_atomic *af, const char *path, mode_t mode,
		   struct mx_err *err)
{
	struct mx_buf tmp = MX_BUF_INIT;
	af->fd = -1;
	af->tmp = NULL;
	af->unnamed = false;
	if (!(af->flags & MX_ATOMIC_NAMED) && tmpfile_usable()) {
		/* an unnamed file in the target's directory: a crash before
		 * commit leaves nothing anyone can see */
		char *dir = mx_path_dirname(path);
		af->fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
		free(dir);
		/* EOPNOTSUPP, EISDIR (kernels before 3.11), EINVAL...: a named
		 * temp file then; ENOENT and EACCES are reported by that too */
		if (af->fd >= 0) {
			af->unnamed = true;
			mx_buf_addf(&tmp, "/proc/self/fd/%d", af->fd);
			af->tmp = mx_buf_detach(&tmp, NULL);
		}
	}
	if (af->fd < 0) {
		af->fd = open_named_temp(path, mode, &tmp);
		if (af->fd < 0) {
			mx_err_errno(err, "cannot create", tmp.buf);
			mx_buf_release(&tmp);
			return -1;
		}
		af->tmp = mx_buf_detach(&tmp, NULL);
	}
	af->failed_errno = 0;
	af->path = mx_xstrdup(path);
	mx_buf_release(&tmp);
	return 0;
}

void mx_atomic_write(struct mx_atomic *af, const void *data, size_t n)
{
	const char *p = data;
	if (af->fd < 0 || af->failed_errno)
		return;
	while (n) {
		ssize_t w = write(af->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			af->failed_errno = errno;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

static void release_atomic(struct mx_atomic *af)
{
	if (af->fd >= 0)
		close(af->fd);
	af->fd = -1;
	free(af->tmp);
	free(af->path);
	af->tmp = af->path = NULL;
	af->failed_errno = 0;
	af->unnamed = false;
}

static int fsync_dir(const char *path)
{
	char *dir = mx_path_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	close(fd);
	return r;
}

/* Links the unnamed file of af at target. linkat(fd, "", AT_EMPTY_PATH)
 * skips resolving /proc/self/fd/N (a path walk through procfs per file);
 * kernels before 6.10 allow it only with CAP_DAC_READ_SEARCH: tried until it
 * is refused once, then the /proc path for the rest of the process.
 * MIXLESS_TEST_NO_EMPTY_PATH=1 takes the /proc path, for its tests. */
static int link_fd(struct mx_atomic *af, const char *target)
{
	static atomic_int empty_path = 1;
	const char *no = getenv("MIXLESS_TEST_NO_EMPTY_PATH");
	if (atomic_load(&empty_path) && !(no && *no && strcmp(no, "0"))) {
		if (linkat(af->fd, "", AT_FDCWD, target, AT_EMPTY_PATH) == 0)
			return 0;
		if (errno != ENOENT && errno != EPERM && errno != EINVAL)
			return -1;
		/* refused (or the target's directory is missing: the /proc
		 * path will say so too) */
		atomic_store(&empty_path, 0);
	}
	return linkat(AT_FDCWD, af->tmp, AT_FDCWD, target, AT_SYMLINK_FOLLOW);
}

/* Gives the unnamed file of af its name. Straight to the target when that
 * does not exist (linkat never replaces); otherwise to a temp name first,
 * then renamed over the target: the one moment a crash can leave a visible
 * temp file, which the next run removes (mx_atomic_remove_stale). */
static int link_unnamed(struct mx_atomic *af)
{
	if (link_fd(af, af->path) == 0)
		return 0;
	if (errno != EEXIST)
		return -1;
	struct mx_buf tmp = MX_BUF_INIT;
	int ret = -1;
	char *dir = mx_path_dirname(af->path);
	mx_path_join(&tmp, dir, ".");
	free(dir);
	mx_buf_adds(&tmp, mx_path_basename(af->path));
	mx_buf_adds(&tmp, ".tmp-XXXXXX");
	for (int attempt = 0; attempt < 100; attempt++) {
		temp_letters(tmp.buf + tmp.len - 6);
		if (link_fd(af, tmp.buf) == 0) {
			ret = 0;
			break;
		}
		if (errno != EEXIST)
			break;
	}
	if (ret == 0 && rename(tmp.buf, af->path) < 0) {
		int e = errno;
		unlink(tmp.buf);
		errno = e;
		ret = -1;
	}
	mx_buf_release(&tmp);
	return ret;
}

int mx_atomic_commit(struct mx_atomic *af, struct mx_err *err)
{
	int ret = 0;
	if (af->fd < 0)
		return mx_err_set(err, MX_ERR_IO, "atomic write was not opened");
	bool sync = !(af->flags & MX_ATOMIC_NO_SYNC);
	if (sync && !af->failed_errno && fsync(af->fd) < 0)
		af->failed_errno = errno;
	/* an unnamed file is linked in while still open (through its fd) */
	if (af->unnamed && !af->failed_errno && link_unnamed(af) < 0) {
		ret = mx_err_errno(err, "cannot link into", af->path);
		goto out;
	}
	if (!af->failed_errno && close(af->fd) < 0)
		af->failed_errno = errno;
	af->fd = -1;
	if (af->failed_errno) {
		errno = af->failed_errno;
		ret = mx_err_errno(err, "cannot write", af->path);
		if (!af->unnamed)
			unlink(af->tmp);
		goto out;
	}
	if (!af->unnamed && rename(af->tmp, af->path) < 0) {
		ret = mx_err_errno(err, "cannot rename into", af->path);
		unlink(af->tmp);
		goto out;
	}
	/* Without this the rename itself may not survive a power cut. */
	if (sync)
		fsync_dir(af->path);
out:
	release_atomic(af);
	return ret;
}

void mx_atomic_start_writeback(struct mx_atomic *af)
{
	if (af->fd >= 0 && !af->failed_errno)
		sync_file_range(af->fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}

void mx_atomic_abort(struct mx_atomic *af)
{
	if (!af)
		return;
	if (af->tmp && af->fd >= 0 && !af->unnamed)
		unlink(af->tmp);
	release_atomic(af);
}

/* The names mx_atomic_open makes: ".<name>.tmp-" and six letters or digits. */
static bool is_atomic_temp(const char *name)
{
	size_t n = strlen(name);
	if (name[0] != '.' || n < 13 || memcmp(name + n - 11, ".tmp-", 5))
		return false;
	for (size_t i = n - 6; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9')))
			return false;
	}
	return true;
}

void mx_atomic_remove_stale(const char *dir, time_t cutoff)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		struct stat st;
		if (!is_atomic_temp(de->d_name) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode) || st.st_mtime > cutoff)
			continue;
		unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

int mx_fs_write_atomic_flags(const char *path, const void *data, size_t n,
			     unsigned flags, struct mx_err *err)
{
	struct mx_atomic af = MX_ATOMIC_INIT;
	af.flags = flags;
	if (mx_atomic_open(&af, path, 0666, err) < 0)
		return -1;
	mx_atomic_write(&af, data, n);
	return mx_atomic_commit(&af, err);
}

int mx_fs_write_atomic(const char *path, const void *data, size_t n,
		       struct mx_err *err)
{
	return mx_fs_write_atomic_flags(path, data, n, 0, err);
}

/* ---- Walking ------------------------------------------------------------ */

struct walk_dir {
	dev_t dev;
	ino_t ino;
	const struct walk_dir *parent;
};

int mx_fs_list(const char *path, unsigned flags, struct mx_strvec *names, struct mx_err *err)
{
	size_t first = names->n;
	DIR *d = opendir(path);
	if (!d)
		return mx_err_errno(err, "cannot open directory", path);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (de->d_name[0] == '.' && !(flags & MX_WALK_HIDDEN))
			continue;
		mx_strvec_push(names, de->d_name);
	}
	closedir(d);
	/* Sort only what this call added. */
	struct mx_strvec added = { names->v + first, names->n - first, 0 };
	mx_strvec_sort(&added);
	return 0;
}

static int walk_rec(struct mx_buf *path, struct mx_buf *rel, unsigned flags,
		    mx_walk_fn fn, void *ctx, const struct walk_dir *up,
		    struct mx_err *err)
{
	struct mx_strvec names = MX_STRVEC_INIT;
	int ret = 0;
	if (mx_fs_list(path->buf, flags, &names, err) < 0)
		return -1;

	size_t plen = path->len, rlen = rel->len;
	for (size_t i = 0; i < names.n; i++) {
		struct stat st;
		mx_buf_setlen(path, plen);
		mx_buf_setlen(rel, rlen);
		if (plen && path->buf[plen - 1] != '/')
			mx_buf_addch(path, '/');
		mx_buf_adds(path, names.v[i]);
		if (rlen)
			mx_buf_addch(rel, '/');
		mx_buf_adds(rel, names.v[i]);

		int r = (flags & MX_WALK_FOLLOW) ? stat(path->buf, &st)
						  : lstat(path->buf, &st);
		if (r < 0) {
			/* A dangling symlink: report it as itself. */
			if (!(flags & MX_WALK_FOLLOW) || lstat(path->buf, &st) < 0) {
				ret = mx_err_errno(err, "cannot stat", path->buf);
				goto out;
			}
		}
		if (S_ISDIR(st.st_mode)) {
			bool loop = false;
			for (const struct walk_dir *w = up; w; w = w->parent)
				if (w->dev == st.st_dev && w->ino == st.st_ino)
					loop = true;
			if (loop)
				continue;
			int cb = MX_WALK_CONTINUE;
			if (flags & MX_WALK_DIRS)
				cb = fn(path->buf, rel->buf, &st, ctx);
			if (cb < 0) {
				ret = cb;
				goto out;
			}
			if (cb == MX_WALK_SKIP)
				continue;
			struct walk_dir here = { st.st_dev, st.st_ino, up };
			ret = walk_rec(path, rel, flags, fn, ctx, &here, err);
			if (ret < 0)
				goto out;
		} else {
			int cb = fn(path->buf, rel->buf, &st, ctx);
			if (cb < 0) {
				ret = cb;
				goto out;
			}
		}
	}
out:
	mx_buf_setlen(path, plen);
	mx_buf_setlen(rel, rlen);
	mx_strvec_clear(&names);
	return ret;
}

int mx_fs_walk(const char *root, unsigned flags, mx_walk_fn fn, void *ctx,
	       struct mx_err *err)
{
	struct mx_buf path = MX_BUF_INIT, rel = MX_BUF_INIT;
	struct stat st;
	int ret;
	if (stat(root, &st) < 0)
		return mx_err_errno(err, "cannot open directory", root);
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return mx_err_errno(err, "cannot open directory", root);
	}
	mx_buf_adds(&path, root);
	if (flags & MX_WALK_DIRS) {
		ret = fn(path.buf, "", &st, ctx);
		if (ret < 0 || ret == MX_WALK_SKIP)
			goto out;
	}
	struct walk_dir top = { st.st_dev, st.st_ino, NULL };
	ret = walk_rec(&path, &rel, flags, fn, ctx, &top, err);
out:
	mx_buf_release(&path);
	mx_buf_release(&rel);
	return ret < 0 ? ret : 0;
}

/* ---- Paths ---------------------------------------------------------------- */

void mx_path_join(struct mx_buf *out, const char *a, const char *b)
{
	if (b[0] == '/' || !a[0]) {
		mx_buf_adds(out, b);
		return;
	}
	mx_buf_adds(out, a);
	if (out->len && out->buf[out->len - 1] != '/' && b[0])
		mx_buf_addch(out, '/');
	mx_buf_adds(out, b);
}

void mx_path_normalize(struct mx_buf *out, const char *path)
{
	size_t start = out->len;
	bool abs = path[0] == '/';
	size_t depth = 0; /* segments we can pop */
	if (abs)
		mx_buf_addch(out, '/');
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *seg = p;
		while (*p && *p != '/')
			p++;
		size_t n = (size_t)(p - seg);
		if (n == 1 && seg[0] == '.')
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (depth) {
				/* Drop the last segment and its slash. */
				size_t l = out->len;
				while (l > start && out->buf[l - 1] != '/')
					l--;
				if (l > start + (abs ? 1 : 0))
					l--;
				mx_buf_setlen(out, l);
				depth--;
				continue;
			}
			if (abs)
				continue; /* "/.." is "/" */
		} else {
			depth++;
		}
		if (out->len > start && out->buf[out->len - 1] != '/')
			mx_buf_addch(out, '/');
		mx_buf_add(out, seg, n);
	}
	if (out->len == start)
		mx_buf_addch(out, '.');
}

bool mx_path_is_contained(const char *rel)
{
	struct mx_buf n = MX_BUF_INIT;
	if (rel[0] == '/')
		return false;
	mx_path_normalize(&n, rel);
	bool ok = !(n.buf[0] == '.' && n.buf[1] == '.' &&
		    (n.buf[2] == '/' || n.buf[2] == '\0'));
	mx_buf_release(&n);
	return ok;
}

char *mx_path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mx_xstrdup(".");
	/* Trailing slashes: "a/b/" is in "a". */
	while (slash > path && slash[1] == '\0') {
		const char *q = slash;
		while (q > path && q[-1] == '/')
			q--;
		while (q > path && q[-1] != '/')
			q--;
		if (q == path)
			return mx_xstrdup(path[0] == '/' ? "/" : ".");
		slash = q - 1;
	}
	if (slash == path)
		return mx_xstrdup("/");
	return mx_xstrndup(path, (size_t)(slash - path));
}

const char *mx_path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

const char *mx_path_ext(const char *path)
{
	const char *base = mx_path_basename(path);
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return base + strlen(base);
	return dot;
}

char *mx_path_which(const char *name)
{
	const char *path = getenv("PATH");
	struct mx_buf p = MX_BUF_INIT;
	/* every entry, a leading, inner or trailing empty one too */
	for (const char *dir = path; dir;) {
		size_t n = strcspn(dir, ":");
		mx_buf_reset(&p);
		mx_buf_add(&p, n ? dir : ".", n ? n : 1);
		mx_buf_addf(&p, "/%s", name);
		if (mx_fs_is_file(p.buf) && access(p.buf, X_OK) == 0)
			return mx_buf_detach(&p, NULL);
		dir = dir[n] ? dir + n + 1 : NULL;
	}
	mx_buf_release(&p);
	return NULL;
}
