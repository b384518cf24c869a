import Config
import_config "config.exs"
