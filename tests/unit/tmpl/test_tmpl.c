/* Unit tests for tools/lib/tmpl: mixless's own template language. */
#include <stdlib.h>
#include <string.h>

#include "tmpl/tmpl.h"
#include "unit.h"

/* The data most tests render with. */
static struct mx_tmpl_value *sample(struct mx_arena *a)
{
	struct mx_tmpl_value *root = mx_tmpl_map_new(a);
	struct mx_tmpl_value *schema = mx_tmpl_put_map(root, "schema");
	mx_tmpl_put_str(schema, "alias", "Post");
	mx_tmpl_put_str(schema, "table", "posts");
	mx_tmpl_put_bool(schema, "binary_id", false);
	mx_tmpl_put_nil(schema, "prefix");
	mx_tmpl_put_str(schema, "empty", "");
	mx_tmpl_put_int(schema, "count", 3);
	struct mx_tmpl_value *fields = mx_tmpl_put_list(schema, "fields");
	static const char *const names[][2] = {
	    {"title", ":string"}, {"views", ":integer"}, {"body", ":text"}};
	for (size_t i = 0; i < 3; i++) {
		struct mx_tmpl_value *f = mx_tmpl_push_map(fields);
		mx_tmpl_put_str(f, "name", names[i][0]);
		mx_tmpl_put_str(f, "type", names[i][1]);
		mx_tmpl_put_bool(f, "required", i != 1);
	}
	mx_tmpl_put_list(schema, "none");
	struct mx_tmpl_value *keys = mx_tmpl_put_list(root, "keys");
	mx_tmpl_push_str(keys, "a");
	mx_tmpl_push_str(keys, "b");
	mx_tmpl_push_str(keys, "c");
	mx_tmpl_put_bool(root, "yes", true);
	mx_tmpl_put_bool(root, "no", false);
	mx_tmpl_put_str(root, "multi", "one\ntwo");
	return root;
}

/* Renders src (named "t.ex") with the sample data; returns the output, or
 * "ERR <file:line:col: message>". The result is valid until the next call. */
static const char *render_with(const char *src, struct mx_tmpl_set *set)
{
	static struct mx_buf out = MX_BUF_INIT;
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	bool own = !set;
	if (own)
		set = mx_tmpl_set_new(NULL);
	mx_buf_reset(&out);
	const struct mx_tmpl *t = NULL;
	if (mx_tmpl_set_add(set, "t.ex", NULL, src, strlen(src), &err) == 0)
		t = mx_tmpl_set_get(set, "t.ex", &err);
	if (!t || mx_tmpl_render(t, sample(&a), &out, &err) < 0) {
		mx_buf_reset(&out);
		mx_buf_adds(&out, "ERR ");
		mx_err_format(&err, &out);
	}
	if (own)
		mx_tmpl_set_free(set);
	mx_arena_release(&a);
	return out.buf;
}

static const char *render(const char *src)
{
	return render_with(src, NULL);
}

TEST(text_without_tags_is_copied)
{
	CHECK_STR(render(""), "");
	CHECK_STR(render("defmodule X do\n  %{a: 1}\n  \"#{x}\" <%= y %> {{a}} {@b}\nend\n"),
	          "defmodule X do\n  %{a: 1}\n  \"#{x}\" <%= y %> {{a}} {@b}\nend\n");
	/* A lone % or } or %} is text. */
	CHECK_STR(render("100%} {x} %"), "100%} {x} %");
}

TEST(values_and_paths)
{
	CHECK_STR(render("defmodule {% schema.alias %} do"), "defmodule Post do");
	CHECK_STR(render("{%schema.table%}|{%  schema.table\n %}"), "posts|posts");
	CHECK_STR(render("n={% schema.count %}"), "n=3");
	CHECK_STR(render("[{% schema.empty %}]"), "[]");
	CHECK_STR(render("{% \"a\\\"b\\\\c\\td\\n\" %}"), "a\"b\\c\td\n");
	CHECK_STR(render("{% \"%}\" %}"), "%}");
}

TEST(escape_gives_a_literal_open_delimiter)
{
	CHECK_STR(render("{%% schema.alias %}"), "{% schema.alias %}");
	CHECK_STR(render("a{%%b{%\"{%\"%}c"), "a{%b{%c");
}

TEST(comments_vanish)
{
	CHECK_STR(render("a{%# a comment %}b"), "ab");
	CHECK_STR(render("a{% # spaced %}b"), "ab");
	CHECK_STR(render("a{%# spans\nlines \"%}b"), "ab");
}

