/*
 * phx-digest: `mix phx.digest` and `mix phx.digest.clean` of Phoenix 1.7
 * without Elixir. It writes the same output tree (app-<md5>.js, gzip copies,
 * rewritten CSS/JS/map references, cache_manifest.json) so that Phoenix's
 * static_path/1 and static_integrity/1 read it at run time, and adds what a
 * build system wants: parallel jobs, an incremental rerun, a depfile, atomic
 * outputs with the manifest written last, and opt-in brotli/zstd copies.
 * This file holds the option tables, the help, and the dispatch.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clean.h"
#include "diag.h"
#include "digest.h"
#include "fsutil.h"
#include "names.h"
#include "opt.h"

struct common {
	const char *dir;
	bool help, version, no_compile;
};

static const char digest_usage[] =
    "Usage: phx-digest [INPUT] [-o OUTPUT] [--no-vsn] [options]\n"
    "       phx-digest clean [-o OUTPUT] [--age SECONDS] [--keep N] [--all] [options]\n"
    "\n"
    "Digests and compresses static files, as `mix phx.digest` does: INPUT\n"
    "(default priv/static) is copied to OUTPUT (default INPUT) with digested\n"
    "names (app-<md5>.js), gzip copies of the :gzippable_exts files, CSS url(),\n"
    "sourceMappingURL and source-map \"file\" references rewritten, and\n"
    "cache_manifest.json written for Phoenix's static_path/1.\n";

static const char digest_notes[] =
    "\n"
    "Notes:\n"
    "  Outputs are written atomically and the manifest last, so an interrupted\n"
    "  run leaves the previous manifest, naming only complete files.\n"
    "  A rerun reuses the work of the last one for unchanged inputs (a cache in\n"
    "  OUTPUT/.phx-digest-cache/); its output is the same as a full run's. Like\n"
    "  Phoenix, every run rewrites the manifest and gives each current file the\n"
    "  run's time as its mtime, so `clean --age` counts from the last run that\n"
    "  used a version.\n"
    "  --brotli and --zstd add .br / .zst copies (brotli quality 11, zstd level\n"
    "  19) beside the .gz ones; pass the same switches to `clean` to remove them.\n"
    "  The project's `config :phoenix, :gzippable_exts` is honoured (-C DIR).\n"
    "\n"
    "Exit status: 0 on success (also when INPUT does not exist, as Phoenix),\n"
    "1 when the task fails, 2 on a usage error.\n";

static const char clean_usage[] =
    "Usage: phx-digest clean [-o OUTPUT] [--age SECONDS] [--keep N] [--all] [options]\n"
    "\n"
    "Removes old versions of digested assets, as `mix phx.digest.clean` does. A\n"
    "version that is not the latest goes when it is older than --age seconds\n"
    "(default 3600) OR when more than --keep (default 2) newer versions of the\n"
    "same file exist (Phoenix's actual rule). --all removes every digested file\n"
    "and compressed copy the manifest names, and the manifest; the originals\n"
    "stay. Files the manifest does not name are never touched.\n";

/* Phoenix's messages quote the path with inspect/1. */
static void print_path_message(FILE *f, enum mx_color c, const char *pre, const char *path,
                               const char *post)
{
	struct mx_buf b = MX_BUF_INIT;
	phx_digest_inspect(&b, path);
	fprintf(f, "%s%s%s%s%s\n", mx_diag_ansi(f, c), pre, b.buf, post, mx_diag_ansi(f, MX_RESET));
	mx_buf_release(&b);
}

/* -C DIR, or the nearest directory upward holding mix.exs, or the cwd. */
static int enter_project(const char *dir, char **root)
{
	if (dir) {
		if (chdir(dir) < 0)
			return mx_diag_fail(MX_EXIT_FAIL, "cannot change to '%s': %s", dir,
			                    strerror(errno));
		*root = mx_xstrdup(".");
		return 0;
	}
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd))) {
		*root = mx_xstrdup(".");
		return 0;
	}
	struct mx_buf p = MX_BUF_INIT;
	for (;;) {
		mx_buf_reset(&p);
		mx_path_join(&p, cwd, "mix.exs");
		if (mx_fs_is_file(p.buf)) {
			mx_buf_release(&p);
			if (chdir(cwd) < 0)
				return mx_diag_fail(MX_EXIT_FAIL, "cannot change to '%s': %s", cwd,
				                    strerror(errno));
			*root = mx_xstrdup(".");
			return 0;
		}
		char *slash = strrchr(cwd, '/');
		if (!slash || slash == cwd)
			break;
		*slash = '\0';
	}
	mx_buf_release(&p);
	*root = mx_xstrdup(".");
	return 0;
}

