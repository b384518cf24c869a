/*
 * fsutil: reading, walking and atomically writing files, mkdir -p, paths,
 * and the depfile writer that makes build-system dependency tracking exact.
 *
 * Every function returns 0 on success and -1 on failure with err filled
 * ("cannot open 'x': No such file or directory").
 */
#ifndef MX_FSUTIL_H
#define MX_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "strvec.h"

/* Reads the whole file into out (appending). */
int mx_fs_read(const char *path, struct mx_buf *out, struct mx_err *err);
/* Reads from fd into buf until n bytes are in or the file ends (a read
 * interrupted by a signal is retried): the bytes read, or -1 with errno. */
ssize_t mx_fs_read_full(int fd, void *buf, size_t n);

bool mx_fs_exists(const char *path);
bool mx_fs_is_dir(const char *path);
bool mx_fs_is_file(const char *path);

/* mkdir -p: creates path and every missing parent (mode before umask). */
int mx_fs_mkdir_p(const char *path, mode_t mode, struct mx_err *err);

/* Removes a file; a file already gone is not an error. */
int mx_fs_unlink(const char *path, struct mx_err *err);

/* ---- Atomic writes (libgit2's git_filebuf, git's lockfile) ------------
 *
 * The data goes to a temp file beside the target (same directory, so the
 * rename is atomic), is fsynced, and is renamed over the target on commit;
 * the directory is fsynced too, so the new name survives a crash. A reader
 * sees the old file or the new one, never a mix. Write errors are sticky
 * and reported once, by mx_atomic_commit().
 *
 * Where the file system has it, the temp file is unnamed (O_TMPFILE) and
 * commit links it into place (linkat), so a process killed before commit
 * leaves nothing visible; replacing an existing file needs a temp name for
 * the moment between linkat and rename. Elsewhere (or with the environment
 * variable MIXLESS_TEST_NO_O_TMPFILE=1) the temp file is named from the
 * start. That name is ".<name>.tmp-XXXXXX" (hidden, so no walk of ours and
 * no Phoenix wildcard sees it); a process killed while one exists leaves it
 * behind, for mx_atomic_remove_stale().
 */
enum {
	/*
	 * Deferred durability, for a tool that publishes many files and then
	 * one index naming them (phx-digest and its manifest), or for a file
	 * whose loss costs only time (a cache). mx_atomic_commit skips both
	 * fsyncs: readers and a killed process still see the old file or the
	 * new one, only a power cut may lose the new content. The caller makes
	 * such files durable at once with mx_fs_syncfs() before it commits the
	 * index, which is written without this flag.
	 */
	MX_ATOMIC_NO_SYNC = 1 << 0,
	/*
	 * Set before mx_atomic_open: a named temp file even where O_TMPFILE
	 * works, for a temp that another program opens by its name (pg_dump
	 * --file): /proc/self/fd/N names a descriptor of ours, which the child
	 * does not have (O_CLOEXEC) and which /proc/self in the child does not
	 * point to.
	 */
	MX_ATOMIC_NAMED = 1 << 1,
};

struct mx_atomic {
	int fd;
	int failed_errno; /* first write error, 0 if none */
	unsigned flags;   /* MX_ATOMIC_*, set before commit; kept by open and release */
	char *path;       /* target */
	char *tmp;        /* temp file; for an unnamed one, its /proc/self/fd path */
	bool unnamed;     /* O_TMPFILE: no name until commit */
};
#define MX_ATOMIC_INIT { -1, 0, 0, NULL, NULL, false }

/* Opens a temp file for path. mode is the final file mode (before umask). */
int mx_atomic_open(struct mx_atomic *af, const char *path, mode_t mode,
		   struct mx_err *err);
void mx_atomic_write(struct mx_atomic *af, const void *data, size_t n);
/* fsync, rename over the target, fsync the directory, release (the fsyncs
 * are skipped under MX_ATOMIC_NO_SYNC). */
int mx_atomic_commit(struct mx_atomic *af, struct mx_err *err);
/* Starts writing to disk what af holds so far, without waiting: a large
 * file written in pieces then reaches the disk while the next pieces are
 * made, and its fsync at commit finds little left. Advice only. */
void mx_atomic_start_writeback(struct mx_atomic *af);
/* Removes the temp file and releases; safe on NULL, on an unopened or on a
 * committed af. */
void mx_atomic_abort(struct mx_atomic *af);

/* Removes, in directory dir, the temp files of mx_atomic_open whose mtime is
 * at or before cutoff. A temp file still being written has a fresh mtime
 * (every write() updates it), so a cut-off well in the past never takes a
 * live writer's file. Best effort: a missing directory or a file that cannot
 * be removed is left alone. */
