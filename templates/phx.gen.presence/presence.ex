{%# phx.gen.presence: the presence module; otp_app and pubsub_server are
    inspected (:hello, Hello.PubSub). %}
defmodule {% module %} do
  @moduledoc """
  Provides presence tracking to channels and processes.

  See the [`Phoenix.Presence`](https://hexdocs.pm/phoenix/Phoenix.Presence.html)
  docs for more details.
  """
  use Phoenix.Presence,
    otp_app: {% otp_app %},
    pubsub_server: {% pubsub_server %}
end
