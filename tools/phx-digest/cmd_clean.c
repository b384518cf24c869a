/*
 * clean: `mix phx.digest.clean`. The work is phx_digest_clean's; this holds
 * its switches, its documentation, the project entry and Phoenix's messages.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "clean.h"
#include "command.h"

static struct phx_digest_clean_opts o = {"priv/static", 3600,  2, false,
                                         false,         false, 0, MX_STRVEC_INIT};
/* only its compressors matter here: which copies clean removes */
static struct phx_digest_opts dopts = PHX_DIGEST_OPTS_INIT;
static const char *dir;
static bool compile = true;

static const struct mx_option options[] = {
    MX_OPT_STR_("output", 'o', &o.output, "DIR",
                "The digested assets' directory (default priv/static)"),
    MX_OPT_INT_("age", 0, &o.age, "SECONDS",
                "Remove non-latest versions older than this (default 3600)"),
    MX_OPT_INT_("keep", 0, &o.keep, "N",
                "Remove non-latest versions beyond the N newest (default 2)"),
    MX_OPT_BOOL_("all", 0, &o.all, "Remove every digested file, compressed copy and the manifest"),
    MX_OPT_GROUP_("Beyond mix phx.digest.clean:"),
    MX_OPT_BOOL_("brotli", 0, &dopts.z[PHX_Z_BROTLI], "Also remove .br copies"),
    MX_OPT_BOOL_("zstd", 0, &dopts.z[PHX_Z_ZSTD], "Also remove .zst copies"),
    MX_OPT_BOOL_("dry-run", 'n', &o.dry_run,
                 "List what would be removed or rewritten, change nothing"),
    MX_OPT_QUIET(&o.quiet),
    MX_OPT_DIRECTORY(&dir),
    {MX_OPT_BOOL, "compile", 0, &compile, NULL, "Ignored (mix compatibility)", MX_OPT_HIDDEN, NULL,
     NULL},
    MX_OPT_END_,
};

static int run(const struct mx_cmdline *cl)
{
	struct mx_err err = MX_ERR_INIT;
	int ret;

	/* mix phx.digest.clean ignores positional arguments; so do we */
	if ((ret = phx_digest_enter(dir, &dopts)) != MX_EXIT_OK)
		goto out;
	phx_digest_zexts(&dopts, &o.zexts);
	o.now = phx_digest_now();
	enum phx_digest_result r = phx_digest_clean(&o, &err);
	if (r == PHX_DIGEST_FAILED) {
		ret = mx_diag_error(&err);
	} else if (r == PHX_DIGEST_MISSING) {
		phx_digest_say_path(stderr, MX_RED, "The output path ", o.output,
		                    " does not exist");
	} else if (!o.quiet && !o.dry_run) {
		phx_digest_say_path(stdout, MX_GREEN, "Clean complete for ", o.output, "");
	}
out:
	mx_strvec_clear(&o.zexts);
	mx_strvec_clear(&dopts.exts);
	mx_strvec_clear(&dopts.config_files);
	free(dopts.default_cache_dir);
	dopts.default_cache_dir = NULL;
	return ret;
}

const struct mx_command phx_digest_cmd_clean = {
    .name = "clean",
    .task = "phx.digest.clean",
    .tool = "phx-digest",
    .shortdoc = "Removes old versions of static assets.",
    .synopsis = "[-o OUTPUT] [--age SECONDS] [--keep N] [--all] [options]",
    .doc = "Removes old versions of digested assets, as `mix phx.digest.clean` does. A\n"
           "version that is not the latest goes when it is older than --age seconds\n"
           "(default 3600) OR when more than --keep (default 2) newer versions of the\n"
           "same file exist (Phoenix's actual rule). --all removes every digested file\n"
           "and compressed copy the manifest names, and the manifest; the originals\n"
           "stay. Files the manifest does not name are never touched.\n"
           "\n"
           "Phoenix's documentation says a version must be both older and beyond\n"
           "--keep; its code removes it when either holds, and so does this. The\n"
           "manifest is rewritten before any file is removed, so an interrupted run\n"
           "never leaves it naming a file that is gone. Like Phoenix, a directory\n"
           "without a manifest gets an empty one.\n"
           "\n"
           "  phx-digest clean\n"
           "  phx-digest clean -o build/static --keep 1 --age 600\n"
           "  mixless phx.digest.clean --all\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
