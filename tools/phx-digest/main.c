/*
 * phx-digest: `mix phx.digest` and `mix phx.digest.clean` of Phoenix 1.7
 * without Elixir. It writes the same output tree (app-<md5>.js, gzip copies,
 * rewritten CSS/JS/map references, cache_manifest.json) so that Phoenix's
 * static_path/1 and static_integrity/1 read it at run time, and adds what a
 * build system wants: parallel jobs, an incremental rerun, a depfile, atomic
 * outputs with the manifest written last, and opt-in brotli/zstd copies.
 *
 * This file holds the list of commands: the digest run is the default
 * command (cmd_digest.c), `clean` the other (cmd_clean.c).
 */
#include <malloc.h>

#include "command.h"

#define COMMANDS(X) X(phx_digest_cmd_digest) X(phx_digest_cmd_clean)

MX_COMMAND_TABLE(commands, COMMANDS);

static const struct mx_tool tool = {
    .name = "phx-digest",
    .summary = "digest and compress static files, as mix phx.digest",
    .noun = "command",
    .commands = commands,
};

int main(int argc, char **argv)
{
#ifdef M_TRIM_THRESHOLD
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
	return mx_tool_main(&tool, argc, argv);
}
