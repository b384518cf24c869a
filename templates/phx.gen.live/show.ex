defmodule {% web.resource %}Live.Show do
  use {% context.web_module %}, :live_view

  alias {% context.module %}

  @impl true
  def mount(_params, _session, socket) do
    {:ok, socket}
  end

  @impl true
  def handle_params(%{"id" => id}, _, socket) do
    {:noreply,
     socket
     |> assign(:page_title, page_title(socket.assigns.live_action))
     |> assign(:{% schema.singular %}, {% context.alias %}.get_{% schema.singular %}!(id))}
  end

  defp page_title(:show), do: "Show {% schema.human_singular %}"
  defp page_title(:edit), do: "Edit {% schema.human_singular %}"
end
