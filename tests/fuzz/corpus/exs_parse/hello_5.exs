import Config

# config/runtime.exs runs in every environment, releases included,
# after compilation and just before the system boots. That makes it
# the place to read production settings and secrets from the
# environment. Compile-time settings put here would have no effect.
# Only the prod block below is specific to one environment.

# ## Releases
#
# A release only starts the web server when PHX_SERVER is set:
#
#     PHX_SERVER=true bin/hello start
#
# `mix phx.gen.release` writes a `bin/server` script that sets it.
if System.get_env("PHX_SERVER") do
  config :hello, HelloWeb.Endpoint, server: true
end

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise """
      environment variable DATABASE_URL is missing.
      For example: ecto://USER:PASS@HOST/DATABASE
      """

  maybe_ipv6 = if System.get_env("ECTO_IPV6") in ~w(true 1), do: [:inet6], else: []

  config :hello, Hello.Repo,
    # ssl: true,
    url: database_url,
    pool_size: String.to_integer(System.get_env("POOL_SIZE") || "10"),
    socket_options: maybe_ipv6

  # secret_key_base signs and encrypts cookies and other secrets.
  # dev.exs and test.exs carry fixed values; production takes its
  # own from the environment so that it never lands in the repository.
  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      raise """
      environment variable SECRET_KEY_BASE is missing.
      You can generate one by calling: mix phx.gen.secret
      """

  host = System.get_env("PHX_HOST") || "example.com"
  port = String.to_integer(System.get_env("PORT") || "4000")

  config :hello, :dns_cluster_query, System.get_env("DNS_CLUSTER_QUERY")

  config :hello, HelloWeb.Endpoint,
    url: [host: host, port: 443, scheme: "https"],
    http: [
      # Listen on every interface, IPv6 included.
      # {0, 0, 0, 0, 0, 0, 0, 1} restricts it to the local machine;
      # https://hexdocs.pm/bandit/Bandit.html#t:options/0 covers
      # IPv6 versus IPv4 and loopback versus public addresses.
      ip: {0, 0, 0, 0, 0, 0, 0, 0},
      port: port
    ],
    secret_key_base: secret_key_base

  # ## HTTPS
  #
  # Add an `https` entry to the endpoint:
  #
  #     config :hello, HelloWeb.Endpoint,
  #       https: [
  #         ...,
  #         port: 443,
  #         cipher_suite: :strong,
  #         keyfile: System.get_env("SOME_APP_SSL_KEY_PATH"),
  #         certfile: System.get_env("SOME_APP_SSL_CERT_PATH")
  #       ]
  #
  # `:strong` allows only recent ciphers, which shuts out old
  # browsers; `:compatible` is the wider choice. Key and certificate
  # paths are absolute or relative to priv ("priv/ssl/server.key");
  # https://hexdocs.pm/plug/Plug.SSL.html#configure/1 lists the
  # options. To redirect all plain HTTP to HTTPS, set in prod.exs:
  #
  #     config :hello, HelloWeb.Endpoint,
  #       force_ssl: [hsts: true]

  # ## The mailer
  #
  # Production needs a real adapter, and unless it is SMTP, an API
  # client for Swoosh, for example:
  #
  #     config :hello, Hello.Mailer,
  #       adapter: Swoosh.Adapters.Mailgun,
  #       api_key: System.get_env("MAILGUN_API_KEY"),
  #       domain: System.get_env("MAILGUN_DOMAIN")
  #
  #     config :swoosh, :api_client, Swoosh.ApiClient.Hackney
  #
  # https://hexdocs.pm/swoosh/Swoosh.html#module-installation has details.
end
