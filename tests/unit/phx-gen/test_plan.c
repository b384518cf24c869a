/*
 * phx-gen's plan: injections (before the final end, after an anchor, with
 * the anchor missing), idempotence, migration versions that never
 * collide, refused paths; run with --yes in a scratch directory.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "gen_plan.h"
#include "unit.h"

static char root[256];
static const struct gen_switches yes = {.yes = true};

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* Removes the previous test's directory (and its sibling), then makes a new one. */
static void scratch(void)
{
	if (root[0]) {
		char sib[300];
		snprintf(sib, sizeof(sib), "%s-sibling", root);
		nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		nftw(sib, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	snprintf(root, sizeof(root), "/tmp/mixless-plan-XXXXXX");
	if (!mkdtemp(root))
		abort();
}

static void put(const char *rel, const char *text)
{
	struct mx_buf p = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, root, rel);
	char *d = mx_path_dirname(p.buf);
	mx_fs_mkdir_p(d, 0777, &err);
	free(d);
	mx_fs_write_atomic(p.buf, text, strlen(text), &err);
	mx_buf_release(&p);
}

static char *get(const char *rel)
{
	struct mx_buf p = MX_BUF_INIT, out = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_path_join(&p, root, rel);
	mx_fs_read(p.buf, &out, &err);
	mx_buf_release(&p);
	return mx_buf_detach(&out, NULL);
}

TEST(inject_before_the_final_end_once)
{
	struct gen_plan p;
	bool done;
	scratch();
	put("lib/a.ex", "defmodule A do\n  x\nend\n\n");
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_inject(&p, "lib/a.ex", "\n  y\n", 5, &done), 0);
	CHECK(done);
	CHECK_INT(phx_gen_plan_run(&p), 0);
	phx_gen_plan_release(&p);
	char *s = get("lib/a.ex");
	CHECK_STR(s, "defmodule A do\n  x\n\n  y\nend\n");
	free(s);
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_inject(&p, "lib/a.ex", "\n  y\n", 5, &done), 0);
	CHECK(!done);
	CHECK_INT((int)p.n, 0);
	phx_gen_plan_release(&p);
}

TEST(inject_into_a_file_the_plan_creates)
{
	struct gen_plan p;
	scratch();
	phx_gen_plan_init(&p, root, &yes);
	const char *c = "defmodule B do\nend\n";
	CHECK_INT(phx_gen_plan_create(&p, "lib/b.ex", c, strlen(c), false), 0);
	CHECK_INT(phx_gen_plan_inject(&p, "lib/b.ex", "  z\n", 4, NULL), 0);
	CHECK_INT(phx_gen_plan_run(&p), 0);
	phx_gen_plan_release(&p);
	char *s = get("lib/b.ex");
	CHECK_STR(s, "defmodule B do\n  z\nend\n");
	free(s);
}

/* File.exists?: an empty file exists, and an inject into it appends as
 * Phoenix's (String.trim_trailing of "" is ""). */
TEST(an_empty_file_exists)
{
	struct gen_plan p;
	scratch();
	put("lib/e.ex", "");
	phx_gen_plan_init(&p, root, &yes);
	CHECK(phx_gen_plan_exists(&p, "lib/e.ex"));
	CHECK(!phx_gen_plan_exists(&p, "lib/none.ex"));
	CHECK_INT(phx_gen_plan_create(&p, "lib/planned.ex", "", 0, false), 0);
	CHECK(phx_gen_plan_exists(&p, "lib/planned.ex"));
	CHECK_INT(phx_gen_plan_inject(&p, "lib/e.ex", "  z\n", 4, NULL), 0);
	CHECK_INT(phx_gen_plan_run(&p), 0);
	phx_gen_plan_release(&p);
	char *s = get("lib/e.ex");
	CHECK_STR(s, "  z\nend\n");
	free(s);
}

/* phx.gen.auth's edits: whole new contents with a suffix on the line, a
 * note printed at its place among the lines, a line printed for a file
 * that cannot be read (nothing written), the last edit of a file wins. */
