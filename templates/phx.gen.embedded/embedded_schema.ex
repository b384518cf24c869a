defmodule {% schema.module %} do
  use Ecto.Schema
  import Ecto.Changeset
  alias {% schema.module %}

  embedded_schema do {%# Phoenix's line ends in this space %}
{% for f in schema.fields %}
    field {% f.atom %}, {% f.schema_type %}{% f.schema_default %}{% f.redact_opt %}
{% end %}
{% for a in schema.assocs %}
    field {% a.key_atom %}, {% if schema.binary_id %}:binary_id{% else %}:id{% end %}
{% end %}
  end

  @doc false
  def changeset(%{% schema.alias %}{} = {% schema.singular %}, attrs) do
    {% schema.singular %}
    |> cast(attrs, [{% for f in schema.attrs join ", " %}{% f.atom %}{% end %}])
    |> validate_required([{% for f in schema.attrs join ", " %}{% f.atom %}{% end %}])
  end
end
