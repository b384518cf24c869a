import Config
config :broken, a: [1, 2
