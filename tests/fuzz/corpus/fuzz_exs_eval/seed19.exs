import Config

config :broken, ecto_repos: [Broken.Repo]

config :broken, Broken.Repo,
  port: "5432",
  database: "x"

config :broken, list: [1]
