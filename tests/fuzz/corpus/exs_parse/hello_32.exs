defmodule HelloWeb.ProductLive.Index do
  use HelloWeb, :live_view

  alias Hello.Catalog
  alias Hello.Catalog.Product

  @impl true
  def mount(_params, _session, socket) do
    {:ok,
     socket
     |> assign(:page_title, "Listing Products")
     |> assign(:count, 0)
     |> stream(:products, [])}
  end

  # The search lives in the URL (?q=...&in_stock=true), so a reload
  # or a shared link shows the same list.
  @impl true
  def handle_params(params, _url, socket) do
    changeset = Catalog.change_search(Map.take(params, ["q", "in_stock"]))
    search = Ecto.Changeset.apply_changes(changeset)

    # Ecto casts an empty parameter to nil, hence the defaults here.
    products =
      (search.q || "")
      |> Catalog.search_products()
      |> Enum.filter(&(search.in_stock != true or Product.in_stock?(&1)))

    {:noreply,
     socket
     |> assign(:form, to_form(changeset, as: :search))
     |> assign(:count, length(products))
     |> stream(:products, products, reset: true)}
  end

  @impl true
  def handle_event("search", %{"search" => search_params}, socket) do
    params =
      search_params
      |> Map.take(["q", "in_stock"])
      |> Enum.reject(fn {_key, value} -> value in ["", "false"] end)

    {:noreply, push_patch(socket, to: ~p"/products?#{params}")}
  end

  def handle_event("clear", _params, socket) do
    {:noreply, push_patch(socket, to: ~p"/products")}
  end

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      Listing Products
      <:subtitle>
        {ngettext("One product matches.", "%{count} products match.", @count)}
      </:subtitle>
      <:actions>
        <.button phx-click="clear" type="button">Clear search</.button>
      </:actions>
    </.header>

    <.simple_form for={@form} id="product-search" phx-change="search" phx-submit="search">
      <.input field={@form[:q]} type="search" label="Name" phx-debounce="300" />
      <.input field={@form[:in_stock]} type="checkbox" label="In stock only" />
    </.simple_form>

    <.table
      id="products"
      rows={@streams.products}
      row_click={fn {_id, product} -> JS.navigate(~p"/products/#{product.id}") end}
    >
      <:col :let={{_id, product}} label="Name">{product.name}</:col>
      <:col :let={{_id, product}} label="Price">${Decimal.to_string(product.price, :normal)}</:col>
      <:col :let={{_id, product}} label="Stock">
        <span :if={Product.in_stock?(product)}>{product.stock}</span>
        <span :if={!Product.in_stock?(product)} class="text-rose-600">Sold out</span>
      </:col>
      <:action :let={{_id, product}}>
        <.link navigate={~p"/products/#{product.id}"}>Show</.link>
      </:action>
    </.table>
    """
  end
end
