defmodule Hello.Application do
  # OTP applications are described at
  # https://hexdocs.pm/elixir/Application.html
  @moduledoc false

  use Application

  @impl true
  def start(_type, _args) do
    children = [
      HelloWeb.Telemetry,
      Hello.Repo,
      {DNSCluster, query: Application.get_env(:hello, :dns_cluster_query) || :ignore},
      {Phoenix.PubSub, name: Hello.PubSub},
      # The HTTP client the mailer uses
      {Finch, name: Hello.Finch},
      # A worker would be started with Hello.Worker.start_link(arg):
      # {Hello.Worker, arg},
      # The endpoint serves requests; it usually starts last
      HelloWeb.Endpoint
    ]

    # Supervisor strategies and options:
    # https://hexdocs.pm/elixir/Supervisor.html
    opts = [strategy: :one_for_one, name: Hello.Supervisor]
    Supervisor.start_link(children, opts)
  end

  # Hand configuration changes to the endpoint whenever the
  # application is upgraded in place.
  @impl true
  def config_change(changed, _new, removed) do
    HelloWeb.Endpoint.config_change(changed, removed)
    :ok
  end
end
