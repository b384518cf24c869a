defmodule HelloWeb.ErrorHTMLTest do
  use HelloWeb.ConnCase, async: true

  # render_to_string/4 renders a template of a view module
  import Phoenix.Template

  test "renders 404.html" do
    assert render_to_string(HelloWeb.ErrorHTML, "404", "html", []) == "Not Found"
  end

  test "renders 500.html" do
    assert render_to_string(HelloWeb.ErrorHTML, "500", "html", []) == "Internal Server Error"
  end
end