void mx_atomic_remove_stale(const char *dir, time_t cutoff);

/* Takes an exclusive flock(2) on directory path, waiting for another holder
 * to let go; returns the fd that holds it (close it to let go; the kernel
 * does when the process dies, so a killed holder never leaves it taken), or
 * -1 with err. No file is created: the directory itself is locked. */
int mx_fs_lock_dir(const char *path, struct mx_err *err);

/* syncfs(2) on the file system holding path (a file or directory). */
int mx_fs_syncfs(const char *path, struct mx_err *err);

/* One-shot: atomically replaces path with data (mode 0666 before umask). */
int mx_fs_write_atomic(const char *path, const void *data, size_t n,
		       struct mx_err *err);
/* The same with MX_ATOMIC_* flags. */
int mx_fs_write_atomic_flags(const char *path, const void *data, size_t n,
			     unsigned flags, struct mx_err *err);

/* ---- Walking ----------------------------------------------------------- */

enum {
	MX_WALK_DIRS = 1 << 0,   /* also call fn for each directory (pre-order) */
	MX_WALK_HIDDEN = 1 << 1, /* include names starting with '.' */
	MX_WALK_FOLLOW = 1 << 2, /* follow symlinks (stat, not lstat) */
};
enum { MX_WALK_CONTINUE = 0, MX_WALK_SKIP = 1 /* don't descend */ };

/* The names in directory path (not "." or ".."), appended to names sorted in
 * byte order. Names starting with '.' are left out unless MX_WALK_HIDDEN is
 * in flags. */
int mx_fs_list(const char *path, unsigned flags, struct mx_strvec *names, struct mx_err *err);

/*
 * path: root joined with rel; rel: relative to root ("" for the root itself,
 * which is reported only with MX_WALK_DIRS). st: lstat or stat (FOLLOW).
 * Return MX_WALK_CONTINUE, MX_WALK_SKIP (for a directory) or a negative value
 * to stop the walk, which then returns that value.
 */
typedef int (*mx_walk_fn)(const char *path, const char *rel,
			  const struct stat *st, void *ctx);

/* Walks root depth-first; entries of each directory are visited in byte
 * order of their names, so every run over the same tree gives the same
 * order. A symlink loop under MX_WALK_FOLLOW is detected and skipped. */
int mx_fs_walk(const char *root, unsigned flags, mx_walk_fn fn, void *ctx,
	       struct mx_err *err);

/* ---- Paths ------------------------------------------------------------- */

/* Appends a/b to out, without doubling the slash; b absolute wins. */
void mx_path_join(struct mx_buf *out, const char *a, const char *b);
/* Lexically normalises: removes ".", "a/.." and duplicate slashes
 * ("a/./b/../c" -> "a/c"). A leading ".." that cannot be resolved is kept. */
void mx_path_normalize(struct mx_buf *out, const char *path);
/* True when the normalised rel stays inside its root: not absolute and does
 * not climb out with "..". */
bool mx_path_is_contained(const char *rel);
/* dirname/basename that never modify their argument. Caller frees. */
char *mx_path_dirname(const char *path);
const char *mx_path_basename(const char *path);
/* The extension including its dot ("app.js" -> ".js"), or "" if none. A
 * leading dot does not start an extension (".env" -> ""), as Path.extname. */
const char *mx_path_ext(const char *path);
/* The executable name found on PATH as execvp finds it (an empty entry is
 * the current directory), or NULL. Caller frees. */
char *mx_path_which(const char *name);

/* ---- Depfiles (gcc -MD format, read by make and by CMake's DEPFILE) ---- */

struct mx_depfile {
	struct mx_strvec targets;
	struct mx_strvec deps;
};
#define MX_DEPFILE_INIT { MX_STRVEC_INIT, MX_STRVEC_INIT }

void mx_depfile_add_target(struct mx_depfile *d, const char *path);
/* Adds a dependency; duplicates are dropped when written. */
void mx_depfile_add(struct mx_depfile *d, const char *path);
/* Formats "t1 t2: \\\n d1 \\\n d2\n" with spaces, '#', '\\' and '$' escaped
 * as make reads them; deps sorted and unique. */
void mx_depfile_format(const struct mx_depfile *d, struct mx_buf *out);
/* Writes the depfile atomically. */
int mx_depfile_write(const struct mx_depfile *d, const char *path,
		     struct mx_err *err);
/* Accepts NULL. */
void mx_depfile_clear(struct mx_depfile *d);

#endif
