{% for u in schema.fixture_unique_functions %}
  @doc """
  Generate a unique {% schema.singular %} {% u.attr %}.
  """
{% u.def %}
{% end %}
  @doc """
  Generate a {% schema.singular %}.
  """
  def {% schema.singular %}_fixture(attrs \\ %{}) do
    {:ok, {% schema.singular %}} =
      attrs
      |> Enum.into(%{
{% for p in schema.fixture_params join ",\n" %}        {% p.key %}: {% p.code %}{% end %}
      })
      |> {% context.module %}.create_{% schema.singular %}()

    {% schema.singular %}
  end
