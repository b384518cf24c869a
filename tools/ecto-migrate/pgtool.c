/*
 * pgtool: running PostgreSQL's own clients (pg_dump for dump, psql for
 * load) as ecto_sql does, with the repo's connection in their environment,
 * and Ecto's way of saying how long they took.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "ecto_migrate.h"
#include "fsutil.h"

void em_format_elapsed(struct mx_buf *out, long us)
{
	if (us < 1000)
		mx_buf_addf(out, "%ld \u03bcs", us);
	else if (us < 1000000)
		mx_buf_addf(out, "%ld ms", us / 1000);
	else /* Float.round(us / 1_000_000.0): a float with no decimals */
		mx_buf_addf(out, "%.1f s", (double)(long)((double)us / 1e6 + 0.5));
}

int em_pg_tool_raise(int rc, const struct mx_err *err)
{
	if (rc == -2)
		return em_raise("RuntimeError", "%s", err->msg);
	return em_mix_raise("%s", err->msg);
}

int em_run_pg_tool(const struct em_repo *r, const char *tool, const struct mx_strvec *args,
                   struct mx_buf *output, int *status, struct mx_err *err)
{
	struct mx_strvec env = MX_STRVEC_INIT, argv = MX_STRVEC_INIT;
	int fds[2] = {-1, -1};
	pid_t pid;
	int ret = -1, st = 0;

	char *found = mx_path_which(tool);
	bool missing = !found;
	free(found);
	if (missing) {
		mx_err_set(err, MX_ERR_OTHER,
		           "could not find executable `%s` in path, please guarantee it is "
		           "available before running ecto commands",
		           tool);
		return -2;
	}
	if (em_conn_env(r, &env, err) < 0)
		goto out;
	mx_strvec_push(&argv, tool);
	for (size_t i = 0; i < args->n; i++)
		mx_strvec_push(&argv, args->v[i]);
	if (pipe(fds) < 0) {
		mx_err_errno(err, "cannot create a pipe for", tool);
		goto out;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		mx_err_errno(err, "cannot run", tool);
		goto out;
	}
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		setenv("PGCONNECT_TIMEOUT", "10", 1);
		for (size_t i = 0; i < env.n; i++)
			putenv(env.v[i]);
		execvp(tool, argv.v);
		_exit(127);
	}
	close(fds[1]);
	fds[1] = -1;
	for (;;) {
		char buf[4096];
		ssize_t n = read(fds[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		mx_buf_add(output, buf, (size_t)n);
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	ret = 0;
out:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	mx_strvec_clear(&env);
	mx_strvec_clear(&argv);
	return ret;
}

void em_default_structure_path(const struct em_repo *r, const struct em_opts *o, struct mx_buf *out)
{
	if (o->dump_path)
		mx_buf_adds(out, o->dump_path);
	else {
		mx_path_join(out, r->root, r->priv);
		mx_buf_adds(out, "/structure.sql");
	}
}
