defmodule Shop.Orders do
  @moduledoc """
  The Orders context.
  """

  import Ecto.Query, warn: false
  alias Shop.Repo

  alias Shop.Orders.Item

  @doc """
  Returns the list of items.

  ## Examples

      iex> list_items()
      [%Item{}, ...]

  """
  def list_items do
    Repo.all(Item)
  end

  def list_items_by(%{} = filters) when map_size(filters) > 0 do
    from(i in Item,
      where: i.price > ^Map.get(filters, :min_price, 0) and not is_nil(i.name),
      order_by: [desc: i.inserted_at],
      select: {i.id, i.name}
    )
    |> Repo.all()
  end

  def get_item!(id), do: Repo.get!(Item, id)

  def create_item(attrs \\ %{}) do
    %Item{}
    |> Item.changeset(attrs)
    |> Repo.insert()
  end

  def update_item(%Item{} = item, attrs) do
    item
    |> Item.changeset(attrs)
    |> Repo.update()
  end

  def delete_item(%Item{} = item) do
    Repo.delete(item)
  end

  def change_item(%Item{} = item, attrs \\ %{}) do
    Item.changeset(item, attrs)
  end

  def total_cents(items) do
    for %Item{price: p, quantity: q} <- items, q > 0, reduce: 0 do
      acc -> acc + round(p * 100) * q
    end
  end

  def checkout(cart) do
    with {:ok, cart} <- validate(cart),
         {:ok, order} <- Repo.transaction(fn -> insert_order(cart) end) do
      {:ok, order}
    else
      {:error, %Ecto.Changeset{} = cs} -> {:error, cs}
      {:error, reason} when is_atom(reason) -> {:error, Atom.to_string(reason)}
      _ -> :error
    end
  end

  defp validate(%{items: []}), do: {:error, :empty}
  defp validate(cart), do: {:ok, cart}

  defp insert_order(cart) do
    try do
      Repo.insert!(%Shop.Orders.Order{cart_id: cart.id})
    rescue
      e in [Ecto.InvalidChangesetError] -> Repo.rollback(e.changeset)
    catch
      :exit, _ -> Repo.rollback(:timeout)
    after
      :telemetry.execute([:shop, :checkout], %{count: 1})
    end
  end
end
