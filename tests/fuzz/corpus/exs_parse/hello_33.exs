defmodule HelloWeb.ProductLive.Show do
  use HelloWeb, :live_view

  alias Hello.Catalog
  alias Hello.Catalog.Product

  @impl true
  def mount(_params, _session, socket) do
    {:ok, assign(socket, :quantity, 1)}
  end

  @impl true
  def handle_params(%{"id" => id}, _url, socket) do
    product = Catalog.get_product!(id)

    {:noreply,
     socket
     |> assign(:page_title, product.name)
     |> assign(:product, product)}
  end

  @impl true
  def handle_event("change_quantity", %{"by" => by}, socket) do
    limit = max(socket.assigns.product.stock, 1)
    quantity = socket.assigns.quantity + String.to_integer(by)
    {:noreply, assign(socket, :quantity, quantity |> max(1) |> min(limit))}
  end

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      {@product.name}
      <:subtitle>Product {@product.id} of the catalogue.</:subtitle>
    </.header>

    <.list>
      <:item title="Name">{@product.name}</:item>
      <:item title="Price">${Decimal.to_string(@product.price, :normal)}</:item>
      <:item title="Stock">{@product.stock}</:item>
    </.list>

    <div :if={Product.in_stock?(@product)} class="mt-8 flex items-center gap-4">
      <.button phx-click="change_quantity" phx-value-by="-1" disabled={@quantity <= 1}>-</.button>
      <span id="quantity" class="text-sm font-semibold">{@quantity}</span>
      <.button phx-click="change_quantity" phx-value-by="1" disabled={@quantity >= @product.stock}>
        +
      </.button>
    </div>

    <.back navigate={~p"/products"}>Back to products</.back>
    """
  end
end
