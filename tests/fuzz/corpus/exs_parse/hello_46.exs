defmodule HelloWeb.ConnCase do
  @moduledoc """
  The case template for tests that need a connection.

  It brings in `Phoenix.ConnTest` and a few helpers for building
  data and querying it.

  Database changes made by a test run in the SQL sandbox and are
  rolled back when it ends. On PostgreSQL such tests may run
  concurrently with `use HelloWeb.ConnCase, async: true`; other
  databases are best left synchronous.
  """

  use ExUnit.CaseTemplate

  using do
    quote do
      # The endpoint the test requests go to
      @endpoint HelloWeb.Endpoint

      use HelloWeb, :verified_routes

      # Connection helpers
      import Plug.Conn
      import Phoenix.ConnTest
      import HelloWeb.ConnCase
    end
  end

  setup tags do
    Hello.DataCase.setup_sandbox(tags)
    {:ok, conn: Phoenix.ConnTest.build_conn()}
  end
end
