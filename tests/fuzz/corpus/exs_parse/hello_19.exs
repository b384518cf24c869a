defmodule HelloWeb.Layouts do
  @moduledoc """
  The application's layouts, one template each in `layouts/`.

  "root" is the page skeleton, set by the router's browser pipeline.
  "app" wraps every page and is the default layout of both
  `use HelloWeb, :controller` and `use HelloWeb, :live_view`.
  """
  use HelloWeb, :html

  embed_templates "layouts/*"
end
