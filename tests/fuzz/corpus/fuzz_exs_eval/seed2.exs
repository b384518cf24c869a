import Config

# The cache manifest maps each static file to its digested name.
# `mix assets.deploy` writes it (its last step is `mix phx.digest`);
# build the assets and run it before starting the production server.
config :hello, HelloWeb.Endpoint, cache_static_manifest: "priv/static/cache_manifest.json"

# Production mail goes through Finch
config :swoosh, api_client: Swoosh.ApiClient.Finch, finch_name: Hello.Finch

# No in-memory mailbox in production
config :swoosh, local: false

# No debug messages in production
config :logger, level: :info

# Anything read from the environment at boot belongs in
# config/runtime.exs.
