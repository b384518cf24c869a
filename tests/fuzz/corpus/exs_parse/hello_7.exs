defmodule Hello do
  @moduledoc """
  Hello holds the contexts: the modules that define the domain and
  its business rules.

  A context owns its data wherever it lives, whether in the database,
  behind an external API or somewhere else.
  """
end
