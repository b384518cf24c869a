/*
 * gen_attr: the attribute grammar of Phoenix's generators
 * (Mix.Phoenix.Schema.extract_attr_flags/1, attrs/1, validate_attr!/1 and
 * the references check of partition_attrs_and_assocs/2), with Phoenix's
 * error texts.
 */
#include <string.h>

#include "gen_model.h"

static char *dup(struct mx_arena *a, const char *s, size_t n)
{
	return mx_arena_strndup(a, s, n);
}

static void push_name(struct mx_arena *a, const char ***v, size_t *n, const char *name)
{
	const char **nv = MX_ARENA_NEWN(a, const char *, *n + 1);
	/* Phoenix prepends ([name | uniques]): the newest comes first. */
	nv[0] = name;
	if (*n)
		memcpy(nv + 1, *v, *n * sizeof(*nv));
	*v = nv;
	(*n)++;
}

/* "{:comp, :value}" or ":value", as inspect prints the parsed type. */
static void inspect_type(const char *comp, const char *value, struct mx_buf *out)
{
	if (!comp) {
		phx_gen_inspect_atom(value, out);
		return;
	}
	mx_buf_addch(out, '{');
	phx_gen_inspect_atom(comp, out);
	mx_buf_adds(out, ", ");
	phx_gen_inspect_atom(value, out);
	mx_buf_addch(out, '}');
}

static int unknown_type(struct mx_err *err, const char *comp, const char *value)
{
	struct mx_buf b = MX_BUF_INIT, names = MX_BUF_INIT;
	/* @valid_types |> Enum.sort() |> Enum.join(", ") */
	static const char *const sorted[] = {
	    "array",
	    "binary",
	    "boolean",
	    "date",
	    "decimal",
	    "enum",
	    "float",
	    "integer",
	    "map",
	    "naive_datetime",
	    "naive_datetime_usec",
	    "references",
	    "string",
	    "text",
	    "time",
	    "time_usec",
	    "utc_datetime",
	    "utc_datetime_usec",
	    "uuid",
	    NULL,
	};
	inspect_type(comp, value, &b);
	for (size_t i = 0; sorted[i]; i++)
		mx_buf_addf(&names, "%s%s", i ? ", " : "", sorted[i]);
	mx_err_set(err, MX_ERR_OTHER,
	           "Unknown type `%s` given to generator. The supported types are: %s", b.buf,
	           names.buf);
	mx_buf_release(&b);
	mx_buf_release(&names);
	return -1;
}

/* One attribute, its flags already taken off: validate_attr!. */
static int parse_one(struct mx_arena *a, const char *s, struct gen_attr *at, struct mx_err *err)
{
	/* String.split(attr, ":", parts: 3) */
	const char *c1 = strchr(s, ':');
	const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	at->name = c1 ? dup(a, s, (size_t)(c1 - s)) : mx_arena_strdup(a, s);
	if (!c1) {
		at->type = phx_gen_type_find("string");
		return 0;
	}
	if (!c2) {
		const char *t = c1 + 1;
		if (!strcmp(t, "array"))
			return mx_err_set(
			    err, MX_ERR_OTHER,
			    "Phoenix generators expect the type of the array to be "
			    "given to %s:array.\nFor example:\n\n"
			    "    mix phx.gen.schema Post posts settings:array:string\n",
			    at->name);
		if (!strcmp(t, "enum"))
			return mx_err_set(err, MX_ERR_OTHER,
			                  "Enum type requires at least one value\nFor example:\n\n"
			                  "    mix phx.gen.schema Comment comments body:text "
			                  "status:enum:published:unpublished\n");
		at->type = phx_gen_type_find(t);
		if (!at->type)
			return unknown_type(err, NULL, t);
		return 0;
	}
	char *comp = dup(a, c1 + 1, (size_t)(c2 - c1 - 1));
	at->sub = mx_arena_strdup(a, c2 + 1);
	at->type = phx_gen_type_find(comp);
	/* {name, {comp, value}} is valid when comp is a valid type; the
	 * alias datetime is not one here. */
	if (!at->type || !strcmp(comp, "datetime"))
		return unknown_type(err, comp, at->sub);
	if (!strcmp(comp, "enum")) {
		size_t n = 1;
		for (const char *p = at->sub; *p; p++)
			n += *p == ':';
		at->enum_values = MX_ARENA_NEWN(a, const char *, n);
		const char *p = at->sub;
		for (size_t i = 0; i < n; i++) {
			const char *e = strchr(p, ':');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			at->enum_values[i] = dup(a, p, len);
			p += len + 1;
		}
		at->n_enum = n;
	}
	at->reference = !strcmp(comp, "references");
	return 0;
}

int phx_gen_attrs_parse(struct mx_arena *a, int argc, char *const *argv, struct gen_attrs *out,
                        struct mx_err *err)
{
	memset(out, 0, sizeof(*out));
	out->v = MX_ARENA_NEWN(a, struct gen_attr, argc ? (size_t)argc : 1);
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		size_t end = strlen(s);
		const char *colon = strchr(s, ':');
		size_t name_end = colon ? (size_t)(colon - s) : end;
		struct gen_attr *at = &out->v[out->n++];
		/* Flags come off the end, any order, repeatable, never the name. */
		for (;;) {
			size_t start = end;
			while (start > name_end && s[start - 1] != ':')
				start--;
			if (start == name_end)
				break;
			const char *w = s + start;
			size_t wl = end - start;
			if (wl != 6 || (memcmp(w, "unique", 6) && memcmp(w, "redact", 6)))
				break;
			end = start - 1;
		}
		char *rest = dup(a, s, end);
		if (parse_one(a, rest, at, err) < 0)
			return -1;
		/* The flags were collected while reducing in CLI order. */
		for (size_t k = end; k < strlen(s);) {
			size_t e = k + 1;
			while (s[e] && s[e] != ':')
				e++;
			if (e - k - 1 == 6 && !memcmp(s + k + 1, "unique", 6))
				push_name(a, &out->uniques, &out->n_uniques, at->name);
			else
				push_name(a, &out->redacts, &out->n_redacts, at->name);
			k = e;
		}
	}
	/* partition_attrs_and_assocs runs after every attribute validated. */
	for (size_t i = 0; i < out->n; i++)
		if (!strcmp(out->v[i].type->name, "references") && !out->v[i].sub)
			return mx_err_set(err, MX_ERR_OTHER,
			                  "Phoenix generators expect the table to be given to "
			                  "%s:references.\nFor example:\n\n"
			                  "    mix phx.gen.schema Comment comments body:text "
			                  "post_id:references:posts\n",
			                  out->v[i].name);
	return 0;
}