TEST(conditions)
{
	CHECK_STR(render("{% if yes %}Y{% end %}{% if no %}N{% end %}"), "Y");
	CHECK_STR(render("{% if no %}a{% else %}b{% end %}"), "b");
	CHECK_STR(render("{% if no %}a{% elif schema.fields %}b{% else %}c{% end %}"), "b");
	CHECK_STR(render("{% if no %}a{% elif schema.none %}b{% else %}c{% end %}"), "c");
	CHECK_STR(render("{% if not no %}a{% end %}"), "a");
	CHECK_STR(render("{% if not not yes %}a{% end %}"), "a");
	/* Falsy: false, nil, "", []; truthy: the rest (0 included). */
	CHECK_STR(render("{% if schema.prefix %}1{% end %}{% if schema.empty %}2{% end %}"
	                 "{% if schema.none %}3{% end %}{% if schema.count %}4{% end %}"
	                 "{% if schema %}5{% end %}{% if schema.table %}6{% end %}"),
	          "456");
	CHECK_STR(render("{% if yes and no %}a{% end %}{% if yes or no %}b{% end %}"), "b");
	/* and binds tighter than or; not tighter than both */
	CHECK_STR(render("{% if yes or no and no %}a{% end %}"), "a");
	CHECK_STR(render("{% if not yes or yes %}a{% end %}"), "a");
	CHECK_STR(render("{% if not yes and yes %}a{% else %}b{% end %}"), "b");
}

TEST(loops)
{
	CHECK_STR(render("{% for f in schema.fields %}<{% f.name %}>{% end %}"),
	          "<title><views><body>");
	CHECK_STR(render("[{% for k in keys join \", \" %}:{% k %}{% end %}]"), "[:a, :b, :c]");
	CHECK_STR(render("{% for k in keys %}{% loop.index %}{% if loop.first %}F{% end %}"
	                 "{% if loop.last %}L{% end %}/{% loop.length %} {% end %}"),
	          "0F/3 1/3 2L/3 ");
	CHECK_STR(render("{% for k in schema.none %}x{% else %}empty{% end %}"), "empty");
	CHECK_STR(render("{% for k in keys %}x{% else %}empty{% end %}"), "xxx");
	/* Inner loops see the outer variables; loop is the innermost. */
	CHECK_STR(render("{% for f in schema.fields %}{% for k in keys %}"
	                 "{% if loop.last %}{% f.name %}{% k %} {% end %}{% end %}{% end %}"),
	          "titlec viewsc bodyc ");
	/* A loop variable shadows a root name. */
	CHECK_STR(render("{% for yes in keys %}{% yes %}{% end %}"), "abc");
}

TEST(standalone_lines_disappear)
{
	const char *src = "schema \"posts\" do\n"
	                  "{% for f in schema.fields %}\n"
	                  "  {% if f.required %}\n"
	                  "    field :{% f.name %}, {% f.type %}\n"
	                  "  {% else %}\n"
	                  "    field :{% f.name %}\n"
	                  "  {% end %}\n"
	                  "{% end %}\n"
	                  "{%# a comment line %}\n"
	                  "end\n";
	CHECK_STR(render(src), "schema \"posts\" do\n"
	                       "    field :title, :string\n"
	                       "    field :views\n"
	                       "    field :body, :text\n"
	                       "end\n");
	/* Several block tags on one line, CRLF, and the last line without a
	 * newline are standalone too. */
	CHECK_STR(render("a\n {% if yes %}{% if yes %} \r\nb\r\n{% end %}{% end %}"), "a\nb\r\n");
	/* A value tag keeps its line, and so does text beside a block tag. */
	CHECK_STR(render("{% if yes %}x\n{% end %}"), "x\n");
	CHECK_STR(render(" {% schema.empty %} \n"), "  \n");
	CHECK_STR(render("a {% if yes %}\nb{% end %}"), "a \nb");
	/* A multi-line comment alone on its lines goes with them. */
	CHECK_STR(render("a\n  {%# one\n two %}  \nb\n"), "a\nb\n");
	/* An escape is text: its line stays. */
	CHECK_STR(render("{%% \n"), "{% \n");
}

