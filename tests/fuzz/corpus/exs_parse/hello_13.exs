defmodule Hello.Catalog do
  @moduledoc """
  The Catalog context: a small, fixed catalogue of products.

  The products are defined in code rather than stored in the
  database, so that this example keeps exactly the three migrations
  its build tests expect.
  """

  alias Hello.Catalog.Product

  defmodule NotFoundError do
    @moduledoc "Raised when no product has the requested id; renders as a 404."
    defexception [:message, plug_status: 404]
  end

  @products [
    %{id: 1, name: "Elixir mug", price: "12.50", stock: 40},
    %{id: 2, name: "Phoenix T-shirt", price: "24.00", stock: 12},
    %{id: 3, name: "Ecto sticker pack", price: "4.99", stock: 250},
    %{id: 4, name: "LiveView poster", price: "18.75", stock: 0}
  ]

  @doc """
  Returns every product, by id.
  """
  def list_products do
    Enum.map(@products, &to_product/1)
  end

  @doc """
  Returns the products whose name contains `query`, ignoring case.
  A blank query matches everything.
  """
  def search_products(query) when is_binary(query) do
    case String.trim(query) do
      "" ->
        list_products()

      term ->
        term = String.downcase(term)
        Enum.filter(list_products(), &String.contains?(String.downcase(&1.name), term))
    end
  end

  @doc """
  Gets a single product.

  Raises `Hello.Catalog.NotFoundError` (a 404) if there is none.
  """
  def get_product!(id) when is_binary(id), do: get_product!(String.to_integer(id))

  def get_product!(id) when is_integer(id) do
    case Enum.find(@products, &(&1.id == id)) do
      nil -> raise NotFoundError, message: "no product with id #{id}"
      attrs -> to_product(attrs)
    end
  end

  @doc """
  Returns an `%Ecto.Changeset{}` for a search, validated like a form.
  """
  def change_search(params \\ %{}) do
    types = %{q: :string, in_stock: :boolean}

    {%{q: "", in_stock: false}, types}
    |> Ecto.Changeset.cast(params, Map.keys(types))
    |> Ecto.Changeset.validate_length(:q, max: 50)
  end

  defp to_product(%{price: price} = attrs) do
    struct!(Product, %{attrs | price: Decimal.new(price)})
  end
end
