import Config

# Configure your database
#
# MIX_TEST_PARTITION lets CI split the suite across several
# databases; see `mix help test`.
config :hello, Hello.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "hello_test#{System.get_env("MIX_TEST_PARTITION")}",
  pool: Ecto.Adapters.SQL.Sandbox,
  pool_size: System.schedulers_online() * 2

# Tests talk to the endpoint directly; set `server: true` if a
# test needs a listening server.
config :hello, HelloWeb.Endpoint,
  http: [ip: {127, 0, 0, 1}, port: 4002],
  secret_key_base: "rCGQa66tWR/ImnrbTszzkgZsMb6hN2YcZ5ZH1M7fiVOTCSZiusmlW9r60QaK91wA",
  server: false

# Tests never send real emails
config :hello, Hello.Mailer, adapter: Swoosh.Adapters.Test

# Only production adapters need the Swoosh API client
config :swoosh, :api_client, false

# Warnings and errors only
config :logger, level: :warning

# Build plug pipelines at run time, which compiles faster
config :phoenix, :plug_init_mode, :runtime

# Extra runtime checks: helpful, but they cost time
config :phoenix_live_view,
  enable_expensive_runtime_checks: true
