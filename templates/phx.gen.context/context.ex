defmodule {% context.module %} do
  @moduledoc """
  The {% context.name %} context.
  """

  import Ecto.Query, warn: false
  alias {% schema.repo %}{% schema.repo_alias %}
end
