/*
 * libFuzzer harness for phx.gen.auth's injector (tools/phx-gen/auth_inject.c):
 * the input is a project file (router, mix.exs, config, layout) and every
 * edit runs on it. Each must return one of its three outcomes without
 * crashing, leaking or reading out of bounds; an edit that says it injected
 * must have kept the whole input around its insertion (the result is
 * longer than the input and holds the code it inserted), and running it
 * again on its own result must find the code already there.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

static void again(int (*fn)(const char *, size_t, struct mx_buf *), const struct mx_buf *out)
{
	struct mx_buf o2 = MX_BUF_INIT;
	if (fn(out->buf, out->len, &o2) != AUTH_INJ_PRESENT)
		abort();
	mx_buf_release(&o2);
}

static int dep(const char *f, size_t n, struct mx_buf *o)
{
	return auth_inject_mix_dep(f, n, auth_hashing_find("bcrypt")->dep, o);
}
static int cfg(const char *f, size_t n, struct mx_buf *o)
{
	return auth_inject_test_config(f, n, auth_hashing_find("argon2"), o);
}
static int plug(const char *f, size_t n, struct mx_buf *o)
{
	return auth_inject_router_plug(f, n, "user", o);
}
static int imp(const char *f, size_t n, struct mx_buf *o)
{
	return auth_inject_router_import(f, n, "HelloWeb", "HelloWeb.UserAuth", o);
}
static int menu(const char *f, size_t n, struct mx_buf *o)
{
	return auth_inject_layout_menu(f, n, "/users/log_in",
	                               "<ul>\n  <.link href={~p\"/users/log_in\"}>\n</ul>", o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the injector works on NUL-free text (a file read whole) */
	char *text = malloc(size + 1);
	size_t n = 0;
	for (size_t i = 0; i < size; i++)
		if (data[i])
			text[n++] = (char)data[i];
	text[n] = '\0';
	int (*fns[])(const char *, size_t, struct mx_buf *) = {dep, cfg, plug, imp, menu};
	for (size_t k = 0; k < sizeof(fns) / sizeof(fns[0]); k++) {
		struct mx_buf out = MX_BUF_INIT;
		int r = fns[k](text, n, &out);
		if (r != AUTH_INJ_DONE && r != AUTH_INJ_PRESENT && r != AUTH_INJ_UNABLE)
			abort();
		if (r == AUTH_INJ_DONE) {
			if (out.len <= n)
				abort();
			/* the config edit matches CRLF to the file, so its code may
			 * differ from the one checked for presence only in endings */
			again(fns[k], &out);
		}
		mx_buf_release(&out);
	}
	free(text);
	return 0;
}
