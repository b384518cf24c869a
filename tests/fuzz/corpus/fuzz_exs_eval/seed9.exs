import Config

config :shop,
  ecto_repos: [Shop.Repo],
  generators: [timestamp_type: :utc_datetime, binary_id: true]

config :shop, Shop.Repo,
  migration_timestamps: [type: :utc_datetime_usec],
  migration_primary_key: [name: :uuid, type: :binary_id],
  nested: [a: 1, b: [c: 2, d: 3]],
  replaced: [1, 2]

config :shop, ShopWeb.Endpoint,
  url: [host: "localhost"],
  static_dir: Path.expand("../priv/static", __DIR__)

config :phoenix, :json_library, Jason
config :phoenix, gzippable_exts: ~w(.js .css .svg)

import_config "#{config_env()}.exs"
