/*
 * libFuzzer harness for the template language (tools/lib/tmpl): any input
 * is parsed as a template in a set that also holds a small partial, then
 * rendered twice against a fixed data tree. Parsing and rendering must
 * succeed or fail with a positioned message, never crash, leak or recurse
 * without bound, and a template must render the same way every time.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tmpl/tmpl.h"

static struct mx_tmpl_value *data(struct mx_arena *a)
{
	struct mx_tmpl_value *root = mx_tmpl_map_new(a);
	struct mx_tmpl_value *s = mx_tmpl_put_map(root, "s");
	mx_tmpl_put_str(s, "a", "Post");
	mx_tmpl_put_str(s, "m", "one\ntwo\n");
	mx_tmpl_put_str(s, "e", "");
	mx_tmpl_put_bool(s, "t", true);
	mx_tmpl_put_bool(s, "f", false);
	mx_tmpl_put_nil(s, "n");
	mx_tmpl_put_int(s, "i", -42);
	struct mx_tmpl_value *l = mx_tmpl_put_list(s, "l");
	for (int i = 0; i < 3; i++) {
		struct mx_tmpl_value *f = mx_tmpl_push_map(l);
		mx_tmpl_put_strf(f, "a", "f%d", i);
		mx_tmpl_put_bool(f, "t", i % 2);
		struct mx_tmpl_value *inner = mx_tmpl_put_list(f, "l");
		for (int k = 0; k < i; k++)
			mx_tmpl_push_str(inner, "x");
	}
	mx_tmpl_put_list(s, "z");
	mx_tmpl_put_str(root, "a", "A");
	return root;
}

static void check_error(const struct mx_err *err)
{
	if (!err->msg[0] || (err->file[0] && (err->line == 0 || err->col == 0)))
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	static const char partial[] = "p1 {% s.a %}\n\n{% if s.t %}\n  p2\n{% end %}";
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out1 = MX_BUF_INIT, out2 = MX_BUF_INIT;
	const struct mx_tmpl *t = NULL;
	if (mx_tmpl_set_add(set, "p", NULL, partial, sizeof(partial) - 1, &err) < 0)
		__builtin_trap();
	if (mx_tmpl_set_add(set, "t", NULL, (const char *)in, size, &err) < 0 ||
	    !(t = mx_tmpl_set_get(set, "t", &err))) {
		check_error(&err);
		goto out;
	}
	struct mx_tmpl_value *root = data(&a);
	int r1 = mx_tmpl_render(t, root, &out1, &err);
	if (r1 < 0)
		check_error(&err);
	int r2 = mx_tmpl_render(t, root, &out2, &err);
	if (r1 != r2 || out1.len != out2.len || memcmp(out1.buf, out2.buf, out1.len))
		__builtin_trap();
out:
	mx_buf_release(&out1);
	mx_buf_release(&out2);
	mx_arena_release(&a);
	mx_tmpl_set_free(set);
	return 0;
}
