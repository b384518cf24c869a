/*
 * locate: where a module's source is, without compiling: the file under the
 * project's elixirc_paths (lib/ by default) holding `defmodule <Module>`.
 * What Code.ensure_loaded?/1 answers in mix phx.routes and in the generators'
 * name-taken checks, answered from source.
 */
#ifndef MX_PROJECT_LOCATE_H
#define MX_PROJECT_LOCATE_H

#include <stdbool.h>

#include "buf.h"
#include "project/project.h"

/* Appends the path (relative to the project root when found under it) of
 * the file defining module ("HelloWeb.Router") to out and returns true; the
 * conventional file (lib/hello_web/router.ex) is tried first, then every
 * .ex file of the elixirc paths in byte order. False when none defines it.
 * text, when not NULL, receives the found file's contents (its own freed):
 * the file was read to find the module, and is not read a second time. */
bool mx_project_locate_module(const struct mx_project *p, const char *module,
                              struct mx_buf *out, struct mx_buf *text);

/* Whether text defines module: `defmodule Module do` / `defmodule Module,`
 * at the start of a line (after indentation). */
bool mx_text_defines_module(const char *text, size_t len, const char *module);

/* The name of the first `defmodule` of text, appended to out; false when
 * there is none. */
bool mx_text_first_module(const char *text, size_t len, struct mx_buf *out);

/* The first node of the tree n (n itself included, depth first, in source
 * order) for which f(node, ctx) is true, or NULL: where in a module's
 * source a def or a call is. */
const struct mx_ast *mx_ast_find(const struct mx_ast *n,
                                 bool (*f)(const struct mx_ast *n, const void *ctx),
                                 const void *ctx);

#endif
