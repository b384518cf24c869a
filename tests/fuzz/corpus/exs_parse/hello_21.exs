defmodule HelloWeb.ErrorHTML do
  @moduledoc """
  Renders the endpoint's errors for HTML requests; config/config.exs
  points `render_errors` here.
  """
  use HelloWeb, :html

  # Custom error pages: uncomment embed_templates/1 and add
  # templates such as
  #
  #   * lib/hello_web/controllers/error_html/404.html.heex
  #   * lib/hello_web/controllers/error_html/500.html.heex
  #
  # embed_templates "error_html/*"

  # Without templates, the page is the status message named by the
  # template: "404.html" renders "Not Found".
  def render(template, _assigns) do
    Phoenix.Controller.status_message_from_template(template)
  end
end
