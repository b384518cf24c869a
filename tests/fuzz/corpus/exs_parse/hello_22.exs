defmodule HelloWeb.ErrorJSON do
  @moduledoc """
  Renders the endpoint's errors for JSON requests; config/config.exs
  points `render_errors` here.
  """

  # A clause per status code customises its body, e.g.
  #
  # def render("500.json", _assigns) do
  #   %{errors: %{detail: "Internal Server Error"}}
  # end

  # Otherwise the detail is the status message named by the
  # template: "404.json" gives "Not Found".
  def render(template, _assigns) do
    %{errors: %{detail: Phoenix.Controller.status_message_from_template(template)}}
  end
end
