#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "unit.h"

static char tmpdir[256];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/mx-unit-fs-XXXXXX");
	if (!mkdtemp(tmpdir))
		abort();
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' || (de->d_name[1] && strcmp(de->d_name, "..")))
			n++;
	closedir(d);
	return n;
}

static void rm_rf(const char *p)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", p);
	if (system(cmd) != 0)
		abort();
}

TEST(atomic_write_replaces_and_leaves_no_temp)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT, got = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, tmpdir, "out.txt");
	CHECK_INT(mx_fs_write_atomic(p.buf, "one", 3, &err), 0);
	CHECK_INT(mx_fs_write_atomic(p.buf, "two!", 4, &err), 0);
	CHECK_INT(mx_fs_read(p.buf, &got, &err), 0);
	CHECK_STR(got.buf, "two!");
	CHECK_INT(count_entries(tmpdir), 1);
	struct stat st;
	CHECK_INT(stat(p.buf, &st), 0);
	/* Created 0666 minus the umask, like any file (mkstemp's 0600 is undone). */
	mode_t mask = umask(0);
	umask(mask);
	CHECK_INT(st.st_mode & 0777, 0666 & ~mask);
	rm_rf(tmpdir);
	mx_buf_release(&p);
	mx_buf_release(&got);
}

/* Where O_TMPFILE works (here: /tmp), nothing is visible before commit, a
 * new file and a replaced one alike, linked by its fd (AT_EMPTY_PATH) or by
 * /proc/self/fd; with it turned off, a named temp. */
TEST(atomic_unnamed_until_commit)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT, got = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, tmpdir, "u.txt");
	for (int mode = 0; mode < 3; mode++) {
		int named = mode == 2;
		setenv("MIXLESS_TEST_NO_O_TMPFILE", named ? "1" : "0", 1);
		setenv("MIXLESS_TEST_NO_EMPTY_PATH", mode == 1 ? "1" : "0", 1);
		unlink(p.buf); /* each mode starts with a new file */
		for (int round = 0; round < 2; round++) { /* new, then replaced */
			struct mx_atomic af = MX_ATOMIC_INIT;
			CHECK_INT(mx_atomic_open(&af, p.buf, 0666, &err), 0);
			CHECK_INT(af.unnamed, !named);
			mx_atomic_write(&af, named ? "n" : "u", 1);
			mx_atomic_write(&af, round ? "2" : "1", 1);
			CHECK_INT(count_entries(tmpdir), (named ? 1 : 0) + (round ? 1 : 0));
			CHECK_INT(mx_atomic_commit(&af, &err), 0);
			CHECK_INT(count_entries(tmpdir), 1);
			mx_buf_reset(&got);
			CHECK_INT(mx_fs_read(p.buf, &got, &err), 0);
			CHECK_STR(got.buf, named ? (round ? "n2" : "n1") : (round ? "u2" : "u1"));
		}
	}
	unsetenv("MIXLESS_TEST_NO_O_TMPFILE");
	unsetenv("MIXLESS_TEST_NO_EMPTY_PATH");
	rm_rf(tmpdir);
	mx_buf_release(&p);
	mx_buf_release(&got);
}

TEST(atomic_abort_keeps_old_content)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT, got = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_atomic af = MX_ATOMIC_INIT;
	mx_path_join(&p, tmpdir, "keep.txt");
	CHECK_INT(mx_fs_write_atomic(p.buf, "old", 3, &err), 0);
	CHECK_INT(mx_atomic_open(&af, p.buf, 0644, &err), 0);
	mx_atomic_write(&af, "new", 3);
	mx_atomic_abort(&af);
	mx_atomic_abort(&af); /* twice is harmless */
	CHECK_INT(mx_fs_read(p.buf, &got, &err), 0);
	CHECK_STR(got.buf, "old");
	CHECK_INT(count_entries(tmpdir), 1);
	rm_rf(tmpdir);
	mx_buf_release(&p);
	mx_buf_release(&got);
}

/* This binary's own fsync, which the core's calls resolve to: it counts them,
 * so a test can tell a durable commit from a deferred one. */
static int fsyncs;
int fsync(int fd)
{
	fsyncs++;
	return fcntl(fd, F_GETFD) < 0 ? -1 : 0;
}

