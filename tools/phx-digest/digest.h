/*
 * phx-digest internals: the digest run and its options (this header), made
 * of pieces with one job each, each with its own header:
 *
 *   collect.c     walk the input as Phoenix's Path.wildcard("**") sees it
 *   names.c       Phoenix's names: its own outputs, digested names, inspect/1
 *   rewrite.c     CSS url(), JS sourceMappingURL and .map "file" rewriting
 *   compress.c    gzip exactly as :zlib.gzip, plus brotli and zstd
 *   json_value.c  JSON values, to carry the old cache_manifest.json through
 *   manifest.c    cache_manifest.json: load, merge, encode as Phoenix does
 *   manifest_memo.c  what a run remembers of the manifest it wrote
 *   deps.c        the depfile for make and CMake
 *   cache.c       the incremental cache that makes a no-change rerun cheap
 *   cache_lines.c the checked line format of the cache and the memo
 *   index.c       a string -> index hash table, and the hash behind it
 *   jobs.c        a small pthread pool (a parallel for)
 *   arena.c       huge-page memory for the contents held between phases
 *   progress.c    the progress line on a terminal, drawn by one ticker thread
 *   compile.c     the digest run, phase by phase, the manifest last (here)
 *   digest_file.c one file's work in the run's two parallel phases (run.h)
 *   config.c      the options' defaults and the project's say in them (here)
 *   clean.c       phx.digest.clean and --all (clean.h)
 */
#ifndef PHX_DIGEST_H
#define PHX_DIGEST_H

#include <stdbool.h>

#include "compress.h"
#include "diag.h"
#include "strvec.h"

/* Seconds from 0000-01-01 to 1970-01-01, as :calendar counts them. */
#define PHX_DIGEST_GREGORIAN_OFFSET 62167219200LL

/* How a run (digest or clean) ended. */
enum phx_digest_result {
	PHX_DIGEST_FAILED = -1, /* err says why */
	PHX_DIGEST_DONE = 0,
	/* The directory to work on does not exist. Phoenix prints a message and
	 * exits 0 on purpose: in an umbrella not every app has static files. */
	PHX_DIGEST_MISSING = 1,
};

struct phx_digest_opts {
	const char *input; /* as given, for messages */
	const char *output;
	bool vsn;
	bool z[PHX_Z_COUNT];   /* compressors on (gzip always) */
	struct mx_strvec exts; /* gzippable extensions */
	long jobs;
	bool dry_run;
	bool quiet;
	bool progress;
	bool no_cache;
	/* Where the incremental cache lives (outside the output): --cache-dir,
	 * or the project's build path + "/mixless", or outside a project the
	 * user's cache directory (phx_digest_project_config); NULL: none */
	const char *cache_dir;
	const char *depfile;
	const char *depfile_target;
	long long now;                 /* Gregorian seconds of this run */
	struct mx_strvec config_files; /* project files read, for the depfile */
	char *default_cache_dir;       /* owned: the project's, see cache_dir */
};
#define PHX_DIGEST_OPTS_INIT                                                                       \
	{                                                                                          \
		"priv/static", NULL, true, {true, false, false}, MX_STRVEC_INIT, 0, false, false,  \
		    false, false, NULL, NULL, NULL, 0, MX_STRVEC_INIT, NULL                        \
	}

/* ---- Defaults and the project (config.c) ------------------------------- */

/* The compressor extensions skipped on input and removed by clean. */
void phx_digest_zexts(const struct phx_digest_opts *o, struct mx_strvec *out);

struct mx_project;
/* Sets o->exts and the compressors from :phoenix, :gzippable_exts and
 * :static_compressors of the entered project p (MIX_ENV), or Phoenix's
 * defaults where it sets none or when no project was found; the project's
 * files go to o->config_files for the depfile; o->default_cache_dir (the
 * caller frees it) to the project's phx_digest_build_dir, or without a
 * project to $XDG_CACHE_HOME/mixless/phx-digest (~/.cache/...). */
int phx_digest_project_config(const struct mx_project *p, struct phx_digest_opts *o,
                              struct mx_err *err);

/* The project's build directory as Mix.Project.build_path/1 names it
 * ($MIX_BUILD_PATH, or $MIX_BUILD_ROOT / :build_path / "_build", then
 * [target_]env or "shared"), absolute, + "/mixless": where mixless keeps its
 * scratch state, beside mix's own. Caller frees. */
char *phx_digest_build_dir(const struct mx_project *p);

/* ---- The run (compile.c) ------------------------------------------------ */

/* Phoenix.Digester.compile/3: digests o->input into o->output.
 * PHX_DIGEST_MISSING when the input does not exist (the caller prints
 * Phoenix's message); a --dry-run prints the outputs it would write. */
enum phx_digest_result phx_digest_compile(const struct phx_digest_opts *o, struct mx_err *err);

#endif
