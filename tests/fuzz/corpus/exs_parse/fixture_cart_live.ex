defmodule ShopWeb.CartLive.Index do
  use ShopWeb, :live_view

  alias Shop.Orders
  alias Shop.Orders.{Cart, Item}

  @impl true
  def mount(_params, _session, socket) do
    {:ok, stream(socket, :items, Orders.list_items())}
  end

  @impl true
  def handle_params(params, _url, socket) do
    {:noreply, apply_action(socket, socket.assigns.live_action, params)}
  end

  defp apply_action(socket, :edit, %{"id" => id}) do
    socket
    |> assign(:page_title, "Edit Item")
    |> assign(:item, Orders.get_item!(id))
  end

  defp apply_action(socket, :index, _params) do
    socket
    |> assign(:page_title, "Listing Items")
    |> assign(:item, nil)
  end

  @impl true
  def handle_event("delete", %{"id" => id}, socket) do
    item = Orders.get_item!(id)
    {:ok, _} = Orders.delete_item(item)

    {:noreply, stream_delete(socket, :items, item)}
  end

  def handle_info({ShopWeb.CartLive.FormComponent, {:saved, item}}, socket) do
    {:noreply, stream_insert(socket, :items, item)}
  end

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      Listing Items
      <:actions>
        <.link patch={~p"/cart/#{@item}/edit"}>
          <.button>New Item</.button>
        </.link>
      </:actions>
    </.header>

    <.table id="items" rows={@streams.items} row_click={fn {_id, item} -> JS.navigate(~p"/cart/#{item}") end}>
      <:col :let={{_id, item}} label="Name"><%= item.name %></:col>
      <:action :let={{id, item}}>
        <.link phx-click={JS.push("delete", value: %{id: item.id}) |> hide("##{id}")} data-confirm="Are you sure?">
          Delete
        </.link>
      </:action>
    </.table>
    """
  end

  defp total(items), do: Enum.reduce(items, 0, &(&1.price * &1.quantity + &2))
end