TEST(atomic_sync_is_a_property_of_each_write)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT, got = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, tmpdir, "f.txt");
	/* durable by default: the file and its directory */
	fsyncs = 0;
	CHECK_INT(mx_fs_write_atomic(p.buf, "one", 3, &err), 0);
	CHECK_INT(fsyncs, 2);
	/* deferred: no fsync at all, the content is there all the same */
	fsyncs = 0;
	CHECK_INT(mx_fs_write_atomic_flags(p.buf, "two", 3, MX_ATOMIC_NO_SYNC, &err), 0);
	CHECK_INT(fsyncs, 0);
	CHECK_INT(mx_fs_read(p.buf, &got, &err), 0);
	CHECK_STR(got.buf, "two");
	/* two writers side by side, each with its own setting */
	struct mx_atomic a = MX_ATOMIC_INIT, b = MX_ATOMIC_INIT;
	b.flags = MX_ATOMIC_NO_SYNC;
	CHECK_INT(mx_atomic_open(&a, p.buf, 0666, &err), 0);
	CHECK_INT(mx_atomic_open(&b, p.buf, 0666, &err), 0);
	mx_atomic_write(&a, "a", 1);
	mx_atomic_write(&b, "b", 1);
	fsyncs = 0;
	CHECK_INT(mx_atomic_commit(&b, &err), 0);
	CHECK_INT(fsyncs, 0);
	CHECK_INT(mx_atomic_commit(&a, &err), 0);
	CHECK_INT(fsyncs, 2);
	mx_buf_reset(&got);
	CHECK_INT(mx_fs_read(p.buf, &got, &err), 0);
	CHECK_STR(got.buf, "a");
	CHECK_INT(count_entries(tmpdir), 1);
	rm_rf(tmpdir);
	mx_buf_release(&p);
	mx_buf_release(&got);
}

TEST(atomic_remove_stale_takes_only_old_temps)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	const char *names[] = { ".app.js.tmp-Ab3xYz", ".new.css.tmp-Qq0000", "app.js",
				".app.js.tmp-short", ".other" };
	time_t now = time(NULL);
	for (size_t i = 0; i < 5; i++) {
		mx_buf_reset(&p);
		mx_path_join(&p, tmpdir, names[i]);
		CHECK_INT(mx_fs_write_atomic(p.buf, "x", 1, &err), 0);
		/* all old but the second, a temp file still being written */
		struct timespec ts[2] = { { now - 3600, 0 }, { now - (i == 1 ? 0 : 3600), 0 } };
		CHECK_INT(utimensat(AT_FDCWD, p.buf, ts, 0), 0);
	}
	/* an atomic writer left open: fresh, so it stays */
	struct mx_atomic live = MX_ATOMIC_INIT;
	mx_buf_reset(&p);
	mx_path_join(&p, tmpdir, "live.txt");
	CHECK_INT(mx_atomic_open(&live, p.buf, 0666, &err), 0);
	mx_atomic_remove_stale(tmpdir, now - 600);
	mx_atomic_remove_stale("/nonexistent-dir", now); /* best effort: no crash */
	struct mx_strvec left = MX_STRVEC_INIT;
	CHECK_INT(mx_fs_list(tmpdir, MX_WALK_HIDDEN, &left, &err), 0);
	/* an unnamed (O_TMPFILE) writer has no name to list */
	size_t k = 0;
	CHECK_INT(left.n, live.unnamed ? 4 : 5);
	CHECK_STR(left.v[k++], ".app.js.tmp-short");
	if (!live.unnamed)
		CHECK(!strncmp(left.v[k++], ".live.txt.tmp-", 14));
	CHECK_STR(left.v[k++], ".new.css.tmp-Qq0000");
	CHECK_STR(left.v[k++], ".other");
	CHECK_STR(left.v[k++], "app.js");
	mx_atomic_abort(&live);
	mx_atomic_abort(NULL);
	mx_strvec_clear(&left);
	mx_buf_release(&p);
	rm_rf(tmpdir);
}

TEST(atomic_write_into_missing_dir_fails_with_message)
{
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_fs_write_atomic("/nonexistent-dir/x", "a", 1, &err), -1);
	CHECK(strstr(err.msg, "No such file or directory") != NULL);
	CHECK(strstr(err.msg, "/nonexistent-dir/") != NULL);
}

TEST(read_missing_file_names_it)
{
	struct mx_buf b = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	CHECK_INT(mx_fs_read("/nonexistent/file", &b, &err), -1);
	CHECK_STR(err.msg, "cannot open '/nonexistent/file': No such file or directory");
	mx_buf_release(&b);
}

