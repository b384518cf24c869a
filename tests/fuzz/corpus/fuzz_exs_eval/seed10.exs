import Config

config :shop, Shop.Repo,
  username: "postgres",
  password: "secret",
  hostname: "localhost",
  database: "shop_dev",
  port: 5433,
  pool_size: 10,
  nested: [b: [d: 30, e: 4]],
  replaced: [3]

config :shop, ShopWeb.Endpoint, http: [port: 4000]

import_config "extra/more.exs"
