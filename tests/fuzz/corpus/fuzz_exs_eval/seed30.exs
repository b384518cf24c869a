import Config
config :my_app, namespace: Acme.Core
