defmodule HelloWeb.PostHTML do
  use HelloWeb, :html

  embed_templates "post_html/*"

  @doc """
  Renders a post form.
  """
  attr :changeset, Ecto.Changeset, required: true
  attr :action, :string, required: true

  def post_form(assigns)

  @doc """
  Renders a post's state as a small badge.
  """
  attr :published, :boolean, required: true

  def status_badge(assigns) do
    ~H"""
    <span class={[
      "rounded-full px-2 text-xs font-medium leading-5",
      if(@published, do: "bg-emerald-50 text-emerald-700", else: "bg-zinc-100 text-zinc-600")
    ]}>
      {if @published, do: "Published", else: "Draft"}
    </span>
    """
  end
end
