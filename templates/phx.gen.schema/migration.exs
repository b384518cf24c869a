defmodule {% schema.repo %}.Migrations.Create{% schema.table_camel %} do
  use {% schema.migration_module %}

  def change do
    create table(:{% schema.table %}{% if schema.binary_id %}, primary_key: false{% end %}{% if schema.prefix %}, prefix: :{% schema.prefix %}{% end %}) do
{% if schema.binary_id %}
      add :id, :binary_id, primary_key: true
{% end %}
{% for f in schema.attrs %}
      add {% f.atom %}, {% f.migration_type %}{% f.migration_default %}
{% end %}
{% for a in schema.assocs %}
      add {% a.key_atom %}, references({% a.table_atom %}, on_delete: :nothing{% if schema.binary_id %}, type: :binary_id{% end %})
{% end %}

      timestamps({% schema.timestamps_args %})
    end
{% if schema.has_indexes %}

{% for i in schema.indexes %}
    {% i %}
{% end %}
{% end %}
  end
end
