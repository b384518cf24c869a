defmodule Shop.Repo.Migrations.CreateItems do
  use Ecto.Migration

  @disable_ddl_transaction false

  def change do
    execute "CREATE EXTENSION IF NOT EXISTS citext", "DROP EXTENSION IF EXISTS citext"

    create table(:carts, primary_key: false) do
      add :id, :binary_id, primary_key: true
      add :email, :citext, null: false
      timestamps(type: :utc_datetime)
    end

    create table(:items) do
      add :name, :string, null: false, size: 120
      add :price, :decimal, precision: 10, scale: 2, default: 0
      add :tags, {:array, :string}, default: []
      add :cart_id, references(:carts, on_delete: :delete_all, type: :binary_id)

      timestamps()
    end

    create index(:items, [:cart_id])
    create unique_index(:items, [:name, :cart_id], name: :items_name_cart_id_index)

    for col <- [:name, :price] do
      create_if_not_exists index(:items, [col], where: "#{col} IS NOT NULL")
    end

    alter table(:items) do
      modify :price, :decimal, from: :integer
      remove :legacy, :string
    end

    rename table(:items), :tags, to: :labels
    create constraint(:items, :price_must_be_positive, check: "price >= 0")
  end
end
