defmodule {% web.resource %}Live.FormComponent do
  use {% context.web_module %}, :live_component

  alias {% context.module %}

  @impl true
  def render(assigns) do
    ~H"""
    <div>
      <.header>
        {@title}
        <:subtitle>Use this form to manage {% schema.singular %} records in your database.</:subtitle>
      </.header>

      <.simple_form
        for={@form}
        id="{% schema.singular %}-form"
        phx-target={@myself}
        phx-change="validate"
        phx-submit="save"
      >
        {% include "phx.gen.html/inputs.heex" %}
        <:actions>
          <.button phx-disable-with="Saving...">Save {% schema.human_singular %}</.button>
        </:actions>
      </.simple_form>
    </div>
    """
  end

  @impl true
  def update(%{{% schema.singular %}: {% schema.singular %}} = assigns, socket) do
    {:ok,
     socket
     |> assign(assigns)
     |> assign_new(:form, fn ->
       to_form({% context.alias %}.change_{% schema.singular %}({% schema.singular %}))
     end)}
  end

  @impl true
  def handle_event("validate", %{"{% schema.singular %}" => {% schema.singular %}_params}, socket) do
    changeset = {% context.alias %}.change_{% schema.singular %}(socket.assigns.{% schema.singular %}, {% schema.singular %}_params)
    {:noreply, assign(socket, form: to_form(changeset, action: :validate))}
  end

  def handle_event("save", %{"{% schema.singular %}" => {% schema.singular %}_params}, socket) do
    save_{% schema.singular %}(socket, socket.assigns.action, {% schema.singular %}_params)
  end

  defp save_{% schema.singular %}(socket, :edit, {% schema.singular %}_params) do
    case {% context.alias %}.update_{% schema.singular %}(socket.assigns.{% schema.singular %}, {% schema.singular %}_params) do
      {:ok, {% schema.singular %}} ->
        notify_parent({:saved, {% schema.singular %}})

        {:noreply,
         socket
         |> put_flash(:info, "{% schema.human_singular %} updated successfully")
         |> push_patch(to: socket.assigns.patch)}

      {:error, %Ecto.Changeset{} = changeset} ->
        {:noreply, assign(socket, form: to_form(changeset))}
    end
  end

  defp save_{% schema.singular %}(socket, :new, {% schema.singular %}_params) do
    case {% context.alias %}.create_{% schema.singular %}({% schema.singular %}_params) do
      {:ok, {% schema.singular %}} ->
        notify_parent({:saved, {% schema.singular %}})

        {:noreply,
         socket
         |> put_flash(:info, "{% schema.human_singular %} created successfully")
         |> push_patch(to: socket.assigns.patch)}

      {:error, %Ecto.Changeset{} = changeset} ->
        {:noreply, assign(socket, form: to_form(changeset))}
    end
  end

  defp notify_parent(msg), do: send(self(), {__MODULE__, msg})
end
