defmodule HelloWeb.Router do
  use HelloWeb, :router

  pipeline :browser do
    plug :accepts, ["html"]
    plug :fetch_session
    plug :fetch_live_flash
    plug :put_root_layout, html: {HelloWeb.Layouts, :root}
    plug :protect_from_forgery
    plug :put_secure_browser_headers
  end

  pipeline :api do
    plug :accepts, ["json"]
  end

  scope "/", HelloWeb do
    pipe_through :browser

    get "/", PageController, :home
    resources "/posts", PostController

    live "/products", ProductLive.Index, :index
    live "/products/:id", ProductLive.Show, :show
  end

  scope "/api", HelloWeb do
    pipe_through :api

    resources "/users", UserController, except: [:new, :edit]
  end

  # LiveDashboard and the Swoosh mailbox preview, in development only
  if Application.compile_env(:hello, :dev_routes) do
    # Before exposing the dashboard in production, put it behind
    # authentication that only admins pass; Plug.BasicAuth over SSL
    # is enough while the app has no admin area of its own.
    import Phoenix.LiveDashboard.Router

    scope "/dev" do
      pipe_through :browser

      live_dashboard "/dashboard", metrics: HelloWeb.Telemetry
      forward "/mailbox", Plug.Swoosh.MailboxPreview
    end
  end
end
