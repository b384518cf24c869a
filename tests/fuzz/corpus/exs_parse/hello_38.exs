defmodule Hello.Repo.Migrations.CreateUsers do
  use Ecto.Migration

  def change do
    create table(:users) do
      add :email, :string, null: false
      add :name, :string
      add :age, :integer

      timestamps(type: :utc_datetime)
    end

    create unique_index(:users, [:email])
  end
end
