defmodule HelloWeb.PageHTML do
  @moduledoc """
  The pages PageController renders, one template each in `page_html/`.
  """
  use HelloWeb, :html

  embed_templates "page_html/*"
end
