/*
 * gen_override.h: a project's template overrides (priv/templates/<gen>/<file>),
 * rendered as EEx with Phoenix's bindings (see gen_override.c).
 */
#ifndef PHX_GEN_OVERRIDE_H
#define PHX_GEN_OVERRIDE_H

#include "gen.h"

/* Is there a project file priv/templates/<name> (relative to the current
 * directory, the project root)? Its path goes to path. */
bool phx_gen_override_exists(const char *name, struct mx_buf *path);

/*
 * Renders template name ("phx.gen.schema/schema.ex"): the project's
 * override when there is one, with the bindings `schema` and `context`
 * (either may be NULL), else ours with root. Appends to out; prints the
 * error (file:line:col of the override) and returns 1, or 0.
 */
int phx_gen_render_resource(struct gen_session *s, const char *name,
                            const struct mx_tmpl_value *root, const struct gen_schema *schema,
                            const struct gen_context *ctx, struct mx_buf *out);

/* The Mix.Phoenix.Schema and Mix.Phoenix.Context structs as terms in a. */
struct mx_term *phx_gen_schema_term(struct mx_arena *a, const struct gen_project *proj,
                                    const struct gen_schema *s);
struct mx_term *phx_gen_context_term(struct mx_arena *a, const struct gen_project *proj,
                                     const struct gen_context *ctx, struct mx_term *schema);

#endif
