import Config
config :broken, a: 1
import_config "missing.exs"
