/*
 * web_model: the web side of a resource, for phx.gen.html/json/live. The
 * input table follows Mix.Tasks.Phx.Gen.Html.inputs/1 (Phoenix 1.7.24),
 * which phx.gen.live repeats with @form for f.
 */
#include "web_model.h"

#include <string.h>

#include "project/inflect.h"

/* A form input per CLI type. Types not listed get a text input, as
 * Phoenix's catch-all clause gives them (time_usec, the _usec datetimes,
 * uuid, binary, string, text). */
struct web_input {
	const char *type;
	const char *input; /* the <.input type="..."> */
	bool step_any;     /* step="any" */
	bool skip;         /* no input at all */
	bool select;       /* a <.input type="select"> over several lines */
	bool multiple;
	bool prompt; /* prompt="Choose a value" (enums) */
};

static const struct web_input inputs[] = {
    {"map", NULL, false, true, false, false, false},
    {"integer", "number", false, false, false, false, false},
    {"float", "number", true, false, false, false, false},
    {"decimal", "number", true, false, false, false, false},
    {"boolean", "checkbox", false, false, false, false, false},
    {"date", "date", false, false, false, false, false},
    {"time", "time", false, false, false, false, false},
    {"utc_datetime", "datetime-local", false, false, false, false, false},
    {"naive_datetime", "datetime-local", false, false, false, false, false},
    {"array", "select", false, false, true, true, false},
    {"enum", "select", false, false, true, false, true},
    {NULL, "text", false, false, false, false, false},
};

static const struct web_input *input_of(const char *type)
{
	const struct web_input *i = inputs;
	while (i->type && strcmp(i->type, type))
		i++;
	return i;
}

/* Phoenix's default_options/1: the choices of a multi-select by element
 * type. */
static const char *array_options(const char *sub)
{
	if (sub && !strcmp(sub, "string"))
		return "[{\"Option 1\", \"option1\"}, {\"Option 2\", \"option2\"}]";
	if (sub && !strcmp(sub, "integer"))
		return "[{\"1\", 1}, {\"2\", 2}]";
	return "[]";
}

void phx_gen_web_resource(const struct gen_project *proj, const struct gen_schema *s,
                          struct mx_buf *out)
{
	mx_buf_addf(out, "%s.", proj->web_module);
	if (s->web_namespace && *s->web_namespace)
		mx_buf_addf(out, "%s.", s->web_namespace);
	mx_buf_adds(out, s->alias);
}

/* What a field's sample becomes on the web side: after Jason's round trip
 * (the JSON test), in a LiveView form, or that form's invalid value. The
 * plain maps and pairs are the core's (params.*_map, schema.fields[]). */
enum web_form { FORM_JSON, FORM_LIVE, FORM_LIVE_INVALID };

static void add_value(const struct gen_schema *s, const struct gen_attr *f, bool update,
                      enum web_form form, struct mx_buf *out)
{
	struct mx_buf v = MX_BUF_INIT, live = MX_BUF_INIT;
	phx_gen_sample(s, f, update, &v);
	const char *text = v.buf ? v.buf : "";
	switch (form) {
	case FORM_JSON:
		phx_gen_json_value(text, out);
		break;
	case FORM_LIVE:
		phx_gen_live_value(text, out);
		break;
	case FORM_LIVE_INVALID:
		phx_gen_live_value(text, &live);
		mx_buf_adds(out, phx_gen_invalid_value(live.buf ? live.buf : ""));
		break;
	}
	mx_buf_release(&live);
	mx_buf_release(&v);
}

/* Mix.Phoenix.to_text of the params map (schema.params, one key per name,
 * the last one given winning: s->fields) with form applied to each value;
 * "%{}" when empty. */
static void add_map(struct mx_tmpl_value *params, const char *key, const struct gen_schema *s,
                    bool update, enum web_form form)
{
	struct mx_buf b = MX_BUF_INIT;
	mx_buf_adds(&b, "%{");
	for (size_t i = 0; i < s->n_fields; i++) {
		if (i)
			mx_buf_adds(&b, ", ");
		phx_gen_keyword_key(s->fields[i]->name, &b); /* "name:" or "\"odd name\":" */
		mx_buf_addch(&b, ' ');
		add_value(s, s->fields[i], update, form, &b);
	}
	mx_buf_addch(&b, '}');
	mx_tmpl_put_str(params, key, b.buf);
	mx_buf_release(&b);
}