TEST(includes_and_their_indentation)
{
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_err err = MX_ERR_INIT;
	const char *field = "field :{% f.name %}\n"
	                    "\n"
	                    "{% if f.required %}\n"
	                    "# required\n"
	                    "{% end %}\n";
	CHECK(mx_tmpl_set_add(set, "shared/field.ex", NULL, field, strlen(field), &err) == 0);
	const char *inline_part = "<{% schema.alias %}>";
	CHECK(mx_tmpl_set_add(set, "inline", NULL, inline_part, strlen(inline_part), &err) == 0);
	const char *src = "do\n"
	                  "{% for f in schema.fields %}\n"
	                  "    {% include \"shared/field.ex\" %}\n"
	                  "{% end %}\n"
	                  "x{% include \"inline\" %}y\n"
	                  "end\n";
	CHECK_STR(render_with(src, set), "do\n"
	                                 "    field :title\n"
	                                 "\n"
	                                 "    # required\n"
	                                 "    field :views\n"
	                                 "\n"
	                                 "    field :body\n"
	                                 "\n"
	                                 "    # required\n"
	                                 "x<Post>y\n"
	                                 "end\n");
	mx_tmpl_set_free(set);
}

TEST(nested_includes_add_up_and_values_keep_their_lines)
{
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_err err = MX_ERR_INIT;
	const char *inner = "i1\n{% multi %}\ni2\n";
	const char *outer = "o1\n  {% include \"inner\" %}\no2\n";
	CHECK(mx_tmpl_set_add(set, "inner", NULL, inner, strlen(inner), &err) == 0);
	CHECK(mx_tmpl_set_add(set, "outer", NULL, outer, strlen(outer), &err) == 0);
	CHECK_STR(render_with("<\n\t{% include \"outer\" %}\n>\n", set),
	          "<\n\to1\n\t  i1\n\t  one\ntwo\n\t  i2\n\to2\n>\n");
	mx_tmpl_set_free(set);
}

TEST(render_many_times_with_different_data)
{
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;
	const char *src = "{% for x in xs join \",\" %}{% x %}{% end %}";
	CHECK(mx_tmpl_set_add(set, "t", NULL, src, strlen(src), &err) == 0);
	const struct mx_tmpl *t = mx_tmpl_set_get(set, "t", &err);
	CHECK(t != NULL);
	CHECK(mx_tmpl_set_get(set, "t", &err) == t);
	for (int n = 0; n < 4; n++) {
		struct mx_arena a = MX_ARENA_INIT;
		struct mx_tmpl_value *root = mx_tmpl_map_new(&a);
		struct mx_tmpl_value *xs = mx_tmpl_put_list(root, "xs");
		for (int i = 0; i < n; i++)
			mx_tmpl_push(xs, mx_tmpl_strf_new(&a, "v%d", i));
		mx_buf_reset(&out);
		CHECK(mx_tmpl_render(t, root, &out, &err) == 0);
		CHECK_STR(out.buf, n == 0 ? "" : n == 1 ? "v0" : n == 2 ? "v0,v1" : "v0,v1,v2");
		mx_arena_release(&a);
	}
	mx_buf_release(&out);
	mx_tmpl_set_free(set);
}

TEST(values_builders_replace_and_get)
{
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_tmpl_value *m = mx_tmpl_map_new(&a);
	char tmp[8] = "abc";
	mx_tmpl_put_str(m, "k", tmp);
	tmp[0] = 'X'; /* the string was copied */
	CHECK_STR(mx_tmpl_get(m, "k")->u.str.s, "abc");
	mx_tmpl_put_strf(m, "k", "%s-%d", "n", 7);
	CHECK_STR(mx_tmpl_get(m, "k")->u.str.s, "n-7");
	CHECK_INT(m->u.map.n, 1);
	CHECK(mx_tmpl_get(m, "missing") == NULL);
	CHECK(mx_tmpl_get(NULL, "k") == NULL);
	struct mx_tmpl_value *l = mx_tmpl_list_new(&a);
	for (int i = 0; i < 100; i++)
		mx_tmpl_push(l, mx_tmpl_int_new(&a, i));
	CHECK_INT(l->u.list.n, 100);
	CHECK_INT(l->u.list.items[99]->u.i, 99);
	mx_arena_release(&a);
}

