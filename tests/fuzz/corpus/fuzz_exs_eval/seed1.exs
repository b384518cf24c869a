import Config

# Configure your database
config :hello, Hello.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "hello_dev",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

# Development turns caching off and turns debugging and code
# reloading on. The watchers run external tools next to the
# server; here they rebuild the JavaScript and CSS bundles.
config :hello, HelloWeb.Endpoint,
  # Listen on the IPv4 loopback only, so other machines cannot connect.
  # Use `ip: {0, 0, 0, 0}` to listen on every interface.
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "p55KriNhzZQbWbqyltjaQwYeX4hoQkVLCWn2ZWUhkdAbStjgcv7hXWF7t7y4eHdd",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:hello, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:hello, ~w(--watch)]}
  ]

# ## HTTPS in development
#
# `mix phx.gen.cert` creates a self-signed certificate; see
# `mix help phx.gen.cert`. The `http:` entry above can then be
# replaced (or joined) by:
#
#     https: [
#       port: 4001,
#       cipher_suite: :strong,
#       keyfile: "priv/cert/selfsigned_key.pem",
#       certfile: "priv/cert/selfsigned.pem"
#     ],

# Reload the browser when static files or templates change.
config :hello, HelloWeb.Endpoint,
  live_reload: [
    patterns: [
      ~r"priv/static/(?!uploads/).*(js|css|png|jpeg|jpg|gif|svg)$",
      ~r"priv/gettext/.*(po)$",
      ~r"lib/hello_web/(controllers|live|components)/.*(ex|heex)$"
    ]
  ]

# The LiveDashboard and mailbox routes
config :hello, dev_routes: true

# Plain development logs: no metadata, no timestamps
config :logger, :console, format: "[$level] $message\n"

# Deeper stacktraces while developing; building them is too costly
# for production.
config :phoenix, :stacktrace_depth, 20

# Build plug pipelines at run time, which compiles faster
config :phoenix, :plug_init_mode, :runtime

config :phoenix_live_view,
  # Annotate rendered markup with the template and its location.
  # A change here needs `mix clean` and a full recompile.
  debug_heex_annotations: true,
  debug_tags_location: true,
  # Extra runtime checks: helpful, but they cost time
  enable_expensive_runtime_checks: true

# Only production adapters need the Swoosh API client.
config :swoosh, :api_client, false
