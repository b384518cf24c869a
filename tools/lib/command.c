/*
 * command: dispatch, --help, --list-commands and --man from the entries.
 */
#include "command.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mixless_version.h"

const struct mx_command *mx_command_find(const struct mx_command *const *list, const char *word)
{
	for (size_t i = 0; list[i]; i++)
		if (list[i]->name && !strcmp(list[i]->name, word))
			return list[i];
	/* mix's spelling too; the default command answers only to no word, so
	 * that `phx-digest phx.digest` still digests a directory of that name */
	for (size_t i = 0; list[i]; i++)
		if (list[i]->name && list[i]->task && !strcmp(list[i]->task, word))
			return list[i];
	return NULL;
}

static const struct mx_command *default_command(const struct mx_command *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!list[i]->name)
			return list[i];
	return NULL;
}

const char *mx_command_mix_shortdoc(const struct mx_command *cmd)
{
	return (cmd->flags & MX_CMD_MIX_ALIAS) ? "Alias defined in mix.exs" : cmd->shortdoc;
}

/* ---- Help ------------------------------------------------------------------- */

/* The first paragraph of the doc (the shortdoc when there is no doc). */
static void print_summary(FILE *out, const struct mx_command *cmd)
{
	const char *doc = cmd->doc ? cmd->doc : cmd->shortdoc;
	const char *end = strstr(doc, "\n\n");
	size_t n = end ? (size_t)(end - doc) : strlen(doc);
	while (n && doc[n - 1] == '\n')
		n--;
	fprintf(out, "%.*s\n", (int)n, doc);
}

static const char *synopsis(const struct mx_command *cmd)
{
	return cmd->synopsis ? cmd->synopsis : "[options]";
}

/* The usage line(s): a default command is the tool's own --help, so it shows
 * every command of the tool. */
static void print_usage_lines(FILE *out, const struct mx_tool *tool, const struct mx_command *cmd,
                              const char *path)
{
	const char *lead = "Usage: ";
	if (cmd->name) {
		fprintf(out, "%s%s %s\n", lead, path, synopsis(cmd));
		return;
	}
	for (size_t i = 0; tool->commands[i]; i++) {
		const struct mx_command *c = tool->commands[i];
		if (c->flags & MX_CMD_HIDDEN)
			continue;
		fprintf(out, "%s%s%s%s %s\n", lead, tool->name, c->name ? " " : "",
		        c->name ? c->name : "", synopsis(c));
		lead = "       ";
	}
}

/* The command's switches with -h/--help and --version after them, the
 * values of those two in *help and *version. Caller frees. */
static struct mx_option *full_table(const struct mx_command *cmd, bool *help, bool *version)
{
	size_t n = mx_opt_count(cmd->options);
	struct mx_option *t = mx_xcalloc(n + 3, sizeof(*t));
	if (n)
		memcpy(t, cmd->options, n * sizeof(*t));
	t[n] = (struct mx_option)MX_OPT_HELP(help);
	t[n + 1] = (struct mx_option)MX_OPT_VERSION(version);
	t[n + 2] = (struct mx_option)MX_OPT_END_;
	return t;
}

static void print_subcommands(FILE *out, const struct mx_command *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!(list[i]->flags & MX_CMD_HIDDEN))
			fprintf(out, "  %-12s %s\n", list[i]->name, list[i]->shortdoc);
}

void mx_command_print_help(FILE *out, const struct mx_tool *tool, const struct mx_command *cmd,
                           const char *path)
{
	bool dummy = false;
	if (cmd->subcommands) {
		fprintf(out, "Usage: %s COMMAND [options]\n\n", path);
		print_summary(out, cmd);
		fputs("\nCommands:\n", out);
		print_subcommands(out, cmd->subcommands);
		fprintf(out, "\nRun '%s COMMAND --help' for a command's options.\n", path);
		return;
	}
	struct mx_option *t = full_table(cmd, &dummy, &dummy);
	print_usage_lines(out, tool, cmd, path);
	fputc('\n', out);
	print_summary(out, cmd);
	fputs("\nOptions:\n", out);
	mx_opt_print_help(out, t);
	if (cmd->notes)
		fprintf(out, "\n%s", cmd->notes);
	free(t);
}

