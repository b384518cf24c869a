/*
 * task: a project task for mixless, the analog of the guide's "Creating our
 * own Mix task" (lib/mix/tasks/hello.greeting.ex). mixless runs executables,
 * so the task is a shell script in the project's tasks/ folder (or
 * $MIXLESS_TASKS_DIR), its `# @shortdoc` line what `mixless help` shows.
 * A mixless addition: mix has no such generator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "gen.h"
#include "project/project.h"

static const char *dir, *shortdoc;
static bool force;

static const struct mx_option options[] = {
    MX_OPT_STR_("shortdoc", 0, &shortdoc, "TEXT",
                "What `mixless help` says of it (default: \"Describe the task here\")"),
    MX_OPT_BOOL_("force", 0, &force, "Overwrite the task's file if it exists"),
    MX_OPT_DIRECTORY(&dir),
    MX_OPT_END_,
};

/* Mix's task names: lowercase words joined by dots (hello.greeting). */
static bool valid_name(const char *s)
{
	bool word_start = true;
	for (; *s; s++) {
		if (*s == '.') {
			if (word_start)
				return false;
			word_start = true;
			continue;
		}
		if (!((*s >= 'a' && *s <= 'z') ||
		      (!word_start && ((*s >= '0' && *s <= '9') || *s == '_'))))
			return false;
		word_start = false;
	}
	return !word_start;
}

static void script(struct mx_buf *b, const char *name, const char *doc)
{
	mx_buf_addf(b,
	            "#!/bin/sh\n"
	            "# @shortdoc %s\n"
	            "#\n"
	            "# mixless %s [ARGS]: this project's own task. `mixless help` lists it\n"
	            "# with the shortdoc above, and `mixless help %s` prints this comment.\n"
	            "#\n"
	            "# It runs in the project root, with the project's resolved config in its\n"
	            "# environment: MIX_ENV, MIXLESS_APP, MIXLESS_PROJECT_ROOT, DATABASE_URL\n"
	            "# (the repo's; keep it out of logs) and MIXLESS_ENDPOINT_URL.\n"
	            "set -eu\n"
	            "\n"
	            "echo \"Greetings from the ${MIXLESS_APP:-} application!\"\n",
	            doc, name, name);
}

static int run(const struct mx_cmdline *cl)
{
	struct mx_project p = MX_PROJECT_INIT;
	struct mx_project_opts o = {.dir = dir, .no_config = true};
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf rel = MX_BUF_INIT, path = MX_BUF_INIT, text = MX_BUF_INIT;
	const char *tasks = getenv("MIXLESS_TASKS_DIR");
	int ret = MX_EXIT_FAIL;

	if (cl->args.n != 1) {
		ret = mx_diag_usage("expected a task name: phx-gen task NAME (hello.greeting)");
		goto out;
	}
	const char *name = cl->args.v[0];
	if (!valid_name(name)) {
		ret = mx_diag_usage("invalid task name '%s': lowercase words joined by dots, "
		                    "as hello.greeting",
		                    name);
		goto out;
	}
	if (mx_project_enter(&p, &o, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	mx_path_join(&rel, tasks && *tasks ? tasks : "tasks", name);
	if (!mx_path_is_contained(rel.buf)) {
		ret = mx_diag_fail(MX_EXIT_FAIL, "'%s' is outside the project", rel.buf);
		goto out;
	}
	mx_project_path(&p, rel.buf, &path);
	if (mx_fs_exists(path.buf) && !force) {
		ret = mx_diag_fail(MX_EXIT_FAIL, "%s already exists (--force overwrites it)",
		                   rel.buf);
		goto out;
	}
	char *parent = mx_path_dirname(path.buf);
	int mk = mx_fs_mkdir_p(parent, 0777, &err);
	free(parent);
	if (mk < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	script(&text, name, shortdoc ? shortdoc : "Describe the task here");
	struct mx_atomic af = MX_ATOMIC_INIT;
	if (mx_atomic_open(&af, path.buf, 0777, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	mx_atomic_write(&af, text.buf, text.len);
	if (mx_atomic_commit(&af, &err) < 0) {
		ret = mx_diag_error(&err);
		goto out;
	}
	mx_diag_info_color(MX_GREEN, "* creating %s", rel.buf);
	ret = MX_EXIT_OK;
out:
	mx_buf_release(&rel);
	mx_buf_release(&path);
	mx_buf_release(&text);
	mx_project_release(&p);
	return ret;
}

const struct mx_command phx_gen_cmd_task = {
    .name = "task",
    .task = "phx.gen.task",
    .tool = "phx-gen",
    .shortdoc = "Generates a project task for mixless (tasks/NAME)",
    .synopsis = "NAME [--shortdoc TEXT] [--force] [-C DIR]",
    .doc = "Generates a project task for mixless: an executable shell script\n"
           "tasks/NAME (or $MIXLESS_TASKS_DIR/NAME) with a `# @shortdoc` line, which\n"
           "`mixless help` lists and `mixless NAME` runs in the project root with\n"
           "the project's config in its environment (MIX_ENV, MIXLESS_APP,\n"
           "MIXLESS_PROJECT_ROOT, DATABASE_URL, MIXLESS_ENDPOINT_URL).\n"
           "\n"
           "The analog of the Phoenix guide's lib/mix/tasks/hello.greeting.ex: mix\n"
           "has no generator for it, this is a mixless addition. An existing file is\n"
           "left alone unless --force is given.\n"
           "\n"
           "  phx-gen task hello.greeting --shortdoc \"Sends a greeting\"\n"
           "  mixless hello.greeting\n",
    .options = options,
    .max_args = -1,
    .fn = run,
};
