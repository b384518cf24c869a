defmodule Broken.MixProject do
  use Mix.Project
  def project, do: [app: :broken]
end
