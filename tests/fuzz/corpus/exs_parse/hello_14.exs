defmodule Hello.Catalog.Product do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key {:id, :id, autogenerate: false}
  embedded_schema do
    field :name, :string
    field :price, :decimal
    field :stock, :integer, default: 0
  end

  @doc false
  def changeset(product, attrs) do
    product
    |> cast(attrs, [:name, :price, :stock])
    |> validate_required([:name, :price])
    |> validate_number(:price, greater_than: 0)
    |> validate_number(:stock, greater_than_or_equal_to: 0)
  end

  @doc """
  True when the product can be ordered.
  """
  def in_stock?(%__MODULE__{stock: stock}), do: stock > 0
end
