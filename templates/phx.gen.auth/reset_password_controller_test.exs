defmodule {% context.web_module %}.{% auth.scoped %}ResetPasswordControllerTest do
  use {% context.web_module %}.ConnCase{% auth.test_case_options %}

  alias {% context.module %}
  alias {% schema.repo %}{% schema.repo_alias %}
  import {% context.module %}Fixtures

  setup do
    %{{% schema.singular %}: {% schema.singular %}_fixture()}
  end

  describe "GET {% schema.route_prefix %}/reset_password" do
    test "renders the reset password page", %{conn: conn} do
      conn = get(conn, ~p"{% schema.route_prefix %}/reset_password")
      response = html_response(conn, 200)
      assert response =~ "Forgot your password?"
    end
  end

  describe "POST {% schema.route_prefix %}/reset_password" do
    @tag :capture_log
    test "sends a new reset password token", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      conn =
        post(conn, ~p"{% schema.route_prefix %}/reset_password", %{
          "{% schema.singular %}" => %{"email" => {% schema.singular %}.email}
        })

      assert redirected_to(conn) == ~p"/"

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~
               "If your email is in our system"

      assert Repo.get_by!({% context.alias %}.{% schema.alias %}Token, {% schema.singular %}_id: {% schema.singular %}.id).context == "reset_password"
    end

    test "does not send reset password token if email is invalid", %{conn: conn} do
      conn =
        post(conn, ~p"{% schema.route_prefix %}/reset_password", %{
          "{% schema.singular %}" => %{"email" => "unknown@example.com"}
        })

      assert redirected_to(conn) == ~p"/"

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~
               "If your email is in our system"

      assert Repo.all({% context.alias %}.{% schema.alias %}Token) == []
    end
  end

  describe "GET {% schema.route_prefix %}/reset_password/:token" do
    setup %{{% schema.singular %}: {% schema.singular %}} do
      token =
        extract_{% schema.singular %}_token(fn url ->
          {% context.alias %}.deliver_{% schema.singular %}_reset_password_instructions({% schema.singular %}, url)
        end)

      %{token: token}
    end

    test "renders reset password", %{conn: conn, token: token} do
      conn = get(conn, ~p"{% schema.route_prefix %}/reset_password/#{token}")
      assert html_response(conn, 200) =~ "Reset password"
    end

    test "does not render reset password with invalid token", %{conn: conn} do
      conn = get(conn, ~p"{% schema.route_prefix %}/reset_password/oops")
      assert redirected_to(conn) == ~p"/"

      assert Phoenix.Flash.get(conn.assigns.flash, :error) =~
               "Reset password link is invalid or it has expired"
    end
  end

  describe "PUT {% schema.route_prefix %}/reset_password/:token" do
    setup %{{% schema.singular %}: {% schema.singular %}} do
      token =
        extract_{% schema.singular %}_token(fn url ->
          {% context.alias %}.deliver_{% schema.singular %}_reset_password_instructions({% schema.singular %}, url)
        end)

      %{token: token}
    end

    test "resets password once", %{conn: conn, {% schema.singular %}: {% schema.singular %}, token: token} do
      conn =
        put(conn, ~p"{% schema.route_prefix %}/reset_password/#{token}", %{
          "{% schema.singular %}" => %{
            "password" => "new valid password",
            "password_confirmation" => "new valid password"
          }
        })

      assert redirected_to(conn) == ~p"{% schema.route_prefix %}/log_in"
      refute get_session(conn, :{% schema.singular %}_token)

      assert Phoenix.Flash.get(conn.assigns.flash, :info) =~
               "Password reset successfully"

      assert {% context.alias %}.get_{% schema.singular %}_by_email_and_password({% schema.singular %}.email, "new valid password")
    end

    test "does not reset password on invalid data", %{conn: conn, token: token} do
      conn =
        put(conn, ~p"{% schema.route_prefix %}/reset_password/#{token}", %{
          "{% schema.singular %}" => %{
            "password" => "too short",
            "password_confirmation" => "does not match"
          }
        })

      assert html_response(conn, 200) =~ "something went wrong"
    end

    test "does not reset password with invalid token", %{conn: conn} do
      conn = put(conn, ~p"{% schema.route_prefix %}/reset_password/oops")
      assert redirected_to(conn) == ~p"/"

      assert Phoenix.Flash.get(conn.assigns.flash, :error) =~
               "Reset password link is invalid or it has expired"
    end
  end
end
