/*
 * eex_int: what compile.c and render.c share. Not a public interface.
 *
 * A compiled template is one Elixir expression (an AST of the exs reader)
 * that builds the output through a few calls only the renderer answers:
 *
 *   __eex_buf0__ = __eex_begin__()          a new output buffer, its id
 *   __eex_text__(__eex_buf0__, 3)           appends text #3 of the template
 *   __eex_out__(__eex_buf0__, expr)         appends String.Chars.to_string(expr)
 *   __eex_end__(__eex_buf0__)               the buffer's text, as a string
 *   __eex_assign__(assigns, :name)          @name, as EEx.SmartEngine reads it
 *
 * Every buffer (the template's, and the inside of each block, which EEx
 * puts where its __EEX__(n) placeholder stood) is a block of that shape,
 * with a variable named after its nesting depth; buffers are addressed by
 * id, so one left unfinished by a rescued raise cannot swallow the output
 * of the buffer around it.
 */
#ifndef MX_EEX_INT_H
#define MX_EEX_INT_H

#include "eex.h"

#define EEX_BEGIN  "__eex_begin__"
#define EEX_TEXT   "__eex_text__"
#define EEX_OUT    "__eex_out__"
#define EEX_END    "__eex_end__"
#define EEX_ASSIGN "__eex_assign__"

/* Deepest nesting of EEx blocks. */
#define EEX_MAX_DEPTH 100

struct mx_eex {
	const char *file;
	struct mx_ast *body; /* the template's buffer block */
	const char **texts;  /* the literal text pieces, by number */
	size_t *text_lens;
	size_t ntexts;
};

#endif
