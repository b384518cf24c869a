/*
 * stdlib_system: the environment the evaluated code runs in:
 *
 *   System  get_env/1,2 fetch_env fetch_env! schedulers_online schedulers
 *           tmp_dir tmp_dir! user_home user_home!
 *   Mix     env target
 *   Config  config_env config_target
 *
 * Environment variables are those mx_eval_setenv gave, over the process's
 * unless ev->isolated_env; Mix.env is ev->mix_env.
 */
#include <string.h>
#include <unistd.h>

#include "stdlib.h"

#define A EV_A(ev)

/* The variable named by the call's first argument, which must be a
 * string: 0 with *value (NULL when unset), or -1 after raising. */
static int env_var(struct mx_eval *ev, const struct mx_eval_call *c, const char **value)
{
	if (!is_bin(c->args[0]))
		return ev_fclause_call(ev, c);
	*value = ev_getenv(ev, c->args[0]->u.bin.data);
	return 0;
}

/* get_env/1,2: the value, or the default (nil). */
EV_BUILTIN(sys_get_env)
{
	const char *v = NULL;
	if (env_var(ev, c, &v) < 0)
		return -1;
	*out = v ? cstr(ev, v) : c->nargs == 2 ? c->args[1] : ev_nil(ev);
	return 0;
}

EV_BUILTIN(sys_fetch_env)
{
	const char *v = NULL;
	if (env_var(ev, c, &v) < 0)
		return -1;
	*out = v ? mx_term_tuple2(A, atom(ev, "ok"), cstr(ev, v)) : atom(ev, "error");
	return 0;
}

EV_BUILTIN(sys_fetch_env_bang)
{
	const char *v = NULL;
	if (env_var(ev, c, &v) < 0)
		return -1;
	if (!v)
		return ev_raise(ev, c->node, "System.EnvError",
		                "could not fetch environment variable %s because it is not set",
		                ev_insp(ev, c->args[0]));
	*out = cstr(ev, v);
	return 0;
}

/* schedulers_online/0 and schedulers/0: the processors online. */
EV_BUILTIN(sys_schedulers)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	*out = mx_term_int(A, n > 0 ? n : 1);
	return 0;
}

/* tmp_dir/0 and tmp_dir!/0: $TMPDIR, else /tmp. */
EV_BUILTIN(sys_tmp_dir)
{
	const char *t = ev_getenv(ev, "TMPDIR");
	*out = cstr(ev, t ? t : "/tmp");
	return 0;
}

/* user_home/0 and user_home!/0: $HOME. */
EV_BUILTIN(sys_user_home)
{
	const char *h = ev_getenv(ev, "HOME");
	*out = h ? cstr(ev, h) : ev_nil(ev);
	return 0;
}

/* Mix.env/0 and Config.config_env/0. */
EV_BUILTIN(mix_env)
{
	*out = atom(ev, ev->mix_env);
	return 0;
}

/* Mix.target/0 and Config.config_target/0. */
EV_BUILTIN(mix_target)
{
	*out = atom(ev, ev->mix_target);
	return 0;
}

/* The rows, one a line. */
/* clang-format off */
const struct mx_eval_builtin ev_builtins_system[] = {
	{"System", "get_env", 1, sys_get_env},
	{"System", "get_env", 2, sys_get_env},
	{"System", "fetch_env", 1, sys_fetch_env},
	{"System", "fetch_env!", 1, sys_fetch_env_bang},
	{"System", "schedulers_online", 0, sys_schedulers},
	{"System", "schedulers", 0, sys_schedulers},
	{"System", "tmp_dir", 0, sys_tmp_dir},
	{"System", "tmp_dir!", 0, sys_tmp_dir},
	{"System", "user_home", 0, sys_user_home},
	{"System", "user_home!", 0, sys_user_home},
	{"Mix", "env", 0, mix_env},
	{"Mix", "target", 0, mix_target},
	{"Config", "config_env", 0, mix_env},
	{"Config", "config_target", 0, mix_target},
};
/* clang-format on */
const size_t ev_builtins_system_n = EV_NROWS(ev_builtins_system);