void mx_command_print_doc(FILE *out, const struct mx_tool *tool, const struct mx_command *cmd)
{
	bool dummy = false;
	fprintf(out, "Usage: %s%s%s %s\n", tool->name, cmd->name ? " " : "",
	        cmd->name ? cmd->name : "", cmd->subcommands ? "COMMAND [options]" : synopsis(cmd));
	if (cmd->task)
		fprintf(out, "\nMix task: mix %s (%s)\n", cmd->task, cmd->shortdoc);
	fputc('\n', out);
	const char *doc = cmd->doc ? cmd->doc : cmd->shortdoc;
	fputs(doc, out);
	if (!*doc || doc[strlen(doc) - 1] != '\n')
		fputc('\n', out);
	if (cmd->subcommands) {
		fputs("\nCommands:\n", out);
		print_subcommands(out, cmd->subcommands);
	} else {
		struct mx_option *t = full_table(cmd, &dummy, &dummy);
		fputs("\nOptions:\n", out);
		mx_opt_print_help(out, t);
		free(t);
	}
	if (cmd->notes)
		fprintf(out, "\n%s", cmd->notes);
}

/* --doc WORD: the full documentation of the command named WORD (by name
 * or mix task name; empty for the default command). */
static int print_doc_of(const struct mx_tool *tool, const char *word)
{
	const struct mx_command *cmd =
	    *word ? mx_command_find(tool->commands, word) : default_command(tool->commands);
	if (!cmd && *word)
		for (size_t i = 0; tool->commands[i] && !cmd; i++)
			if (tool->commands[i]->task && !strcmp(tool->commands[i]->task, word))
				cmd = tool->commands[i];
	if (!cmd)
		return mx_diag_usage("unknown %s '%s'", tool->noun, word);
	mx_command_print_doc(stdout, tool, cmd);
	return MX_EXIT_OK;
}

/* ---- Dispatch --------------------------------------------------------------- */

static int dispatch(const struct mx_tool *tool, const struct mx_command *parent,
                    const struct mx_command *const *list, const char *path, int argc, char **argv,
                    int first);

static int run(const struct mx_tool *tool, const struct mx_command *cmd, const char *parent_path,
               int argc, char **argv, int first)
{
	struct mx_cmdline cl = {cmd, MX_STRVEC_INIT, argc - first, argv + first};
	struct mx_buf path = MX_BUF_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_option *table = NULL;
	bool help = false, version = false;
	int ret;

	mx_buf_adds(&path, parent_path);
	if (cmd->name)
		mx_buf_addf(&path, " %s", cmd->name);
	if (cmd->subcommands) {
		ret = dispatch(tool, cmd, cmd->subcommands, path.buf, argc, argv, first);
		goto out;
	}
	table = full_table(cmd, &help, &version);
	/* With no positional arguments allowed, the parser reports the first
	 * one where it stands, before any later switch. */
	if (mx_opt_parse_mode(argc, argv, first, table, cmd->mode, cmd->max_args ? &cl.args : NULL,
	                      &err) < 0) {
		ret = mx_diag_usage("%s", err.msg);
	} else if (help) {
		mx_command_print_help(stdout, tool, cmd, path.buf);
		ret = MX_EXIT_OK;
	} else if (version) {
		ret = mx_opt_version(stdout);
	} else if (cmd->max_args > 0 && cl.args.n > (size_t)cmd->max_args) {
		ret = mx_diag_usage("unexpected argument '%s'", cl.args.v[cmd->max_args]);
	} else {
		ret = cmd->fn(&cl);
	}
out:
	free(table);
	mx_strvec_clear(&cl.args);
	mx_buf_release(&path);
	return ret;
}

/* The words before any command: -h/--help, --version, nothing else. */
static int no_command(const struct mx_tool *tool, const struct mx_command *parent, const char *path,
                      int argc, char **argv, int first)
{
	bool help = false, version = false;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_option top[] = {MX_OPT_HELP(&help), MX_OPT_VERSION(&version), MX_OPT_END_};

	if (mx_opt_parse(argc, argv, first, top, NULL, &err) < 0)
		return mx_diag_usage("%s", err.msg);
	if (version)
		return mx_opt_version(stdout);
	if (parent && help) {
		mx_command_print_help(stdout, tool, parent, path);
		return MX_EXIT_OK;
	}
	if (parent)
		return mx_diag_usage("%s expects a subcommand", parent->name);
	tool->usage(help ? stdout : stderr);
	return help ? MX_EXIT_OK : MX_EXIT_USAGE;
}

static int dispatch(const struct mx_tool *tool, const struct mx_command *parent,
                    const struct mx_command *const *list, const char *path, int argc, char **argv,
                    int first)
{
	const char *word = first < argc ? argv[first] : NULL;
	const struct mx_command *cmd = NULL;

	if (word && word[0] != '-')
		cmd = mx_command_find(list, word);
	if (cmd)
		return run(tool, cmd, path, argc, argv, first + 1);
	if ((cmd = default_command(list)))
		return run(tool, cmd, path, argc, argv, first);
	if (!word || word[0] == '-')
		return no_command(tool, parent, path, argc, argv, first);
	if (parent)
		return mx_diag_usage("unknown %s subcommand '%s'", parent->name, word);
	if (tool->fallback)
		return tool->fallback(argc - first, argv + first);
	return mx_diag_usage("unknown %s '%s'", tool->noun, word);
}

