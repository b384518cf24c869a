/*
 * Whole files: every .ex/.exs of the Phoenix-shaped fixtures in
 * tests/fixtures/exs/ and of the example app examples/hello must parse, and
 * the fixtures with a golden tree (<file>.ast, the output of `mixless debug
 * parse --ast`) must give exactly that tree.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "exs/ast.h"
#include "fsutil.h"
#include "unit.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

/* Parses every .ex/.exs under dir; returns the number of files parsed, or
 * -1 after printing the first failure. */
static int parse_tree(const char *dir, int *failed)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "deps") || !strcmp(e->d_name, "_build"))
			continue;
		struct mx_buf path = MX_BUF_INIT;
		mx_buf_addf(&path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			n += parse_tree(path.buf, failed);
		} else if (ends_with(e->d_name, ".ex") || ends_with(e->d_name, ".exs")) {
			struct mx_buf src = MX_BUF_INIT, golden = MX_BUF_INIT, out = MX_BUF_INIT,
				      gpath = MX_BUF_INIT;
			struct mx_arena a = MX_ARENA_INIT;
			struct mx_err err = MX_ERR_INIT;
			struct mx_ast *t;
			n++;
			if (mx_fs_read(path.buf, &src, &err) < 0 ||
			    mx_exs_parse(&a, path.buf, src.buf, src.len, &t, &err) < 0) {
				fprintf(stderr, "%s:%u:%u: %s\n", err.file, err.line, err.col, err.msg);
				(*failed)++;
			} else {
				mx_buf_addf(&gpath, "%s.ast", path.buf);
				if (mx_fs_read(gpath.buf, &golden, &err) == 0) {
					mx_ast_print(t, false, &out);
					mx_buf_addch(&out, '\n');
					if (strcmp(out.buf, golden.buf)) {
						fprintf(stderr, "%s: tree differs from %s\n got: %s\n",
							path.buf, gpath.buf, out.buf);
						(*failed)++;
					}
				}
			}
			mx_arena_release(&a);
			mx_buf_release(&src);
			mx_buf_release(&golden);
			mx_buf_release(&out);
			mx_buf_release(&gpath);
		}
		mx_buf_release(&path);
	}
	closedir(d);
	return n;
}

TEST(fixtures)
{
	int failed = 0;
	int n = parse_tree("exs", &failed);
	CHECK_INT(failed, 0);
	CHECK(n >= 11);
}

TEST(examples_hello)
{
	const char *srcdir = getenv("MIXLESS_SOURCE_DIR");
	CHECK(srcdir);
	struct mx_buf dir = MX_BUF_INIT;
	mx_buf_addf(&dir, "%s/examples/hello", srcdir);
	int failed = 0;
	int n = parse_tree(dir.buf, &failed);
	mx_buf_release(&dir);
	CHECK_INT(failed, 0);
	/* mix.exs, the config files, lib, test, priv/repo ... */
	CHECK(n >= 20);
}

UNIT_MAIN()
