/* The evaluator's System, Mix and Config builtins (see test_stdlib.h). The
 * environment holds PORT=4001, EMPTY="" and HOME=/home/u, nothing else. */
#include "test_stdlib.h"

TEST(get_env)
{
	EX("System.get_env(\"PORT\")", "\"4001\"");
	EX("System.get_env(\"EMPTY\")", "\"\"");
	EX("System.get_env(\"NOPE\")", "nil");
	EX("System.get_env(\"NOPE\", \"d\")", "\"d\"");
	EX("System.get_env(\"PORT\", \"d\")", "\"4001\"");
	EX("System.get_env(\"EMPTY\") || \"x\"", "\"\"");
	EX("System.fetch_env(\"PORT\")", "{:ok, \"4001\"}");
	EX("System.fetch_env(\"NOPE\")", ":error");
	EX("System.fetch_env!(\"PORT\")", "\"4001\"");
	EX("System.fetch_env!(\"NOPE\")",
	   "error: t.exs:1:1: ** (System.EnvError) could not fetch environment variable "
	   "\"NOPE\" because it is not set");
	EX("System.get_env(:PORT)",
	   "error: t.exs:1:1: ** (FunctionClauseError) no function clause matching in "
	   "System.get_env/2\n\nThe following arguments were given to System.get_env/2:\n\n"
	   "    # 1\n    :PORT\n\n    # 2\n    nil\n");
}

TEST(directories)
{
	EX("System.user_home()", "\"/home/u\"");
	EX("System.user_home!()", "\"/home/u\"");
	/* No TMPDIR: Elixir falls back to /tmp. */
	EX("System.tmp_dir()", "\"/tmp\"");
	EX("System.tmp_dir!()", "\"/tmp\"");
}

TEST(schedulers)
{
	EX("System.schedulers_online() >= 1", "true");
	EX("System.schedulers() >= System.schedulers_online()", "true");
	EX("is_integer(System.schedulers_online())", "true");
}

TEST(mix_and_config)
{
	OWN("Mix.env()", ":dev");
	OWN("Mix.target()", ":host");
	OWN("Config.config_env()", ":dev");
	OWN("Config.config_target()", ":host");
	OWN("config_env()", ":dev");
	OWN("config_target()", ":host");
}

int main(void)
{
	return stdlib_main();
}