TEST(syntax_errors_have_positions)
{
	CHECK_STR(render("ab\n  {% schema.alias"), "ERR t.ex:2:3: unclosed tag: missing %}");
	CHECK_STR(render("{% \"abc %}"), "ERR t.ex:1:4: unterminated string");
	CHECK_STR(render("x\n{% if yes %}\n"), "ERR t.ex:2:1: if without a matching {% end %}");
	CHECK_STR(render("{% for k in keys %}{% if yes %}{% end %}"),
	          "ERR t.ex:1:1: for without a matching {% end %}");
	CHECK_STR(render("é{% end %}"), "ERR t.ex:1:2: end without an open if or for");
	CHECK_STR(render("{% else %}"), "ERR t.ex:1:1: else without an open if or for");
	CHECK_STR(render("{% for k in keys %}{% elif yes %}{% end %}"),
	          "ERR t.ex:1:20: elif without an open if");
	CHECK_STR(render("{% if yes %}{% else %}{% elif no %}{% end %}"),
	          "ERR t.ex:1:23: elif after else");
	CHECK_STR(render("{% if yes %}{% else %}{% else %}{% end %}"),
	          "ERR t.ex:1:23: a second else in the same block");
	CHECK_STR(render("{% if %}"), "ERR t.ex:1:7: expected a name in the condition");
	CHECK_STR(render("{% if a b %}{% end %}"),
	          "ERR t.ex:1:9: expected %} after the condition, found \"b\"");
	CHECK_STR(render("{% for in keys %}"),
	          "ERR t.ex:1:8: expected a variable name after for, found \"in\"");
	CHECK_STR(render("{% for loop in keys %}"),
	          "ERR t.ex:1:8: expected a variable name after for, found \"loop\"");
	CHECK_STR(render("{% for k of keys %}"),
	          "ERR t.ex:1:10: expected \"in\" after the loop variable, found \"of\"");
	CHECK_STR(render("{% for k in keys join x %}"),
	          "ERR t.ex:1:23: expected a string after join, found \"x\"");
	CHECK_STR(render("{% include shared %}"),
	          "ERR t.ex:1:12: expected the template name in quotes after include, found "
	          "\"shared\"");
	CHECK_STR(render("{% a. %}"), "ERR t.ex:1:7: expected a name, a string or a block tag");
	CHECK_STR(render("{% a.b c %}"), "ERR t.ex:1:8: expected %} after the name, found \"c\"");
	CHECK_STR(render("{% 1x %}"),
	          "ERR t.ex:1:4: expected a name, a string or a block tag, found \"1\"");
	CHECK_STR(render("{% \"\\q\" %}"),
	          "ERR t.ex:1:5: unknown escape in string (use \\\" \\\\ \\n or \\t)");
	CHECK_STR(render("{% end.x %}"),
	          "ERR t.ex:1:4: expected a name, a string or a block tag, found \"end.x\"");
}

TEST(render_errors_name_the_tag)
{
	CHECK_STR(render("\n  {% nope %}"), "ERR t.ex:2:6: unknown name \"nope\"");
	CHECK_STR(render("{% schema.nope %}"),
	          "ERR t.ex:1:4: unknown name \"schema.nope\" (no key \"nope\")");
	CHECK_STR(render("{% schema.alias.x %}"),
	          "ERR t.ex:1:4: \"schema.alias\" is a string, not a map");
	CHECK_STR(render("{% schema.fields %}"),
	          "ERR t.ex:1:4: cannot print \"schema.fields\": it is a list");
	CHECK_STR(render("{% yes %}"), "ERR t.ex:1:4: cannot print \"yes\": it is a boolean");
	CHECK_STR(render("{% schema.prefix %}"),
	          "ERR t.ex:1:4: cannot print \"schema.prefix\": it is nil");
	CHECK_STR(render("{% for x in schema.alias %}{% end %}"),
	          "ERR t.ex:1:13: cannot loop over \"schema.alias\": it is a string");
	CHECK_STR(render("{% loop.index %}"), "ERR t.ex:1:4: unknown name \"loop\"");
	CHECK_STR(render("{% for k in keys %}{% loop.size %}{% end %}"),
	          "ERR t.ex:1:23: unknown name \"loop.size\" (a loop has index, first, last and "
	          "length)");
	/* Both sides of and/or are looked up, even when the left decides. */
	CHECK_STR(render("{% if no and typo %}{% end %}"), "ERR t.ex:1:14: unknown name \"typo\"");
	/* A branch not taken is not looked at. */
	CHECK_STR(render("{% if no %}{% typo %}{% end %}ok"), "ok");
	/* Output before the error stays in the buffer: render() hides it. */
}

