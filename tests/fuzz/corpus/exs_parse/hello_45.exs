defmodule HelloWeb.UserControllerTest do
  use HelloWeb.ConnCase

  alias Hello.Accounts
  alias Hello.Accounts.User

  @create_attrs %{
    email: "jose@example.com",
    name: "José",
    age: 38
  }
  @update_attrs %{
    email: "chris@example.com",
    name: "Chris",
    age: 41
  }
  @invalid_attrs %{email: nil, name: nil, age: nil}

  setup %{conn: conn} do
    {:ok, conn: put_req_header(conn, "accept", "application/json")}
  end

  describe "index" do
    test "lists all users", %{conn: conn} do
      conn = get(conn, ~p"/api/users")
      assert json_response(conn, 200)["data"] == []
    end
  end

  describe "create user" do
    test "renders user when data is valid", %{conn: conn} do
      conn = post(conn, ~p"/api/users", user: @create_attrs)
      assert %{"id" => id} = json_response(conn, 201)["data"]
      assert get_resp_header(conn, "location") == ["/api/users/#{id}"]

      conn = get(conn, ~p"/api/users/#{id}")

      assert %{
               "id" => ^id,
               "age" => 38,
               "email" => "jose@example.com",
               "name" => "José"
             } = json_response(conn, 200)["data"]
    end

    test "downcases the email", %{conn: conn} do
      conn = post(conn, ~p"/api/users", user: %{@create_attrs | email: "Jose@Example.COM"})
      assert %{"email" => "jose@example.com"} = json_response(conn, 201)["data"]
    end

    test "renders errors when data is invalid", %{conn: conn} do
      conn = post(conn, ~p"/api/users", user: @invalid_attrs)
      assert json_response(conn, 422)["errors"] == %{"email" => ["can't be blank"]}
    end

    test "renders errors when the email is taken", %{conn: conn} do
      {:ok, _user} = Accounts.create_user(@create_attrs)
      conn = post(conn, ~p"/api/users", user: @create_attrs)
      assert json_response(conn, 422)["errors"] == %{"email" => ["has already been taken"]}
    end
  end

  describe "update user" do
    setup [:create_user]

    test "renders user when data is valid", %{conn: conn, user: %User{id: id} = user} do
      conn = put(conn, ~p"/api/users/#{user}", user: @update_attrs)
      assert %{"id" => ^id} = json_response(conn, 200)["data"]

      conn = get(conn, ~p"/api/users/#{id}")

      assert %{
               "id" => ^id,
               "age" => 41,
               "email" => "chris@example.com",
               "name" => "Chris"
             } = json_response(conn, 200)["data"]
    end

    test "renders errors when data is invalid", %{conn: conn, user: user} do
      conn = put(conn, ~p"/api/users/#{user}", user: @invalid_attrs)
      assert json_response(conn, 422)["errors"] != %{}
    end
  end

  describe "delete user" do
    setup [:create_user]

    test "deletes chosen user", %{conn: conn, user: user} do
      conn = delete(conn, ~p"/api/users/#{user}")
      assert response(conn, 204)

      assert_error_sent 404, fn ->
        get(conn, ~p"/api/users/#{user}")
      end
    end
  end

  defp create_user(_) do
    {:ok, user} = Accounts.create_user(@create_attrs)
    %{user: user}
  end
end
