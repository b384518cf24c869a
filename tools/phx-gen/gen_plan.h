/*
 * gen_plan.h: how phx-gen's generators write. A generator first builds a
 * plan (every file it would create or inject, with its whole new content),
 * then the plan asks what Phoenix asks, and only then writes, atomically.
 * So a refusal, a missing terminal or an error while rendering leaves the
 * project untouched, and --dry-run is the plan printed.
 *
 *   struct gen_plan plan;
 *   phx_gen_plan_init(&plan, root, &switches);
 *   phx_gen_plan_create(&plan, "lib/hello/blog/post.ex", text, len, true);
 *   phx_gen_plan_inject(&plan, "lib/hello/blog.ex", snippet, len, NULL);
 *   ret = phx_gen_plan_run(&plan);    // prompts, writes, prints
 *   phx_gen_plan_release(&plan);
 *
 * Phoenix's kinds of file (Mix.Phoenix.copy_from, Mix.Generator):
 *   create   (:eex) always generated; an existing file with other content
 *            is overwritten only when the user says yes ("<path> already
 *            exists, overwrite?"); identical content is not rewritten.
 *   new      (:new_eex) created only when missing, silently skipped else.
 *   inject   the snippet goes before the file's final `end`
 *            (Phoenix's inject_eex_before_final_end); nothing happens when
 *            the file holds the snippet already (idempotent). A file that
 *            an earlier entry of the plan creates is injected into that
 *            content, as Phoenix creates then injects.
 *   mkdir    Mix.Generator.create_directory ("* creating lib/hello").
 *
 * Prompts, in Phoenix's order: the conflict list (files of kind create that
 * exist and were marked conflict-checked) with "Proceed with interactive
 * overwrite?", then, after its "* creating" line as Mix.Generator prints
 * it, each existing file with different content. Without a terminal every
 * such question is found before the first write, so nothing is written. A "no" to
 * the conflict question ends the run with exit 0 and nothing written
 * (Phoenix's System.halt()); a "no" to one file skips that file.
 * `--yes` answers yes. Without a terminal on stdin and without --yes, a
 * question that would be asked is an error: nothing is written, exit 1, and
 * the message says to pass --yes.
 *
 * Paths are relative to the project root, as Phoenix prints them. A path
 * that is absolute, climbs out with "..", or goes through a symlink that
 * leads outside the root is refused (exit 1, nothing written); the one
 * exception is a directory allowed with phx_gen_plan_allow (an umbrella's
 * context app, "../hello", where Phoenix writes the context).
 *
 * Output: "* creating <path>" / "* injecting <path>" / "* updating <path>",
 * the verb green on a terminal (never with NO_COLOR), as Mix.shell().info.
 */
#ifndef PHX_GEN_PLAN_H
#define PHX_GEN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "strvec.h"

struct gen_switches {
	bool yes;     /* --yes: answer every question yes (ours) */
	bool dry_run; /* --dry-run: print the plan, write nothing (ours) */
};

enum gen_file_kind {
	GEN_FILE_CREATE,
	GEN_FILE_NEW,
	GEN_FILE_INJECT,
	GEN_FILE_UPDATE, /* a whole-file rewrite printed as "* updating" */
	GEN_FILE_MKDIR,
	GEN_FILE_NOTE, /* no file: text printed at its place in the run */
};

struct gen_file {
	enum gen_file_kind kind;
	char *path;          /* relative to the root, as printed */
	struct mx_buf data;  /* the whole new content */
	bool secret;         /* a private key: mode 0600, wiped when released */
	bool conflict_check; /* listed by prompt_for_conflicts */
	bool exists;         /* at plan time */
	bool same;           /* exists with this very content */
	bool skip;           /* decided: not written (answered no, or new_eex present) */
	bool superseded;     /* a later entry writes the same path */
	char *suffix;        /* printed after the path ("* injecting x - plug"), or NULL */
	char *display;       /* printed instead of the path, or NULL */
	bool to_stderr;      /* a note for stderr (Mix.shell().error) */
};

struct gen_plan {
	char *root; /* absolute project root */
	struct gen_switches sw;
	struct gen_file *files;
	size_t n, alloc;
	struct mx_strvec stamps;  /* migration versions taken by this run */
	struct mx_strvec allowed; /* directories outside the root that may be written */
	bool failed;              /* an entry was refused; err holds why */
	struct mx_err err;
};

void phx_gen_plan_init(struct gen_plan *p, const char *root, const struct gen_switches *sw);
/* Lets the plan write under dir (relative to the root, e.g. "../hello":
 * an umbrella's context app, where Phoenix writes the context files). */
void phx_gen_plan_allow(struct gen_plan *p, const char *dir);
/* Frees everything the plan owns; accepts NULL. */
void phx_gen_plan_release(struct gen_plan *p);

/* Add entries (data is copied). A refused path marks the plan failed; the
 * run then reports it. Returns 0 or -1. */
