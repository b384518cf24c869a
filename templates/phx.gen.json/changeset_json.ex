defmodule {% context.web_module %}.ChangesetJSON do
  @doc """
  Renders changeset errors.
  """
  def error(%{changeset: changeset}) do
    # When encoded, the changeset returns its errors
    # as a JSON object. So we just pass it forward.
{% if web.core_components %}
    %{errors: Ecto.Changeset.traverse_errors(changeset, &{% context.web_module %}.CoreComponents.translate_error/1)}
  end
{% else %}
    %{errors: Ecto.Changeset.traverse_errors(changeset, &translate_error/1)}
  end

{% if web.gettext %}
  defp translate_error({msg, opts}) do
    # set by Ecto and indicates we should also apply plural rules.
    if count = opts[:count] do
      Gettext.dngettext({% context.web_module %}.Gettext, "errors", msg, msg, count, opts)
    else
      Gettext.dgettext({% context.web_module %}.Gettext, "errors", msg, opts)
    end
  end

{% else %}
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
{% end %}
{% end %}
end
