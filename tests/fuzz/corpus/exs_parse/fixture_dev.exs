import Config

config :shop, Shop.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "shop_dev#{System.get_env("MIX_TEST_PARTITION")}",
  stacktrace: true,
  show_sensitive_data_on_connection_error: true,
  pool_size: 10

config :shop, ShopWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4000],
  check_origin: false,
  code_reloader: true,
  debug_errors: true,
  secret_key_base: "abcdefghijklmnopqrstuvwxyz0123456789",
  watchers: [
    esbuild: {Esbuild, :install_and_run, [:shop, ~w(--sourcemap=inline --watch)]},
    tailwind: {Tailwind, :install_and_run, [:shop, ~w(--watch)]}
  ]

config :shop, ShopWeb.Endpoint,
  live_reload: [
    patterns: [
      ~r"priv/static/(?!uploads/).*(js|css|png|jpeg|jpg|gif|svg)$",
      ~r"priv/gettext/.*(po)$",
      ~r"lib/shop_web/(controllers|live|components)/.*(ex|heex)$"
    ]
  ]

config :shop, dev_routes: true
config :logger, :console, format: "[$level] $message\n"
config :phoenix, :stacktrace_depth, 20
config :phoenix, :plug_init_mode, :runtime
