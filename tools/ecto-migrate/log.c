/*
 * log: Logger's console output as a Phoenix app's mix task shows it. The
 * genuine `mix ecto.migrate` prints each message with Logger's default
 * format, "\n$time $metadata[$level] $message\n" (a blank line, then
 * "04:29:40.198 [info] Migrations already up"), on stdout, in local time.
 * Colours follow Logger's console defaults (debug cyan, warning yellow,
 * error red) on a terminal without NO_COLOR.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "ecto_migrate.h"

/* Not the project's `config :logger, level:`: the mix ecto tasks of
 * Elixir 1.14 never apply it (checked: debug query logs still show with
 * level: :info configured), only --log-level. */
static enum em_level min_level = EM_DEBUG;

void em_log_set_level(enum em_level min)
{
	min_level = min;
}

int em_log_parse_level(const char *s, enum em_level *out)
{
	/* Logger.level/0 names; notice/critical/... map onto our four. */
	static const struct {
		const char *name;
		enum em_level lvl;
	} names[] = {
	    {"all", EM_DEBUG},       {"debug", EM_DEBUG},     {"info", EM_INFO},
	    {"notice", EM_INFO},     {"warning", EM_WARNING}, {"warn", EM_WARNING},
	    {"error", EM_ERROR},     {"critical", EM_ERROR},  {"alert", EM_ERROR},
	    {"emergency", EM_ERROR}, {"none", EM_NONE},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i].name)) {
			*out = names[i].lvl;
			return 0;
		}
	}
	return -1;
}

void em_log(enum em_level level, const char *fmt, ...)
{
	static const char *names[] = {"debug", "info", "warning", "error"};
	static const enum mx_color colors[] = {MX_CYAN, MX_RESET, MX_YELLOW, MX_RED};
	struct timeval tv;
	struct tm tm;
	va_list ap;
	bool color;

	if (level < min_level || level >= EM_NONE)
		return;
	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	color = mx_diag_color(stdout) && colors[level] != MX_RESET;
	printf("\n%s%02d:%02d:%02d.%03ld [%s] ", color ? mx_diag_ansi(stdout, colors[level]) : "",
	       tm.tm_hour, tm.tm_min, tm.tm_sec, (long)(tv.tv_usec / 1000), names[level]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (color)
		fputs(mx_diag_ansi(stdout, MX_RESET), stdout);
	fputc('\n', stdout);
	fflush(stdout);
}

static int vraise(const char *exception, const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs(mx_diag_ansi(stderr, MX_RED), stderr);
	fprintf(stderr, "** (%s) ", exception);
	vfprintf(stderr, fmt, ap);
	fputs(mx_diag_ansi(stderr, MX_RESET), stderr);
	fputc('\n', stderr);
	return MX_EXIT_FAIL;
}

int em_mix_raise(const char *fmt, ...)
{
	va_list ap;
	int ret;
	va_start(ap, fmt);
	ret = vraise("Mix", fmt, ap);
	va_end(ap);
	return ret;
}

int em_raise(const char *exception, const char *fmt, ...)
{
	va_list ap;
	int ret;
	va_start(ap, fmt);
	ret = vraise(exception, fmt, ap);
	va_end(ap);
	return ret;
}

bool em_yes(const char *question)
{
	char line[64];
	/* Mix.shell().yes? accepts an empty answer, y and yes. */
	printf("%s [Yn] ", question);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return !line[0] || !strcmp(line, "y") || !strcmp(line, "yes");
}

const char *em_display_path(const char *path)
{
	/* Path.relative_to_cwd, as Elixir names files in messages. */
	static char cwd[4096];
	size_t n;
	if (!cwd[0] && !getcwd(cwd, sizeof(cwd)))
		return path;
	n = strlen(cwd);
	if (!strncmp(path, cwd, n) && path[n] == '/')
		return path + n + 1;
	return path;
}