int phx_gen_plan_create(struct gen_plan *p, const char *path, const char *data, size_t n,
                        bool conflict_check);
/* phx_gen_plan_create for a file whose bytes are a secret (phx.gen.cert's
 * private key): written with mode 0600 (before umask) from its first byte,
 * and its copy in the plan wiped on release. The plan never prints file
 * contents, --dry-run included. */
int phx_gen_plan_create_secret(struct gen_plan *p, const char *path, const char *data, size_t n);
int phx_gen_plan_new(struct gen_plan *p, const char *path, const char *data, size_t n);
int phx_gen_plan_update(struct gen_plan *p, const char *path, const char *data, size_t n);
int phx_gen_plan_mkdir(struct gen_plan *p, const char *path);
/*
 * Injects snippet before the final `end` of path (its planned content, or
 * the file on disk). When path holds the snippet already nothing is
 * planned and *done is set false (NULL allowed). A missing file is an
 * error. Returns 0 or -1.
 */
int phx_gen_plan_inject(struct gen_plan *p, const char *path, const char *snippet, size_t n,
                        bool *done);
/*
 * Phoenix's anchored injections (phx.gen.live's `import <Web>.CoreComponents`
 * after `use Phoenix.Component`, and the like). When path holds snippet
 * already: nothing (*state GEN_INJECT_PRESENT). Else the first anchor is
 * replaced by anchor + insert (GEN_INJECT_DONE). Without the anchor the
 * file is left alone but "* injecting <path>" is still printed, as Phoenix
 * prints it before finding out, and *state is GEN_INJECT_NO_ANCHOR: the
 * caller prints Phoenix's fallback text after the run. Returns 0, or -1
 * for a refused path or a missing file.
 */
enum { GEN_INJECT_PRESENT, GEN_INJECT_DONE, GEN_INJECT_NO_ANCHOR };
int phx_gen_plan_inject_after(struct gen_plan *p, const char *path, const char *anchor,
                              const char *insert, const char *snippet, int *state);

/*
 * An injection whose new content the caller computed (phx.gen.auth's
 * Injector: the router's import and plug, the test config, the mix.exs
 * dependency), printed "* injecting <path><suffix>" (suffix may be NULL).
 * data NULL: the line is printed but nothing is written (Phoenix prints it
 * before finding the file unreadable). Returns 0 or -1 (path refused).
 */
int phx_gen_plan_injected(struct gen_plan *p, const char *path, const char *data, size_t n,
                          const char *suffix);
/* The last entry is printed as display instead of its path (Phoenix
 * prints an absolute path for a file outside the project: the umbrella's
 * config/test.exs). */
void phx_gen_plan_display(struct gen_plan *p, const char *display);
/* Text printed as it stands at this point of the run, on stdout or stderr
 * (Phoenix's fallback help between its "* injecting" lines). */
void phx_gen_plan_note(struct gen_plan *p, const char *text, bool to_stderr);

/* The content path will have when the plan is done (planned or on disk);
 * NULL when neither. Points into the plan or into tmp (caller's buffer). */
const char *phx_gen_plan_content(struct gen_plan *p, const char *path, struct mx_buf *tmp,
                                 size_t *len);

/* Is the file planned, or on disk (File.exists?: an empty file counts)?
 * Reads nothing. */
bool phx_gen_plan_exists(struct gen_plan *p, const char *path);

/*
 * A migration version for dir (relative): the UTC time now as
 * YYYYMMDDhhmmss, moved on by a second while a file "<version>_*" exists
 * in dir or this plan took it already (two migrations made in the same
 * second would otherwise share a version). Appends to out.
 */
void phx_gen_plan_timestamp(struct gen_plan *p, const char *dir, time_t now, struct mx_buf *out);

/*
 * Asks Phoenix's questions (see above), then writes and prints. Returns
 * the exit code: 0 (also after a "no" to the conflict question), 1 when a
 * write fails or a question cannot be asked.
 */
int phx_gen_plan_run(struct gen_plan *p);
/* phx_gen_plan_run in two steps, for a generator that asks a question of
 * its own between the conflict question and the writes (phx.gen.context's
 * existing-context prompt): prepare reports a refused path and asks about
 * conflicts, setting *go_on when the run should continue (else its return
 * is the exit code); commit asks about each file, writes and prints. */
int phx_gen_plan_prepare(struct gen_plan *p, bool *go_on);
int phx_gen_plan_commit(struct gen_plan *p);

/* Mix.shell().yes?(question) honouring --yes and the no-terminal rule:
 * 1 yes, 0 no, -1 cannot ask (message printed). */
int phx_gen_yes(const struct gen_switches *sw, const char *question);

/* "** (Mix) <message>" on stderr (red on a terminal); returns 1. */
int phx_gen_mix_raise(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "* <verb> <path>" with the verb green on a terminal. */
void phx_gen_print_action(const char *verb, const char *path);

#endif
