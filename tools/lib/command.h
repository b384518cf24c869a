/*
 * command: one entry per command, the same for every tool (tmux's
 * cmd_entry, libgit2's cli_cmds[]). An entry holds everything said about a
 * command: its name as the tool spells it, the mix task it does, the
 * shortdoc `mix help` prints, a synopsis, the full documentation, its
 * switches (rows that carry their own help), how strictly they are parsed,
 * and the function. Everything else is built from the entries, so each fact
 * is written once: the tool's usage listing, each COMMAND --help, the man
 * page (the hidden --man), and the front door's task list (`mixless help`,
 * generated at build time from the hidden --list-commands).
 *
 * Adding a command touches one file and one row:
 *
 *   1. tools/<tool>/cmd_<name>.c, with its switches, its function and its
 *      entry, the one thing the file exports:
 *
 *        static const struct mx_option options[] = { ..., MX_OPT_END_ };
 *        static int run(const struct mx_cmdline *cl) { ... }
 *        const struct mx_command em_cmd_frob = {
 *                .name = "frob", .task = "ecto.frob", .tool = "ecto-migrate",
 *                .shortdoc = "Frobs the repository", .doc = "...",
 *                .options = options, .fn = run,
 *        };
 *
 *   2. one row, X(em_cmd_frob), in the COMMANDS list of tools/<tool>/main.c.
 *
 * The usage listing, --help, the man page and `mixless frob`/`mixless help`
 * follow by themselves.
 *
 * This is the tools' shared front end (git.c's run_builtin, not libgit), and
 * the one part of tools/lib that reports to the user: mx_tool_main prints
 * usage, help and usage errors through diag and returns the exit code.
 */
#ifndef MX_COMMAND_H
#define MX_COMMAND_H

#include <stdio.h>

#include "opt.h"
#include "strvec.h"

enum {
	/* Left out of the usage listing, the man page and mixless's task
	 * list (debugging aids). */
	MX_CMD_HIDDEN = 1 << 0,
	/* A mix.exs alias in a Phoenix app (ecto.setup, ecto.reset), which
	 * `mix help` lists as "Alias defined in mix.exs". */
	MX_CMD_MIX_ALIAS = 1 << 1,
};

struct mx_command;

/* What a command's function receives. */
struct mx_cmdline {
	const struct mx_command *cmd;
	struct mx_strvec args; /* the positional arguments, in order */
	/* Every word after the command, as given: for a command that hands
	 * its switches on to another program (mixless phx.server -> mix). */
	int argc;
	char **argv;
};

struct mx_command {
	/* As the tool spells it ("migrate"); NULL for the tool's default
	 * command (`phx-digest [INPUT]` is phx.digest). A command also
	 * answers to its task name (`ecto-migrate ecto.migrate`). */
	const char *name;
	const char *task; /* the mix task ("ecto.migrate"); NULL: the tool's own */
	const char *tool; /* the binary that runs it ("ecto-migrate") */
	/* The task's @shortdoc as `mix help` prints it; for a tool's own
	 * command, its one-line summary. */
	const char *shortdoc;
	/* What follows "Usage: <tool> <name> " in --help ("[options]" when
	 * NULL). */
	const char *synopsis;
	/* The full documentation: what the command does, examples, and how it
	 * stands to mix's task. Paragraphs are separated by a blank line and
	 * wrapped to 76 columns; the first paragraph, which says in a sentence
	 * or two what the command does, is also the body of --help. */
	const char *doc;
	/* Printed after the options in --help, or NULL. */
	const char *notes;
	/* Its switches (-h/--help and --version are added to every command). */
	const struct mx_option *options;
	enum mx_opt_mode mode;
	/* How many positional arguments it takes: 0 (one is a usage error where
	 * it stands), N, or -1 for any number. */
	int max_args;
	unsigned flags; /* MX_CMD_* */
	/* Runs the command with its switches parsed; returns an exit code. */
	int (*fn)(const struct mx_cmdline *cl);
	/* Instead of fn: the command only groups subcommands (`mixless debug
	 * parse`), NULL-terminated. */
	const struct mx_command *const *subcommands;
};

struct mx_tool {
	const char *name;    /* "ecto-migrate" */
	const char *summary; /* one line, for the man page's NAME */
	const char *noun;    /* what its commands are called: "unknown command 'x'" */
	const struct mx_command *const *commands; /* NULL-terminated */
	/* Its usage (--help, and on stderr when no command is given); NULL
	 * when the tool has a default command, whose --help it is. */
	void (*usage)(FILE *out);
	/* For a first word that names no command (mixless: a task); argv[0] is
	 * that word. NULL: "unknown <noun> '<word>'", a usage error. */
	int (*fallback)(int argc, char **argv);
};

/*
 * A tool's list of entries, written once: with
 *   #define COMMANDS(X) X(em_cmd_create) X(em_cmd_drop)
 *   MX_COMMAND_TABLE(commands, COMMANDS);
 * each entry is declared and put in the NULL-terminated table `commands`.
 */
#define MX_COMMAND_DECLARE_(entry) extern const struct mx_command entry;
#define MX_COMMAND_ROW_(entry)     &entry,
#define MX_COMMAND_TABLE(table, LIST)                                                              \
	LIST(MX_COMMAND_DECLARE_)                                                                  \
	static const struct mx_command *const table[] = {LIST(MX_COMMAND_ROW_) NULL}

/*
 * The whole of a tool's main(): finds the command named by the first word
 * (or the default command), parses its switches in its mode, answers
 * --help and --version, and runs it. Without a command: -h/--help prints
 * the usage, --version the version, nothing the usage on stderr (exit 2).
 * The hidden --list-commands and --man print the task list and the man
 * page the build uses. Returns the exit code.
 */
int mx_tool_main(const struct mx_tool *tool, int argc, char **argv);

/* The command list names word (by name or task name), or NULL. */
const struct mx_command *mx_command_find(const struct mx_command *const *list, const char *word);
/* What `mix help` prints for it: its shortdoc, or "Alias defined in mix.exs". */
const char *mx_command_mix_shortdoc(const struct mx_command *cmd);

/* COMMAND --help; path is how it was called ("ecto-migrate migrate"). */
void mx_command_print_help(FILE *out, const struct mx_tool *tool, const struct mx_command *cmd,
                           const char *path);
/* The command's full documentation as plain text: its usage line, the mix
 * task it does with mix's shortdoc, the whole doc, its options and notes.
 * The man page's section for the command and `mixless help TASK` are this
 * text (the hidden `--doc WORD` prints it). */
void mx_command_print_doc(FILE *out, const struct mx_tool *tool, const struct mx_command *cmd);
/* --list-commands: "<task>\t<name>\t<mix shortdoc>" per task the tool does
 * (name empty for the default command), in list order. */
void mx_command_print_list(FILE *out, const struct mx_tool *tool);
/* --man: the tool's man page (roff) from its usage and entries. */
void mx_command_print_man(FILE *out, const struct mx_tool *tool);

#endif
