/*
 * gen_names: what the small generators (channel, socket, presence,
 * notifier) ask of the project besides the session: Mix.Phoenix's
 * web_path/web_test_path, and Code.ensure_loaded?/1 answered from source.
 */
#ifndef PHX_GEN_NAMES_H
#define PHX_GEN_NAMES_H

#include <stdbool.h>

#include "gen.h"

/* Mix.Phoenix.web_path(context_app) (top "lib") or web_test_path (top
 * "test"): "<top>/<app>_web" when the context app is this app, else
 * "<top>/<app>". Appends to out. */
void phx_gen_web_prefix(const struct gen_session *s, const char *top, struct mx_buf *out);

/* Code.ensure_loaded?(module) for a module of the project: a source file
 * under its elixirc paths holds `defmodule <module>` (phx-routes' locate,
 * which answers the same question for phx.routes). */
bool phx_gen_module_defined(const struct gen_session *s, const char *module);

/* Mix.Phoenix.check_module_name_availability!/1: Phoenix's error (exit 1)
 * when module is defined, else 0. */
int phx_gen_check_module_free(const struct gen_session *s, const char *module);

/* Code.ensure_loaded?(Ecto.Adapters.SQL): ecto_sql among mix.exs' deps. */
bool phx_gen_has_ecto_sql(const struct gen_session *s);

#endif
