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

TEST(basics)
{
	CHECK_STR(eex("a<%= x %>b", "[x: 1]"), "a1b");
	CHECK_STR(eex("<%= for x <- [1,2] do %>[<%= x %>]<% end %>", "[]"), "[1][2]");
	CHECK_STR(eex("<%= case 1 do %>\n  <% 1 -> %>one<% _ -> %>other<% end %>", "[]"), "one");
	CHECK_STR(eex("", "[]"), "");
	/* Variables may end in ? or !, as Phoenix's core_components? does. */
	CHECK_STR(eex("<%= if ok? do %>y<% end %>", "[ok?: true]"), "y");
}

TEST(eex_syntax_errors)
{
	CHECK_STR(eex("a\n b<%= x", "[]"),
	          "ERR t.eex:2:3: expected closing '%>' for EEx expression");
	CHECK_STR(eex("<%!-- x --%> <%!-- y", "[]"),
	          "ERR t.eex:1:14: expected closing '--%>' for EEx expression");
	CHECK_STR(eex("<%# x", "[]"), "ERR t.eex:1:1: expected closing '%>' for EEx expression");
	CHECK_STR(eex("a\n<% end %>", "[]"),
	          "ERR t.eex:2:1: unexpected end of expression <% end %>");
	CHECK_STR(eex("<%= x %><%= else %>", "[x: 1]"),
	          "ERR t.eex:1:9: unexpected middle of expression <% else %>");
	CHECK_STR(eex("<%= if x do %>a<% else %>b", "[x: 1]"),
	          "ERR t.eex:1:5: expected a closing '<% end %>' for block expression in EEx");
	CHECK_STR(eex("<%=\n   for x <- [] do %>", "[]"),
	          "ERR t.eex:2:4: expected a closing '<% end %>' for block expression in EEx");
	CHECK_STR(eex("<%/ x %>", "[]"),
	          "ERR t.eex:1:1: unsupported EEx syntax <%/ %> (the syntax is valid but not "
	          "supported by the current EEx engine)");
	/* An end on the line after "<%" is not an end tag (the code starts
	 * with a newline token), as in Elixir. */
	CHECK(!strncmp(eex("<%= if true do %>a<%\nend %>", "[]"), "ERR t.eex:2:1: ", 15));
	CHECK_STR(eex("<%= if true do %>a<% end\n%>", "[]"), "a");
	CHECK_STR(eex("ok\n\xff", "[]"),
	          "ERR t.eex:2:1: invalid UTF-8 in the template (EEx reads text as Unicode)");
}

TEST(elixir_syntax_errors_are_at_their_place_in_the_template)
{
	struct mx_buf b = MX_BUF_INIT;
	/* In a plain tag. */
	const char *r = eex("line one\n  xy <%= 1 + ) %>", "[]");
	CHECK(!strncmp(r, "ERR t.eex:2:14: ", 16));
	/* In the inner part of a block. */
	r = eex("<%= for x <- [1] do %>\n\t<%= x ) %>\n<% end %>", "[]");
	CHECK(!strncmp(r, "ERR t.eex:2:8: ", 15));
	/* In a block's own code, on a later tag: the columns are the
	 * template's even after the joined placeholders. */
	r = eex("<%= if true do %>a<% else %>b<% end ) %>", "[]");
	CHECK(!strncmp(r, "ERR t.eex:1:37: ", 16));
	mx_buf_release(&b);
}

TEST(evaluation_errors_have_positions)
{
	CHECK_STR(eex("\n\n  <%= nope %>", "[]"), "ERR t.eex:3:7: undefined variable \"nope\"");
	CHECK_STR(eex("<%= {1, :a} %>", "[]"),
	          "ERR t.eex:1:5: ** (Protocol.UndefinedError) protocol String.Chars not "
	          "implemented for {1, :a} of type Tuple");
	CHECK_STR(eex("x <%= %{a: 1} %>", "[]"),
	          "ERR t.eex:1:7: ** (Protocol.UndefinedError) protocol String.Chars not "
	          "implemented for %{a: 1} of type Map");
	CHECK_STR(eex("<%= [:a] %>", "[]"),
	          "ERR t.eex:1:5: ** (ArgumentError) cannot convert the given list to a string, "
	          "got: [:a]");
	CHECK_STR(eex("<%= for x <- [1] do %>\n  <%= Foo.bar(x) %>\n<% end %>", "[]"),
	          "ERR t.eex:2:7: unsupported call Foo.bar/1");
	CHECK_STR(eex("<%= @title %>", "[]"), "ERR t.eex:1:5: undefined variable \"assigns\"");
	CHECK_STR(eex("<%= @title %>", "[assigns: 1]"),
	          "ERR t.eex:1:5: cannot read @title: assigns is not a map or a keyword list");
	/* Only the code that runs is checked, as Elixir runs it: a branch not
	 * taken is not evaluated. */
	CHECK_STR(eex("<%= if false do %><%= nope %><% end %>ok", "[]"), "ok");
}

/* A host standing for the functions the generator adds: one Phoenix
 * function, implemented here for the test only, and a count of the calls
 * it saw. */
struct test_host {
	int calls;
};