/* Makes *path absolute (relative to the cwd), keeping the storage in buf. */
static void absolute(const char **path, struct mx_buf *buf)
{
	char cwd[PATH_MAX];
	if (!*path || (*path)[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return;
	mx_path_join(buf, cwd, *path);
	*path = buf->buf;
}

static long long gregorian_now(void)
{
	return (long long)time(NULL) + PHX_DIGEST_GREGORIAN_OFFSET;
}

static int run_clean(int argc, char **argv)
{
	struct phx_digest_clean_opts o = {"priv/static", 3600,  2, false,
	                                  false,         false, 0, MX_STRVEC_INIT};
	struct phx_digest_opts dopts = PHX_DIGEST_OPTS_INIT;
	struct common c = {NULL, false, false, false};
	struct mx_strvec pos = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	char *root = NULL;
	int ret = MX_EXIT_OK;
	const struct mx_option opts[] = {
	    MX_OPT_STR_("output", 'o', &o.output, "DIR",
	                "the digested assets' directory (default priv/static)"),
	    MX_OPT_INT_("age", 0, &o.age, "SECONDS",
	                "remove non-latest versions older than this (default 3600)"),
	    MX_OPT_INT_("keep", 0, &o.keep, "N",
	                "remove non-latest versions beyond the N newest (default 2)"),
	    MX_OPT_BOOL_("all", 0, &o.all,
	                 "remove every digested file, compressed copy and the manifest"),
	    MX_OPT_GROUP_("Beyond mix phx.digest.clean:"),
	    MX_OPT_BOOL_("brotli", 0, &dopts.z[PHX_Z_BROTLI], "also remove .br copies"),
	    MX_OPT_BOOL_("zstd", 0, &dopts.z[PHX_Z_ZSTD], "also remove .zst copies"),
	    MX_OPT_BOOL_("dry-run", 'n', &o.dry_run,
	                 "list what would be removed or rewritten, change nothing"),
	    MX_OPT_BOOL_("quiet", 'q', &o.quiet, "print nothing on success"),
	    MX_OPT_STR_("directory", 'C', &c.dir, "DIR",
	                "project root (default: nearest directory with mix.exs)"),
	    MX_OPT_BOOL_("help", 'h', &c.help, "show this help"),
	    MX_OPT_BOOL_("version", 0, &c.version, "show the version"),
	    {MX_OPT_BOOL, "compile", 0, &c.no_compile, NULL, "ignored (mix compatibility)",
	     MX_OPT_HIDDEN, NULL, NULL},
	    MX_OPT_END_,
	};
	if (mx_opt_parse(argc, argv, 2, opts, &pos, &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
		goto out;
	}
	if (c.help) {
		fputs(clean_usage, stdout);
		fputs("\nOptions:\n", stdout);
		mx_opt_print_help(stdout, opts);
		goto out;
	}
	if (c.version) {
		mx_opt_version(stdout);
		goto out;
	}
	/* mix phx.digest.clean ignores positional arguments; so do we */
	if ((ret = enter_project(c.dir, &root)) != 0)
		goto out;
	if (phx_digest_project_config(root, &dopts, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	phx_digest_zexts(&dopts, &o.zexts);
	o.now = gregorian_now();
	enum phx_digest_result r = phx_digest_clean(&o, &err);
	if (r == PHX_DIGEST_FAILED) {
		ret = mx_diag_error(&err);
	} else if (r == PHX_DIGEST_MISSING) {
		print_path_message(stderr, MX_RED, "The output path ", o.output, " does not exist");
	} else if (!o.quiet && !o.dry_run) {
		print_path_message(stdout, MX_GREEN, "Clean complete for ", o.output, "");
	}
out:
	free(root);
	mx_strvec_clear(&o.zexts);
	mx_strvec_clear(&dopts.exts);
	mx_strvec_clear(&dopts.config_files);
	mx_strvec_clear(&pos);
	return ret;
}

static int run_digest(int argc, char **argv)
{
	struct phx_digest_opts o = PHX_DIGEST_OPTS_INIT;
	struct common c = {NULL, false, false, false};
	struct mx_strvec pos = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	char *root = NULL;
	struct mx_buf depfile = MX_BUF_INIT, target = MX_BUF_INIT;
	int ret = MX_EXIT_OK;
	struct mx_strvec gzip_exts = MX_STRVEC_INIT;
	bool brotli = false, zstd = false, cache = true;
	const struct mx_option opts[] = {
	    MX_OPT_STR_("output", 'o', &o.output, "DIR", "where to write (default: INPUT)"),
	    MX_OPT_BOOL_("vsn", 0, &o.vsn,
	                 "add ?vsn=d to rewritten CSS references (default; --no-vsn drops it)"),
	    MX_OPT_GROUP_("Beyond mix phx.digest:"),
	    MX_OPT_INT_("jobs", 'j', &o.jobs, "N",
	                "hash, rewrite and compress on N threads (default: the cores)"),
	    MX_OPT_LIST_("gzip-ext", 0, &gzip_exts, "EXT",
	                 "gzip this extension (repeatable; replaces :gzippable_exts)"),
	    MX_OPT_BOOL_("brotli", 0, &brotli, "also write .br copies (quality 11)"),
	    MX_OPT_BOOL_("zstd", 0, &zstd, "also write .zst copies (level 19)"),
	    MX_OPT_STR_("depfile", 0, &o.depfile, "FILE",
	                "write a make depfile: every input file and directory walked"),
	    MX_OPT_STR_("depfile-target", 0, &o.depfile_target, "PATH",
	                "the target named in the depfile (default OUTPUT/cache_manifest.json)"),
	    MX_OPT_BOOL_("dry-run", 'n', &o.dry_run,
	                 "list the files that would be written, write nothing"),
	    MX_OPT_BOOL_("cache", 0, &cache,
	                 "reuse the last run's work for unchanged files (default; --no-cache)"),
	    MX_OPT_BOOL_("quiet", 'q', &o.quiet, "print nothing on success"),
	    MX_OPT_STR_("directory", 'C', &c.dir, "DIR",
	                "project root (default: nearest directory with mix.exs)"),
	    MX_OPT_BOOL_("help", 'h', &c.help, "show this help"),
	    MX_OPT_BOOL_("version", 0, &c.version, "show the version"),
	    {MX_OPT_BOOL, "compile", 0, &c.no_compile, NULL, "ignored (mix compatibility)",
	     MX_OPT_HIDDEN, NULL, NULL},
	    MX_OPT_END_,
	};
	if (mx_opt_parse(argc, argv, 1, opts, &pos, &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
		goto out;
	}
	o.no_cache = !cache;
	if (c.help) {
		fputs(digest_usage, stdout);
		fputs("\nOptions:\n", stdout);
		mx_opt_print_help(stdout, opts);
		fputs(digest_notes, stdout);
		goto out;
	}
	if (c.version) {
		mx_opt_version(stdout);
		goto out;
	}
	if (pos.n > 1) {
		ret = mx_diag_usage("unexpected argument '%s'", pos.v[1]);
		goto out;
	}
	if (o.jobs < 0) {
		ret = mx_diag_usage("option '--jobs' expects a positive number");
		goto out;
	}
	if (pos.n)
		o.input = pos.v[0];
	if (!o.output)
		o.output = o.input;
	/* the depfile and its target belong to the caller's directory, not to
	 * the project root we are about to enter */
	absolute(&o.depfile, &depfile);
	absolute(&o.depfile_target, &target);
	if ((ret = enter_project(c.dir, &root)) != 0)
		goto out;
	phx_digest_default_exts(&o.exts);
	if (phx_digest_project_config(root, &o, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	if (gzip_exts.n) {
		mx_strvec_clear(&o.exts);
		for (size_t i = 0; i < gzip_exts.n; i++)
			mx_strvec_push(&o.exts, gzip_exts.v[i]);
	}
	if (brotli)
		o.z[PHX_Z_BROTLI] = true;
	if (zstd)
		o.z[PHX_Z_ZSTD] = true;
	o.now = gregorian_now();
	o.progress = !o.quiet && isatty(STDERR_FILENO);
	enum phx_digest_result r = phx_digest_compile(&o, &err);
	if (r == PHX_DIGEST_FAILED) {
		ret = mx_diag_error(&err);
	} else if (r == PHX_DIGEST_MISSING) {
		/* Phoenix exits 0 here on purpose: in an umbrella not every app
		 * has static files */
		print_path_message(stderr, MX_RED, "The input path ", o.input, " does not exist");
	} else if (!o.quiet && !o.dry_run) {
		print_path_message(stdout, MX_GREEN, "Check your digested files at ", o.output, "");
	}
out:
	free(root);
	mx_buf_release(&depfile);
	mx_buf_release(&target);
	mx_strvec_clear(&gzip_exts);
	mx_strvec_clear(&o.exts);
	mx_strvec_clear(&o.config_files);
	mx_strvec_clear(&pos);
	return ret;
}

int main(int argc, char **argv)
{
	mx_diag_set_prog("phx-digest");
	if (argc > 1 && !strcmp(argv[1], "clean"))
		return run_clean(argc, argv);
	return run_digest(argc, argv);
}
