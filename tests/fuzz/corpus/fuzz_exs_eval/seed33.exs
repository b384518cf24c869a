import Config

config :core, ecto_repos: [Core.Repo]
