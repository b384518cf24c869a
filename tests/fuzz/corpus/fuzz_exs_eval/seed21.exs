import Config
config :broken, a: 1
config :broken, [1, 2]
