defmodule {% web.resource %}JSON do
  alias {% schema.module %}

  @doc """
  Renders a list of {% schema.plural %}.
  """
  def index(%{{% schema.plural %}: {% schema.plural %}}) do
    %{data: for({% schema.singular %} <- {% schema.plural %}, do: data({% schema.singular %}))}
  end

  @doc """
  Renders a single {% schema.singular %}.
  """
  def show(%{{% schema.singular %}: {% schema.singular %}}) do
    %{data: data({% schema.singular %})}
  end

  defp data(%{% schema.alias %}{} = {% schema.singular %}) do
    %{
      id: {% schema.singular %}.id{% for f in schema.attrs %},
      {% f.name %}: {% schema.singular %}.{% f.name %}{% end %}
    }
  end
end
