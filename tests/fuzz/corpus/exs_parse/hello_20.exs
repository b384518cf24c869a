defmodule HelloWeb.ChangesetJSON do
  @doc """
  Renders changeset errors.
  """
  def error(%{changeset: changeset}) do
    # traverse_errors/2 returns a map of field => messages, which
    # encodes directly as a JSON object.
    %{
      errors:
        Ecto.Changeset.traverse_errors(changeset, &HelloWeb.CoreComponents.translate_error/1)
    }
  end
end