int mx_tool_main(const struct mx_tool *tool, int argc, char **argv)
{
	int ret;
	mx_diag_set_prog(tool->name);
	if (argc == 2 && !strcmp(argv[1], "--list-commands")) {
		mx_command_print_list(stdout, tool);
		ret = MX_EXIT_OK;
	} else if (argc == 3 && !strcmp(argv[1], "--doc")) {
		ret = print_doc_of(tool, argv[2]);
	} else if (argc == 2 && !strcmp(argv[1], "--man")) {
		mx_command_print_man(stdout, tool);
		ret = MX_EXIT_OK;
	} else {
		ret = dispatch(tool, NULL, tool->commands, tool->name, argc, argv, 1);
	}
	fflush(stdout);
	return ret;
}

/* ---- Build-time listings ------------------------------------------------------ */

void mx_command_print_list(FILE *out, const struct mx_tool *tool)
{
	for (size_t i = 0; tool->commands[i]; i++) {
		const struct mx_command *c = tool->commands[i];
		if (c->task && !(c->flags & MX_CMD_HIDDEN))
			fprintf(out, "%s\t%s\t%s\n", c->task, c->name ? c->name : "",
			        mx_command_mix_shortdoc(c));
	}
}

/* Text as roff reads it literally inside .nf: backslashes doubled, and a
 * line that starts with '.' or '\'' kept from being read as a request. */
static void roff(FILE *out, const char *text)
{
	bool bol = true;
	for (const char *p = text; *p; p++) {
		if (bol && (*p == '.' || *p == '\''))
			fputs("\\&", out);
		if (*p == '\\')
			fputs("\\e", out);
		else
			fputc(*p, out);
		bol = *p == '\n';
	}
	if (!bol)
		fputc('\n', out);
}

/* What a printer writes, as a string (open_memstream). Caller frees. */
static char *captured(void (*print)(FILE *, const void *), const void *arg)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	if (!f)
		return mx_xstrdup("");
	print(f, arg);
	fclose(f);
	return text;
}

static void usage_of(FILE *f, const void *tool)
{
	((const struct mx_tool *)tool)->usage(f);
}

static void preformatted(FILE *out, const char *text)
{
	fputs(".nf\n", out);
	roff(out, text);
	fputs(".fi\n", out);
}

/* The page's section for one command is its full documentation, the text
 * `mixless help TASK` prints, so the two cannot drift apart. */
static void doc_of(FILE *f, const void *arg)
{
	const struct mx_command *const *pair = arg;
	mx_command_print_doc(f, (const struct mx_tool *)pair[0], pair[1]);
}

static void man_command(FILE *out, const struct mx_tool *tool, const struct mx_command *c)
{
	const void *pair[2] = {tool, c};
	fprintf(out, ".SH \"%s%s%s\"\n", tool->name, c->name ? " " : "", c->name ? c->name : "");
	char *doc = captured(doc_of, pair);
	preformatted(out, doc);
	free(doc);
}

void mx_command_print_man(FILE *out, const struct mx_tool *tool)
{
	struct mx_buf lines = MX_BUF_INIT;
	fputs(".TH \"", out);
	for (const char *p = tool->name; *p; p++)
		fputc(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p, out);
	fprintf(out, "\" 1 \"\" \"mixless %s\" \"mixless manual\"\n", MIXLESS_VERSION);
	fprintf(out, ".SH NAME\n%s \\- %s\n", tool->name, tool->summary);
	fputs(".SH SYNOPSIS\n", out);
	for (size_t i = 0; tool->commands[i]; i++) {
		const struct mx_command *c = tool->commands[i];
		if (c->flags & MX_CMD_HIDDEN)
			continue;
		mx_buf_addf(&lines, "%s%s%s %s\n", tool->name, c->name ? " " : "",
		            c->name ? c->name : "", synopsis(c));
	}
	preformatted(out, lines.buf);
	mx_buf_release(&lines);
	if (tool->usage) {
		char *usage = captured(usage_of, tool);
		fputs(".SH DESCRIPTION\n", out);
		preformatted(out, usage);
		free(usage);
	}
	for (size_t i = 0; tool->commands[i]; i++)
		if (!(tool->commands[i]->flags & MX_CMD_HIDDEN))
			man_command(out, tool, tool->commands[i]);
	fputs(".SH \"EXIT STATUS\"\n0 on success, 1 when the task fails, 2 on a usage error.\n",
	      out);
	fputs(".SH \"SEE ALSO\"\nmixless(1), phx-digest(1), ecto-migrate(1), phx-routes(1), "
	      "phx-gen(1)\n",
	      out);
}
