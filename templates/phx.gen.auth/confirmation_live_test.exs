defmodule {% context.web_module %}.{% auth.scoped %}ConfirmationLiveTest do
  use {% context.web_module %}.ConnCase{% auth.test_case_options %}

  import Phoenix.LiveViewTest
  import {% context.module %}Fixtures

  alias {% context.module %}
  alias {% schema.repo %}{% schema.repo_alias %}

  setup do
    %{{% schema.singular %}: {% schema.singular %}_fixture()}
  end

  describe "Confirm {% schema.singular %}" do
    test "renders confirmation page", %{conn: conn} do
      {:ok, _lv, html} = live(conn, ~p"{% schema.route_prefix %}/confirm/some-token")
      assert html =~ "Confirm Account"
    end

    test "confirms the given token once", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      token =
        extract_{% schema.singular %}_token(fn url ->
          {% context.alias %}.deliver_{% schema.singular %}_confirmation_instructions({% schema.singular %}, url)
        end)

      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/confirm/#{token}")

      result =
        lv
        |> form("#confirmation_form")
        |> render_submit()
        |> follow_redirect(conn, "/")

      assert {:ok, conn} = result

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~
               "{% schema.alias %} confirmed successfully"

      assert {% context.alias %}.get_{% schema.singular %}!({% schema.singular %}.id).confirmed_at
      refute get_session(conn, :{% schema.singular %}_token)
      assert Repo.all({% context.alias %}.{% schema.alias %}Token) == []

      # when not logged in
      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/confirm/#{token}")

      result =
        lv
        |> form("#confirmation_form")
        |> render_submit()
        |> follow_redirect(conn, "/")

      assert {:ok, conn} = result

      assert Phoenix.Flash.get(conn.assigns.flash, :error) =~
               "{% schema.alias %} confirmation link is invalid or it has expired"

      # when logged in
      conn =
        build_conn()
        |> log_in_{% schema.singular %}({% schema.singular %})

      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/confirm/#{token}")

      result =
        lv
        |> form("#confirmation_form")
        |> render_submit()
        |> follow_redirect(conn, "/")

      assert {:ok, conn} = result
      refute Phoenix.Flash.get(conn.assigns.flash, :error)
    end

    test "does not confirm email with invalid token", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, lv, _html} = live(conn, ~p"{% schema.route_prefix %}/confirm/invalid-token")

      {:ok, conn} =
        lv
        |> form("#confirmation_form")
        |> render_submit()
        |> follow_redirect(conn, ~p"/")

      assert Phoenix.Flash.get(conn.assigns.flash, :error) =~
               "{% schema.alias %} confirmation link is invalid or it has expired"

      refute {% context.alias %}.get_{% schema.singular %}!({% schema.singular %}.id).confirmed_at
    end
  end
end
