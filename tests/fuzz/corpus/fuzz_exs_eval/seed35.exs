defmodule ShopWeb.MixProject do
  use Mix.Project
  def project, do: [app: :shop_web, version: "0.0.1"]
end
