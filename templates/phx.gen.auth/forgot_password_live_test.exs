defmodule {% context.web_module %}.{% auth.scoped %}ForgotPasswordLiveTest do
  use {% context.web_module %}.ConnCase{% auth.test_case_options %}

  import Phoenix.LiveViewTest
  import {% context.module %}Fixtures

  alias {% context.module %}
  alias {% schema.repo %}{% schema.repo_alias %}

  describe "Forgot password page" do
    test "renders email page", %{conn: conn} do
      {:ok, lv, html} = live(conn, ~p"{% schema.route_prefix %}/reset_password")

      assert html =~ "Forgot your password?"
      assert has_element?(lv, ~s|a[href="#{~p"{% schema.route_prefix %}/register"}"]|, "Register")
      assert has_element?(lv, ~s|a[href="#{~p"{% schema.route_prefix %}/log_in"}"]|, "Log in")
    end

    test "redirects if already logged in", %{conn: conn} do
      result =
        conn
        |> log_in_{% schema.singular %}({% schema.singular %}_fixture())
        |> live(~p"{% schema.route_prefix %}/reset_password")
        |> follow_redirect(conn, ~p"/")

      assert {:ok, _conn} = result
    end
  end

  describe "Reset link" do
    setup do
      %{{% schema.singular %}: {% schema.singular %}_fixture()}
    end

    test "sends a new reset password token", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/reset_password")

      {:ok, conn} =
        lv
        |> form("#reset_password_form", {% schema.singular %}: %{"email" => {% schema.singular %}.email})
        |> render_submit()
        |> follow_redirect(conn, "/")

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~ "If your email is in our system"

      assert Repo.get_by!({% context.alias %}.{% schema.alias %}Token, {% schema.singular %}_id: {% schema.singular %}.id).context ==
               "reset_password"
    end

    test "does not send reset password token if email is invalid", %{conn: conn} do
      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/reset_password")

      {:ok, conn} =
        lv
        |> form("#reset_password_form", {% schema.singular %}: %{"email" => "unknown@example.com"})
        |> render_submit()
        |> follow_redirect(conn, "/")

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~ "If your email is in our system"
      assert Repo.all({% context.alias %}.{% schema.alias %}Token) == []
    end
  end
end
