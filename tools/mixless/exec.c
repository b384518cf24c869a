#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "fsutil.h"
#include "strvec.h"
#include "tasks.h"

/* The tools are installed side by side; prefer the sibling of this binary so
 * a build tree's mixless runs that build's tools, not whatever is on PATH. */
static char *sibling(const char *tool)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	char *dir = mx_path_dirname(self);
	struct mx_buf p = MX_BUF_INIT;
	mx_path_join(&p, dir, tool);
	free(dir);
	if (access(p.buf, X_OK) == 0)
		return mx_buf_detach(&p, NULL);
	mx_buf_release(&p);
	return NULL;
}

int mixless_exec_task(const char *task, int argc, char **argv)
{
	const struct mixless_task *t = mixless_task_find(task);
	struct mx_strvec args = MX_STRVEC_INIT;
	if (!t)
		return mx_diag_fail(MX_EXIT_FAIL,
				    "The task \"%s\" could not be found", task);
	char *path = sibling(t->tool);
	mx_strvec_push(&args, t->tool);
	if (t->subcmd)
		mx_strvec_push(&args, t->subcmd);
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
