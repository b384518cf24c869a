/*
 * gen_override.h: a project's template overrides (priv/templates/<gen>/<file>),
 * rendered as EEx with Phoenix's bindings (see gen_override.c).
 */
#ifndef PHX_GEN_OVERRIDE_H
#define PHX_GEN_OVERRIDE_H

#include "eex/eex.h"
#include "gen.h"
#include "project/inflect.h"

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

/*
 * Renders template name ("phx.gen.channel/channel.ex"): the project's
 * override when there is one, as EEx with the bindings b[0..nb) (the
 * keyword binding the Phoenix task passes, made by the caller in an arena
 * that outlives the call), else ours with root. Appends to out; prints the
 * error and returns 1, or 0.
 */
int phx_gen_render_bound(struct gen_session *s, const char *name, const struct mx_tmpl_value *root,
                         const struct mx_eex_binding *b, size_t nb, struct mx_buf *out);

/* Mix.Phoenix.inflect/1's keyword list as a term in a (module, when not
 * NULL, replacing its :module, as the generators' Keyword.put does). */
struct mx_term *phx_gen_inflection_term(struct mx_arena *a, const struct mx_inflection *inf,
                                        const char *module);

/* The same as EEx bindings, one per key, into b (room for
 * PHX_GEN_INFLECTION_KEYS); returns how many. */
#define PHX_GEN_INFLECTION_KEYS 8
size_t phx_gen_inflection_bind(struct mx_arena *a, const struct mx_inflection *inf,
                               const char *module, struct mx_eex_binding *b);

/* The Mix.Phoenix.Schema and Mix.Phoenix.Context structs as terms in a. */
struct mx_term *phx_gen_schema_term(struct mx_arena *a, const struct gen_project *proj,
                                    const struct gen_schema *s);
struct mx_term *phx_gen_context_term(struct mx_arena *a, const struct gen_project *proj,
                                     const struct gen_context *ctx, struct mx_term *schema);

#endif
