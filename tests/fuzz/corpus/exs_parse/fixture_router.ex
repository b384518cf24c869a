defmodule ShopWeb.Router do
  use ShopWeb, :router

  import ShopWeb.UserAuth

  pipeline :browser do
    plug :accepts, ["html"]
    plug :fetch_session
    plug :fetch_live_flash
    plug :put_root_layout, html: {ShopWeb.Layouts, :root}
    plug :protect_from_forgery
    plug :put_secure_browser_headers, %{"content-security-policy" => "default-src 'self'"}
    plug :fetch_current_user
  end

  pipeline :api do
    plug :accepts, ["json"]
  end

  scope "/", ShopWeb do
    pipe_through :browser

    get "/", PageController, :home
    resources "/products", ProductController, except: [:delete]
    resources "/users", UserController do
      resources "/posts", PostController, only: [:index, :show], as: :entries
    end

    live_session :default, on_mount: [{ShopWeb.UserAuth, :mount_current_user}] do
      live "/cart", CartLive.Index, :index
      live "/cart/:id/edit", CartLive.Index, :edit
    end
  end

  scope "/api", ShopWeb.Api, as: :api do
    pipe_through [:api]
    get "/health", HealthController, :show, assigns: %{check: true}
    forward "/graphql", Absinthe.Plug, schema: ShopWeb.Schema
  end

  # Enable LiveDashboard in development
  if Application.compile_env(:shop, :dev_routes) do
    import Phoenix.LiveDashboard.Router

    scope "/dev" do
      pipe_through :browser

      live_dashboard "/dashboard", metrics: ShopWeb.Telemetry
      forward "/mailbox", Plug.Swoosh.MailboxPreview
    end
  end
end
