defmodule HelloWeb do
  @moduledoc """
  The entry point for the web interface: controllers, components,
  channels, live views and so on.

  Modules use it like this:

      use HelloWeb, :controller
      use HelloWeb, :html

  Each definition below is expanded into every module that uses it,
  so keep them short: imports, uses and aliases only.

  Do NOT define functions inside the quoted expressions. Put helpers
  in their own modules and import those here instead.
  """

  def static_paths, do: ~w(assets fonts images favicon.ico robots.txt)

  def router do
    quote do
      use Phoenix.Router, helpers: false

      # Connection and controller functions for pipelines
      import Plug.Conn
      import Phoenix.Controller
      import Phoenix.LiveView.Router
    end
  end

  def channel do
    quote do
      use Phoenix.Channel
    end
  end

  def controller do
    quote do
      use Phoenix.Controller,
        formats: [:html, :json],
        layouts: [html: HelloWeb.Layouts]

      use Gettext, backend: HelloWeb.Gettext

      import Plug.Conn

      unquote(verified_routes())
    end
  end

  def live_view do
    quote do
      use Phoenix.LiveView,
        layout: {HelloWeb.Layouts, :app}

      unquote(html_helpers())
    end
  end

  def live_component do
    quote do
      use Phoenix.LiveComponent

      unquote(html_helpers())
    end
  end

  def html do
    quote do
      use Phoenix.Component

      # The few controller functions templates need
      import Phoenix.Controller,
        only: [get_csrf_token: 0, view_module: 1, view_template: 1]

      # Helpers shared by every HTML module
      unquote(html_helpers())
    end
  end

  defp html_helpers do
    quote do
      # Translations
      use Gettext, backend: HelloWeb.Gettext

      # HTML escaping
      import Phoenix.HTML
      # The core UI components
      import HelloWeb.CoreComponents

      # JS commands
      alias Phoenix.LiveView.JS

      # The ~p sigil for verified routes
      unquote(verified_routes())
    end
  end

  def verified_routes do
    quote do
      use Phoenix.VerifiedRoutes,
        endpoint: HelloWeb.Endpoint,
        router: HelloWeb.Router,
        statics: HelloWeb.static_paths()
    end
  end

  @doc """
  Dispatches `use HelloWeb, which` to the function named `which`.
  """
  defmacro __using__(which) when is_atom(which) do
    apply(__MODULE__, which, [])
  end
end
