/*
 * phx.gen.auth's injector (auth_inject.c): each edit on its anchor, the
 * already-injected and no-anchor outcomes, and the corners of Phoenix's
 * regular expressions it reproduces (CRLF files, a blank line above the
 * plug anchor, every `use <Web>, :router`, <nav> before <body>).
 */
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "unit.h"

static const struct auth_hashing *bcrypt(void)
{
	return auth_hashing_find("bcrypt");
}

#define RUN(fn, in, ...) fn(in, strlen(in), __VA_ARGS__)

TEST(hashing_rows)
{
	CHECK_STR(auth_hashing_find("pbkdf2")->dep, "{:pbkdf2_elixir, \"~> 2.0\"}");
	CHECK_STR(auth_hashing_find("argon2")->test_config,
	          "config :argon2_elixir, t_cost: 1, m_cost: 8");
	CHECK(auth_hashing_find("scrypt") == NULL);
}

TEST(mix_dep)
{
	struct mx_buf out = MX_BUF_INIT;
	const char *f = "  defp deps do\n    [\n      {:phoenix, \"~> 1.7\"}\n    ]\n  end\n";
	CHECK_INT(RUN(auth_inject_mix_dep, f, bcrypt()->dep, &out), AUTH_INJ_DONE);
	CHECK_STR(out.buf, "  defp deps do\n    [\n      {:bcrypt_elixir, \"~> 3.0\"},\n"
	                   "      {:phoenix, \"~> 1.7\"}\n    ]\n  end\n");
	char *again = strdup(out.buf);
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_mix_dep, again, bcrypt()->dep, &out), AUTH_INJ_PRESENT);
	free(again);
	/* the split text is exact: another layout is not found */
	CHECK_INT(RUN(auth_inject_mix_dep, "  defp deps, do: []\n", bcrypt()->dep, &out),
	          AUTH_INJ_UNABLE);
	mx_buf_release(&out);
}

TEST(test_config)
{
	struct mx_buf out = MX_BUF_INIT;
	CHECK_INT(
	    RUN(auth_inject_test_config, "import Config\n\nconfig :a, b: 1\n", bcrypt(), &out),
	    AUTH_INJ_DONE);
	CHECK_STR(out.buf,
	          "import Config\n\n# Only in tests, remove the complexity from the password "
	          "hashing algorithm\nconfig :bcrypt_elixir, :log_rounds, 1\n\nconfig :a, b: "
	          "1\n");
	char *again = strdup(out.buf);
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_test_config, again, bcrypt(), &out), AUTH_INJ_PRESENT);
	free(again);
	/* a CRLF file gets CRLF lines */
	mx_buf_reset(&out);
	CHECK_INT(
	    RUN(auth_inject_test_config, "use Mix.Config\r\nconfig :a, 1\r\n", bcrypt(), &out),
	    AUTH_INJ_DONE);
	CHECK_STR(out.buf, "use Mix.Config\r\n\r\n# Only in tests, remove the complexity from the "
	                   "password hashing algorithm\r\nconfig :bcrypt_elixir, :log_rounds, 1\r\n"
	                   "config :a, 1\r\n");
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_test_config, "import  Config\n", bcrypt(), &out),
	          AUTH_INJ_UNABLE);
	mx_buf_release(&out);
}

TEST(router_plug)
{
	struct mx_buf out = MX_BUF_INIT;
	const char *f = "  pipeline :browser do\n    plug :protect_from_forgery\n"
	                "    plug :put_secure_browser_headers\n  end\n";
	CHECK_INT(RUN(auth_inject_router_plug, f, "user", &out), AUTH_INJ_DONE);
	CHECK_STR(out.buf, "  pipeline :browser do\n    plug :protect_from_forgery\n"
	                   "    plug :put_secure_browser_headers\n    plug :fetch_current_user\n"
	                   "  end\n");
	char *again = strdup(out.buf);
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_plug, again, "user", &out), AUTH_INJ_PRESENT);
	free(again);
	/* the lazy ^(\s*) starts on the blank line above: \1 holds its newline */
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_plug, "  x\n\n    plug :put_secure_browser_headers, %{}\n",
	              "user", &out),
	          AUTH_INJ_DONE);
	CHECK_STR(out.buf, "  x\n\n    plug :put_secure_browser_headers, %{}\n\n    plug "
	                   ":fetch_current_user\n");
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_plug, "  pipeline :browser do\n  end\n", "user", &out),
	          AUTH_INJ_UNABLE);
	mx_buf_release(&out);
}

TEST(router_import)
{
	struct mx_buf out = MX_BUF_INIT;
	const char *f = "defmodule HelloWeb.Router do\n  use HelloWeb, :router\nend\n";
	CHECK_INT(RUN(auth_inject_router_import, f, "HelloWeb", "HelloWeb.UserAuth", &out),
	          AUTH_INJ_DONE);
	CHECK_STR(out.buf, "defmodule HelloWeb.Router do\n  use HelloWeb, :router\n\n"
	                   "  import HelloWeb.UserAuth\nend\n");
	char *again = strdup(out.buf);
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_import, again, "HelloWeb", "HelloWeb.UserAuth", &out),
	          AUTH_INJ_PRESENT);
	free(again);
	/* String.replace/3 replaces every occurrence */
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_import, "use HelloWeb, :router\nuse HelloWeb, :router\n",
	              "HelloWeb", "A", &out),
	          AUTH_INJ_DONE);
	CHECK_STR(out.buf,
	          "use HelloWeb, :router\n\n  import A\nuse HelloWeb, :router\n\n  import A\n");
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_router_import, "use HelloWeb,  :router\n", "HelloWeb", "A", &out),
	          AUTH_INJ_UNABLE);
	mx_buf_release(&out);
}

TEST(layout_menu)
{
	struct mx_buf out = MX_BUF_INIT;
	const char *menu = "<ul>\n  <li/>\n</ul>";
	/* after the <body line, indented two more than it */
	CHECK_INT(RUN(auth_inject_layout_menu, "<html>\n  <body class=\"x\">\n    {@inner}\n",
	              "/users/log_in", menu, &out),
	          AUTH_INJ_DONE);
	CHECK_STR(out.buf, "<html>\n  <body class=\"x\">\n    <ul>\n      <li/>\n    </ul>\n"
	                   "    {@inner}\n");
	/* <nav> wins: at its end, before the whitespace that leads to </nav> */
	mx_buf_reset(&out);
	CHECK_INT(RUN(auth_inject_layout_menu, "<body>\n  <nav>\n    <a/>\n  </nav>\n",
	              "/users/log_in", menu, &out),
	          AUTH_INJ_DONE);
	CHECK_STR(out.buf,
	          "<body>\n  <nav>\n    <a/>\n    <ul>\n      <li/>\n    </ul>\n  </nav>\n");
	mx_buf_reset(&out);
	CHECK_INT(
	    RUN(auth_inject_layout_menu, "<a href=\"/users/log_in\">", "/users/log_in", menu, &out),
	    AUTH_INJ_PRESENT);
	CHECK_INT(RUN(auth_inject_layout_menu, "<main-body>\n</main-body>\n", "/users/log_in", menu,
	              &out),
	          AUTH_INJ_UNABLE);
	mx_buf_release(&out);
}

UNIT_MAIN()