TEST(include_errors)
{
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_err err = MX_ERR_INIT;
	CHECK_STR(render_with("a\n {% include \"missing\" %}", set),
	          "ERR t.ex:2:2: cannot include \"missing\": no template \"missing\"");
	mx_tmpl_set_free(set);

	set = mx_tmpl_set_new(NULL);
	const char *a = "{% include \"b\" %}", *b = "x{% if no %}{% include \"t.ex\" %}{% end %}";
	CHECK(mx_tmpl_set_add(set, "b", NULL, b, strlen(b), &err) == 0);
	(void)a;
	CHECK_STR(render_with("{% include \"b\" %}", set),
	          "ERR b:1:13: including \"t.ex\" here makes a cycle");
	mx_tmpl_set_free(set);

	set = mx_tmpl_set_new(NULL);
	CHECK_STR(render_with("{% include \"../etc/passwd\" %}", set),
	          "ERR t.ex:1:1: cannot include \"../etc/passwd\": invalid template name "
	          "\"../etc/passwd\"");
	mx_tmpl_set_free(set);

	set = mx_tmpl_set_new(NULL);
	const char *bad = "\n{% if %}";
	CHECK(mx_tmpl_set_add(set, "bad", "dir/bad.ex", bad, strlen(bad), &err) == -1);
	CHECK_STR(err.file, "dir/bad.ex");
	CHECK_INT(err.line, 2);
	CHECK(mx_tmpl_set_add(set, "/abs", NULL, "", 0, &err) == -1);
	CHECK(mx_tmpl_set_add(set, "ok", NULL, "", 0, &err) == 0);
	CHECK(mx_tmpl_set_add(set, "ok", NULL, "", 0, &err) == -1);
	CHECK_STR(err.msg, "template \"ok\" is already in the set");
	mx_tmpl_set_free(set);
	mx_tmpl_set_free(NULL);
}

TEST(templates_are_read_from_the_root)
{
	const char *fixtures = getenv("MIXLESS_FIXTURES");
	CHECK(fixtures != NULL);
	struct mx_buf root = MX_BUF_INIT, out = MX_BUF_INIT;
	mx_buf_addf(&root, "%s/tmpl", fixtures);
	struct mx_tmpl_set *set = mx_tmpl_set_new(root.buf);
	struct mx_arena a = MX_ARENA_INIT;
	struct mx_err err = MX_ERR_INIT;
	const struct mx_tmpl *t = mx_tmpl_set_get(set, "gen/schema.ex", &err);
	CHECK(t != NULL);
	CHECK_STR(mx_tmpl_name(t), "gen/schema.ex");
	CHECK(strstr(mx_tmpl_file(t), "/tmpl/gen/schema.ex") != NULL);
	CHECK(mx_tmpl_render(t, sample(&a), &out, &err) == 0);
	CHECK_STR(out.buf,
	          "defmodule Post do\n  field :title\n  field :views\n  field :body\nend\n");

	/* A syntax error names the file under the root. */
	CHECK(mx_tmpl_set_get(set, "gen/broken.ex", &err) == NULL);
	CHECK(strstr(err.file, "/tmpl/gen/broken.ex") != NULL);
	CHECK_INT(err.line, 2);
	CHECK_INT(err.col, 7);
	/* A missing include, at the include. */
	CHECK(mx_tmpl_set_get(set, "gen/missing.ex", &err) == NULL);
	CHECK(strstr(err.file, "/tmpl/gen/missing.ex") != NULL);
	CHECK(strstr(err.msg, "cannot include \"shared/nope.ex\": cannot open '") != NULL);
	CHECK(strstr(err.msg, "No such file or directory") != NULL);
	/* A missing template. */
	CHECK(mx_tmpl_set_get(set, "gen/none.ex", &err) == NULL);
	CHECK(err.kind == MX_ERR_IO);
	CHECK(mx_tmpl_set_get(set, "../tmpl/gen/schema.ex", &err) == NULL);
	CHECK_STR(err.msg, "invalid template name \"../tmpl/gen/schema.ex\"");
	mx_tmpl_set_free(set);
	mx_arena_release(&a);
	mx_buf_release(&root);
	mx_buf_release(&out);
}

TEST(render_refuses_bad_data)
{
	struct mx_tmpl_set *set = mx_tmpl_set_new(NULL);
	struct mx_err err = MX_ERR_INIT;
	struct mx_buf out = MX_BUF_INIT;
	struct mx_arena a = MX_ARENA_INIT;
	CHECK(mx_tmpl_set_add(set, "t", NULL, "x", 1, &err) == 0);
	const struct mx_tmpl *t = mx_tmpl_set_get(set, "t", &err);
	CHECK(mx_tmpl_render(t, mx_tmpl_list_new(&a), &out, &err) == -1);
	CHECK_STR(err.msg, "the data of template \"t\" is not a map");
	CHECK(mx_tmpl_render(t, NULL, &out, &err) == -1);
	CHECK_INT(out.len, 0);
	mx_tmpl_set_free(set);
	mx_arena_release(&a);
}

UNIT_MAIN()