TEST(mkdir_p_creates_parents_and_is_idempotent)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, tmpdir, "a/b/c/");
	CHECK_INT(mx_fs_mkdir_p(p.buf, 0755, &err), 0);
	CHECK_INT(mx_fs_mkdir_p(p.buf, 0755, &err), 0);
	CHECK(mx_fs_is_dir(p.buf));
	mx_buf_reset(&p);
	mx_path_join(&p, tmpdir, "a/file");
	CHECK_INT(mx_fs_write_atomic(p.buf, "", 0, &err), 0);
	mx_buf_adds(&p, "/sub");
	CHECK_INT(mx_fs_mkdir_p(p.buf, 0755, &err), -1);
	rm_rf(tmpdir);
	mx_buf_release(&p);
}

struct seen {
	struct mx_buf log;
};

static int record(const char *path, const char *rel, const struct stat *st, void *ctx)
{
	struct seen *s = ctx;
	mx_buf_addf(&s->log, "%s%s;", rel, S_ISDIR(st->st_mode) ? "/" : "");
	return (!strcmp(rel, "skip")) ? MX_WALK_SKIP : MX_WALK_CONTINUE;
}

TEST(walk_is_sorted_and_skips_hidden)
{
	make_tmpdir();
	const char *files[] = { "b.txt", "a/z.css", "a/m.js", ".hidden", "a/.dot",
				"skip/inner", "B", "a b/c" };
	struct mx_err err = MX_ERR_INIT;
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		struct mx_buf p = MX_BUF_INIT;
		mx_path_join(&p, tmpdir, files[i]);
		char *dir = mx_path_dirname(p.buf);
		mx_fs_mkdir_p(dir, 0755, &err);
		free(dir);
		mx_fs_write_atomic(p.buf, "x", 1, &err);
		mx_buf_release(&p);
	}
	struct seen s = { MX_BUF_INIT };
	CHECK_INT(mx_fs_walk(tmpdir, 0, record, &s, &err), 0);
	CHECK_STR(s.log.buf, "B;a/m.js;a/z.css;a b/c;b.txt;skip/inner;");
	mx_buf_reset(&s.log);
	CHECK_INT(mx_fs_walk(tmpdir, MX_WALK_DIRS | MX_WALK_HIDDEN, record, &s, &err), 0);
	CHECK_STR(s.log.buf, "/;.hidden;B;a/;a/.dot;a/m.js;a/z.css;a b/;a b/c;b.txt;skip/;");
	mx_buf_release(&s.log);
	rm_rf(tmpdir);
}

TEST(walk_survives_symlink_loops)
{
	make_tmpdir();
	struct mx_buf p = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, tmpdir, "d");
	mx_fs_mkdir_p(p.buf, 0755, &err);
	mx_buf_adds(&p, "/loop");
	CHECK_INT(symlink("..", p.buf), 0);
	struct seen s = { MX_BUF_INIT };
	CHECK_INT(mx_fs_walk(tmpdir, MX_WALK_FOLLOW | MX_WALK_DIRS, record, &s, &err), 0);
	CHECK_STR(s.log.buf, "/;d/;");
	mx_buf_release(&s.log);
	mx_buf_release(&p);
	rm_rf(tmpdir);
}

TEST(list_sorts_what_it_adds_and_skips_hidden)
{
	make_tmpdir();
	struct mx_err err = MX_ERR_INIT;
	const char *files[] = { "b", "a", ".h", "C" };
	for (size_t i = 0; i < 4; i++) {
		struct mx_buf p = MX_BUF_INIT;
		mx_path_join(&p, tmpdir, files[i]);
		mx_fs_write_atomic(p.buf, "", 0, &err);
		mx_buf_release(&p);
	}
	struct mx_strvec v = MX_STRVEC_INIT;
	mx_strvec_push(&v, "zz-kept-first");
	CHECK_INT(mx_fs_list(tmpdir, 0, &v, &err), 0);
	CHECK_INT(v.n, 4);
	CHECK_STR(v.v[0], "zz-kept-first");
	CHECK_STR(v.v[1], "C");
	CHECK_STR(v.v[2], "a");
	CHECK_STR(v.v[3], "b");
	mx_strvec_clear(&v);
	CHECK_INT(mx_fs_list(tmpdir, MX_WALK_HIDDEN, &v, &err), 0);
	CHECK_INT(v.n, 4);
	CHECK_STR(v.v[0], ".h");
	mx_strvec_clear(&v);
	CHECK_INT(mx_fs_list("/nonexistent-dir", 0, &v, &err), -1);
	CHECK_STR(err.msg, "cannot open directory '/nonexistent-dir': No such file or directory");
	rm_rf(tmpdir);
}

TEST(walk_missing_root_is_an_error)
{
	struct mx_err err = MX_ERR_INIT;
	struct seen s = { MX_BUF_INIT };
	CHECK_INT(mx_fs_walk("/nonexistent-root", 0, record, &s, &err), -1);
	CHECK_STR(err.msg, "cannot open directory '/nonexistent-root': No such file or directory");
}

