/*
 * digest: `mix phx.digest`, phx-digest's default command. The work is
 * phx_digest_compile's; this holds its switches, its documentation, the
 * project entry and Phoenix's messages.
 */
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "command.h"
#include "fsutil.h"
#include "progress.h"

static struct phx_digest_opts o = PHX_DIGEST_OPTS_INIT;
static struct mx_strvec gzip_exts = MX_STRVEC_INIT;
static const char *dir;
static bool brotli, zstd, cache = true, compile = true, progress = true;

static const struct mx_option options[] = {
    MX_OPT_STR_("output", 'o', &o.output, "DIR", "Where to write (default: INPUT)"),
    MX_OPT_BOOL_("vsn", 0, &o.vsn,
                 "Add ?vsn=d to rewritten CSS references (default; --no-vsn drops it)"),
    MX_OPT_GROUP_("Beyond mix phx.digest:"),
    MX_OPT_INT_("jobs", 'j', &o.jobs, "N",
                "Hash, rewrite and compress on N threads (default: the cores)"),
    MX_OPT_LIST_("gzip-ext", 0, &gzip_exts, "EXT",
                 "Gzip this extension (repeatable; replaces :gzippable_exts)"),
    MX_OPT_BOOL_("brotli", 0, &brotli, "Also write .br copies (quality 11)"),
    MX_OPT_BOOL_("zstd", 0, &zstd, "Also write .zst copies (level 19)"),
    MX_OPT_STR_("depfile", 0, &o.depfile, "FILE",
                "Write a make depfile: every input file and directory walked"),
    MX_OPT_STR_("depfile-target", 0, &o.depfile_target, "PATH",
                "The target named in the depfile (default OUTPUT/cache_manifest.json)"),
    MX_OPT_BOOL_("dry-run", 'n', &o.dry_run, "List the files that would be written, write nothing"),
    MX_OPT_BOOL_("cache", 0, &cache,
                 "Reuse the last run's work for unchanged files (default; --no-cache)"),
    MX_OPT_STR_("cache-dir", 0, &o.cache_dir, "DIR",
                "Keep that cache in DIR (default: the project's _build/MIX_ENV/mixless)"),
    MX_OPT_BOOL_("progress", 0, &progress,
                 "Show progress on a terminal once a run lasts a second (default; --no-progress)"),
    MX_OPT_QUIET(&o.quiet),
    MX_OPT_DIRECTORY(&dir),
    /* --no-compile: mix compiles first; there is nothing to compile here */
    {MX_OPT_BOOL, "compile", 0, &compile, NULL, "Ignored (mix compatibility)", MX_OPT_HIDDEN, NULL,
     NULL},
    MX_OPT_END_,
};

