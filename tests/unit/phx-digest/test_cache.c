/*
 * The incremental cache: what is saved loads back, a changed setting or a
 * damaged line is not believed, and an output directory that changed is
 * noticed.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "collect.h"
#include "fsutil.h"
#include "unit.h"

static char dir[] = "/tmp/mixless-cache-test.XXXXXX";

static void one_file(struct phx_digest_tree *t, const char *rel, const char *keys)
{
	MX_ALLOC_GROW(t->files, t->n + 1, t->alloc);
	struct phx_digest_file *f = &t->files[t->n++];
	memset(f, 0, sizeof(*f));
	f->rel = mx_xstrdup(rel);
	f->reldir = mx_xstrdup(".");
	f->size = 42;
	f->mtime.tv_sec = 1700000000;
	f->mtime.tv_nsec = 123;
	f->ctime.tv_sec = 1700000001;
	f->ino = 77;
	f->dev = 5;
	memcpy(f->md5, "0123456789abcdef0123456789abcdef", 33);
	memset(f->sha512, 'A', 86);
	memcpy(f->sha512 + 86, "==", 3);
	f->lookups = 0xfeedULL;
	f->keys = (struct mx_strvec)MX_STRVEC_INIT;
	for (const char *k = keys; k && *k; k += strlen(k) + 1)
		mx_strvec_push(&f->keys, k);
}

static void save(const char *path, const char *settings, const char *a, const char *b)
{
	struct phx_digest_tree t = PHX_DIGEST_TREE_INIT;
	struct mx_strvec outdirs = MX_STRVEC_INIT;
	mx_strvec_push(&outdirs, "");
	one_file(&t, a, "images/a.png\0x y.png\0");
	one_file(&t, b, NULL);
	if (phx_digest_cache_save(path, settings, 0xabcULL, 2000000000, &t, dir, &outdirs, NULL) <
	    0)
		abort();
	phx_digest_tree_release(&t);
	mx_strvec_clear(&outdirs);
}

TEST(roundtrip)
{
	struct mx_buf path = MX_BUF_INIT;
	struct phx_digest_cache c = PHX_DIGEST_CACHE_INIT;
	CHECK(mkdtemp(dir));
	mx_path_join(&path, dir, "cache");
	CHECK_INT(mx_fs_mkdir_p(path.buf, 0777, NULL), 0);
	mx_buf_adds(&path, "/state");
	save(path.buf, "s=1", "css/a\tb\\c.css", "x\ny.txt");
	phx_digest_cache_load(&c, path.buf, "s=1");
	CHECK_INT(c.n, 2);
	CHECK_INT(c.latest, 0xabc);
	long i = phx_digest_cache_find(&c, "css/a\tb\\c.css");
	CHECK(i >= 0);
	CHECK_INT(c.e[i].size, 42);
	CHECK_INT(c.e[i].mtime.tv_nsec, 123);
	CHECK_INT(c.e[i].ino, 77);
	CHECK_STR(c.e[i].md5, "0123456789abcdef0123456789abcdef");
	CHECK_INT(strlen(c.e[i].sha512), 88);
	CHECK_INT(c.e[i].lookups, 0xfeed);
	CHECK_STR(c.e[i].keys, "images/a.png\x1fx y.png");
	CHECK(phx_digest_cache_find(&c, "x\ny.txt") >= 0);
	CHECK(phx_digest_cache_find(&c, "nope") < 0);
	/* nothing touched the directory since the save */
	CHECK(phx_digest_cache_dir_ok(&c, dir, "."));
	phx_digest_cache_release(&c);

	/* other settings: nothing is believed */
	phx_digest_cache_load(&c, path.buf, "s=2");
	CHECK_INT(c.n, 0);
	phx_digest_cache_release(&c);
	mx_buf_release(&path);
}

TEST(damaged_lines_are_dropped)
{
	struct mx_buf path = MX_BUF_INIT, text = MX_BUF_INIT;
	struct phx_digest_cache c = PHX_DIGEST_CACHE_INIT;
	mx_path_join(&path, dir, "cache/state");
	save(path.buf, "s=1", "a.css", "b.txt");
	CHECK_INT(mx_fs_read(path.buf, &text, NULL), 0);
	/* flip one byte of the first entry's size field */
	char *p = strstr(text.buf, "\tF\t") ? strstr(text.buf, "\tF\t") : strstr(text.buf, "\nF\t");
	CHECK(p);
	char *size = strchr(p + 3, '\t') + 1;
	*size = *size == '4' ? '5' : '4';
	CHECK_INT(mx_fs_write_atomic(path.buf, text.buf, text.len, NULL), 0);
	phx_digest_cache_load(&c, path.buf, "s=1");
	CHECK_INT(c.n, 1);
	CHECK(phx_digest_cache_find(&c, "b.txt") >= 0);
	phx_digest_cache_release(&c);
	/* cut short in the middle of b.txt's line: that line goes */
	size_t cut = (size_t)(strstr(text.buf, "\nF\tb.txt") - text.buf) + 20;
	CHECK_INT(mx_fs_write_atomic(path.buf, text.buf, cut, NULL), 0);
	phx_digest_cache_load(&c, path.buf, "s=1");
	CHECK(phx_digest_cache_find(&c, "b.txt") < 0);
	phx_digest_cache_release(&c);
	mx_buf_release(&text);
	mx_buf_release(&path);
}

TEST(directory_changes_are_noticed)
{
	struct mx_buf path = MX_BUF_INIT, other = MX_BUF_INIT;
	struct phx_digest_cache c = PHX_DIGEST_CACHE_INIT;
	mx_path_join(&path, dir, "cache/state");
	save(path.buf, "s=1", "a.css", "b.txt");
	phx_digest_cache_load(&c, path.buf, "s=1");
	CHECK(phx_digest_cache_dir_ok(&c, dir, "."));
	/* a directory the cache does not know is never "ok" */
	CHECK(!phx_digest_cache_dir_ok(&c, dir, "css"));
	usleep(20000);
	mx_path_join(&other, dir, "new-file");
	CHECK_INT(mx_fs_write_atomic(other.buf, "x", 1, NULL), 0);
	CHECK(!phx_digest_cache_dir_ok(&c, dir, "."));
	phx_digest_cache_release(&c);
	unlink(other.buf);
	unlink(path.buf);
	mx_buf_reset(&path);
	mx_path_join(&path, dir, "cache");
	rmdir(path.buf);
	rmdir(dir);
	mx_buf_release(&path);
	mx_buf_release(&other);
}

TEST(release_accepts_null)
{
	phx_digest_cache_release(NULL);
	phx_digest_tree_release(NULL);
	phx_digest_index_release(NULL);
	CHECK(1);
}

UNIT_MAIN()