TEST(injected_contents_and_notes_in_order)
{
	struct gen_plan p;
	char out_path[300];
	scratch();
	put("lib/r.ex", "A\n");
	snprintf(out_path, sizeof(out_path), "%s-stdout", root);
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_injected(&p, "lib/r.ex", "B\n", 2, " - imports"), 0);
	phx_gen_plan_note(&p, "\nhelp text\n\n", false);
	CHECK_INT(phx_gen_plan_injected(&p, "lib/r.ex", "C\n", 2, " - plug"), 0);
	CHECK_INT(phx_gen_plan_injected(&p, "lib/missing.ex", NULL, 0, NULL), 0);
	/* an injected content is what the next edit of the plan sees */
	struct mx_buf tmp = MX_BUF_INIT;
	size_t n;
	const char *now = phx_gen_plan_content(&p, "lib/r.ex", &tmp, &n);
	CHECK(now && n == 2 && !memcmp(now, "C\n", 2));
	CHECK(!phx_gen_plan_exists(&p, "lib/missing.ex"));
	mx_buf_release(&tmp);
	fflush(stdout);
	int saved = dup(1);
	FILE *f = fopen(out_path, "w");
	dup2(fileno(f), 1);
	int r = phx_gen_plan_run(&p);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	fclose(f);
	phx_gen_plan_release(&p);
	CHECK_INT(r, 0);
	struct mx_buf got = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	mx_fs_read(out_path, &got, &err);
	unlink(out_path);
	CHECK_STR(got.buf, "* injecting lib/r.ex - imports\n\nhelp text\n\n"
	                   "* injecting lib/r.ex - plug\n* injecting lib/missing.ex\n");
	mx_buf_release(&got);
	char *s = get("lib/r.ex");
	CHECK_STR(s, "C\n");
	free(s);
	struct mx_buf m = MX_BUF_INIT;
	mx_path_join(&m, root, "lib/missing.ex");
	CHECK(!mx_fs_exists(m.buf));
	mx_buf_release(&m);
}

TEST(inject_after_an_anchor_or_report_it_missing)
{
	struct gen_plan p;
	int state;
	scratch();
	put("lib/w.ex", "  use Phoenix.Component\n  other\n");
	put("lib/v.ex", "nothing here\n");
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_inject_after(&p, "lib/w.ex", "use Phoenix.Component",
	                                    "\n  import W.CoreComponents",
	                                    "import W.CoreComponents", &state),
	          0);
	CHECK_INT(state, GEN_INJECT_DONE);
	CHECK_INT(phx_gen_plan_inject_after(&p, "lib/v.ex", "use Phoenix.Component", "\n  import X",
	                                    "import X", &state),
	          0);
	CHECK_INT(state, GEN_INJECT_NO_ANCHOR);
	CHECK_INT(phx_gen_plan_run(&p), 0);
	phx_gen_plan_release(&p);
	char *w = get("lib/w.ex"), *v = get("lib/v.ex");
	CHECK_STR(w, "  use Phoenix.Component\n  import W.CoreComponents\n  other\n");
	CHECK_STR(v, "nothing here\n");
	free(w);
	free(v);
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_inject_after(&p, "lib/w.ex", "use Phoenix.Component",
	                                    "\n  import W.CoreComponents",
	                                    "import W.CoreComponents", &state),
	          0);
	CHECK_INT(state, GEN_INJECT_PRESENT);
	phx_gen_plan_release(&p);
}

TEST(migration_versions_never_collide)
{
	struct gen_plan p;
	struct mx_buf a = MX_BUF_INIT, b = MX_BUF_INIT;
	scratch();
	put("priv/m/20251205020000_x.exs", "");
	phx_gen_plan_init(&p, root, &yes);
	phx_gen_plan_timestamp(&p, "priv/m", 1764900000, &a);
	phx_gen_plan_timestamp(&p, "priv/m", 1764900000, &b);
	CHECK_STR(a.buf, "20251205020001");
	CHECK_STR(b.buf, "20251205020002");
	phx_gen_plan_release(&p);
	mx_buf_release(&a);
	mx_buf_release(&b);
}

TEST(paths_that_leave_the_root_are_refused)
{
	struct gen_plan p;
	scratch();
	phx_gen_plan_init(&p, root, &yes);
	CHECK_INT(phx_gen_plan_create(&p, "../x.ex", "x", 1, false), -1);
	CHECK_INT(phx_gen_plan_create(&p, "/etc/x.ex", "x", 1, false), -1);
	CHECK_INT(phx_gen_plan_create(&p, "a/../../x.ex", "x", 1, false), -1);
	CHECK(p.failed);
	/* an umbrella's context app: a sibling directory that exists */
	char sib[300];
	snprintf(sib, sizeof(sib), "%s/../%s-sibling", root, strrchr(root, '/') + 1);
	mkdir(sib, 0777);
	char rel[300];
	snprintf(rel, sizeof(rel), "../%s-sibling", strrchr(root, '/') + 1);
	phx_gen_plan_allow(&p, rel);
	p.failed = false;
	char in[400], out[400];
	snprintf(in, sizeof(in), "%s/lib/x.ex", rel);
	snprintf(out, sizeof(out), "%s/../x.ex", rel);
	CHECK_INT(phx_gen_plan_create(&p, in, "x", 1, false), 0);
	CHECK_INT(phx_gen_plan_create(&p, out, "x", 1, false), -1);
	phx_gen_plan_release(&p);
}

/* Last by name order of registration: clears the scratch directory. */
TEST(zz_cleanup)
{
	scratch();
	nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	CHECK(1);
}

UNIT_MAIN()
