defmodule MyApp.MixProject do
  use Mix.Project
  def project, do: [app: :my_app, version: "0.0.1"]
end
