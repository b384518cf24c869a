import Config
import_config "prod.exs"
