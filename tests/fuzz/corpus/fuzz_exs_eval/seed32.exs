defmodule Core.MixProject do
  use Mix.Project

  def project do
    [app: :core, version: "0.1.0", build_path: "../../_build", config_path: "../../config/config.exs"]
  end
end
