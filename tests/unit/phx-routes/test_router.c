/*
 * The router reader's semantics case by case (Phoenix.Router.Scope,
 * Resource, LiveView.Router), the path matcher of --info, and the table's
 * columns; the whole tables are in tests/cli/phx-routes*.bats.
 */
#include <string.h>

#include "format.h"
#include "info.h"
#include "router.h"
#include "unit.h"

struct fx {
	struct mx_arena a;
	struct pr_table t;
	struct mx_strvec warnings;
	struct mx_err err;
	int ret;
};

/* Reads `defmodule R do use Phoenix.Router<use_opts>; body end`. */
static void read_router(struct fx *f, const char *use_opts, const char *body)
{
	char src[8192];
	snprintf(src, sizeof(src), "defmodule R do\n  use Phoenix.Router%s\n%s\nend\n", use_opts,
	         body);
	memset(f, 0, sizeof(*f));
	pr_table_init(&f->t, &f->a);
	f->ret = pr_router_read_text(&f->t, "router.ex", src, strlen(src), &f->warnings, &f->err);
}

static void done(struct fx *f)
{
	pr_table_release(&f->t);
	mx_strvec_clear(&f->warnings);
	mx_arena_release(&f->a);
}

/* "VERB path module opts helper" of route i. */
static const char *row(struct fx *f, size_t i)
{
	static char s[512];
	struct mx_buf m = MX_BUF_INIT, o = MX_BUF_INIT;
	const struct pr_route *r = &f->t.routes[i];
	mx_term_inspect(r->log_module, &m);
	mx_term_inspect(r->plug_opts, &o);
	snprintf(s, sizeof(s), "%s %s %s %s %s", r->verb, r->path, m.buf, o.buf,
	         r->helper ? r->helper : "-");
	mx_buf_release(&m);
	mx_buf_release(&o);
	return s;
}

TEST(paths_join_as_phoenix_splits_them)
{
	struct fx f;
	read_router(&f, "",
	            "scope \"//a//\", A do\n get \"/\", P, :i\n get \"b//c/\", P, :j\n end\n"
	            "get \"/\", P, :root");
	CHECK(f.ret == 0);
	CHECK(f.t.n == 3);
	CHECK_STR(row(&f, 0), "GET /a A.P :i p");
	CHECK_STR(row(&f, 1), "GET /a/b/c A.P :j p");
	CHECK_STR(row(&f, 2), "GET / P :root p");
	/* a path without its leading slash is warned about and fixed */
	CHECK(f.warnings.n == 1);
	CHECK(strstr(f.warnings.v[0],
	             "router paths should begin with a forward slash, got: \"b//c/\""));
	done(&f);
}

TEST(aliases_and_helpers_compose_and_reset)
{
	struct fx f;
	read_router(
	    &f, "",
	    "scope \"/x\", X, as: :x do\n"
	    "  scope \"/y\", Y, as: \"y\" do\n get \"/\", PageController, :a, as: :home\n end\n"
	    "  scope \"/z\", alias: false, as: false do\n get \"/\", Z.Plug, :b\n end\n"
	    "  get \"/l\", :lower_plug, :c, as: :low\n"
	    "  get \"/n\", P, :d, alias: false, as: nil\n"
	    "end");
	CHECK(f.ret == 0);
	CHECK_STR(row(&f, 0), "GET /x/y X.Y.PageController :a x_y_home");
	CHECK_STR(row(&f, 1), "GET /x/z Z.Plug :b plug");
	CHECK_STR(row(&f, 2), "GET /x/l :lower_plug :c x_low");
	CHECK_STR(row(&f, 3), "GET /x/n P :d -");
	CHECK(f.t.helpers);
	done(&f);
}

TEST(a_function_plug_needs_as)
{
	struct fx f;
	read_router(&f, "", "get \"/l\", :lower_plug, :c");
	CHECK(f.ret < 0);
	CHECK_STR(f.err.msg, "expected an Elixir module, got: \"lower_plug\"");
	done(&f);
}

TEST(helpers_false_in_use)
{
	struct fx f;
	read_router(&f, ", helpers: false", "get \"/\", P, :i");
	CHECK(f.ret == 0);
	CHECK(!f.t.helpers);
	done(&f);
}

TEST(forward_rules)
{
	struct fx f;
	read_router(&f, "", "forward \"/f/:id\", F");
	CHECK(f.ret < 0);
	CHECK_STR(
	    f.err.msg,
	    "dynamic segment \"/f/:id\" not allowed when forwarding. Use a static path instead");
	CHECK(f.err.line == 3);
	done(&f);
	read_router(&f, "", "forward \"/a\", F\nforward \"/b\", F");
	CHECK(f.ret < 0);
	CHECK_STR(f.err.msg,
	          "F has already been forwarded to. A module can only be forwarded a single time");
	done(&f);
	read_router(&f, "", "forward \"/a\", F, [x: 1], as: :ignored");
	CHECK(f.ret == 0);
	CHECK_STR(row(&f, 0), "* /a F [x: 1] -");
	done(&f);
}

