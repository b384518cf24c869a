defmodule Hello.DataCase do
  @moduledoc """
  The case template for tests of the data layer.

  Helpers shared by those tests belong here.

  Database changes made by a test run in the SQL sandbox and are
  rolled back when it ends. On PostgreSQL such tests may run
  concurrently with `use Hello.DataCase, async: true`; other
  databases are best left synchronous.
  """

  use ExUnit.CaseTemplate

  using do
    quote do
      alias Hello.Repo

      import Ecto
      import Ecto.Changeset
      import Ecto.Query
      import Hello.DataCase
    end
  end

  setup tags do
    Hello.DataCase.setup_sandbox(tags)
    :ok
  end

  @doc """
  Checks out a sandbox connection for the test; async tests get a
  private one, the others share it.
  """
  def setup_sandbox(tags) do
    pid = Ecto.Adapters.SQL.Sandbox.start_owner!(Hello.Repo, shared: not tags[:async])
    on_exit(fn -> Ecto.Adapters.SQL.Sandbox.stop_owner(pid) end)
  end

  @doc """
  Turns a changeset's errors into a map of field => messages, with
  the %{...} placeholders filled in.

      assert {:error, changeset} = Accounts.create_user(%{email: "nope"})
      assert "must have the @ sign and no spaces" in errors_on(changeset).email
      assert %{email: ["must have the @ sign and no spaces"]} = errors_on(changeset)

  """
  def errors_on(changeset) do
    Ecto.Changeset.traverse_errors(changeset, fn {message, opts} ->
      Regex.replace(~r"%{(\w+)}", message, fn _, key ->
        opts |> Keyword.get(String.to_existing_atom(key), key) |> to_string()
      end)
    end)
  end
end