/* The same map as pairs (.key the raw name, .value), in name order. */
static void add_pairs(struct mx_tmpl_value *params, const char *key, const struct gen_schema *s,
                      bool update, enum web_form form)
{
	struct mx_tmpl_value *list = mx_tmpl_put_list(params, key);
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < s->n_fields; i++) {
		struct mx_tmpl_value *p = mx_tmpl_push_map(list);
		mx_tmpl_put_str(p, "key", s->fields[i]->name);
		mx_buf_reset(&b);
		add_value(s, s->fields[i], update, form, &b);
		mx_tmpl_put_str(p, "value", b.buf ? b.buf : "");
	}
	mx_buf_release(&b);
}

static void add_inputs(struct mx_tmpl_value *web, const struct gen_schema *s)
{
	struct mx_tmpl_value *list = mx_tmpl_put_list(web, "inputs");
	struct mx_buf b = MX_BUF_INIT;
	for (size_t i = 0; i < s->n_attrs; i++) {
		const struct gen_attr *f = s->attrs[i];
		const struct web_input *in = input_of(f->type->name);
		if (in->skip)
			continue;
		struct mx_tmpl_value *m = mx_tmpl_push_map(list);
		mx_buf_reset(&b);
		phx_gen_inspect_atom(f->name, &b);
		mx_tmpl_put_str(m, "key", b.buf);
		mx_buf_reset(&b);
		mx_inflect_humanize(f->name, &b);
		mx_tmpl_put_str(m, "label", b.buf ? b.buf : "");
		mx_tmpl_put_str(m, "type", in->input);
		mx_tmpl_put_bool(m, "step_any", in->step_any);
		mx_tmpl_put_bool(m, "select", in->select);
		mx_tmpl_put_bool(m, "multiple", in->multiple);
		mx_tmpl_put_bool(m, "prompt", in->prompt);
		mx_buf_reset(&b);
		if (in->prompt) {
			mx_buf_addf(&b, "Ecto.Enum.values(%s, ", s->module);
			phx_gen_inspect_atom(f->name, &b);
			mx_buf_addch(&b, ')');
		} else {
			mx_buf_adds(&b, array_options(f->sub));
		}
		mx_tmpl_put_str(m, "options", b.buf);
	}
	mx_buf_release(&b);
}

struct mx_tmpl_value *phx_gen_web_tree(struct mx_tmpl_value *root, const struct gen_project *proj,
                                       const struct gen_schema *s, const char *form)
{
	struct mx_tmpl_value *web = mx_tmpl_put_map(root, "web");
	struct mx_buf b = MX_BUF_INIT;

	phx_gen_web_resource(proj, s, &b);
	mx_tmpl_put_str(web, "resource", b.buf);
	mx_tmpl_put_str(web, "form", form);

	add_inputs(web, s);

	struct mx_tmpl_value *params = mx_tmpl_put_map(web, "params");
	add_pairs(params, "create_json", s, false, FORM_JSON);
	add_pairs(params, "update_json", s, true, FORM_JSON);
	add_map(params, "live_create", s, false, FORM_LIVE);
	add_map(params, "live_update", s, true, FORM_LIVE);
	add_map(params, "live_invalid", s, false, FORM_LIVE_INVALID);

	mx_buf_reset(&b);
	if (s->string_attr && *s->string_attr) {
		mx_buf_addf(&b, "some updated %s", s->string_attr);
		struct mx_buf q = MX_BUF_INIT;
		phx_gen_inspect_string(b.buf, &q);
		mx_tmpl_put_str(web, "update_default", q.buf);
		mx_buf_release(&q);
	} else {
		mx_tmpl_put_str(web, "update_default", "");
	}
	mx_buf_release(&b);
	return web;
}
