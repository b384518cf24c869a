/*
 * The runner's pure parts: discovery and ordering of migration files, Ecto's
 * duplicate checks, the strategies (--all/--to/--to-exclusive/--step, up and
 * down), password redaction, Postgrex's SQLSTATE names, Ecto's elapsed time
 * format and the schema_migrations table name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/types.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "fsutil.h"
#include "unit.h"

static char tmpdir[256];

static void touch(const char *rel)
{
	struct mx_buf p = MX_BUF_INIT;
	FILE *f;
	mx_buf_addf(&p, "%s/%s", tmpdir, rel);
	char *dir = mx_path_dirname(p.buf);
	mx_fs_mkdir_p(dir, 0777, NULL);
	free(dir);
	f = fopen(p.buf, "w");
	if (f)
		fclose(f);
	mx_buf_release(&p);
}

static void make_tree(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/em-unit-%ld", (long)getpid());
	touch("20240103000000_c.exs");
	touch("20240101000000_a.exs");
	touch("sub/20240102000000_b.exs"); /* ** matches subdirectories */
	touch("20240104000000_d.sql");     /* mixless's .sql migrations */
	touch("20240107000000_auth.exs");  /* mix runs this one; */
	touch("20240107000000_auth.sql");  /* this is the data it reads */
	touch("20240108000000_legacy.ex"); /* skipped with a warning, */
	touch("20240108000000_legacy.sql"); /* its data skipped too */
	touch("README.md");
	touch("notes_1.exs");                /* no leading integer */
	touch("20240105000000.exs");         /* no _name */
	touch(".20240106000000_hidden.exs"); /* Path.wildcard skips dot files */
}

static void remove_tree(void)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cleanup failed\n");
}

TEST(discover_finds_and_orders_like_ecto)
{
	struct mx_strvec paths = MX_STRVEC_INIT;
	struct em_files f = EM_FILES_INIT;
	struct mx_err err = MX_ERR_INIT;
	int rc;

	make_tree();
	mx_strvec_push(&paths, tmpdir);
	rc = em_discover(&paths, &f, &err);
	remove_tree();
	mx_strvec_clear(&paths);
	CHECK_INT(rc, 0);
	CHECK_INT(f.n, 5);
	CHECK_INT(f.v[0].version, 20240101000000LL);
	CHECK_STR(f.v[0].name, "a");
	CHECK_STR(f.v[1].name, "b");
	CHECK(strstr(f.v[1].path, "/sub/20240102000000_b.exs") != NULL);
	CHECK_STR(f.v[2].name, "c");
	CHECK_STR(f.v[3].name, "d");
	CHECK_STR(f.v[4].name, "auth");
	CHECK(strstr(f.v[4].path, "/20240107000000_auth.exs") != NULL);
	em_files_clear(&f);
}

TEST(discover_skips_missing_dirs)
{
	struct mx_strvec paths = MX_STRVEC_INIT;
	struct em_files f = EM_FILES_INIT;
	mx_strvec_push(&paths, "/nonexistent/em-unit");
	CHECK_INT(em_discover(&paths, &f, NULL), 0);
	CHECK_INT(f.n, 0);
	mx_strvec_clear(&paths);
}

static struct em_file F(int64_t v, const char *name) {
	return (struct em_file){v, (char *)name, (char *)name};
}

TEST(duplicates_use_ectos_messages)
{
	struct em_file a = F(1, "a"), b = F(1, "b"), c = F(2, "a"), d = F(3, "d");
	const struct em_file *dup_v[] = {&a, &b};
	const struct em_file *dup_n[] = {&a, &c};
	const struct em_file *ok[] = {&a, &d};
	struct mx_err err = MX_ERR_INIT;

	CHECK_INT(em_check_duplicates(dup_v, 2, &err), -1);
	CHECK_STR(err.msg, "migrations can't be executed, migration version 1 is duplicated");
	CHECK_INT(em_check_duplicates(dup_n, 2, &err), -1);
	CHECK_STR(err.msg, "migrations can't be executed, migration name a is duplicated");
	CHECK_INT(em_check_duplicates(ok, 2, &err), 0);
}

static struct em_file files5[] = {
    {10, "a", "a"}, {20, "b", "b"}, {30, "c", "c"}, {40, "d", "d"}, {50, "e", "e"},
};

