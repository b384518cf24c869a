defmodule {% schema.module %} do
  use Ecto.Schema
  import Ecto.Changeset

{% if schema.prefix %}
  @schema_prefix :{% schema.prefix %}
{% end %}
{% if schema.binary_id %}
  @primary_key {:id, :binary_id, autogenerate: true}
  @foreign_key_type :binary_id
{% end %}
  schema {% schema.table_inspect %} do
{% for f in schema.fields %}
    field {% f.atom %}, {% f.schema_type %}{% f.schema_default %}{% f.redact_opt %}
{% else %}

{% end %}
{% for a in schema.assocs %}
    field {% a.key_atom %}, {% if schema.binary_id %}:binary_id{% else %}:id{% end %}
{% end %}

    timestamps({% schema.timestamps_args %})
  end

  @doc false
  def changeset({% schema.singular %}, attrs) do
    {% schema.singular %}
    |> cast(attrs, [{% for f in schema.attrs join ", " %}{% f.atom %}{% end %}])
    |> validate_required([{% for f in schema.required join ", " %}{% f.atom %}{% end %}])
{% for u in schema.uniques %}
    |> unique_constraint({% u.atom %})
{% end %}
  end
end
