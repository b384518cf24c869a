defmodule {% context.web_module %}.ChangesetJSON do
  @doc """
  Renders changeset errors.
  """
  def error(%{changeset: changeset}) do
    # When encoded, the changeset returns its errors
    # as a JSON object. So we just pass it forward.
{%# Phoenix branches on Code.ensure_loaded?(<Web>.CoreComponents) and
    <Web>.Gettext here; in its genuine runs both are false (the task does
    not load the app: web_gen.c says why), so only that branch is ours. %}
    %{errors: Ecto.Changeset.traverse_errors(changeset, &translate_error/1)}
  end

  defp translate_error({msg, opts}) do
    # You can make use of gettext to translate error messages by
    # uncommenting and adjusting the following code:

    # if count = opts[:count] do
    #   Gettext.dngettext({% context.web_module %}.Gettext, "errors", msg, msg, count, opts)
    # else
    #   Gettext.dgettext({% context.web_module %}.Gettext, "errors", msg, opts)
    # end

    Enum.reduce(opts, msg, fn {key, value}, acc ->
      String.replace(acc, "%{#{key}}", fn _ -> to_string(value) end)
    end)
  end
end