static void pending(const int64_t *v, size_t nv, const struct em_opts *o, enum em_direction dir,
                    struct mx_buf *out)
{
	struct em_files f = {files5, 5, 5};
	const struct em_file **sel = NULL;
	size_t n = 0;
	em_select_pending(&f, v, nv, o, dir, &sel, &n);
	for (size_t i = 0; i < n; i++)
		mx_buf_addf(out, "%s%lld", i ? "," : "", (long long)sel[i]->version);
	free(sel);
}

TEST(strategies_up)
{
	int64_t applied[] = {10, 30};
	struct em_opts o;
	struct mx_buf b = MX_BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.all = true;
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20,40,50");
	memset(&o, 0, sizeof(o));
	o.step = 2, o.step_set = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20,40");
	memset(&o, 0, sizeof(o));
	o.to = 40, o.to_set = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20,40");
	memset(&o, 0, sizeof(o));
	o.to_exclusive = 40, o.to_exclusive_set = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20");
	/* precedence: all > to > to_exclusive > step */
	memset(&o, 0, sizeof(o));
	o.all = true, o.to = 20, o.to_set = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20,40,50");
	memset(&o, 0, sizeof(o));
	o.to = 20, o.to_set = 1, o.step = 3, o.step_set = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20");
	mx_buf_release(&b);
}

TEST(strategies_down)
{
	int64_t applied[] = {10, 20, 40, 99}; /* 99 has no file */
	struct em_opts o;
	struct mx_buf b = MX_BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.all = true;
	pending(applied, 4, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "40,20,10");
	memset(&o, 0, sizeof(o));
	o.step = 1, o.step_set = 1;
	mx_buf_reset(&b);
	pending(applied, 4, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "40");
	memset(&o, 0, sizeof(o));
	o.to = 20, o.to_set = 1;
	mx_buf_reset(&b);
	pending(applied, 4, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "40,20");
	memset(&o, 0, sizeof(o));
	o.to_exclusive = 20, o.to_exclusive_set = 1;
	mx_buf_reset(&b);
	pending(applied, 4, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "40");
	mx_buf_release(&b);
}

/* --step 0 runs none, either way: Ecto takes Enum.take(pending, 0). */
TEST(strategies_step_zero_takes_none)
{
	int64_t applied[] = {10, 30};
	struct em_opts o;
	struct mx_buf b = MX_BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.step = 0, o.step_set = 1;
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "");
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "");
	/* and one more than nothing is one */
	o.step = 1;
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_UP, &b);
	CHECK_STR(b.buf, "20");
	mx_buf_reset(&b);
	pending(applied, 2, &o, EM_DOWN, &b);
	CHECK_STR(b.buf, "30");
	mx_buf_release(&b);
}

TEST(redact_hides_passwords)
{
	char *s = em_redact("postgres://bob:s3cret@db.example:5432/app?sslmode=require");
	CHECK_STR(s, "postgres://bob:*****@db.example:5432/app?sslmode=require");
	free(s);
	s = em_redact("ecto://bob@host/app");
	CHECK_STR(s, "ecto://bob@host/app");
	free(s);
	s = em_redact("host=h password=s3cret dbname=app");
	CHECK_STR(s, "host=h password=***** dbname=app");
	free(s);
	s = em_redact("host=h password='a b\\'c' user=x");
	CHECK_STR(s, "host=h password=***** user=x");
	free(s);
}

TEST(sqlstate_names_are_postgrex_condition_names)
{
	CHECK_STR(em_sqlstate_name("42P01"), "undefined_table");
	CHECK_STR(em_sqlstate_name("42501"), "insufficient_privilege");
	CHECK_STR(em_sqlstate_name("42P04"), "duplicate_database");
	CHECK_STR(em_sqlstate_name("3D000"), "invalid_catalog_name");
	CHECK_STR(em_sqlstate_name("23505"), "unique_violation");
	CHECK(em_sqlstate_name("99999") == NULL);
	CHECK(em_sqlstate_name("") == NULL);
}

TEST(elapsed_time_like_ecto_dump)
{
	struct mx_buf b = MX_BUF_INIT;
	em_format_elapsed(&b, 999);
	CHECK_STR(b.buf, "999 \u03bcs");
	mx_buf_reset(&b);
	em_format_elapsed(&b, 1500);
	CHECK_STR(b.buf, "1 ms");
	mx_buf_reset(&b);
	em_format_elapsed(&b, 999999);
	CHECK_STR(b.buf, "999 ms");
	mx_buf_reset(&b);
	em_format_elapsed(&b, 1000000);
	CHECK_STR(b.buf, "1.0 s");
	mx_buf_reset(&b);
	em_format_elapsed(&b, 2600000);
	CHECK_STR(b.buf, "3.0 s");
	mx_buf_release(&b);
}

