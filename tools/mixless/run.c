/*
 * run: how mixless runs what is not one of its tools' tasks: the aliases of
 * mix.exs, step by step; the project's own tasks, with the project's
 * resolved config in their environment; and mix itself, for the steps and
 * tasks that need Elixir.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "commands.h"
#include "diag.h"
#include "fsutil.h"
#include "split.h"
#include "tasks.h"

char *mixless_find_program(const char *name, const char *env)
{
	const char *over = env ? getenv(env) : NULL;
	if (over)
		return *over && mx_fs_is_file(over) && access(over, X_OK) == 0 ? mx_xstrdup(over)
		                                                               : NULL;
	return mx_path_which(name);
}

int mixless_spawn(const char *file, char *const argv[])
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return mx_diag_fail(MX_EXIT_FAIL, "cannot run '%s': %s", argv[0], strerror(errno));
	if (pid == 0) {
		if (strchr(file, '/'))
			execv(file, argv);
		else
			execvp(file, argv);
		fprintf(stderr, "%s: cannot run '%s': %s\n", mx_diag_prog(), file, strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return MX_EXIT_FAIL;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

static bool own_task(const char *name)
{
	for (size_t i = 0; mixless_tool.commands[i]; i++)
		if (mixless_tool.commands[i]->task && !strcmp(mixless_tool.commands[i]->task, name))
			return true;
	return false;
}

/* One step of alias a; returns its exit code, or -1 when it was skipped. */
static int run_step(const struct mixless_proj *mp, const struct mixless_alias *a, const char *step,
                    int argc, char **argv, const char *mix)
{
	struct mx_strvec words = MX_STRVEC_INIT, cmd = MX_STRVEC_INIT;
	char *file = NULL;
	int ret = -1;

	mixless_split_words(step, &words);
	if (!words.n) {
		ret = 0;
		goto out;
	}
	const char *name = words.v[0];
	const struct mixless_task *t = mixless_task_find(name);
	/* A step named as the alias itself is the task, not the alias again
	 * (test: ["ecto.create --quiet", "ecto.migrate --quiet", "test"]). */
	bool self = !strcmp(name, a->name);
	if (!self && (mixless_proj_alias(mp, name) || own_task(name) ||
	              (!t && mixless_proj_custom(mp, name)))) {
		file = mixless_self_path();
		mx_strvec_push(&cmd, "mixless");
		mx_strvec_push(&cmd, name);
	} else if (t) {
		file = mixless_tool_path(t->tool);
		mx_strvec_push(&cmd, t->tool);
		if (t->subcmd)
			mx_strvec_push(&cmd, t->subcmd);
	} else if (mix) {
		file = mx_xstrdup(mix);
		mx_strvec_push(&cmd, "mix");
		mx_strvec_push(&cmd, name);
	} else {
		mx_diag_warn("skipped \"%s\" of the alias %s: it needs mix, and Elixir is not "
		             "installed",
		             step, a->name);
		goto out;
	}
	for (size_t i = 1; i < words.n; i++)
		mx_strvec_push(&cmd, words.v[i]);
	for (int i = 0; i < argc; i++)
		mx_strvec_push(&cmd, argv[i]);
	ret = mixless_spawn(file ? file : cmd.v[0], cmd.v);
out:
	free(file);
	mx_strvec_clear(&words);
	mx_strvec_clear(&cmd);
	return ret;
}

int mixless_run_alias(const struct mixless_proj *mp, const struct mixless_alias *a, int argc,
                      char **argv)
{
	char *mix = mixless_find_program("mix", "MIXLESS_MIX");
	struct mx_strvec skipped = MX_STRVEC_INIT;
	int ret = MX_EXIT_OK;

	/* mix runs an alias where mix.exs is. */
	if (chdir(mp->p.root) < 0) {
		ret = mx_diag_fail(MX_EXIT_FAIL, "cannot change to '%s': %s", mp->p.root,
		                   strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < a->steps.n; i++) {
		/* The alias's own arguments go to its last step, as in mix. */
		bool last = i + 1 == a->steps.n;
		const char *step = a->steps.v[i];
		int rc;
		if (!step) {
			mx_diag_warn("skipped step %zu of the alias %s: it is an Elixir function, "
			             "which only mix runs",
			             i + 1, a->name);
			mx_strvec_pushf(&skipped, "step %zu (a function)", i + 1);
			continue;
		}
		rc = run_step(mp, a, step, last ? argc : 0, last ? argv : NULL, mix);
		if (rc < 0) {
			mx_strvec_push(&skipped, step);
			continue;
		}
		if (rc != 0) {
			ret = rc;
			goto out;
		}
	}
	if (skipped.n) {
		struct mx_buf list = MX_BUF_INIT;
		for (size_t i = 0; i < skipped.n; i++)
			mx_buf_addf(&list, "%s\"%s\"", i ? ", " : "", skipped.v[i]);
		mx_diag_warn("%s: ran the steps mixless does; skipped %s. Install Elixir (Debian "
		             "package: elixir) to run those with mix",
		             a->name, list.buf);
		mx_buf_release(&list);
	}
out:
	free(mix);
	mx_strvec_clear(&skipped);
	return ret;
}
