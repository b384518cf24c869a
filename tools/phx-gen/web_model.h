/*
 * web_model.h: the web side of the resource generators (phx.gen.html,
 * phx.gen.json, phx.gen.live), built on the core's schema model
 * (gen_model.h). What a type means on a web page (its form input) and in a
 * web test (its value after a form or a JSON round trip) lives here, in
 * tables; the templates under templates/phx.gen.{html,json,live}/ only
 * place these values.
 *
 * ---- The names it adds to the template tree (under "web") ----------------
 *
 *   web.resource        "HelloWeb.Post" | "HelloWeb.Admin.Post": the web
 *                       module of the resource, to which templates append
 *                       Controller, HTML, JSON, Live.Index, ...
 *   web.form            "f" (controller forms) | "@form" (LiveView forms)
 *   web.inputs[]        one per attribute but maps (Phoenix's inputs/1):
 *                       .key ":title" (inspected atom), .label "Title",
 *                       .type "number" | "checkbox" | ..., .step_any bool,
 *                       .select bool, .multiple bool, .prompt bool,
 *                       .options "[{\"Option 1\", \"option1\"}, ...]" or
 *                       "Ecto.Enum.values(Hello.Blog.Post, :status)"
 *   web.params.create_json[] / update_json[]
 *                       .key, .value: the value after Jason's round trip,
 *                       inspected ("\"2024-01-01\"" for a date)
 *   web.params.live_create / live_update / live_invalid
 *                       the maps of the LiveView test (live_form_value and
 *                       invalid_form_value applied)
 *
 *                       All of these follow schema.params (one key per
 *                       name, in name order: the core's schema.fields).
 *                       What the core's tree holds already is not
 *                       repeated here: the listing's fields are
 *                       schema.attrs[] (.name, .label; CLI order, a name
 *                       given twice listed twice), the plain params maps
 *                       params.create_map / update_map / invalid_map, and
 *                       their pairs schema.fields[] (.name, .create, .update).
 *   web.update_default  "" | "\"some updated title\"" (inspected
 *                       default_param(schema, :update), when a string
 *                       attribute exists)
 *
 * Memory: everything lives in the arena of root.
 */
#ifndef PHX_GEN_WEB_MODEL_H
#define PHX_GEN_WEB_MODEL_H

#include <stdbool.h>

#include "gen_model.h"

/* Adds the "web" map described above to root (a map made by phx_gen_tree);
 * form is web.form. Returns the map. */
struct mx_tmpl_value *phx_gen_web_tree(struct mx_tmpl_value *root, const struct gen_project *proj,
                                       const struct gen_schema *s, const char *form);

/* "HelloWeb.Admin.Post": web_module, the --web namespace, the alias. */
void phx_gen_web_resource(const struct gen_project *proj, const struct gen_schema *s,
                          struct mx_buf *out);

/* The inspected value of a field after Jason's encode/decode round trip:
 * "~D[2024-01-02]" -> "\"2024-01-02\"", ":draft" -> "\"draft\"", other
 * values unchanged. Appends to out. */
void phx_gen_json_value(const char *inspected, struct mx_buf *out);

/* Schema.live_form_value/1 on an inspected value: dates, times and
 * datetimes become the strings a form sends ("~T[14:00:00]" -> "\"14:00\""),
 * other values unchanged. Appends to out. */
void phx_gen_live_value(const char *inspected, struct mx_buf *out);

/* Schema.invalid_form_value/1 of an inspected (live) value: "[]" for a
 * list, "false" for true, else "nil". */
const char *phx_gen_invalid_value(const char *inspected);

#endif