static void check_norm(int *unit_failed_, const char *in, const char *want)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_path_normalize(&b, in);
	int ok = !strcmp(b.buf, want);
	if (!ok)
		fprintf(stderr, "normalize(%s) = %s, want %s\n", in, b.buf, want);
	mx_buf_release(&b);
	if (!ok)
		*unit_failed_ = 1;
}

TEST(path_normalize)
{
	check_norm(unit_failed_, "a/./b/../c", "a/c");
	check_norm(unit_failed_, "css/../images/bg.png", "images/bg.png");
	check_norm(unit_failed_, "../x", "../x");
	check_norm(unit_failed_, "a/../../x", "../x");
	check_norm(unit_failed_, "/a/../..", "/");
	check_norm(unit_failed_, "//a//b/", "/a/b");
	check_norm(unit_failed_, ".", ".");
	check_norm(unit_failed_, "a/..", ".");
}

TEST(path_helpers)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_path_join(&b, "priv/static/", "app.css");
	CHECK_STR(b.buf, "priv/static/app.css");
	mx_buf_reset(&b);
	mx_path_join(&b, "priv", "/abs");
	CHECK_STR(b.buf, "/abs");
	mx_buf_release(&b);
	CHECK(mx_path_is_contained("a/b/../c"));
	CHECK(!mx_path_is_contained("a/../../etc/passwd"));
	CHECK(!mx_path_is_contained("/etc/passwd"));
	CHECK(!mx_path_is_contained(".."));
	char *d = mx_path_dirname("a/b/c.txt");
	CHECK_STR(d, "a/b");
	free(d);
	d = mx_path_dirname("c.txt");
	CHECK_STR(d, ".");
	free(d);
	d = mx_path_dirname("/c.txt");
	CHECK_STR(d, "/");
	free(d);
	CHECK_STR(mx_path_basename("a/b/c.txt"), "c.txt");
	CHECK_STR(mx_path_ext("app.js.map"), ".map");
	CHECK_STR(mx_path_ext(".env"), "");
	CHECK_STR(mx_path_ext("dir.d/README"), "");
}

TEST(path_which_searches_path_as_execvp)
{
	char cwd[512], exe[300], plain[300], expect[320];
	make_tmpdir();
	if (!getcwd(cwd, sizeof(cwd)))
		abort();
	snprintf(exe, sizeof(exe), "%s/tool", tmpdir);
	snprintf(plain, sizeof(plain), "%s/data", tmpdir);
	int fd = open(exe, O_CREAT | O_WRONLY, 0755);
	close(fd);
	fd = open(plain, O_CREAT | O_WRONLY, 0644);
	close(fd);
	const char *old = getenv("PATH");
	char *saved = old ? strdup(old) : NULL;

	char path[600];
	snprintf(path, sizeof(path), "/nonexistent:%s", tmpdir);
	setenv("PATH", path, 1);
	char *w = mx_path_which("tool");
	snprintf(expect, sizeof(expect), "%s/tool", tmpdir);
	CHECK_STR(w, expect);
	free(w);
	/* a file that is not executable is not a program */
	CHECK(mx_path_which("data") == NULL);
	/* an empty entry is the current directory, not "/" */
	setenv("PATH", "/nonexistent:", 1);
	if (chdir(tmpdir) != 0)
		abort();
	w = mx_path_which("tool");
	CHECK_STR(w, "./tool");
	free(w);
	if (chdir(cwd) != 0)
		abort();
	unsetenv("PATH");
	CHECK(mx_path_which("tool") == NULL);
	if (saved)
		setenv("PATH", saved, 1);
	free(saved);
	rm_rf(tmpdir);
}

TEST(depfile_escapes_sorts_and_dedups)
{
	struct mx_depfile d = MX_DEPFILE_INIT;
	struct mx_buf b = MX_BUF_INIT;
	mx_depfile_add_target(&d, "out/cache_manifest.json");
	mx_depfile_add(&d, "static/b file.css");
	mx_depfile_add(&d, "static/a#1.js");
	mx_depfile_add(&d, "static/cost$.txt");
	mx_depfile_add(&d, "static/a#1.js");
	mx_depfile_format(&d, &b);
	CHECK_STR(b.buf, "out/cache_manifest.json: \\\n  static/a\\#1.js \\\n"
			 "  static/b\\ file.css \\\n  static/cost$$.txt\n");
	mx_buf_release(&b);
	mx_depfile_clear(&d);
	mx_depfile_clear(NULL);
}

UNIT_MAIN()
