defmodule Shop.OrdersTest do
  use Shop.DataCase, async: true

  alias Shop.Orders

  describe "items" do
    alias Shop.Orders.Item

    import Shop.OrdersFixtures

    @invalid_attrs %{name: nil, price: nil}

    test "list_items/0 returns all items" do
      item = item_fixture()
      assert Orders.list_items() == [item]
    end

    test "create_item/1 with valid data creates a item" do
      valid_attrs = %{name: "some name", price: "120.5"}

      assert {:ok, %Item{} = item} = Orders.create_item(valid_attrs)
      assert item.name == "some name"
      assert item.price == Decimal.new("120.5")
    end

    test "create_item/1 with invalid data returns error changeset" do
      assert {:error, %Ecto.Changeset{}} = Orders.create_item(@invalid_attrs)
    end

    test "update_item/2", %{conn: _conn} = context do
      item = item_fixture()
      update_attrs = %{name: "some updated name"}

      assert {:ok, %Item{} = item} = Orders.update_item(item, update_attrs)
      assert item.name == "some updated name"
      refute context[:skip]
      assert_raise Ecto.NoResultsError, fn -> Orders.get_item!(-1) end
      assert %{name: ["can't be blank"]} = errors_on(Orders.change_item(%Item{}, %{}))
      assert <<_::binary-size(2), _rest::binary>> = item.name
      assert 0..10//2 |> Enum.to_list() |> length() == 6
      assert ?a in ~c"abc" and "x" not in ["y"]
    end
  end
end
