defmodule HelloWeb.FallbackController do
  @moduledoc """
  Turns what a controller action returned, when it is not a
  `Plug.Conn`, into a response.

  `Phoenix.Controller.action_fallback/1` explains the mechanism.
  """
  use HelloWeb, :controller

  # Errors from Ecto's insert, update and delete.
  def call(conn, {:error, %Ecto.Changeset{} = changeset}) do
    conn
    |> put_status(:unprocessable_entity)
    |> put_view(json: HelloWeb.ChangesetJSON)
    |> render(:error, changeset: changeset)
  end

  # A resource that does not exist.
  def call(conn, {:error, :not_found}) do
    conn
    |> put_status(:not_found)
    |> put_view(html: HelloWeb.ErrorHTML, json: HelloWeb.ErrorJSON)
    |> render(:"404")
  end
end
