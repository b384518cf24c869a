defmodule Shop.Orders.Item do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key {:id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
  schema "items" do
    field :name, :string
    field :price, :decimal
    field :quantity, :integer, default: 1
    field :tags, {:array, :string}, default: []
    field :status, Ecto.Enum, values: [:draft, :live, :"sold out"]
    belongs_to :cart, Shop.Orders.Cart

    timestamps(type: :utc_datetime)
  end

  @required ~w(name price)a
  @optional ~w(quantity tags status cart_id)a

  @doc false
  def changeset(item, attrs) do
    item
    |> cast(attrs, @required ++ @optional)
    |> validate_required(@required)
    |> validate_number(:quantity, greater_than: 0, less_than_or_equal_to: 1_000)
    |> validate_format(:name, ~r/^[\w\s-]+$/u, message: "has invalid characters")
    |> unique_constraint([:name, :cart_id], name: :items_name_cart_id_index)
    |> then(fn cs -> if get_change(cs, :price) == 0, do: add_error(cs, :price, "free?"), else: cs end)
  end

  def price_label(%__MODULE__{price: price, quantity: qty}) when qty >= 1,
    do: "#{qty} × #{Decimal.to_string(price)}"
end
