/* Unit tests for tools/lib/eex: EEx templates run by the exs evaluator. */
#include <stdlib.h>
#include <string.h>

#include "eex/eex.h"
#include "exs/ast.h"
#include "unit.h"

/* Renders src with the bindings written as an Elixir keyword list; returns
 * the output or "ERR <file:line:col: message>". Valid until the next call. */
static const char *eex(const char *src, const char *binding)
{
	static struct mx_buf out = MX_BUF_INIT;
	struct mx_arena ta = MX_ARENA_INIT, ea = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_eex *t = NULL;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *kw = NULL;
	struct mx_eex_binding vars[32];
	size_t n = 0;
	mx_buf_reset(&out);
	mx_eval_init(&ev, &ea);
	if (mx_exs_parse(&ea, "binding.exs", binding, strlen(binding), &ast, &err) < 0 ||
	    mx_eval_expr(&ev, ast, &kw, &err) < 0)
		goto fail;
	for (size_t i = 0; i < kw->u.list.n && n < 32; i++, n++) {
		vars[n].name = kw->u.list.items[i]->u.tuple.items[0]->u.atom.name;
		vars[n].value = kw->u.list.items[i]->u.tuple.items[1];
	}
	if (mx_eex_compile(&ta, "t.eex", src, strlen(src), &t, &err) < 0 ||
	    mx_eex_render(t, &ev, vars, n, &out, &err) < 0)
		goto fail;
	goto done;
fail:
	mx_buf_reset(&out);
	mx_buf_adds(&out, "ERR ");
	mx_err_format(&err, &out);
done:
	mx_eval_release(&ev);
	mx_arena_release(&ea);
	mx_arena_release(&ta);
	return out.buf;
}

TEST(smoke)
{
	CHECK_STR(eex("a<%= x %>b", "[x: 1]"), "a1b");
	CHECK_STR(eex("<%= for x <- [1,2] do %>[<%= x %>]<% end %>", "[]"), "[1][2]");
	CHECK_STR(eex("<%= case 1 do %>\n  <% 1 -> %>one<% _ -> %>other<% end %>", "[]"), "one");
}

UNIT_MAIN()