/* Makes *path absolute (relative to the cwd), keeping the storage in buf. */
static void absolute(const char **path, struct mx_buf *buf)
{
	char cwd[PATH_MAX];
	if (!*path || (*path)[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return;
	mx_path_join(buf, cwd, *path);
	*path = buf->buf;
}

static int run(const struct mx_cmdline *cl)
{
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf depfile = MX_BUF_INIT, target = MX_BUF_INIT, cachedir = MX_BUF_INIT;
	int ret = MX_EXIT_OK;

	o.no_cache = !cache;
	if (o.jobs < 0) {
		ret = mx_diag_usage("option '--jobs' expects a positive number");
		goto out;
	}
	if (cl->args.n)
		o.input = cl->args.v[0];
	if (!o.output)
		o.output = o.input;
	/* the depfile and its target belong to the caller's directory, not to
	 * the project root we are about to enter */
	absolute(&o.depfile, &depfile);
	absolute(&o.depfile_target, &target);
	absolute(&o.cache_dir, &cachedir);
	if ((ret = phx_digest_enter(dir, &o)) != MX_EXIT_OK)
		goto out;
	if (!o.cache_dir)
		o.cache_dir = o.default_cache_dir;
	if (gzip_exts.n) {
		mx_strvec_clear(&o.exts);
		for (size_t i = 0; i < gzip_exts.n; i++)
			mx_strvec_push(&o.exts, gzip_exts.v[i]);
	}
	if (brotli)
		o.z[PHX_Z_BROTLI] = true;
	if (zstd)
		o.z[PHX_Z_ZSTD] = true;
	o.now = phx_digest_now();
	o.progress = phx_digest_progress_wanted(progress, o.quiet);
	enum phx_digest_result r = phx_digest_compile(&o, &err);
	if (r == PHX_DIGEST_FAILED) {
		ret = mx_diag_error(&err);
	} else if (r == PHX_DIGEST_MISSING) {
		/* Phoenix exits 0 here on purpose: in an umbrella not every app
		 * has static files */
		phx_digest_say_path(stderr, MX_RED, "The input path ", o.input, " does not exist");
	} else if (!o.quiet && !o.dry_run) {
		phx_digest_say_path(stdout, MX_GREEN, "Check your digested files at ", o.output,
		                    "");
	}
out:
	mx_buf_release(&depfile);
	mx_buf_release(&target);
	mx_buf_release(&cachedir);
	free(o.default_cache_dir);
	o.default_cache_dir = NULL;
	mx_strvec_clear(&gzip_exts);
	mx_strvec_clear(&o.exts);
	mx_strvec_clear(&o.config_files);
	return ret;
}

const struct mx_command phx_digest_cmd_digest = {
    .task = "phx.digest",
    .tool = "phx-digest",
    .shortdoc = "Digests and compresses static files",
    .synopsis = "[INPUT] [-o OUTPUT] [--no-vsn] [options]",
    .doc = "Digests and compresses static files, as `mix phx.digest` does: INPUT\n"
           "(default priv/static) is copied to OUTPUT (default INPUT) with digested\n"
           "names (app-<md5>.js), gzip copies of the :gzippable_exts files, CSS url(),\n"
           "sourceMappingURL and source-map \"file\" references rewritten, and\n"
           "cache_manifest.json written for Phoenix's static_path/1.\n"
           "\n"
           "The output tree and the manifest are Phoenix 1.7's, byte for byte:\n"
           "Phoenix.Digester's names, its url() and ?vsn=d rules, gzip as\n"
           ":zlib.gzip/1 writes it, and the manifest's digests, logical paths,\n"
           "Gregorian mtimes, SHA-512 and sizes, old entries kept while their file\n"
           "exists. The project root is -C DIR, or the nearest directory upward\n"
           "holding mix.exs (where INPUT and OUTPUT are taken from, as mix runs\n"
           "there), or the current directory; the project's config for MIX_ENV\n"
           "gives :gzippable_exts and :static_compressors.\n"
           "\n"
           "  phx-digest\n"
           "  phx-digest priv/static -o build/static --brotli --depfile digest.d\n"
           "  mixless phx.digest --no-vsn\n"
           "\n"
           "Like mix, a missing INPUT is reported with exit status 0 (for umbrella\n"
           "apps). Unlike mix, an unknown switch is an error (mix ignores it, and\n"
           "lets it swallow the next word).\n",
    .notes = "Notes:\n"
             "  Outputs are written atomically and the manifest last, so an interrupted\n"
             "  run leaves the previous manifest, naming only complete files.\n"
             "  A rerun reuses the work of the last one for unchanged inputs; its output\n"
             "  is the same as a full run's. The cache lives outside OUTPUT, in the\n"
             "  project's _build/MIX_ENV/mixless/ (outside a project, in\n"
             "  $XDG_CACHE_HOME/mixless/phx-digest/; --cache-dir DIR to choose); one left\n"
             "  in OUTPUT/.phx-digest-cache/ by an earlier version is removed. Like\n"
             "  Phoenix, every run rewrites the manifest and gives each current file the\n"
             "  run's time as its mtime, so `clean --age` counts from the last run that\n"
             "  used a version.\n"
             "  --brotli and --zstd add .br / .zst copies (brotli quality 11, zstd level\n"
             "  19) beside the .gz ones; pass the same switches to `clean` to remove them.\n"
             "  The project's `config :phoenix, :gzippable_exts` is honoured (-C DIR).\n"
             "  On a terminal, a run lasting over a second shows its progress on stderr\n"
             "  (files done of the total, MiB/s), then a totals line; never under\n"
             "  --quiet or --no-progress, when stderr is not a terminal or TERM=dumb.\n"
             "\n"
             "Exit status: 0 on success (also when INPUT does not exist, as Phoenix),\n"
             "1 when the task fails, 2 on a usage error.\n",
    .options = options,
    .max_args = 1,
    .fn = run,
};
