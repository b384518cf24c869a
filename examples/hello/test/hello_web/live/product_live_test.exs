defmodule HelloWeb.ProductLiveTest do
  use HelloWeb.ConnCase

  import Phoenix.LiveViewTest

  describe "Index" do
    test "lists all products", %{conn: conn} do
      {:ok, _index_live, html} = live(conn, ~p"/products")

      assert html =~ "Listing Products"
      assert html =~ "Elixir mug"
      assert html =~ "4 products match."
    end

    test "searches by name and keeps the search in the URL", %{conn: conn} do
      {:ok, index_live, _html} = live(conn, ~p"/products")

      html =
        index_live
        |> form("#product-search", search: %{q: "PHOENIX"})
        |> render_change()

      assert_patch(index_live, ~p"/products?q=PHOENIX")
      assert html =~ "Phoenix T-shirt"
      refute html =~ "Elixir mug"
      assert html =~ "One product matches."
    end

    test "hides sold out products on request", %{conn: conn} do
      {:ok, _index_live, html} = live(conn, ~p"/products?in_stock=true")

      assert html =~ "3 products match."
      refute html =~ "LiveView poster"
    end
  end

  describe "Show" do
    test "displays a product", %{conn: conn} do
      {:ok, _show_live, html} = live(conn, ~p"/products/2")

      assert html =~ "Phoenix T-shirt"
      assert html =~ "$24.00"
    end

    test "keeps the quantity between 1 and the stock", %{conn: conn} do
      {:ok, show_live, _html} = live(conn, ~p"/products/2")

      assert has_element?(show_live, "button[phx-value-by='-1'][disabled]")
      render_click(show_live, "change_quantity", %{"by" => "-1"})
      assert show_live |> element("#quantity") |> render() =~ ">1<"

      for _ <- 1..20, do: render_click(show_live, "change_quantity", %{"by" => "1"})
      assert show_live |> element("#quantity") |> render() =~ ">12<"
    end

    test "a missing product is a 404", %{conn: conn} do
      assert_error_sent 404, fn -> get(conn, ~p"/products/999") end
    end
  end
end
