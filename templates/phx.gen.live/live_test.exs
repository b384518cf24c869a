defmodule {% web.resource %}LiveTest do
  use {% context.web_module %}.ConnCase

  import Phoenix.LiveViewTest
  import {% context.module %}Fixtures

  @create_attrs {% web.params.live_create %}
  @update_attrs {% web.params.live_update %}
  @invalid_attrs {% web.params.live_invalid %}

  defp create_{% schema.singular %}(_) do
    {% schema.singular %} = {% schema.singular %}_fixture()
    %{{% schema.singular %}: {% schema.singular %}}
  end

  describe "Index" do
    setup [:create_{% schema.singular %}]

{% if schema.string_attr %}
    test "lists all {% schema.plural %}", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
{% else %}
    test "lists all {% schema.plural %}", %{conn: conn} do
{% end %}
      {:ok, _index_live, html} = live(conn, ~p"{% schema.route_prefix %}")

      assert html =~ "Listing {% schema.human_plural %}"
{% if schema.string_attr %}
      assert html =~ {% schema.singular %}.{% schema.string_attr %}
{% end %}
    end

    test "saves new {% schema.singular %}", %{conn: conn} do
      {:ok, index_live, _html} = live(conn, ~p"{% schema.route_prefix %}")

      assert index_live |> element("a", "New {% schema.human_singular %}") |> render_click() =~
               "New {% schema.human_singular %}"

      assert_patch(index_live, ~p"{% schema.route_prefix %}/new")

      assert index_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @invalid_attrs)
             |> render_change() =~ "can&#39;t be blank"

      assert index_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @create_attrs)
             |> render_submit()

      assert_patch(index_live, ~p"{% schema.route_prefix %}")

      html = render(index_live)
      assert html =~ "{% schema.human_singular %} created successfully"
{% if schema.string_attr %}
      assert html =~ "some {% schema.string_attr %}"
{% end %}
    end

    test "updates {% schema.singular %} in listing", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, index_live, _html} = live(conn, ~p"{% schema.route_prefix %}")

      assert index_live |> element("#{% schema.plural %}-#{{% schema.singular %}.id} a", "Edit") |> render_click() =~
               "Edit {% schema.human_singular %}"

      assert_patch(index_live, ~p"{% schema.route_prefix %}/#{{% schema.singular %}}/edit")

      assert index_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @invalid_attrs)
             |> render_change() =~ "can&#39;t be blank"

      assert index_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @update_attrs)
             |> render_submit()

      assert_patch(index_live, ~p"{% schema.route_prefix %}")

      html = render(index_live)
      assert html =~ "{% schema.human_singular %} updated successfully"
{% if schema.string_attr %}
      assert html =~ "some updated {% schema.string_attr %}"
{% end %}
    end

    test "deletes {% schema.singular %} in listing", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, index_live, _html} = live(conn, ~p"{% schema.route_prefix %}")

      assert index_live |> element("#{% schema.plural %}-#{{% schema.singular %}.id} a", "Delete") |> render_click()
      refute has_element?(index_live, "#{% schema.plural %}-#{{% schema.singular %}.id}")
    end
  end

  describe "Show" do
    setup [:create_{% schema.singular %}]

    test "displays {% schema.singular %}", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, _show_live, html} = live(conn, ~p"{% schema.route_prefix %}/#{{% schema.singular %}}")

      assert html =~ "Show {% schema.human_singular %}"
{% if schema.string_attr %}
      assert html =~ {% schema.singular %}.{% schema.string_attr %}
{% end %}
    end

    test "updates {% schema.singular %} within modal", %{conn: conn, {% schema.singular %}: {% schema.singular %}} do
      {:ok, show_live, _html} = live(conn, ~p"{% schema.route_prefix %}/#{{% schema.singular %}}")

      assert show_live |> element("a", "Edit") |> render_click() =~
               "Edit {% schema.human_singular %}"

      assert_patch(show_live, ~p"{% schema.route_prefix %}/#{{% schema.singular %}}/show/edit")

      assert show_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @invalid_attrs)
             |> render_change() =~ "can&#39;t be blank"

      assert show_live
             |> form("#{% schema.singular %}-form", {% schema.singular %}: @update_attrs)
             |> render_submit()

      assert_patch(show_live, ~p"{% schema.route_prefix %}/#{{% schema.singular %}}")

      html = render(show_live)
      assert html =~ "{% schema.human_singular %} updated successfully"
{% if schema.string_attr %}
      assert html =~ "some updated {% schema.string_attr %}"
{% end %}
    end
  end
end
