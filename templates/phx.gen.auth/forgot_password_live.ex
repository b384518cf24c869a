defmodule {% context.web_module %}.{% auth.scoped %}ForgotPasswordLive do
  use {% context.web_module %}, :live_view

  alias {% context.module %}

  def render(assigns) do
    ~H"""
    <div class="mx-auto max-w-sm">
      <.header class="text-center">
        Forgot your password?
        <:subtitle>We'll send a password reset link to your inbox</:subtitle>
      </.header>

      <.simple_form for={@form} id="reset_password_form" phx-submit="send_email">
        <.input field={@form[:email]} type="email" placeholder="Email" required />
        <:actions>
          <.button phx-disable-with="Sending..." class="w-full">
            Send password reset instructions
          </.button>
        </:actions>
      </.simple_form>
      <p class="text-center text-sm mt-4">
        <.link href={~p"{% schema.route_prefix %}/register"}>Register</.link>
        | <.link href={~p"{% schema.route_prefix %}/log_in"}>Log in</.link>
      </p>
    </div>
    """
  end

  def mount(_params, _session, socket) do
    {:ok, assign(socket, form: to_form(%{}, as: "{% schema.singular %}"))}
  end

  def handle_event("send_email", %{"{% schema.singular %}" => %{"email" => email}}, socket) do
    if {% schema.singular %} = {% context.alias %}.get_{% schema.singular %}_by_email(email) do
      {% context.alias %}.deliver_{% schema.singular %}_reset_password_instructions(
        {% schema.singular %},
        &url(~p"{% schema.route_prefix %}/reset_password/#{&1}")
      )
    end

    info =
      "If your email is in our system, you will receive instructions to reset your password shortly."

    {:noreply,
     socket
     |> put_flash(:info, info)
     |> redirect(to: ~p"/")}
  end
end
