defmodule {% context.web_module %}.{% auth.scoped %}SettingsLive do
  use {% context.web_module %}, :live_view

  alias {% context.module %}

  def render(assigns) do
    ~H"""
    <.header class="text-center">
      Account Settings
      <:subtitle>Manage your account email address and password settings</:subtitle>
    </.header>

    <div class="space-y-12 divide-y">
      <div>
        <.simple_form
          for={@email_form}
          id="email_form"
          phx-submit="update_email"
          phx-change="validate_email"
        >
          <.input field={@email_form[:email]} type="email" label="Email" required />
          <.input
            field={@email_form[:current_password]}
            name="current_password"
            id="current_password_for_email"
            type="password"
            label="Current password"
            value={@email_form_current_password}
            required
          />
          <:actions>
            <.button phx-disable-with="Changing...">Change Email</.button>
          </:actions>
        </.simple_form>
      </div>
      <div>
        <.simple_form
          for={@password_form}
          id="password_form"
          action={~p"{% schema.route_prefix %}/log_in?_action=password_updated"}
          method="post"
          phx-change="validate_password"
          phx-submit="update_password"
          phx-trigger-action={@trigger_submit}
        >
          <input
            name={@password_form[:email].name}
            type="hidden"
            id="hidden_{% schema.singular %}_email"
            value={@current_email}
          />
          <.input field={@password_form[:password]} type="password" label="New password" required />
          <.input
            field={@password_form[:password_confirmation]}
            type="password"
            label="Confirm new password"
          />
          <.input
            field={@password_form[:current_password]}
            name="current_password"
            type="password"
            label="Current password"
            id="current_password_for_password"
            value={@current_password}
            required
          />
          <:actions>
            <.button phx-disable-with="Changing...">Change Password</.button>
          </:actions>
        </.simple_form>
      </div>
    </div>
    """
  end

  def mount(%{"token" => token}, _session, socket) do
    socket =
      case {% context.alias %}.update_{% schema.singular %}_email(socket.assigns.current_{% schema.singular %}, token) do
        :ok ->
          put_flash(socket, :info, "Email changed successfully.")

        :error ->
          put_flash(socket, :error, "Email change link is invalid or it has expired.")
      end

    {:ok, push_navigate(socket, to: ~p"{% schema.route_prefix %}/settings")}
  end

  def mount(_params, _session, socket) do
    {% schema.singular %} = socket.assigns.current_{% schema.singular %}
    email_changeset = {% context.alias %}.change_{% schema.singular %}_email({% schema.singular %})
    password_changeset = {% context.alias %}.change_{% schema.singular %}_password({% schema.singular %})

    socket =
      socket
      |> assign(:current_password, nil)
      |> assign(:email_form_current_password, nil)
      |> assign(:current_email, {% schema.singular %}.email)
      |> assign(:email_form, to_form(email_changeset))
      |> assign(:password_form, to_form(password_changeset))
      |> assign(:trigger_submit, false)

    {:ok, socket}
  end

  def handle_event("validate_email", params, socket) do
    %{"current_password" => password, "{% schema.singular %}" => {% schema.singular %}_params} = params

    email_form =
      socket.assigns.current_{% schema.singular %}
      |> {% context.alias %}.change_{% schema.singular %}_email({% schema.singular %}_params)
      |> Map.put(:action, :validate)
      |> to_form()

    {:noreply, assign(socket, email_form: email_form, email_form_current_password: password)}
  end

  def handle_event("update_email", params, socket) do
    %{"current_password" => password, "{% schema.singular %}" => {% schema.singular %}_params} = params
    {% schema.singular %} = socket.assigns.current_{% schema.singular %}

    case {% context.alias %}.apply_{% schema.singular %}_email({% schema.singular %}, password, {% schema.singular %}_params) do
      {:ok, applied_{% schema.singular %}} ->
        {% context.alias %}.deliver_{% schema.singular %}_update_email_instructions(
          applied_{% schema.singular %},
          {% schema.singular %}.email,
          &url(~p"{% schema.route_prefix %}/settings/confirm_email/#{&1}")
        )

        info = "A link to confirm your email change has been sent to the new address."
        {:noreply, socket |> put_flash(:info, info) |> assign(email_form_current_password: nil)}

      {:error, changeset} ->
        {:noreply, assign(socket, :email_form, to_form(Map.put(changeset, :action, :insert)))}
    end
  end

  def handle_event("validate_password", params, socket) do
    %{"current_password" => password, "{% schema.singular %}" => {% schema.singular %}_params} = params

    password_form =
      socket.assigns.current_{% schema.singular %}
      |> {% context.alias %}.change_{% schema.singular %}_password({% schema.singular %}_params)
      |> Map.put(:action, :validate)
      |> to_form()

    {:noreply, assign(socket, password_form: password_form, current_password: password)}
  end

  def handle_event("update_password", params, socket) do
    %{"current_password" => password, "{% schema.singular %}" => {% schema.singular %}_params} = params
    {% schema.singular %} = socket.assigns.current_{% schema.singular %}

    case {% context.alias %}.update_{% schema.singular %}_password({% schema.singular %}, password, {% schema.singular %}_params) do
      {:ok, {% schema.singular %}} ->
        password_form =
          {% schema.singular %}
          |> {% context.alias %}.change_{% schema.singular %}_password({% schema.singular %}_params)
          |> to_form()

        {:noreply, assign(socket, trigger_submit: true, password_form: password_form)}

      {:error, changeset} ->
        {:noreply, assign(socket, password_form: to_form(changeset))}
    end
  end
end
