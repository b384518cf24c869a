/*
 * eex: EEx templates, as Elixir's EEx compiles and evaluates them, run by
 * the exs evaluator. phx-gen uses it for a project's template overrides:
 * a file priv/templates/phx.gen.html/<file> replaces the generator's own
 * template, and Phoenix renders it with EEx.eval_file(path, binding) and the
 * default options (no trim, EEx.SmartEngine).
 *
 * What is supported is EEx itself, exactly: <%= expr %>, <% expr %>, <%%
 * (a literal "<%"), <%# comments %>, <%!-- comments --%>, blocks whose tags
 * EEx classifies by their tokens as Elixir's EEx.Compiler does (`<%= if c
 * do %> ... <% else %> ... <% end %>`, `<%= for x <- xs do %>`, `case` with
 * `<% pattern -> %>` clauses, `<%= Enum.map(xs, fn x -> %> ... <% end) %>`)
 * and @name, which reads the binding `assigns` as EEx.SmartEngine does. The
 * output is built as EEx.Engine builds it: text as written, each <%= %>
 * value through String.Chars.to_string/1, a block's inner text a string
 * that is the value of the placeholder EEx puts there. Everything Elixir
 * runs in the tags is the exs evaluator's: what it cannot evaluate is an
 * error at the template's file:line:col, and nothing is rendered.
 *
 * Use:
 *
 *   struct mx_arena a = MX_ARENA_INIT;         // the compiled template
 *   struct mx_eex *t;
 *   if (mx_eex_compile(&a, path, src, len, &t, &err) < 0) ... err ...
 *
 *   struct mx_arena terms = MX_ARENA_INIT;     // one rendering
 *   struct mx_eval ev;
 *   mx_eval_init(&ev, &terms);
 *   mx_eval_set_host(&ev, phoenix_functions, ctx, 0);  // Mix.Phoenix.Schema.*, ...
 *   struct mx_eex_binding b[] = {{"schema", schema_term}, {"context", ctx_term}};
 *   if (mx_eex_render(t, &ev, b, 2, &out, &err) < 0) ... err ...
 *   mx_eval_release(&ev);
 *   mx_arena_release(&terms);
 *   ...
 *   mx_arena_release(&a);
 *
 * The functions the templates call beyond the evaluator's builtins
 * (Mix.Phoenix.Schema.route_helper/1, Phoenix.Naming.humanize/1, ...) come
 * from the evaluator's host, which the caller installs on ev before
 * rendering: the renderer keeps it and passes every call it does not own
 * to it. Funs among the bindings (Phoenix binds maybe_heex_attr_gettext)
 * are fun terms made by evaluating an `fn` with the same ev.
 */
#ifndef MX_EEX_H
#define MX_EEX_H

#include <stddef.h>

#include "../arena.h"
#include "../buf.h"
#include "../diag.h"
#include "../exs/eval.h"
#include "../exs/term.h"

struct mx_eex;

/*
 * Compiles src[0..len), read from file (named in positions and messages;
 * copied), into *out, allocated in a, which must outlive every rendering
 * (closures made while rendering point into the template). The source need
 * not outlive the call. Returns 0, or -1 with err at file:line:col: EEx's
 * syntax errors ("expected closing '%>' for EEx expression", "unexpected end
 * of expression <% end %>", "expected a closing '<% end %>' for block
 * expression in EEx", ...) and the Elixir syntax errors of the code in the
 * tags, at their place in the template.
 */
int mx_eex_compile(struct mx_arena *a, const char *file, const char *src, size_t len,
                   struct mx_eex **out, struct mx_err *err);

/* A variable of the template: Phoenix's binding keyword list. */
struct mx_eex_binding {
	const char *name; /* a variable name: [a-z_][a-zA-Z0-9_]*, maybe ending in ? or ! */
	struct mx_term *value;
};

/*
 * Renders t with the given variables (as EEx.eval_string(src, binding); a
 * name given twice counts once, the first time), evaluating in ev, which
 * must be initialised and may have a host; appends the output to out.
 * Returns 0, or -1 with err (an evaluation error at the template's
 * file:line:col); then nothing is appended. ev's host is restored before
 * returning.
 */
int mx_eex_render(const struct mx_eex *t, struct mx_eval *ev, const struct mx_eex_binding *vars,
                  size_t nvars, struct mx_buf *out, struct mx_err *err);

/* The file name t was compiled with. */
const char *mx_eex_file(const struct mx_eex *t);

#endif
