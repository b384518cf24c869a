# Configuration shared by every environment, read through the Config
# module before any dependency starts. It applies to this project only.

# General application configuration
import Config

config :hello,
  ecto_repos: [Hello.Repo],
  generators: [timestamp_type: :utc_datetime]

# The endpoint
config :hello, HelloWeb.Endpoint,
  url: [host: "localhost"],
  adapter: Bandit.PhoenixAdapter,
  render_errors: [
    formats: [html: HelloWeb.ErrorHTML, json: HelloWeb.ErrorJSON],
    layout: false
  ],
  pubsub_server: Hello.PubSub,
  live_view: [signing_salt: "YWdZt8b3"]

# The mailer
#
# The Local adapter keeps sent emails in memory; in development they
# can be read in the browser at "/dev/mailbox". Production should set
# a real adapter in config/runtime.exs.
config :hello, Hello.Mailer, adapter: Swoosh.Adapters.Local

# esbuild (a version is mandatory)
config :esbuild,
  version: "0.17.11",
  hello: [
    args:
      ~w(js/app.js --bundle --target=es2017 --outdir=../priv/static/assets --external:/fonts/* --external:/images/*),
    cd: Path.expand("../assets", __DIR__),
    env: %{"NODE_PATH" => Path.expand("../deps", __DIR__)}
  ]

# tailwind (a version is mandatory)
config :tailwind,
  version: "3.4.3",
  hello: [
    args: ~w(
      --config=tailwind.config.js
      --input=css/app.css
      --output=../priv/static/assets/app.css
    ),
    cd: Path.expand("../assets", __DIR__)
  ]

# Elixir's Logger
config :logger, :console,
  format: "$time $metadata[$level] $message\n",
  metadata: [:request_id]

# Phoenix encodes and decodes JSON with Jason
config :phoenix, :json_library, Jason

# The per-environment file comes last so that it can override
# anything set above.
import_config "#{config_env()}.exs"
