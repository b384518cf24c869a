/*
 * gen: the pieces phx-gen's generators share.
 */
#include "gen.h"

#include "diag.h"

int phx_gen_not_implemented(const struct mx_cmdline *cl)
{
	return mx_diag_fail(MX_EXIT_FAIL, "'%s' (mix %s) is not implemented yet", cl->cmd->name,
	                    cl->cmd->task);
}