TEST(resources_singleton_param_and_nesting)
{
	struct fx f;
	read_router(&f, "",
	            "resources \"/a\", AController, singleton: true, only: [:show, :update] do\n"
	            "  resources \"/b\", BController, param: \"slug\", only: [:show]\n"
	            "end");
	CHECK(f.ret == 0);
	CHECK(f.t.n == 4);
	CHECK_STR(row(&f, 0), "GET /a AController :show a");
	CHECK_STR(row(&f, 1), "PATCH /a AController :update a");
	CHECK_STR(row(&f, 2), "PUT /a AController :update -");
	/* a singleton's member path is its own path: no :a_id */
	CHECK_STR(row(&f, 3), "GET /a/b/:slug BController :show a_b");
	done(&f);
	read_router(&f, "", "resources \"/a\", AController, singleton: true, only: [:index]");
	CHECK(f.ret < 0);
	CHECK(
	    strstr(f.err.msg,
	           "supported singleton actions: [:edit, :new, :show, :create, :update, :delete]"));
	done(&f);
}

TEST(live_routes)
{
	struct fx f;
	read_router(&f, "",
	            "live \"/a\", AppWeb.FooLive.Index, :index\n"
	            "live \"/b\", BarLive, as: :bar\n"
	            "live \"/c\", AppWeb.Plain, :show, as: :plain\n"
	            "live \"/d\", AppWeb.Plain, :show");
	CHECK(f.ret < 0);
	CHECK(strstr(f.err.msg, "could not infer :as option because a live action was given"));
	CHECK(f.err.line == 6);
	CHECK(f.t.n == 3);
	CHECK_STR(row(&f, 0), "GET /a AppWeb.FooLive.Index :index foo_index");
	/* an action given as options: no action, the LiveView as plug options */
	CHECK_STR(row(&f, 1), "GET /b BarLive BarLive bar");
	CHECK_STR(row(&f, 2), "GET /c AppWeb.Plain :show plain");
	done(&f);
	read_router(&f, ", helpers: false", "live \"/t\", TLive");
	CHECK(f.ret == 0);
	CHECK_STR(row(&f, 0), "GET /t TLive nil -");
	done(&f);
}

TEST(live_sessions_do_not_nest)
{
	struct fx f;
	read_router(&f, "", "live_session :a do\n live_session :b do\n end\nend");
	CHECK(f.ret < 0);
	CHECK(strstr(f.err.msg, "live_session definitions cannot be nested"));
	done(&f);
}

TEST(unknown_macro_is_counted_and_warned)
{
	struct fx f;
	read_router(&f, "", "oban_dashboard \"/oban\"\nget \"/\", P, :i");
	CHECK(f.ret == 0);
	CHECK(f.t.skipped == 1);
	CHECK(f.t.n == 1);
	CHECK(f.warnings.n == 1);
	CHECK_STR(f.warnings.v[0],
	          "router.ex:3: warning: oban_dashboard/1 is not a macro phx-routes "
	          "knows; the routes it defines are missing from the table");
	done(&f);
}

TEST(plug_outside_a_pipeline)
{
	struct fx f;
	read_router(&f, "", "plug :x");
	CHECK(f.ret < 0);
	CHECK_STR(f.err.msg,
	          "cannot define plug at the router level, plug must be defined inside a pipeline");
	done(&f);
}

static struct pr_route mk(enum pr_kind kind, const char *path)
{
	struct pr_route r;
	memset(&r, 0, sizeof(r));
	r.kind = kind;
	r.path = path;
	return r;
}

TEST(path_matching)
{
	struct pr_route r = mk(PR_MATCH, "/posts/:id");
	CHECK(pr_path_matches(&r, "/posts/1"));
	CHECK(pr_path_matches(&r, "//posts//1/"));
	CHECK(!pr_path_matches(&r, "/posts"));
	CHECK(!pr_path_matches(&r, "/posts/1/edit"));
	r = mk(PR_MATCH, "/css-:md5");
	CHECK(pr_path_matches(&r, "/css-abc"));
	CHECK(pr_path_matches(&r, "/css-"));
	CHECK(!pr_path_matches(&r, "/js-abc"));
	r = mk(PR_MATCH, "/files/*rest");
	CHECK(pr_path_matches(&r, "/files"));
	CHECK(pr_path_matches(&r, "/files/a/b"));
	r = mk(PR_FORWARD, "/api");
	CHECK(pr_path_matches(&r, "/api"));
	CHECK(pr_path_matches(&r, "/api/x/y"));
	CHECK(!pr_path_matches(&r, "/apix"));
	r = mk(PR_MATCH, "/");
	CHECK(pr_path_matches(&r, "/"));
	CHECK(pr_path_matches(&r, ""));
	CHECK(!pr_path_matches(&r, "/x"));
}

TEST(sockets_in_reverse_and_counted_in_widths)
{
	struct fx f;
	struct mx_buf out = MX_BUF_INIT;
	read_router(&f, ", helpers: false", "get \"/\", P, :i");
	CHECK(f.ret == 0);
	struct mx_term *no = mx_term_list(&f.a, NULL, 0);
	pr_table_add_socket(&f.t, "/a", mx_term_atom(&f.a, "Elixir.A"), no);
	pr_table_add_socket(&f.t, "/phoenix/live_reload/socket",
	                    mx_term_atom(&f.a, "Elixir.Phoenix.LiveReloader.Socket"), no);
	pr_format(&f.t, PR_FORMAT_TEXT, NULL, &out);
	CHECK_STR(out.buf, "  GET   /                                      P :i\n"
	                   "  WS    /a/websocket                           A\n"
	                   "  GET   /a/longpoll                            A\n"
	                   "  POST  /a/longpoll                            A\n");
	mx_buf_release(&out);
	done(&f);
}

UNIT_MAIN()
