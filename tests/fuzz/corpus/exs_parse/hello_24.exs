defmodule HelloWeb.PageController do
  use HelloWeb, :controller

  def home(conn, _params) do
    # The home page has a design of its own, so it is rendered
    # without the app layout.
    render(conn, :home, layout: false)
  end
end
