/*
 * gen_inspect: Kernel.inspect of the few kinds of value the generators
 * print (atoms, strings, keyword keys), through the exs reader's own
 * inspect so that quoting rules live in one place.
 */
#include <string.h>

#include "exs/term.h"
#include "gen_model.h"

void phx_gen_inspect_atom(const char *name, struct mx_buf *out)
{
	struct mx_arena a = MX_ARENA_INIT;
	mx_term_inspect(mx_term_atom(&a, name), out);
	mx_arena_release(&a);
}

void phx_gen_inspect_string(const char *s, struct mx_buf *out)
{
	struct mx_arena a = MX_ARENA_INIT;
	mx_term_inspect(mx_term_string(&a, s), out);
	mx_arena_release(&a);
}

void phx_gen_keyword_key(const char *name, struct mx_buf *out)
{
	/* inspect([{name, 0}]) is "[<key>: 0]": the key and its colon are
	 * what lies between the bracket and " 0]". */
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_buf b = MX_BUF_INIT;
	struct mx_term *pair = mx_term_tuple2(&a, mx_term_atom(&a, name), mx_term_int(&a, 0));
	mx_term_inspect(mx_term_list(&a, &pair, 1), &b);
	if (b.len >= 5)
		mx_buf_add(out, b.buf + 1, b.len - 4);
	mx_buf_release(&b);
	mx_arena_release(&a);
}
