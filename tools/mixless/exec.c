/*
 * exec: running a tool's task, the tool found beside this binary.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "fsutil.h"
#include "strvec.h"
#include "tasks.h"

char *mixless_self_path(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	return mx_xstrdup(self);
}

/* The tools are installed side by side; prefer the sibling of this binary so
 * a build tree's mixless runs that build's tools, not whatever is on PATH. */
char *mixless_tool_path(const char *tool)
{
	char *self = mixless_self_path();
	if (!self)
		return NULL;
	char *dir = mx_path_dirname(self);
	struct mx_buf p = MX_BUF_INIT;
	mx_path_join(&p, dir, tool);
	free(dir);
	free(self);
	if (access(p.buf, X_OK) == 0)
		return mx_buf_detach(&p, NULL);
	mx_buf_release(&p);
	return NULL;
}

/* With doc: `<tool> --doc <command>`, the command's page as its man page
 * has it ("" names the tool's default command). */
static int exec_with(const char *task, bool doc, int argc, char **argv)
{
	const struct mixless_task *t = mixless_task_find(task);
	struct mx_strvec args = MX_STRVEC_INIT;
	if (!t)
		return mx_diag_fail(MX_EXIT_FAIL, "The task \"%s\" could not be found", task);
	char *path = mixless_tool_path(t->tool);
	mx_strvec_push(&args, t->tool);
	if (doc)
		mx_strvec_push(&args, "--doc");
	if (t->subcmd || doc)
		mx_strvec_push(&args, t->subcmd ? t->subcmd : "");
	for (int i = 0; i < argc; i++)
		mx_strvec_push(&args, argv[i]);
	if (path)
		execv(path, args.v);
	else
		execvp(t->tool, args.v);
	int e = errno;
	mx_diag_fail(MX_EXIT_FAIL, "cannot run '%s': %s", t->tool, strerror(e));
	free(path);
	mx_strvec_clear(&args);
	return MX_EXIT_FAIL;
}

int mixless_exec_task(const char *task, int argc, char **argv)
{
	return exec_with(task, false, argc, argv);
}

int mixless_exec_doc(const char *task)
{
	return exec_with(task, true, 0, NULL);
}
