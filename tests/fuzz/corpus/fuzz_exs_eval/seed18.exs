defmodule Bad.MixProject do
  use Mix.Project
  def project, do: [app: :bad, deps: Helper.deps()]
end
