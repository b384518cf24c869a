/*
 * fuzz_phx_routes: any bytes as a router source file, through the whole
 * router reader (parser, evaluator with the router DSL host: scopes,
 * resources, live, live_dashboard, forward), then every output format and
 * the --info path matcher over the routes read. The first byte picks
 * helpers on or off, so both helper-naming paths are reached. Reading must
 * never crash, leak or read out of bounds; failing is fine.
 */
#include <stddef.h>
#include <stdint.h>

#include "format.h"
#include "info.h"
#include "router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct pr_table t;
	struct mx_strvec warnings = MX_STRVEC_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;

	if (size < 1)
		return 0;
	pr_table_init(&t, &a);
	if (pr_router_read_text(&t, "lib/fuzz_web/router.ex", (const char *)data + 1, size - 1,
	                        &warnings, &err) == 0) {
		static const struct pr_filter filters[] = {{NULL, NULL}, {"/a", "get"}};
		t.helpers = data[0] & 1;
		for (int f = PR_FORMAT_TEXT; f <= PR_FORMAT_CSV; f++)
			pr_format(&t, (enum pr_format)f, &filters[data[0] >> 7], &out);
		for (size_t i = 0; i < t.n; i++)
			(void)pr_path_matches(&t.routes[i], "/a/b/c-d");
	}
	mx_buf_release(&out);
	mx_strvec_clear(&warnings);
	pr_table_release(&t);
	mx_arena_release(&a);
	return 0;
}