static int phoenix_host(struct mx_eval *ev, const struct mx_eval_call *call,
                        struct mx_term **result, void *ctx, struct mx_err *err)
{
	struct test_host *h = ctx;
	(void)err;
	h->calls++;
	if (call->module && !strcmp(call->module, "Phoenix.Naming") &&
	    !strcmp(call->name, "humanize") && call->nargs == 1 &&
	    call->args[0]->type == MX_TERM_BINARY) {
		struct mx_buf b = MX_BUF_INIT;
		for (size_t i = 0; i < call->args[0]->u.bin.len; i++) {
			char c = call->args[0]->u.bin.data[i];
			mx_buf_addch(&b, c == '_'                         ? ' '
			                 : i == 0 && c >= 'a' && c <= 'z' ? c - 32
			                                                  : c);
		}
		*result = mx_term_binary(ev->arena, b.buf, b.len);
		mx_buf_release(&b);
		return MX_EVAL_HANDLED;
	}
	return MX_EVAL_UNKNOWN;
}

TEST(the_callers_host_answers_what_the_template_calls)
{
	struct mx_arena ta = MX_ARENA_INIT, ea = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;
	struct mx_eex *t;
	struct mx_eval ev;
	struct test_host h = {0};
	const char *src = "<%= for {k, _} <- attrs do %>\n"
	                  "  <th><%= Phoenix.Naming.humanize(Atom.to_string(k)) %></th>\n"
	                  "<% end %><%= Nope.x() %>";
	mx_eval_init(&ev, &ea);
	mx_eval_set_host(&ev, phoenix_host, &h, 0);
	CHECK(mx_eex_compile(&ta, "index.html.heex", src, strlen(src), &t, &err) == 0);
	CHECK_STR(mx_eex_file(t), "index.html.heex");
	struct mx_term *kw[2] = {
	    mx_term_tuple2(&ea, mx_term_atom(&ea, "published_at"), mx_term_atom(&ea, "date")),
	    mx_term_tuple2(&ea, mx_term_atom(&ea, "title"), mx_term_atom(&ea, "string"))};
	struct mx_eex_binding vars[] = {{"attrs", mx_term_list(&ea, kw, 2)}};
	mx_buf_adds(&out, "kept:");
	CHECK(mx_eex_render(t, &ev, vars, 1, &out, &err) == -1);
	/* Nope.x/0 is nobody's: an error, and nothing appended. */
	CHECK_STR(err.msg, "unsupported call Nope.x/0");
	CHECK_INT(err.line, 3);
	CHECK_STR(out.buf, "kept:");
	CHECK(h.calls >= 3);
	/* The caller's host is back in place. */
	CHECK(ev.host == phoenix_host && ev.host_ctx == &h);

	src = "<%= for {k, _} <- attrs do %><%= Phoenix.Naming.humanize(Atom.to_string(k)) %>;"
	      "<% end %>";
	CHECK(mx_eex_compile(&ta, "t2", src, strlen(src), &t, &err) == 0);
	mx_buf_reset(&out);
	CHECK(mx_eex_render(t, &ev, vars, 1, &out, &err) == 0);
	CHECK_STR(out.buf, "Published at;Title;");
	mx_eval_release(&ev);
	mx_arena_release(&ea);
	mx_arena_release(&ta);
	mx_buf_release(&out);
}

TEST(bindings)
{
	struct mx_arena ta = MX_ARENA_INIT, ea = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;
	struct mx_eex *t;
	struct mx_eval ev;
	struct mx_ast *ast;
	struct mx_term *fun;
	mx_eval_init(&ev, &ea);
	const char *src = "<%= a %>-<%= f.(a) %>";
	CHECK(mx_eex_compile(&ta, "t", src, strlen(src), &t, &err) == 0);
	/* A fun binding, made by the same evaluator (as Phoenix binds
	 * maybe_heex_attr_gettext). */
	const char *fn = "fn x -> x <> x end";
	CHECK(mx_exs_parse(&ea, "fn.exs", fn, strlen(fn), &ast, &err) == 0);
	CHECK(mx_eval_expr(&ev, ast, &fun, &err) == 0);
	struct mx_eex_binding vars[] = {
	    {"a", mx_term_string(&ea, "x")}, {"f", fun}, {"a", mx_term_string(&ea, "ignored")}};
	CHECK(mx_eex_render(t, &ev, vars, 3, &out, &err) == 0);
	CHECK_STR(out.buf, "x-xx");
	/* Rendered again with other values. */
	vars[0].value = mx_term_string(&ea, "y");
	mx_buf_reset(&out);
	CHECK(mx_eex_render(t, &ev, vars, 2, &out, &err) == 0);
	CHECK_STR(out.buf, "y-yy");
	/* Names must be variable names. */
	struct mx_eex_binding bad[] = {{"Schema", mx_term_nil(&ea)}};
	CHECK(mx_eex_render(t, &ev, bad, 1, &out, &err) == -1);
	CHECK_STR(err.msg, "invalid EEx binding \"Schema\"");
	struct mx_eex_binding bad2[] = {{"a?b", mx_term_nil(&ea)}};
	CHECK(mx_eex_render(t, &ev, bad2, 1, &out, &err) == -1);
	mx_eval_release(&ev);
	mx_arena_release(&ea);
	mx_arena_release(&ta);
	mx_buf_release(&out);
}

TEST(a_rescued_raise_does_not_lose_output)
{
	/* The inner buffer of the try body is left unfinished by the raise;
	 * what follows still goes to the right buffer. */
	CHECK_STR(eex("a<%= try do %>b<%= raise \"x\" %>c<% rescue _ -> %>r<% end %>d", "[]"),
	          "ard");
}

UNIT_MAIN()
