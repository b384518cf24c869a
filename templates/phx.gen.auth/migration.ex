defmodule {% schema.repo %}.Migrations.Create{% schema.table_camel %}AuthTables do
  use {% schema.migration_module %}

  def change do
{% if auth.postgres %}
    execute "CREATE EXTENSION IF NOT EXISTS citext", ""

{% end %}
{% if schema.binary_id %}
    create table(:{% schema.table %}, primary_key: false) do
      add :id, :binary_id, primary_key: true
{% else %}
    create table(:{% schema.table %}) do
{% end %}
      {% auth.email_column %}
      add :hashed_password, :string, null: false
      add :confirmed_at, {% auth.timestamp_type %}

      timestamps({% schema.timestamps_args %})
    end

    create unique_index(:{% schema.table %}, [:email])

{% if schema.binary_id %}
    create table(:{% schema.table %}_tokens, primary_key: false) do
      add :id, :binary_id, primary_key: true
      add :{% schema.singular %}_id, references(:{% schema.table %}, type: :binary_id, on_delete: :delete_all), null: false
{% else %}
    create table(:{% schema.table %}_tokens) do
      add :{% schema.singular %}_id, references(:{% schema.table %}, on_delete: :delete_all), null: false
{% end %}
      {% auth.token_column %}
      add :context, :string, null: false
      add :sent_to, :string

      timestamps({% auth.timestamps_type_comma %}updated_at: false)
    end

    create index(:{% schema.table %}_tokens, [:{% schema.singular %}_id])
    create unique_index(:{% schema.table %}_tokens, [:context, :token])
  end
end
