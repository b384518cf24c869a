/*
 * libFuzzer harness for phx-gen's attribute grammar and the schema model
 * (tools/phx-gen: gen_attr.c, gen_schema.c, gen_tree.c): the input is split
 * at newlines into words; the first two are the schema name and the plural,
 * the rest attributes ("title:string:unique", "tags:array:string",
 * "s:enum:a:b", "post_id:references:posts", ...). Parsing must succeed or
 * fail with a message, never crash or leak; what parses must build a
 * schema (or fail with Phoenix's unknown-type message) and a value tree,
 * and every field's samples must be printable.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen_model.h"

#define MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	char *words[MAX_WORDS];
	int n = 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (char *p = text; n < MAX_WORDS;) {
		words[n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}

	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct gen_attrs attrs;
	int first = n >= 2 ? 2 : n;
	if (phx_gen_attrs_parse(&a, n - first, words + first, &attrs, &err) == 0) {
		struct gen_project proj = {.app = "hello",
		                           .base = "Hello",
		                           .web_module = "HelloWeb",
		                           .context_app = "hello",
		                           .context_base = "Hello",
		                           .context_path = "",
		                           .now = 1764900000};
		struct gen_opts o;
		struct gen_schema s;
		memset(&o, 0, sizeof(o));
		o.binary_id = size % 2;
		o.migration = -1;
		o.schema = 1;
		o.context = 1;
		o.merge = -1;
		o.cfg_migration = true;
		const char *name =
		    n >= 1 && phx_gen_valid_module(words[0]) ? words[0] : "Blog.Post";
		const char *plural = n >= 2 ? words[1] : "posts";
		if (phx_gen_schema_build(&a, &proj, &o, name, plural, &attrs, &s, &err) == 0) {
			struct gen_context c;
			phx_gen_context_build(&a, &proj, &o, "Blog", &c);
			struct mx_tmpl_value *root = phx_gen_tree(&a, &proj, &s, &c);
			if (!root || !mx_tmpl_get(root, "schema"))
				abort();
			struct mx_buf b = MX_BUF_INIT;
			for (size_t i = 0; i < s.n_fields; i++) {
				phx_gen_sample(&s, s.fields[i], false, &b);
				phx_gen_sample(&s, s.fields[i], true, &b);
				phx_gen_sample_assert(&s, s.fields[i], true, &b);
			}
			mx_buf_release(&b);
		} else if (!err.msg[0]) {
			abort();
		}
	} else if (!err.msg[0]) {
		abort(); /* a failure always says why */
	}
	mx_arena_release(&a);
	free(text);
	return 0;
}
