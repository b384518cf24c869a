import Config

# Imports are relative to the importing file.
config :shop, from_extra: Application.get_env(:shop, :ecto_repos)