TEST(versions_table_and_lookup)
{
	struct em_repo r;
	struct mx_buf b = MX_BUF_INIT;
	int64_t v[] = {1, 5, 9};

	memset(&r, 0, sizeof(r));
	em_versions_table(&b, &r, NULL);
	CHECK_STR(b.buf, "\"schema_migrations\"");
	mx_buf_reset(&b);
	r.migration_source = "my_migrations";
	em_versions_table(&b, &r, "tenant");
	CHECK_STR(b.buf, "\"tenant\".\"my_migrations\"");
	mx_buf_release(&b);
	CHECK(em_versions_has(v, 3, 5));
	CHECK(!em_versions_has(v, 3, 4));
	CHECK(!em_versions_has(NULL, 0, 4));
}

TEST(log_levels)
{
	enum em_level l;
	CHECK_INT(em_log_parse_level("debug", &l), 0);
	CHECK_INT(l, EM_DEBUG);
	CHECK_INT(em_log_parse_level("warning", &l), 0);
	CHECK_INT(l, EM_WARNING);
	CHECK_INT(em_log_parse_level("none", &l), 0);
	CHECK_INT(l, EM_NONE);
	CHECK_INT(em_log_parse_level("loud", &l), -1);
}

TEST(postgrex_error_tail_like_postgrex)
{
	/* What the real mix ecto.migrate printed (tests/fixtures/golden/
	 * ecto-differential/err.*.err): metadata after a blank line, detail last. */
	char *t = em_postgrex_tail("prices", NULL, "amount_positive", NULL,
	                           "Failing row contains (1, -1).");
	CHECK_STR(t, "\n\n    table: prices\n    constraint: amount_positive\n\n"
	             "Failing row contains (1, -1).");
	free(t);
	t = em_postgrex_tail(NULL, "", NULL, NULL,
	                     "Key columns \"team_id\" and \"id\" are of incompatible types: "
	                     "bigint and uuid.");
	CHECK_STR(t, "\n\nKey columns \"team_id\" and \"id\" are of incompatible types: "
	             "bigint and uuid.");
	free(t);
	t = em_postgrex_tail("t", "c", NULL, "Try again.", NULL);
	CHECK_STR(t, "\n\n    table: t\n    column: c\n    hint: Try again.");
	free(t);
	t = em_postgrex_tail(NULL, NULL, NULL, NULL, NULL);
	CHECK_STR(t ? t : "", "");
	free(t);
}

/* Runs fn with stderr sent to a file and returns what it wrote (caller frees). */
static char *capture_stderr(int (*fn)(void))
{
	char path[] = "/tmp/em-unit-stderr.XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	struct mx_buf b = MX_BUF_INIT;
	char chunk[512];
	ssize_t n;

	fflush(stderr);
	dup2(fd, 2);
	fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		mx_buf_add(&b, chunk, (size_t)n);
	close(fd);
	unlink(path);
	return mx_buf_detach(&b, NULL);
}

static int raise_duplicate(void)
{
	return em_raise("Ecto.MigrationError",
	                "migrations can't be executed, migration version %d is duplicated", 7);
}

static int raise_mix(void)
{
	return em_mix_raise("boom %s", "here");
}

TEST(raise_names_the_exception_as_mix_prints_it)
{
	char *out;
	setenv("NO_COLOR", "1", 1);
	/* mix ecto.migrate lets Ecto.Migrator's exception through, named. */
	out = capture_stderr(raise_duplicate);
	CHECK_STR(out, "** (Ecto.MigrationError) migrations can't be executed, migration "
	               "version 7 is duplicated\n");
	free(out);
	out = capture_stderr(raise_mix);
	CHECK_STR(out, "** (Mix) boom here\n");
	free(out);
	CHECK_INT(raise_mix(), MX_EXIT_FAIL);
}

TEST(release_and_clear_accept_null)
{
	struct mx_err err = MX_ERR_INIT;
	em_files_clear(NULL);
	em_repo_release(NULL);
	em_repos_free(NULL, 0);
	/* no lock, nothing to release: not an error */
	CHECK_INT(em_lock_release(NULL, &err), 0);
}

UNIT_MAIN()
